/**
 * Issue 13, fourth pass: signals beyond word matching, tried outside the API path on a labelled set. Imports
 * the set into PGlite once, computes the engine's first stage for every query, and adds:
 *  - `semW` / `semB`: cosine of corpus-trained meaning vectors (word-vectors.ts, random indexing) over the
 *    jieba words / the bigrams;
 *  - `quo`: BM25 of the query's bigrams against the spans the article quotes (“…”: the message's title, as a
 *    reply restates it), a separate field;
 *  - `prf`: RM3-style pseudo-relevance feedback (the top FB articles' terms added to the query);
 *  - `ecB1` / `ecW1`: the engine's tf-idf cosine (bm25.ts cosineInto) of the bigrams / words, in the first stage
 *    (adopted in search.ts at 30 / 10; measure variants against it with `{"ecB1":30,"ecW1":10,…}`);
 *  - `off`: a matter → office prior learned from the corpus (offices read from the replies' text);
 *  - `cr`, `pm`, `pp`: other second-stage weights than rerank.ts's;
 * then prints recall@1/5 after the second stage for each variant on half A (even positions), B (odd) and all.
 *
 *   VARIANTS='[["name",{"semW":0.3}]]' DEPTH=50 npx tsx bench/kb-explore-meaning.ts A1.csv A2.csv Q.json
 *
 * The data is read in place, never copied.
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { openPglite } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { queryRows } from '../src/db/rows.ts';
import * as k from '../src/modules/knowledge/index.ts';
import { Bm25Index } from '../src/modules/knowledge/bm25.ts';
import { searchContextFor } from '../src/modules/knowledge/search-engine.ts';
import {
  addBigrams,
  queryTerms,
  wordsFromTsvector,
  type TermCounts,
} from '../src/modules/knowledge/ranking-terms.ts';
import { toPlainText } from '../src/modules/knowledge/content-rules.ts';
import {
  CommonRun,
  duplicateKey,
  placeNames,
  RERANK_WEIGHTS,
  rerankScore,
} from '../src/modules/knowledge/rerank.ts';
import { RandomIndexing, cosine } from './word-vectors.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';

const [a1, a2, qf] = process.argv.slice(2);
const now = new Date('2026-12-02T08:00:00Z');
const db = await openPglite();
await migrateDatabase(db);
for (const f of [a1!, a2!]) await k.importKbFile(db.orm, SYSTEM_ACTOR, 'csv', fs.readFileSync(f), now);
await k.tidySearchIndex(db.orm);
const { dict, engine } = await searchContextFor(db.orm);
const rows = await queryRows<{ id: number; title: string; content: string; search: string }>(
  db.orm,
  sql`select id, title, content, search::text as search from kb_articles where status = 'published'`,
);
const byId = new Map(rows.map((r) => [r.id, r]));
const cases = JSON.parse(fs.readFileSync(qf!, 'utf8')) as { query: string; title: string }[];
const idOfTitle = new Map(rows.map((r) => [r.title, r.id]));
const N = engine.bigrams.slots;
const MAX_SHARE = Number(process.env.SEM_SHARE ?? 0.25);

const riW = new RandomIndexing<number>();
const riB = new RandomIndexing<number>();
const quoted = new Bm25Index<number>({ k1: 1.2, b: 0.75 });
const plain = new Map<number, string>();
const wordsOf = new Map<number, TermCounts>();
const bigramsOf = new Map<number, TermCounts>();
const t0 = performance.now();
for (let slot = 0; slot < N; slot++) {
  const id = engine.bigrams.keyOf(slot)!;
  const r = byId.get(id)!;
  const text = toPlainText(r.content);
  plain.set(id, text);
  const w = wordsFromTsvector(r.search);
  wordsOf.set(id, w);
  riW.add(id, w);
  const b: TermCounts = new Map();
  addBigrams(b, text, 1);
  bigramsOf.set(id, b);
  riB.add(id, b);
  const q: TermCounts = new Map();
  for (const m of text.matchAll(/[“"「]([^”"」]{2,80})[”"」]/gu)) addBigrams(q, m[1]!, 1);
  quoted.add(id, q);
}
console.log(`meaning vectors built in ${Math.round(performance.now() - t0)} ms`);
const idfW = (t: string) => {
  const df = engine.words.docFrequency(t);
  return df === 0 || df > MAX_SHARE * engine.words.size ? 0 : engine.words.idf(df);
};
const idfB = (t: string) => {
  const df = engine.bigrams.docFrequency(t);
  return df === 0 || df > MAX_SHARE * engine.bigrams.size ? 0 : engine.bigrams.idf(df);
};
// tf-idf cosine over bigrams (symmetric, unlike BM25): an inverted list of each article's unit tf-idf weights.
const inv = new Map<string, [number, number][]>();
for (let slot = 0; slot < N; slot++) {
  const b = bigramsOf.get(engine.bigrams.keyOf(slot)!)!;
  let n2 = 0;
  const ws: [string, number][] = [];
  for (const [t, f] of b) {
    const w = (1 + Math.log(f)) * idfB(t);
    if (w > 0) ws.push([t, w]);
    n2 += w * w;
  }
  const nn = Math.sqrt(n2) || 1;
  for (const [t, w] of ws) {
    let l = inv.get(t);
    if (!l) inv.set(t, (l = []));
    l.push([slot, w / nn]);
  }
}
function tfidfCos(q: TermCounts): Float64Array {
  const out = new Float64Array(N);
  let n2 = 0;
  const ws: [string, number][] = [];
  for (const [t, f] of q) {
    const w = (1 + Math.log(f)) * idfB(t);
    if (w > 0) ws.push([t, w]);
    n2 += w * w;
  }
  const nn = Math.sqrt(n2) || 1;
  for (const [t, w] of ws) for (const [slot, dw] of inv.get(t) ?? []) out[slot]! += (w / nn) * dw;
  return out;
}
const docW = new Map<number, Float32Array>();
const docB = new Map<number, Float32Array>();
for (const id of plain.keys()) {
  docW.set(id, riW.meaningOfDocument(id, idfW));
  docB.set(id, riB.meaningOfDocument(id, idfB));
}

// (d) A matter → office prior learned from the corpus: the offices an article names (its 发文单位 is empty on
// this material, so read from its text), each office's profile the words of the articles that name it; a
// message's office distribution is the cosine of its words with each profile, and an article's prior the best
// of its offices' shares.
const OFFICE =
  /\p{Script=Han}{1,6}?(?:局|委|办|中心|支队|大队|分局|政府|街道|办事处|医院|学校|车站|派出所)/gu;
const officesOf = new Map<number, Set<string>>();
const profiles = new Bm25Index<string>({ k1: 1.2, b: 0.75 });
{
  const prof = new Map<string, TermCounts>();
  for (const [id, text] of plain) {
    const offs = new Set(
      (text.match(OFFICE) ?? [])
        .map((o) => o.replace(/^(已转|转|由|请|向|到|经|我|该|市|区|县)+/u, ''))
        .filter((o) => o.length >= 2),
    );
    officesOf.set(id, offs);
    for (const o of offs) {
      let m = prof.get(o);
      if (!m) prof.set(o, (m = new Map()));
      for (const [t, f] of wordsOf.get(id)!) m.set(t, (m.get(t) ?? 0) + f);
    }
  }
  for (const [o, m] of prof) profiles.add(o, m);
}
function officePrior(words: TermCounts): Map<string, number> {
  const sc = new Float64Array(profiles.slots);
  profiles.cosineInto(words, 1, sc, 0.25);
  const out = new Map<string, number>();
  let best = 0;
  sc.forEach((v) => (best = Math.max(best, v)));
  sc.forEach((v, slot) => v > 0 && out.set(profiles.keyOf(slot)!, v / best));
  return out;
}
interface Q {
  target: number;
  base: Float64Array;
  quo: Float64Array;
  semW: Float64Array;
  semB: Float64Array;
  cos: Float64Array;
  ecB: Float64Array;
  ecW: Float64Array;
  prf: Float64Array;
  run: CommonRun;
  places: Set<string>;
  office: Map<string, number>;
}
const FB_DOCS = Number(process.env.FB ?? 5);
const FB_TERMS = Number(process.env.FB_TERMS ?? 30);
const qs: Q[] = [];
for (const c of cases) {
  const head = c.query.slice(0, 4000);
  const q = queryTerms(head, dict.segmenter, dict.synonyms);
  const share = q.bigrams.size > 40 ? 0.25 : 1;
  const base = new Float64Array(N);
  engine.bigrams.scoreInto(q.bigrams, 1, base, share);
  engine.words.scoreInto(q.words, 0.3, base, share);
  const ecB = new Float64Array(N);
  engine.bigrams.cosineInto(q.bigrams, 1, ecB, share);
  const ecW = new Float64Array(N);
  engine.words.cosineInto(q.words, 1, ecW, share);
  const quo = new Float64Array(N);
  quoted.scoreInto(q.bigrams, 1, quo, share);
  const uW = riW.meaningOf(q.words, idfW);
  const uB = riB.meaningOf(q.bigrams, idfB);
  const semW = new Float64Array(N);
  const semB = new Float64Array(N);
  for (let s = 0; s < N; s++) {
    const id = engine.bigrams.keyOf(s)!;
    semW[s] = cosine(uW, docW.get(id)!);
    semB[s] = cosine(uB, docB.get(id)!);
  }
  // RM3-style feedback: the top FB_DOCS articles' bigrams, weighted by their score share and tf·idf, the best
  // FB_TERMS of them as an expansion query.
  const order = Array.from({ length: N }, (_, i) => i).sort((x, y) => base[y]! - base[x]!);
  const fb: TermCounts = new Map();
  const top = order.slice(0, FB_DOCS);
  const sum = top.reduce((s, i) => s + base[i]!, 0) || 1;
  for (const i of top) {
    const b = bigramsOf.get(engine.bigrams.keyOf(i)!)!;
    let len = 0;
    for (const f of b.values()) len += f;
    for (const [t, f] of b) fb.set(t, (fb.get(t) ?? 0) + ((base[i]! / sum) * f * idfB(t)) / len);
  }
  const exp = new Map([...fb].sort((x, y) => y[1] - x[1]).slice(0, FB_TERMS));
  const prf = new Float64Array(N);
  const total = [...exp.values()].reduce((s, x) => s + x, 0) || 1;
  // Scaled so the expansion's total query weight equals the original query's bigram count.
  const qMass = [...q.bigrams.values()].reduce((s, x) => s + x, 0);
  engine.bigrams.scoreInto(new Map([...exp].map(([t, w]) => [t, (w / total) * Math.min(qMass, 60)])), 1, prf);
  qs.push({
    target: idOfTitle.get(c.title)!,
    base,
    quo,
    semW,
    semB,
    cos: tfidfCos(q.bigrams),
    ecB,
    ecW,
    prf,
    run: new CommonRun(head.slice(0, 2000)),
    places: placeNames(head, q.words.keys()),
    office: officePrior(q.words),
  });
}

type Variant = {
  cr?: number;
  pm?: number;
  pp?: number;
  ecB1?: number;
  ecW1?: number;
  base?: number;
  cos?: number;
  cos1?: number;
  quo?: number;
  semW?: number;
  semB?: number;
  prf?: number;
  semW1?: number;
  semB1?: number;
  rr?: number;
};
const placesOf = new Map<number, Set<string>>();
/** The difference made by other second-stage weights than RERANK_WEIGHTS (cr, pm, pp). */
function adjust(q: Q, text: string, pl: Set<string>, v: Variant): number {
  if (v.cr === undefined && v.pm === undefined && v.pp === undefined) return 0;
  let shared = 0;
  for (const p of pl) if (q.places.has(p)) shared++;
  const both = pl.size > 0 && q.places.size > 0;
  return (
    ((v.cr ?? RERANK_WEIGHTS.commonRun) - RERANK_WEIGHTS.commonRun) * Math.log1p(q.run.longestIn(text)) +
    (both && shared === 0 ? (v.pm ?? RERANK_WEIGHTS.placeMismatch) - RERANK_WEIGHTS.placeMismatch : 0) +
    ((v.pp ?? RERANK_WEIGHTS.placePrecision) - RERANK_WEIGHTS.placePrecision) *
      (both ? shared / pl.size : 0.5)
  );
}
function rank(q: Q, v: Variant, depth: number): { first: number; final: number; inPool: boolean } {
  const c = new Float64Array(N);
  let bestBase = 0;
  for (let s = 0; s < N; s++) bestBase = Math.max(bestBase, q.base[s]!);
  for (let s = 0; s < N; s++) {
    c[s] =
      (v.base ?? 1) * q.base[s]! +
      bestBase * ((v.ecB1 ?? 0) * q.ecB[s]! + (v.ecW1 ?? 0) * q.ecW[s]!) +
      (v.quo ?? 0) * q.quo[s]! +
      (v.prf ?? 0) * q.prf[s]! +
      bestBase * (v.cos1 ?? 0) * q.cos[s]! +
      // first-stage blend of meaning, on the scale of the query's best BM25
      bestBase * ((v.semW1 ?? 0) * q.semW[s]! + (v.semB1 ?? 0) * q.semB[s]!);
  }
  const pool = Array.from({ length: N }, (_, i) => i)
    .filter((i) => c[i]! > 0)
    .sort((x, y) => c[y]! - c[x]!)
    .slice(0, depth);
  const first = pool.findIndex((i) => engine.bigrams.keyOf(i) === q.target) + 1;
  const best = c[pool[0]!]!;
  const scored = pool.map((i) => {
    const id = engine.bigrams.keyOf(i)!;
    const text = plain.get(id)!.slice(0, 5000);
    let pl = placesOf.get(id);
    if (!pl) placesOf.set(id, (pl = placeNames(text, engine.words.termsOf(id))));
    const s =
      (v.rr ?? 1) * rerankScore({ run: q.run, places: q.places }, { score: c[i]!, text, places: pl }, best) +
      adjust(q, text, pl, v) +
      (v.off ? v.off * Math.max(0, ...[...officesOf.get(id)!].map((o) => q.office.get(o) ?? 0)) : 0) +
      (v.semW ?? 0) * q.semW[i]! +
      (v.cos ?? 0) * q.cos[i]! +
      (v.semB ?? 0) * q.semB[i]!;
    return { id, s };
  });
  scored.sort((x, y) => y.s - x.s || x.id - y.id);
  const seen = new Set<string>();
  const final = scored.filter((x) => {
    const key = duplicateKey(plain.get(x.id)!.slice(0, 5000));
    return !seen.has(key) && seen.add(key);
  });
  return { first, final: final.findIndex((x) => x.id === q.target) + 1, inPool: first > 0 };
}

