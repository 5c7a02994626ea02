import { describe, expect, it } from 'vitest';
import { computeTemperatureLoss, fitTemperature, softmax } from './calibration.ts';
import { createRandom } from './random.ts';

describe('softmax', () => {
  it('sums to one, keeps the order and survives large scores', () => {
    const p = softmax([1000, 999, 0]);
    expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 12);
    expect(p[0]!).toBeGreaterThan(p[1]!);
    expect(p[2]!).toBeGreaterThanOrEqual(0);
  });

  it('flattens with a higher temperature', () => {
    expect(softmax([2, 0], 10)[0]!).toBeLessThan(softmax([2, 0], 1)[0]!);
  });
});

describe('fitTemperature', () => {
  it('recovers the temperature the labels were drawn with', () => {
    const K = 4;
    const n = 4000;
    const random = createRandom(11);
    const scores = new Float64Array(n * K);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < K; c++) scores[i * K + c] = random.next() * 4;
      const p = softmax(scores.subarray(i * K, (i + 1) * K), 0.5);
      let u = random.next();
      let label = 0;
      while (label < K - 1 && u > p[label]!) u -= p[label++]!;
      labels[i] = label;
    }
    const fitted = fitTemperature(scores, labels, K);
    expect(fitted).toBeGreaterThan(0.4);
    expect(fitted).toBeLessThan(0.6);
    expect(computeTemperatureLoss(scores, labels, K, fitted)).toBeLessThan(
      computeTemperatureLoss(scores, labels, K, 1),
    );
  });

  it('returns 1 when there is nothing to fit', () => {
    expect(fitTemperature(new Float64Array(0), new Int32Array(0), 3)).toBe(1);
  });
});
