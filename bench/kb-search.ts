/**
 * Knowledge search at the size of a city's knowledge base: 20,000 articles generated from the demo catalogue
 * and request templates (no network), then 500 searches, half short queries as agents type them and half
 * whole citizen requests as registered. Measured on the PostgreSQL server and on in-memory PGlite.
 */
import { pathToFileURL } from 'node:url';
import { type Db, openPglite, openPostgres } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import {
  DEMO_COMMUNITIES,
  DEMO_COMPANIES,
  DEMO_DEPARTMENTS,
  DEMO_DISTRICTS,
  DEMO_REQUEST_TEMPLATES,
  demoCategoryLeaves,
} from '../src/demo/city-data.ts';
import { type ArticleFields, insertArticles } from '../src/modules/knowledge/articles-service.ts';
import { loadDictionary } from '../src/modules/knowledge/dictionary.ts';
import { reindexWithDictionary, searchArticles, tidySearchIndex } from '../src/modules/knowledge/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import { createRandom, type Random } from '../src/platform/random.ts';
import { createBenchDatabase, percentile } from './support.ts';

const NOW = new Date('2026-03-03T10:00:00+08:00');
const LEAVES = demoCategoryLeaves();

const TITLE_FORMS: Record<string, string[]> = {
  办事指南: ['办理指南', '办理流程', '所需材料', '办理地点和时限'],
  热点问答: ['热点问答', '答复口径', '群众关心的问题解答'],
  政策文件: ['政策解读', '实施细则', '补贴标准'],
  法律法规: ['相关法律规定', '法规条款摘编'],
  通知公告: ['工作通知', '调整公告'],
  常见问题: ['常见问题', '投诉处理指引'],
};
const KINDS = Object.keys(TITLE_FORMS);
const LAWS = [
  '物业管理条例',
  '城市市容和环境卫生管理条例',
  '中华人民共和国社会保险法',
  '中华人民共和国劳动合同法',
  '保障农民工工资支付条例',
  '中华人民共和国噪声污染防治法',
  '中华人民共和国消费者权益保护法',
  '中华人民共和国道路交通安全法',
  '最低生活保障审核确认办法',
  '住房公积金管理条例',
  '城乡居民基本医疗保险实施办法',
];
const POLICY_SENTENCES = [
  '根据《{law}》第{n}条规定，{dept}负责本行政区域内{topic}的监督管理工作。',
  '办理地点：{district}政务服务中心{n}号窗口，工作日上午9:00至12:00，下午13:30至17:00。',
  '办理时限：材料齐全、符合法定形式的，{n}个工作日内办结。',
  '市民反映{topic}问题的，话务员应告知处理渠道，并按派单目录转{dept}办理。',
  '{year}年起，{topic}相关标准调整为每人每年{money}元，由{dept}负责解释。',
  '申请人需提交居民身份证、户口簿及相关证明材料原件和复印件。',
  '对不符合受理条件的，应当一次性告知申请人需要补正的全部内容。',
  '{district}{street}设有便民服务站，可就近咨询{topic}事项。',
  '涉及{company}等企业的，由行业主管部门督促整改并限期答复。',
  '逾期未处理的，市民可再次拨打12345热线反映，热线办将督办。',
];
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

function fill(text: string, rnd: Random, topic: string): string {
  const district = rnd.pick(DEMO_DISTRICTS);
  return text.replace(/\{(\w+)\}/gu, (_, key: string) => {
    switch (key) {
      case 'district':
        return district.name;
      case 'street':
        return rnd.pick(district.streets);
      case 'road':
        return rnd.pick(district.roads);
      case 'community':
        return rnd.pick(DEMO_COMMUNITIES);
      case 'company':
        return rnd.pick(DEMO_COMPANIES);
      case 'law':
        return rnd.pick(LAWS);
      case 'dept':
        return rnd.pick(DEMO_DEPARTMENTS).shortName;
      case 'topic':
        return topic;
      case 'year':
        return String(rnd.int(2019, 2026));
      case 'money':
        return String(rnd.int(20, 80) * 10);
      default:
        return String(rnd.int(1, 20));
    }
  });
}

/** Articles of every category, kind and district; about 10 % expired, 5 % not yet in effect, 5 % drafts. */
export function generateArticles(n: number, seed = 7): ArticleFields[] {
  const rnd = createRandom(seed);
  const titles = new Set<string>();
  return Array.from({ length: n }, (_, i) => {
    const leaf = LEAVES[i % LEAVES.length]!;
    const topic = leaf.category.name;
    const kind = rnd.pick(KINDS);
    let title = `${rnd.pick(DEMO_DISTRICTS).name}${topic}${rnd.pick(TITLE_FORMS[kind]!)}`;
    if (titles.has(title)) title = `${title}（${rnd.int(2019, 2026)}年版）`;
    for (let k = 2; titles.has(title); k++) title = `${title.replace(/（第\d+号）$/u, '')}（第${k}号）`;
    titles.add(title);
    const templates = DEMO_REQUEST_TEMPLATES[leaf.category.code] ?? [];
    const sentences = Array.from({ length: rnd.int(3, 6) }, () =>
      fill(rnd.pick(POLICY_SENTENCES), rnd, topic),
    );
    const example = templates.length ? `典型诉求：${fill(rnd.pick(templates).content, rnd, topic)}\n` : '';
    const roll = rnd.next();
    return {
      categoryPath: leaf.path,
      title,
      content: `${example}${sentences.join('\n')}`,
      issuer: rnd.pick(DEMO_DEPARTMENTS).name,
      kind,
      keywords: [topic, kind],
      effectiveFrom: roll < 0.05 ? '2026-06-01' : '2024-01-01',
      expiresOn: roll > 0.9 ? '2025-12-31' : null,
      status: roll > 0.05 && roll < 0.1 ? 'draft' : 'published',
    };
  });
}

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
    return { text: fill(template.content, rnd, leaf.category.name), category: leaf.path.join('/') };
  });
}

export interface KbSearchFigures {
  articles: number;
  /** Inserting every article with its search vector (segmentation included), 1,000 per transaction. */
  loadSeconds: number;
  /** Rebuilding every vector, as a dictionary change does. */
  reindexSeconds: number;
  searches: number;
  p50Ms: number;
  p99Ms: number;
  shortP50Ms: number;
  requestP50Ms: number;
  requestP99Ms: number;
  /** Whole requests whose first result belongs to the category the request was written for. */
  requestTop1CategoryRate: number;
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
  await db.orm.transaction((tx) => reindexWithDictionary(tx));
  await tidySearchIndex(db.orm);
  const reindexSeconds = (performance.now() - t1) / 1000;

  const queries = generateQueries(searches);
  const short: number[] = [];
  const request: number[] = [];
  let top1 = 0;
  for (const q of queries) {
    const started = performance.now();
    const { results } = await searchArticles(db.orm, q.text, { limit: 10 }, NOW);
    (q.category ? request : short).push(performance.now() - started);
    if (q.category && results[0]?.categoryPath.join('/') === q.category) top1++;
  }
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const every = sorted([...short, ...request]);
  return {
    articles,
    loadSeconds,
    reindexSeconds,
    searches: queries.length,
    p50Ms: percentile(every, 50),
    p99Ms: percentile(every, 99),
    shortP50Ms: percentile(sorted(short), 50),
    requestP50Ms: percentile(sorted(request), 50),
    requestP99Ms: percentile(sorted(request), 99),
    requestTop1CategoryRate: top1 / request.length,
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
