/**
 * Knowledge search at the size of a city's knowledge base: 20,000 articles generated from the demo catalogue
 * and request templates (no network), then 500 searches, half short queries as agents type them and half
 * whole citizen requests as registered. Measured on the PostgreSQL server and on in-memory PGlite.
 */
import { pathToFileURL } from 'node:url';
import { type Db, openPglite, openPostgres } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { DEMO_REQUEST_TEMPLATES, demoCategoryLeaves } from '../src/demo/city-data.ts';
import { insertArticles } from '../src/modules/knowledge/articles-service.ts';
import { fillTemplate, generateArticles } from '../src/demo/knowledge-articles.ts';
import { loadDictionary } from '../src/modules/knowledge/dictionary.ts';
import { reindexWithDictionary, searchArticles, tidySearchIndex } from '../src/modules/knowledge/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import { createRandom } from '../src/platform/random.ts';
import { createBenchDatabase, percentile } from './support.ts';

const NOW = new Date('2026-03-03T10:00:00+08:00');
const LEAVES = demoCategoryLeaves();

const SHORT_QUERIES = [
  '医保缴费',
  '公交卡',
  '公积金提取',
  '低保申请',
  '物业费',
  '噪音扰民',
  '拖欠工资',
  '户口迁移',
  '身份证办理',
  '电动车充电',
  '违章建筑',
  '房产证',
  '物业服务投述',
  '社保卡补办',
  '城管',
  '占道经营',
  '养老保险',
  '学区',
];

interface Query {
  text: string;
  /** For a whole request: the category it was written for. */
  category?: string;
}

function generateQueries(n: number, seed = 11): Query[] {
  const rnd = createRandom(seed);
  const withTemplates = LEAVES.filter((l) => (DEMO_REQUEST_TEMPLATES[l.category.code] ?? []).length > 0);
  return Array.from({ length: n }, (_, i) => {
    if (i % 2 === 0) return { text: i % 4 === 0 ? rnd.pick(SHORT_QUERIES) : rnd.pick(LEAVES).category.name };
    const leaf = rnd.pick(withTemplates);
    const template = rnd.pick(DEMO_REQUEST_TEMPLATES[leaf.category.code]!);
    return { text: fillTemplate(template.content, rnd, leaf.category.name), category: leaf.path.join('/') };
  });
}

export interface SearchLatency {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  shortP50Ms: number;
  shortP95Ms: number;
  shortP99Ms: number;
  requestP50Ms: number;
  requestP95Ms: number;
  requestP99Ms: number;
  /** Whole requests whose first result belongs to the category the request was written for. */
  requestTop1CategoryRate: number;
}

export interface KbSearchFigures extends SearchLatency {
  articles: number;
  /** Inserting every article with its search vector (segmentation included), 1,000 per transaction. */
  loadSeconds: number;
  /** Rebuilding every vector, as a dictionary change does (0 with BENCH_KB_REINDEX=0). */
  reindexSeconds: number;
  /** Building the in-process BM25 index from the database (the first search after a change of dictionary). */
  indexBuildSeconds: number;
  /** The process's heap after the build. */
  heapMb: number;
  searches: number;
  /**
   * The same searches without the first stage's cosine (search.ts blendCosine), run alternately with the
   * others in the same process: the difference is what the cosine costs on the same machine at the same load.
   */
  withoutCosine: SearchLatency;
}

async function measure(db: Db, articles: number, searches: number): Promise<KbSearchFigures> {
  await migrateDatabase(db);
  const all = generateArticles(articles);
  const t0 = performance.now();
  const dict = await loadDictionary(db.orm);
  for (let i = 0; i < all.length; i += 1000) {
    const batch = all.slice(i, i + 1000).map((fields) => ({ fields, note: 'bench' }));
    await db.orm.transaction((tx) => insertArticles(tx, SYSTEM_ACTOR, batch, NOW, dict));
  }
  await tidySearchIndex(db.orm);
  const loadSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  // BENCH_KB_REINDEX=0 skips the re-index (when only the search figures are wanted).
  if (process.env.BENCH_KB_REINDEX !== '0') {
    await db.orm.transaction((tx) => reindexWithDictionary(tx));
    await tidySearchIndex(db.orm);
  }
  const reindexSeconds = (performance.now() - t1) / 1000;

  // The first search after the re-index builds the in-process index (search-engine.ts).
  const t2 = performance.now();
  await searchArticles(db.orm, '公交卡', { limit: 10 }, NOW);
  const indexBuildSeconds = (performance.now() - t2) / 1000;
  const heapMb = Math.round(process.memoryUsage().heapUsed / 1e6);

  const queries = generateQueries(searches);
  const runs = {
    with: { short: [] as number[], request: [] as number[], top1: 0 },
    without: { short: [] as number[], request: [] as number[], top1: 0 },
  };
  let i = 0;
  for (const q of queries) {
    // Alternate which goes first, so neither always meets a warmer cache.
    const order = i++ % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
    for (const which of order) {
      const r = runs[which];
      const started = performance.now();
      const { results } = await searchArticles(db.orm, q.text, { limit: 10, cosine: which === 'with' }, NOW);
      (q.category ? r.request : r.short).push(performance.now() - started);
      if (q.category && results[0]?.categoryPath.join('/') === q.category) r.top1++;
    }
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const figures = (r: (typeof runs)['with']) => {
    const every = sorted([...r.short, ...r.request]);
    return {
      p50Ms: percentile(every, 50),
      p95Ms: percentile(every, 95),
      p99Ms: percentile(every, 99),
      shortP50Ms: percentile(sorted(r.short), 50),
      shortP95Ms: percentile(sorted(r.short), 95),
      shortP99Ms: percentile(sorted(r.short), 99),
      requestP50Ms: percentile(sorted(r.request), 50),
      requestP95Ms: percentile(sorted(r.request), 95),
      requestP99Ms: percentile(sorted(r.request), 99),
      requestTop1CategoryRate: r.top1 / r.request.length,
    };
  };
  const withCosine = figures(runs.with);
  const withoutCosine = figures(runs.without);
  return {
    articles,
    loadSeconds,
    reindexSeconds,
    indexBuildSeconds,
    heapMb,
    searches: queries.length,
    ...withCosine,
    withoutCosine,
  };
}

export async function benchKbSearch(
  articles = Number(process.env.BENCH_KB_ARTICLES ?? 20_000),
  searches = 500,
): Promise<{ postgres: KbSearchFigures; pglite: KbSearchFigures }> {
  const database = await createBenchDatabase('hotline_bench_kb');
  let postgres: KbSearchFigures;
  try {
    const db = await openPostgres(database.url, 4);
    try {
      postgres = await measure(db, articles, searches);
    } finally {
      await db.close();
    }
  } finally {
    await database.drop();
  }
  const memory = await openPglite();
  try {
    return { postgres, pglite: await measure(memory, articles, searches) };
  } finally {
    await memory.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await benchKbSearch(), null, 2));
}
