import { describe, expect, it } from 'vitest';
import { DEMO_CATEGORY_KEYWORDS } from './category-keywords.ts';
import { demoCategoryLeaves } from './city-data.ts';

describe('demo category keywords', () => {
  const leaves = demoCategoryLeaves().map((l) => l.category);
  it('gives every leaf of the demo catalogue the words citizens use, and names no other code', () => {
    for (const leaf of leaves)
      expect(DEMO_CATEGORY_KEYWORDS[leaf.code]?.length, leaf.code).toBeGreaterThan(0);
    const codes = new Set(leaves.map((l) => l.code));
    expect(Object.keys(DEMO_CATEGORY_KEYWORDS).filter((c) => !codes.has(c))).toEqual([]);
  });
  it('finds 餐饮油烟 by 烧烤', () => {
    const hit = leaves.filter((l) => DEMO_CATEGORY_KEYWORDS[l.code]!.includes('烧烤'));
    expect(hit.map((l) => l.name)).toEqual(['餐饮油烟']);
  });
  it('keeps each keyword within the API limits (1–20 characters, at most 30 a category)', () => {
    for (const ks of Object.values(DEMO_CATEGORY_KEYWORDS)) {
      expect(ks.length).toBeLessThanOrEqual(30);
      for (const k of ks) {
        expect(k.length).toBeGreaterThan(0);
        expect(k.length).toBeLessThanOrEqual(20);
      }
    }
  });
});
