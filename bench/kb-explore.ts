/**
 * First-stage variants on a labelled set, outside the API path (figures in docs/knowledge.md, "First stage,
 * third pass"): imports the set into PGlite once, scores every query with the engine's two channels plus two
 * built here (content trigrams; bigrams of the content's first LEAD characters, the part of a reply that
 * restates the message), mixes them, and prints recall@1/5 and recall@depth of the first stage and recall@1/5
 * after the second stage (rerank.ts), on half A (even positions, to tune on), half B (odd) and all.
 *
 *   MIXES='[["name",{"bi":1,"wo":0.3,"tr":0,"le":0}]]' DEPTHS=50,200 LEAD=200 SHARE=0.25 [DUMP=1] \
 *     npx tsx bench/kb-explore.ts ARTICLES1.csv ARTICLES2.csv QUERIES.json
 *
 * DUMP=1 prints each message whose reply is not in the final top 5, with the reply's length and how many
 * articles share its text. The data is read in place, never copied.
 */
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { openPglite } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { queryRows } from '../src/db/rows.ts';
import * as k from '../src/modules/knowledge/index.ts';
import { Bm25Index } from '../src/modules/knowledge/bm25.ts';
import { searchContextFor } from '../src/modules/knowledge/search-engine.ts';
import { queryTerms, type TermCounts } from '../src/modules/knowledge/ranking-terms.ts';
import { normalizeText } from '../src/platform/text/segment.ts';
import { toPlainText } from '../src/modules/knowledge/content-rules.ts';
import { CommonRun, duplicateKey, placeNames, rerankScore } from '../src/modules/knowledge/rerank.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';

const [a1, a2, qf] = process.argv.slice(2);
const now = new Date('2026-12-02T08:00:00Z');
const db = await openPglite();
await migrateDatabase(db);
for (const f of [a1!, a2!]) await k.importKbFile(db.orm, SYSTEM_ACTOR, 'csv', fs.readFileSync(f), now);
await k.tidySearchIndex(db.orm);
const { dict, engine } = await searchContextFor(db.orm);
const rows = await queryRows<{ id: number; title: string; content: string }>(
  db.orm,
  sql`select id, title, content from kb_articles where status = 'published'`,
);
const byId = new Map(rows.map((r) => [r.id, r]));
const cases = JSON.parse(fs.readFileSync(qf!, 'utf8')) as { query: string; title: string }[];
const idOfTitle = new Map(rows.map((r) => [r.title, r.id]));

function ngrams(text: string, n: number, w: number, into: TermCounts): void {
  for (const run of normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    const cs = [...run];
    for (let i = 0; i + n <= cs.length; i++) {
      const g = cs.slice(i, i + n).join('');
      into.set(g, (into.get(g) ?? 0) + w);
    }
  }
}
// Extra channels built here: trigrams of content, bigrams of the lead (first LEAD chars) of content.
const LEAD = Number(process.env.LEAD ?? 200);
const tri = new Bm25Index<number>({ k1: 1.2, b: 0.9 });
const lead = new Bm25Index<number>({ k1: 1.2, b: 0.75 });
const plain = new Map<number, string>();
for (let slot = 0; slot < engine.bigrams.slots; slot++) {
  const id = engine.bigrams.keyOf(slot)!;
  const r = byId.get(id)!;
  const text = toPlainText(r.content);
  plain.set(id, text);
  const t: TermCounts = new Map();
  ngrams(text, 3, 1, t);
  tri.add(id, t);
  const l: TermCounts = new Map();
  ngrams(text.slice(0, LEAD), 2, 1, l);
  lead.add(id, l);
}
const N = engine.bigrams.slots;

