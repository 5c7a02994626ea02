import { describe, expect, it } from 'vitest';
import { computeCalibrationError, computeConfusion, computeLogLoss, computeReport } from './metrics.ts';

describe('computeReport', () => {
  // Worked by hand: a has P 2/3 R 2/3, b has P 1/2 R 1/2, c has P 1 R 1.
  const actual = ['a', 'a', 'a', 'b', 'b', 'c'];
  const predicted = ['a', 'a', 'b', 'b', 'a', 'c'];
  const report = computeReport(actual, predicted);

  it('computes accuracy and the confusion matrix', () => {
    expect(report.accuracy).toBeCloseTo(4 / 6, 12);
    expect(report.labels).toEqual(['a', 'b', 'c']);
    expect(report.confusion).toEqual([
      [2, 1, 0],
      [1, 1, 0],
      [0, 0, 1],
    ]);
  });

  it('computes per-class precision, recall, F1 and macro-F1 as the mean of 2PR/(P+R)', () => {
    const [a, b, c] = report.perClass;
    expect(a).toMatchObject({ label: 'a', support: 3 });
    expect(a!.precision).toBeCloseTo(2 / 3, 12);
    expect(a!.recall).toBeCloseTo(2 / 3, 12);
    expect(b!.f1).toBeCloseTo(0.5, 12);
    expect(c!.f1).toBe(1);
    expect(report.macroF1).toBeCloseTo((2 / 3 + 0.5 + 1) / 3, 12);
  });

  it('gives F1 0 to a class that is never predicted', () => {
    const r = computeReport(['a', 'b'], ['a', 'a']);
    expect(r.perClass[1]).toMatchObject({ label: 'b', precision: 0, recall: 0, f1: 0 });
    expect(r.macroF1).toBeCloseTo((2 / 3 + 0) / 2, 12);
  });

  it('leaves out of macro-F1 a listed class that neither occurs nor is predicted', () => {
    const r = computeReport(['a', 'b'], ['a', 'b'], ['a', 'b', 'z']);
    expect(r.macroF1).toBe(1);
    expect(r.perClass[2]).toMatchObject({ label: 'z', support: 0 });
  });

  it('rejects mismatched lengths and unknown labels', () => {
    expect(() => computeReport(['a'], [])).toThrow();
    expect(() => computeConfusion(['a'], ['q'], ['a'])).toThrow(/unknown label/);
  });
});

describe('computeLogLoss', () => {
  it('is the mean negative log probability of the true class', () => {
    expect(computeLogLoss([1, 0.5])).toBeCloseTo(Math.log(2) / 2, 12);
    expect(Number.isFinite(computeLogLoss([0]))).toBe(true);
  });
});

describe('computeCalibrationError', () => {
  it('is 0 when confidence matches accuracy and the gap otherwise', () => {
    expect(computeCalibrationError([0.5, 0.5], [true, false])).toBeCloseTo(0, 12);
    expect(computeCalibrationError([0.9, 0.9], [false, false])).toBeCloseTo(0.9, 12);
    expect(computeCalibrationError([], [])).toBe(0);
  });
});
