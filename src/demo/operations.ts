/**
 * The operator's side of the demo city, so every screen has something real to show on first start: the
 * roster of 45 (the Luohe headcount), a knowledge base with update notices, the operating standards register,
 * assistance tasks, a quality-inspection score sheet, and the hot topics detected from the demo orders.
 * Everything goes through the modules' own services, as a user's action would.
 */
import { count } from 'drizzle-orm';
import { addDays, localDateOf } from '../calendar/local-time.ts';
import type { Db } from '../db/client.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { yieldToEventLoop } from '../platform/yield.ts';
import { kbArticles } from '../db/schema.ts';
import {
  applyArticleChange,
  completeNotice,
  insertArticles,
  linkNoticeArticles,
  loadDictionary,
  recordNotice,
} from '../modules/knowledge/index.ts';
import { assignTask, completeTask, createSheet } from '../modules/quality/index.ts';
import { createStandard, detectFromOrders } from '../modules/training/index.ts';
import { seedDemoRoster } from './roster.ts';
import { generateArticles } from './knowledge-articles.ts';

const DEMO_ARTICLES = 400;
const HOUR = 3600_000;

/** Seeds what the operator keeps besides orders and calls; does nothing on a database that has articles. */
export async function seedDemoOperations(db: Db, now: Date, log: (line: string) => void = () => undefined) {
  const [has] = await db.orm.select({ n: count() }).from(kbArticles);
  if (Number(has?.n ?? 0) > 0) return;
  const today = localDateOf(now);

  // The team as contracted, from the start of the Luohe term (or a year back, whichever is later).
  const yearAgo = addDays(today, -365);
  const start = yearAgo > '2025-11-01' ? yearAgo : '2025-11-01';
  const team = await seedDemoRoster(db.orm, { start, agreed: 45, now });

  // The knowledge base: articles of every category, all in effect from before the demo's history. Written 25
  // to a transaction (segmenting them is CPU work) so a server beside the seeder keeps answering.
  const dictionary = await loadDictionary(db.orm);
  const articles = [];
  const all = generateArticles(DEMO_ARTICLES, 7).map((fields) => ({ fields, note: '演示数据导入' }));
  for (let i = 0; i < all.length; i += 25) {
    articles.push(
      ...(await db.orm.transaction(async (tx) =>
        insertArticles(
          tx,
          SYSTEM_ACTOR,
          all.slice(i, i + 25),
          new Date(now.getTime() - 400 * 24 * HOUR),
          dictionary,
        ),
      )),
    );
    await yieldToEventLoop();
  }
  const published = articles.filter((a) => a.status === 'published');

  // Update notices: one applied in time last week, one open and due tomorrow morning.
  const done = await recordNotice(
    db.orm,
    SYSTEM_ACTOR,
    {
      receivedAt: new Date(now.getTime() - 6 * 24 * HOUR),
      source: '市医疗保障局',
      title: '城乡居民医保年度缴费标准调整',
      requiredChange: '个人缴费标准调整为每人每年400元，更新相关办事指南与答复口径',
      articleIds: [],
    },
    new Date(now.getTime() - 6 * 24 * HOUR),
  );
  const target = published[0];
  if (target) {
    await linkNoticeArticles(
      db.orm,
      SYSTEM_ACTOR,
      done.id,
      [target.id],
      new Date(now.getTime() - 6 * 24 * HOUR),
    );
    await db.orm.transaction(async (tx) => {
      await applyArticleChange(
        tx,
        SYSTEM_ACTOR,
        target,
        { ...target, content: `${target.content}\n2026年度个人缴费标准为每人每年400元。` },
        '按医保局通知更新缴费标准',
        new Date(now.getTime() - 5.8 * 24 * HOUR),
      );
    });
    await completeNotice(
      db.orm,
      SYSTEM_ACTOR,
      done.id,
      '已按通知更新',
      new Date(now.getTime() - 5.8 * 24 * HOUR),
    );
  }
  await recordNotice(
    db.orm,
    SYSTEM_ACTOR,
    {
      receivedAt: new Date(now.getTime() - 14 * HOUR),
      source: '市交通运输局',
      title: '部分公交线路冬季运营时间调整',
      requiredChange: '更新公交线路首末班时间的答复口径',
      articleIds: [],
    },
    new Date(now.getTime() - 14 * HOUR),
  );

  // Operating standards (KPI 12): two written, one due later this year.
  for (const s of [
    {
      code: 'OPS-01',
      title: '话务受理服务规范',
      plannedOn: addDays(today, -200),
      completedOn: addDays(today, -210),
    },
    {
      code: 'OPS-02',
      title: '工单派发与回访规范',
      plannedOn: addDays(today, -120),
      completedOn: addDays(today, -125),
    },
    { code: 'OPS-03', title: '知识库维护管理规范', plannedOn: addDays(today, 30), completedOn: null },
  ])
    await createStandard(db.orm, SYSTEM_ACTOR, { ...s, version: '1.0' }, now);

  // Assistance tasks (KPI 10): one done, one open.
  const task = await assignTask(
    db.orm,
    SYSTEM_ACTOR,
    {
      title: '超期工单专项督办',
      description: '核查上月超期未办结工单的原因并形成清单',
      dueOn: addDays(today, -3),
    },
    new Date(now.getTime() - 10 * 24 * HOUR),
  );
  await completeTask(
    db.orm,
    SYSTEM_ACTOR,
    task.id,
    '已核查 37 件并报热线办',
    new Date(now.getTime() - 4 * 24 * HOUR),
  );
  await assignTask(
    db.orm,
    SYSTEM_ACTOR,
    { title: '供暖季诉求分析', description: '汇总供暖相关诉求，分区县形成分析', dueOn: addDays(today, 7) },
    now,
  );

  // The score sheet the operator's quality inspectors use.
  await createSheet(
    db.orm,
    SYSTEM_ACTOR,
    {
      name: '话务质检评分表（2026版）',
      passScore: 80,
      criteria: [
        { key: 'greeting', label: '规范用语与开头语', weight: 15, fatal: false },
        { key: 'listening', label: '倾听与诉求确认', weight: 20, fatal: false },
        { key: 'accuracy', label: '答复准确（知识库口径）', weight: 25, fatal: false },
        { key: 'recording', label: '工单记录完整准确', weight: 25, fatal: false },
        { key: 'attitude', label: '服务态度', weight: 15, fatal: false },
        { key: 'privacy', label: '泄露来电人信息', weight: 0.0001, fatal: true },
      ].map((c, i, all) =>
        // Weights must add up to 100: the fatal item carries a token weight taken from the first.
        i === 0 ? { ...c, weight: c.weight - all.at(-1)!.weight } : c,
      ),
    },
    now,
  );
  log(
    `demo operations: roster of ${team.length}, ${articles.length} knowledge articles, notices, standards, tasks`,
  );
}

/** After the demo orders are written: the hot-topic detector's first look at them. */
export async function detectDemoHotTopics(db: Db, now: Date, log: (line: string) => void = () => undefined) {
  const r = await detectFromOrders(db.orm, now);
  log(`demo hot topics: ${r.created} candidates from ${r.analysed} recent orders`);
}
