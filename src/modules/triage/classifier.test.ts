import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { predict, trainClassifier } from './classifier.ts';
import { deserializeModel, serializeModel } from './model-codec.ts';
import { generateSyntheticDocs, SYNTHETIC_LABELS } from './synthetic-docs.ts';

const docs = generateSyntheticDocs(40);
const options = { selectedFeatures: 500, seed: 3 };
const model = trainClassifier(docs, options);

describe('trainClassifier and predict', () => {
  it('learns the categories and ranks every one with probabilities that sum to 1', () => {
    const ranked = predict(model, { title: '舞阳县公交车晚点', content: '公交站台没有公交车，红绿灯也坏了' });
    expect(ranked[0]!.label).toBe('交通运输');
    expect(ranked.map((r) => r.label).sort()).toEqual(SYNTHETIC_LABELS);
    expect(ranked.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 9);
    for (let i = 1; i < ranked.length; i++)
      expect(ranked[i - 1]!.probability).toBeGreaterThanOrEqual(ranked[i]!.probability);
  });

  it('classifies a request without a title and one with unknown words only', () => {
    expect(predict(model, { content: '老板拖欠工资三个月，社保也没交' })[0]!.label).toBe('劳动和社会保障');
    const unknown = predict(model, { content: 'xyz' });
    expect(unknown.reduce((s, r) => s + r.probability, 0)).toBeCloseTo(1, 9);
  });

  it('keeps the χ²-selected number of features and fits a temperature', () => {
    expect(model.vocabulary.keys.length).toBe(500);
    expect(model.temperature).toBeGreaterThan(0);
    expect(model.labelCounts).toEqual([40, 40, 40, 40]);
  });

  it('is deterministic for a seed', () => {
    expect(serializeModel(trainClassifier(docs, options))).toEqual(serializeModel(model));
  });

  it('refuses training data with a single category', () => {
    const one = docs.filter((d) => d.label === '教育文体');
    expect(() => trainClassifier(one)).toThrow(AppError);
  });

  it('trains with the naive Bayes learner, NB-SVM scaling, class weights and no calibration', () => {
    for (const variant of [
      { learner: 'complement-naive-bayes' as const },
      { naiveBayesScaling: true },
      { classWeight: 'none' as const, calibrationFolds: 0 },
    ]) {
      const other = trainClassifier(docs, { ...options, ...variant });
      expect(predict(other, { content: '幼儿园招生，学位不够，老师说要等' })[0]!.label).toBe('教育文体');
    }
  });
});

describe('serializeModel and deserializeModel', () => {
  const bytes = serializeModel(model);

  it('round-trips to a model that predicts the same probabilities', () => {
    const restored = deserializeModel(bytes);
    const input = { title: '湖滨区噪音', content: '工地噪音，晚上排污，臭味很大' };
    expect(predict(restored, input)).toEqual(predict(model, input));
    expect(restored.labels).toEqual(model.labels);
  });

  it('reads a copy at an unaligned offset, as a database driver may hand it over', () => {
    const padded = new Uint8Array(bytes.length + 1);
    padded.set(bytes, 1);
    expect(deserializeModel(padded.subarray(1)).vocabulary.keys).toEqual(model.vocabulary.keys);
  });

  it('rejects foreign, truncated and future-format bytes', () => {
    expect(() => deserializeModel(Buffer.from('not a model'))).toThrow(AppError);
    expect(() => deserializeModel(bytes.subarray(0, bytes.length - 10))).toThrow(AppError);
    const future = Buffer.from(bytes);
    future.writeUInt16LE(99, 4);
    expect(() => deserializeModel(future)).toThrow(/format 99/);
  });
});
