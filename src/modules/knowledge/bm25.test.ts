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

function cosines(index: Bm25Index<string>, query: Map<string, number>, maxShare = 1): Map<string, number> {
  const s = new Float64Array(index.slots);
  index.cosineInto(query, 1, s, maxShare);
  const out = new Map<string, number>();
  s.forEach((v, slot) => index.keyOf(slot) !== undefined && out.set(index.keyOf(slot)!, v));
  return out;
}

describe('Bm25Index.cosineInto (tf-idf cosine on the same postings)', () => {
  it('is the cosine of (1 + ln tf) · idf vectors', () => {
    const ix = new Bm25Index<string>({ k1: 1.2, b: 0.75 });
    ix.add('a', tf('路灯', '路灯', '不亮'));
    ix.add('b', tf('路灯', '井盖'));
    ix.add('c', tf('社保'));
    const idf = (n: number) => Math.log(1 + (3 - n + 0.5) / (n + 0.5));
    // a = (路灯: (1 + ln 2) · idf(2), 不亮: idf(1)); the query 不亮 = (不亮: idf(1)).
    const a = [(1 + Math.log(2)) * idf(2), idf(1)];
    const expected = (idf(1) * idf(1)) / (Math.hypot(...a) * idf(1));
    const got = cosines(ix, tf('不亮'));
    expect(got.get('a')).toBeCloseTo(expected, 10);
    expect(got.get('b')).toBe(0);
    // A document equal to the query scores 1.
    expect(cosines(ix, tf('路灯', '井盖')).get('b')).toBeCloseTo(1, 10);
  });

  it('prefers a short reply that says exactly the matter to a long one that repeats more of the message', () => {
    const ix = new Bm25Index<string>({ k1: 1.2, b: 0.75 });
    ix.add('short', tf('医保局', '核查'));
    ix.add('long', tf('医保局', '缴费', '老人', '政策', '通知', '办理', '窗口', '材料', '时间', '地点'));
    for (let i = 0; i < 8; i++) ix.add(`other${i}`, tf('通知', '办理', `x${i}`, '核查'));
    const query = tf('医保局', '核查', '缴费');
    const cos = cosines(ix, query);
    expect(cos.get('short')!).toBeGreaterThan(cos.get('long')!);
    // BM25 ranks them the other way round: the reason for the blend in search.ts.
    const bm = scores(ix, '医保局', '核查', '缴费');
    expect(bm.get('long')!).toBeGreaterThan(bm.get('short')!);
  });

  it('follows adds and removes (norms recomputed, dead slots add nothing)', () => {
    const ix = new Bm25Index<string>({ k1: 1.2, b: 0.75 });
    ix.add('a', tf('路灯', '不亮'));
    ix.add('b', tf('路灯'));
    expect(cosines(ix, tf('路灯')).get('b')).toBeCloseTo(1, 10);
    ix.add('b', tf('路灯', '井盖', '井盖'));
    expect(cosines(ix, tf('路灯')).get('b')).toBeLessThan(1);
    ix.remove('a');
    const s = new Float64Array(ix.slots);
    ix.cosineInto(tf('路灯', '不亮'), 2, s);
    expect(s[0]).toBe(0);
    expect(s.filter((x) => x > 0)).toHaveLength(1);
  });

  it('leaves out terms held by more than maxShare, and answers nothing for unknown terms', () => {
    const ix = new Bm25Index<string>({ k1: 1.2, b: 0.75 });
    ix.add('a', tf('反映', '路灯'));
    ix.add('b', tf('反映'));
    const got = cosines(ix, tf('反映', '路灯'), 0.5);
    expect(got.get('b')).toBe(0);
    expect(got.get('a')).toBeGreaterThan(0);
    expect([...cosines(ix, tf('没有')).values()].every((x) => x === 0)).toBe(true);
  });
});