if (process.env.DIAG) {
  const rankIn = (xs: Float64Array, target: number) => {
    const t =
      xs[
        engine.bigrams.keyOf(0) === target
          ? 0
          : [...Array(N).keys()].find((s) => engine.bigrams.keyOf(s) === target)!
      ]!;
    let r = 1;
    for (let s = 0; s < N; s++) if (xs[s]! > t) r++;
    return r;
  };
  for (const [name, pick] of [
    ['base', (q: Q) => q.base],
    ['semW', (q: Q) => q.semW],
    ['semB', (q: Q) => q.semB],
    ['cos', (q: Q) => q.cos],
    ['ecB', (q: Q) => q.ecB],
    ['ecW', (q: Q) => q.ecW],
    ['quo', (q: Q) => q.quo],
  ] as const) {
    const out: string[] = [];
    for (const [sub, sel] of [
      ['short', (q: Q) => plain.get(q.target)!.length < 150],
      ['long', (q: Q) => plain.get(q.target)!.length >= 150],
    ] as const) {
      const ranks = qs.filter(sel).map((q) => rankIn(pick(q), q.target));
      const at = (k: number) => (ranks.filter((r) => r <= k).length / ranks.length).toFixed(3);
      out.push(`${sub} n${ranks.length} @1 ${at(1)} @5 ${at(5)} @50 ${at(50)} @200 ${at(200)}`);
    }
    console.log(`${name.padEnd(6)} ${out.join(' | ')}`);
  }
}
const depth = Number(process.env.DEPTH ?? 50);
const variants: [string, Variant][] = JSON.parse(
  process.env.VARIANTS ??
    JSON.stringify([
      ['now', {}],
      ['semW 0.1', { semW: 0.1 }],
      ['semW 0.3', { semW: 0.3 }],
      ['semB 0.1', { semB: 0.1 }],
      ['semB 0.3', { semB: 0.3 }],
      ['quo 0.3', { quo: 0.3 }],
      ['prf 0.2', { prf: 0.2 }],
      ['semW1 0.3', { semW1: 0.3 }],
    ]),
);
const baseline = qs.map((q) => rank(q, variants[0]![1], depth).final);
for (const [name, v] of variants) {
  const out: string[] = [];
  const finals = qs.map((q) => rank(q, v, depth).final);
  const in5 = (r: number) => r >= 1 && r <= 5;
  const won5 = finals.filter((r, i) => in5(r) && !in5(baseline[i]!)).length;
  const lost5 = finals.filter((r, i) => !in5(r) && in5(baseline[i]!)).length;
  const won1 = finals.filter((r, i) => r === 1 && baseline[i] !== 1).length;
  const lost1 = finals.filter((r, i) => r !== 1 && baseline[i] === 1).length;
  out.push(`vs first: top5 +${won5}/-${lost5} top1 +${won1}/-${lost1}`);
  for (const [half, sel] of [
    ['A', (i: number) => i % 2 === 0],
    ['B', (i: number) => i % 2 === 1],
    ['all', () => true],
  ] as const) {
    let n = 0,
      p = 0,
      r1 = 0,
      r5 = 0;
    qs.forEach((q, i) => {
      if (!sel(i)) return;
      n++;
      const r = rank(q, v, depth);
      if (r.inPool) p++;
      if (r.final === 1) r1++;
      if (r.final >= 1 && r.final <= 5) r5++;
    });
    out.push(`${half} pool ${(p / n).toFixed(3)} r1 ${(r1 / n).toFixed(3)} r5 ${(r5 / n).toFixed(3)}`);
  }
  console.log(`${name.padEnd(24)} d${depth} | ${out.join(' | ')}`);
}
await db.close();
