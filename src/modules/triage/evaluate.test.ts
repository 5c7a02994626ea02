import { describe, expect, it } from 'vitest';
import { crossValidate, evaluateClassifier } from './evaluate.ts';
import { generateSyntheticDocs } from './synthetic-docs.ts';

const docs = generateSyntheticDocs(30, 5);
const options = { selectedFeatures: 400, calibrationFolds: 2 };

describe('crossValidate', () => {
  const cv = crossValidate(docs, 3, 9, options);

  it('predicts every document exactly once', () => {
    const total = cv.report.confusion.flat().reduce((s, v) => s + v, 0);
    expect(total).toBe(docs.length);
    expect(cv.folds).toHaveLength(3);
    expect(cv.report.perClass.map((m) => m.support)).toEqual([30, 30, 30, 30]);
  });

  it('scores well on separable synthetic categories, with honest probabilities', () => {
    expect(cv.report.macroF1).toBeGreaterThan(0.9);
    expect(cv.macroF1Mean).toBeGreaterThan(0.9);
    expect(cv.logLoss).toBeLessThan(Math.log(4));
    expect(cv.calibrationError).toBeLessThan(0.2);
    expect(cv.featureCount).toBe(400);
  });

  it('is deterministic for a seed', () => {
    expect(crossValidate(docs, 3, 9, options).report).toEqual(cv.report);
  });
});

describe('evaluateClassifier', () => {
  it('trains on one part and reports on the other, including labels unseen in training', () => {
    const test = [...generateSyntheticDocs(5, 6), { title: '新类别', content: '从未见过', label: '其他' }];
    const result = evaluateClassifier(docs, test, options);
    expect(result.report.labels).toContain('其他');
    expect(result.report.perClass.find((m) => m.label === '其他')!.recall).toBe(0);
    expect(result.report.accuracy).toBeGreaterThan(0.8);
    expect(result.predictMilliseconds).toBeGreaterThan(0);
    expect(result.model.labels).not.toContain('其他');
  });
});
