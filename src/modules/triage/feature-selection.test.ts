import { describe, expect, it } from 'vitest';
import { computeChiSquare, restrictVocabulary, selectTopColumns } from './feature-selection.ts';
import { indexKeys } from './features.ts';
import { getInt } from './int-table.ts';
import { stackRows } from './sparse.ts';

describe('computeChiSquare', () => {
  it('ranks a column that marks a class above one that occurs everywhere', () => {
    // Column 0 appears only in class 0; column 1 in every row; column 2 nowhere.
    const rows = [0, 0, 1, 1].map((label) => ({
      indices: Int32Array.from(label === 0 ? [0, 1] : [1]),
      values: Float32Array.from(label === 0 ? [1, 1] : [1]),
    }));
    const scores = computeChiSquare(stackRows(rows, 3), Int32Array.from([0, 0, 1, 1]), 2);
    expect(scores[0]!).toBeCloseTo(4, 12);
    expect(scores[1]!).toBe(0);
    expect(scores[2]!).toBe(0);
    expect(Array.from(selectTopColumns(scores, 1))).toEqual([0]);
  });
});

describe('selectTopColumns and restrictVocabulary', () => {
  it('keeps the best columns in ascending order and re-indexes the vocabulary', () => {
    const columns = selectTopColumns(Float64Array.from([0.1, 5, 3, 5]), 3);
    expect(Array.from(columns)).toEqual([1, 2, 3]);
    expect(selectTopColumns(Float64Array.from([1, 2]), 0)).toHaveLength(2);
    const keys = Int32Array.from([11, 22, 33, 44]);
    const vocabulary = { keys, idf: Float32Array.from([1, 2, 3, 4]), columnOf: indexKeys(keys) };
    const restricted = restrictVocabulary(vocabulary, columns);
    expect(Array.from(restricted.idf)).toEqual([2, 3, 4]);
    expect(getInt(restricted.columnOf, 44)).toBe(2);
    expect(getInt(restricted.columnOf, 11)).toBe(-1);
  });
});
