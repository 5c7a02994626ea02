import { describe, expect, it } from 'vitest';
import { addInt, createIntTable, forEachInt, getInt, setInt } from './int-table.ts';
import { blockOfTermKey, hashString, makeTermKey } from './term-hash.ts';

describe('IntTable', () => {
  it('stores, adds and grows past its initial capacity', () => {
    const table = createIntTable(4);
    for (let key = 1; key <= 5000; key++) setInt(table, key * 7919, key);
    for (let key = 1; key <= 5000; key++) addInt(table, key * 7919, 1);
    expect(table.size).toBe(5000);
    expect(getInt(table, 7919 * 4321)).toBe(4322);
    expect(getInt(table, 3)).toBe(-1);
    expect(getInt(table, 3, 99)).toBe(99);
    let sum = 0;
    forEachInt(table, (_, value) => (sum += value));
    expect(sum).toBe((5000 * 5001) / 2 + 5000);
  });

  it('handles negative keys and refuses key 0', () => {
    const table = createIntTable();
    addInt(table, -5, 2);
    addInt(table, -5, 3);
    expect(getInt(table, -5)).toBe(5);
    expect(() => setInt(table, 0, 1)).toThrow();
  });
});

describe('term keys', () => {
  it('carry their block and are never 0', () => {
    for (let block = 0; block < 3; block++) {
      const key = makeTermKey(block, hashString('物业', block));
      expect(blockOfTermKey(key)).toBe(block);
      expect(makeTermKey(block, 0)).not.toBe(0);
    }
    expect(hashString('物业', 1)).toBe(hashString('物业', 1));
    expect(hashString('物业', 1)).not.toBe(hashString('物业', 2));
  });
});
