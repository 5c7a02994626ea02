import { describe, expect, it } from 'vitest';
import { Bm25Index } from './bm25.ts';

const tf = (...terms: string[]) => {
  const m = new Map<string, number>();
  for (const x of terms) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
};

function scores(index: Bm25Index<string>, ...q: string[]): Map<string, number> {
  const s = new Float64Array(index.slots);
  index.scoreInto(tf(...q), 1, s);
  const out = new Map<string, number>();
  s.forEach((v, slot) => v > 0 && out.set(index.keyOf(slot)!, v));
  return out;
}

describe('Bm25Index', () => {
  it('scores by the Okapi formula with Lucene’s IDF', () => {
    const ix = new Bm25Index<string>({ k1: 1.2, b: 0.75 });
    ix.add('a', tf('路灯', '不亮', '路灯'));
    ix.add('b', tf('社保', '补办'));
    const idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    const avg = (3 + 2) / 2;
    const expected = (idf * 2 * 2.2) / (2 + 1.2 * (1 - 0.75 + (0.75 * 3) / avg));
    expect(scores(ix, '路灯').get('a')).toBeCloseTo(expected, 10);
    expect(scores(ix, '路灯').has('b')).toBe(false);
  });

  it('replaces and removes documents, keeping df and lengths exact', () => {
    const ix = new Bm25Index<string>({ k1: 1.2, b: 0.75 });
    ix.add('a', tf('路灯'));
    ix.add('b', tf('路灯', '井盖'));
    ix.add('a', tf('井盖'));
    expect(ix.size).toBe(2);
    expect(ix.docFrequency('路灯')).toBe(1);
    expect(ix.docFrequency('井盖')).toBe(2);
    ix.remove('b');
    expect(ix.docFrequency('路灯')).toBe(0);
    expect([...scores(ix, '井盖').keys()]).toEqual(['a']);
    expect(ix.deadShare).toBeCloseTo(2 / 3);
    ix.remove('missing');
    expect(ix.size).toBe(1);
  });

  it('skips terms held by more than maxShare of the documents', () => {
    const ix = new Bm25Index<string>({ k1: 1.2, b: 0.75 });
    ix.add('a', tf('反映', '路灯'));
    ix.add('b', tf('反映'));
    const s = new Float64Array(ix.slots);
    ix.scoreInto(tf('反映', '路灯'), 1, s, 0.5);
    expect(s[1]).toBe(0);
    expect(s[0]).toBeGreaterThan(0);
  });
});
