/**
 * 答复意见评价 on real material: the 400 (message, official reply) pairs of ../shared/data/kb-dev (each query
 * names the reply that answered it). Reports how often a reply scores higher against its own message than
 * against a random other message (relevance must tell them apart), the score distribution, and the ten
 * lowest-scoring replies with the reasons the office would read. Prints figures; asserts nothing.
 *
 *   npx tsx bench/reply-quality.ts [--data ../shared/data/kb-dev] [--seed 7]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createRandom } from '../src/platform/random.ts';
import { scoreReply, termStats } from '../src/modules/quality/index.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const dir = path.resolve(arg('data', path.join(import.meta.dirname, '../../shared/data/kb-dev')));
const random = createRandom(Number(arg('seed', '7')));

const replies = new Map<string, string>();
for (const f of fs.readdirSync(dir).filter((n) => n.startsWith('articles-') && n.endsWith('.csv'))) {
  const rows = parse(fs.readFileSync(path.join(dir, f)), { columns: true, bom: true }) as Record<
    string,
    string
  >[];
  for (const r of rows) replies.set(r['标题']!, r['内容']!);
}
const queries = (
  JSON.parse(fs.readFileSync(path.join(dir, 'queries.json'), 'utf8')) as { query: string; title: string }[]
).filter((q) => replies.has(q.title));
const stats = termStats([...replies.values(), ...queries.map((q) => q.query)]);

for (const [label, options] of [
  ['uniform weights', {}],
  ['weighted by rarity (corpus df)', { stats }],
] as const) {
  let wins = 0;
  let ties = 0;
  const scored: { q: (typeof queries)[number]; s: ReturnType<typeof scoreReply> }[] = [];
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i]!;
    const reply = replies.get(q.title)!;
    let j = Math.floor(random.next() * queries.length);
    if (j === i) j = (j + 1) % queries.length;
    const own = scoreReply(q.query, reply, options);
    const other = scoreReply(queries[j]!.query, reply, options);
    if (own.relevance > other.relevance) wins++;
    else if (own.relevance === other.relevance) ties++;
    scored.push({ q, s: own });
  }
  const verdicts = { good: 0, fair: 0, poor: 0 };
  for (const x of scored) verdicts[x.s.verdict]++;
  const mean = (f: (s: ReturnType<typeof scoreReply>) => number) =>
    (scored.reduce((a, x) => a + f(x.s), 0) / scored.length).toFixed(3);
  console.log(`== reply quality on ${queries.length} real (message, reply) pairs — ${label}`);
  console.log(
    `own message scores higher than a random other: ${((100 * wins) / queries.length).toFixed(1)} % (ties ${ties})`,
  );
  console.log(
    `mean relevance ${mean((s) => s.relevance)}, completeness ${mean((s) => s.completeness)}, interpretability ${mean((s) => s.interpretability)}, overall ${mean((s) => s.overall)}`,
  );
  console.log(`verdicts: good ${verdicts.good}, fair ${verdicts.fair}, poor ${verdicts.poor}`);
  if (label.startsWith('weighted')) {
    console.log('-- the ten lowest-scoring replies');
    for (const x of scored.sort((a, b) => a.s.overall - b.s.overall).slice(0, 10)) {
      console.log(`${x.q.title} (${x.s.overall}): ${x.s.reasons.join('；').slice(0, 220)}`);
      console.log(`   reply: ${replies.get(x.q.title)!.replace(/\s+/g, ' ').slice(0, 120)}…`);
    }
  }
}
