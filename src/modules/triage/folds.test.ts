import { describe, expect, it } from 'vitest';
import { assignStratifiedFolds, splitStratified } from './folds.ts';

const labels = [...Array(50).fill(0), ...Array(20).fill(1), ...Array(7).fill(2)];

describe('assignStratifiedFolds', () => {
  it('spreads every class evenly over the folds', () => {
    const folds = assignStratifiedFolds(labels, 5, 1);
    for (const [label, size] of [
      [0, 50],
      [1, 20],
      [2, 7],
    ] as const) {
      const perFold = [0, 1, 2, 3, 4].map(
        (f) => labels.filter((l, i) => l === label && folds[i] === f).length,
      );
      expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
      expect(perFold.reduce((s, v) => s + v, 0)).toBe(size);
    }
    const sizes = [0, 1, 2, 3, 4].map((f) => folds.filter((x) => x === f).length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(assignStratifiedFolds(labels, 5, 1)).toEqual(assignStratifiedFolds(labels, 5, 1));
    expect(assignStratifiedFolds(labels, 5, 1)).not.toEqual(assignStratifiedFolds(labels, 5, 2));
  });

  it('rejects fewer than two folds', () => {
    expect(() => assignStratifiedFolds(labels, 1, 1)).toThrow();
  });
});

describe('splitStratified', () => {
  it('puts the test fraction of every class aside, each item exactly once', () => {
    const { train, test } = splitStratified(labels, 0.3, 3);
    expect(test.filter((i) => labels[i] === 0)).toHaveLength(15);
    expect(test.filter((i) => labels[i] === 1)).toHaveLength(6);
    expect(test.filter((i) => labels[i] === 2)).toHaveLength(2);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
  });
});