interface Q {
  target: number;
  bi: Float64Array;
  wo: Float64Array;
  tr: Float64Array;
  le: Float64Array;
  run: CommonRun;
  places: Set<string>;
}
const qs: Q[] = [];
const STOP_SHARE = Number(process.env.SHARE ?? 0.25);
for (const c of cases) {
  const head = c.query.slice(0, 4000);
  const q = queryTerms(head, dict.segmenter, dict.synonyms);
  const share = q.bigrams.size > 40 ? STOP_SHARE : 1;
  const bi = new Float64Array(N);
  engine.bigrams.scoreInto(q.bigrams, 1, bi, share);
  const wo = new Float64Array(N);
  engine.words.scoreInto(q.words, 1, wo, share);
  const t: TermCounts = new Map();
  ngrams(head.slice(0, 2000), 3, 1, t);
  const tr = new Float64Array(N);
  tri.scoreInto(t, 1, tr, share);
  const le = new Float64Array(N);
  lead.scoreInto(q.bigrams, 1, le, share);
  qs.push({
    target: idOfTitle.get(c.title)!,
    bi,
    wo,
    tr,
    le,
    run: new CommonRun(head.slice(0, 2000)),
    places: placeNames(head, q.words.keys()),
  });
}
const placesOf = new Map<number, Set<string>>();
function rankOf(combined: Float64Array, q: Q, depth: number, rerank: boolean): number {
  const idx = Array.from({ length: N }, (_, i) => i)
    .filter((i) => combined[i]! > 0)
    .sort((x, y) => combined[y]! - combined[x]!)
    .slice(0, depth);
  let ids = idx.map((i) => ({ id: engine.bigrams.keyOf(i)!, s: combined[i]! }));
  if (rerank && ids.length > 1) {
    const best = ids[0]!.s;
    ids = ids.map((c) => {
      const text = plain.get(c.id)!.slice(0, 5000);
      let pl = placesOf.get(c.id);
      if (!pl) placesOf.set(c.id, (pl = placeNames(text, engine.words.termsOf(c.id))));
      return {
        id: c.id,
        s: rerankScore({ run: q.run, places: q.places }, { score: c.s, text, places: pl }, best),
      };
    });
    ids.sort((x, y) => y.s - x.s || x.id - y.id);
    const seen = new Set<string>();
    ids = ids.filter((c) => {
      const key = duplicateKey(plain.get(c.id)!.slice(0, 5000));
      return !seen.has(key) && seen.add(key);
    });
  }
  return ids.findIndex((c) => c.id === q.target) + 1;
}

type Mix = { bi: number; wo: number; tr: number; le: number };
function evaluate(name: string, mix: Mix, depth: number): void {
  const out: Record<string, string> = {};
  for (const [half, sel] of [
    ['A', (i: number) => i % 2 === 0],
    ['B', (i: number) => i % 2 === 1],
    ['all', () => true],
  ] as const) {
    let n = 0,
      f1 = 0,
      f5 = 0,
      fd = 0,
      r1 = 0,
      r5 = 0;
    qs.forEach((q, i) => {
      if (!sel(i)) return;
      n++;
      const c = new Float64Array(N);
      for (let s = 0; s < N; s++)
        c[s] = mix.bi * q.bi[s]! + mix.wo * q.wo[s]! + mix.tr * q.tr[s]! + mix.le * q.le[s]!;
      const first = rankOf(c, q, depth, false);
      if (first === 1) f1++;
      if (first >= 1 && first <= 5) f5++;
      if (first >= 1) fd++;
      const second = rankOf(c, q, depth, true);
      if (process.env.DUMP && half === 'all' && !(second >= 1 && second <= 5)) {
        const t = plain.get(q.target)!;
        const dups = [...plain.values()].filter((x) => duplicateKey(x) === duplicateKey(t)).length;
        console.log(
          `MISS i${i} first ${first} second ${second} len ${t.length} dups ${dups} | ${cases[i]!.query.slice(0, 60).replace(/\s+/g, ' ')} || ${t.slice(0, 90).replace(/\s+/g, ' ')}`,
        );
      }
      if (second === 1) r1++;
      if (second >= 1 && second <= 5) r5++;
    });
    out[half] =
      `first ${(f1 / n).toFixed(3)}/${(f5 / n).toFixed(3)} top${depth} ${(fd / n).toFixed(3)} | ` +
      `both ${(r1 / n).toFixed(3)}/${(r5 / n).toFixed(3)}`;
  }
  console.log(`${name} d${depth}\n  A   ${out.A}\n  B   ${out.B}\n  all ${out.all}`);
}

const mixes: [string, Mix][] = JSON.parse(
  process.env.MIXES ??
    JSON.stringify([
      ['now', { bi: 1, wo: 0.3, tr: 0, le: 0 }],
      ['+tri0.3', { bi: 1, wo: 0.3, tr: 0.3, le: 0 }],
      ['+lead0.3', { bi: 1, wo: 0.3, tr: 0, le: 0.3 }],
      ['+tri+lead', { bi: 1, wo: 0.3, tr: 0.3, le: 0.3 }],
    ]),
);
const depths = (process.env.DEPTHS ?? '50').split(',').map(Number);
for (const [name, mix] of mixes) for (const d of depths) evaluate(name, mix, d);
await db.close();
