/**
 * Growth bench: how the working lists, queue counts, text search and the dashboard scale with the number of
 * orders. Builds a base of orders with the demo's kinds of text, spread over departments and categories, then
 * copies them shifted back in time (one hour per copy) until the table holds each size in GROWTH_SIZES
 * (default 100000,500000); ~4 % of the orders are live, as in a city's steady state. Prints the median of 3
 * runs per query and whether the plan used an index. `tsx bench/growth.ts` (DATABASE_URL: the server).
 */
import { sql } from 'drizzle-orm';
import { openPostgres } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { queryRows } from '../src/db/rows.ts';
import {
  listOrders,
  overviewStats,
  queueCounts,
  segmentUnsearchableOrders,
} from '../src/modules/orders/index.ts';
import type { Actor } from '../src/platform/actor.ts';
import { createBenchDatabase } from './support.ts';

const SIZES = (process.env.GROWTH_SIZES ?? '100000,500000').split(',').map(Number);
const BASE = 2000;
const TEXTS = [
  ['路灯不亮', '小区门口路灯已经一周不亮，夜间出行不便，请尽快维修。'],
  ['噪音扰民', '楼下烧烤店夜间噪音扰民，影响休息。'],
  ['道路破损', '人民路与黄河路交叉口路面塌陷，车辆通行危险。'],
  ['供暖不热', '家中暖气温度只有十五度，请供热公司检修。'],
  ['拖欠工资', '在工地打工三个月未拿到工资，要求协调解决。'],
  ['垃圾清运', '小区垃圾站垃圾三天未清运，气味很大。'],
  ['停水咨询', '询问明天是否停水，停水多长时间。'],
  ['违章建筑', '邻居在楼顶私搭乱建，存在安全隐患。'],
];
const now = new Date('2026-06-15T02:00:00Z');

async function median3(f: () => Promise<unknown>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await f();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[1]!;
}

const bench = await createBenchDatabase('hotline_bench_growth');
const db = await openPostgres(bench.url, 4);
try {
  await migrateDatabase(db);
  await db.orm.execute(sql`insert into departments (code, name, short_name, created_at)
    select 'D' || g, '单位' || g, '单位' || g, now() from generate_series(1, 40) g`);
  await db.orm.execute(sql`insert into categories (code, name, created_at)
    select 'C' || g, '大类' || g, now() from generate_series(1, 8) g`);
  await db.orm.execute(sql`insert into categories (code, name, parent_id, created_at)
    select 'C' || p.id || '-' || g, p.name || '小类' || g, p.id, now() from categories p, generate_series(1, 5) g`);
  const texts = JSON.stringify(TEXTS);
  // The base: BASE orders over the last ~3 months, 4 % live (dispatched/in progress/registered/replied).
  await db.orm.execute(sql`insert into orders (number, channel, type, category_id, title, content, status,
      department_id, received_at, handle_due_at, created_at, updated_at, closed_at)
    select 'B' || g, (array['phone','web','wechat'])[1 + g % 3], 'complaint',
      (select id from categories where parent_id is not null order by id offset (g % 40) limit 1),
      (${texts}::jsonb -> (g % 8) ->> 0) || g, (${texts}::jsonb -> (g % 8) ->> 1),
      case when g % 25 = 0 then (array['dispatched','in_progress','registered','replied'])[1 + (g / 25) % 4]
           else 'closed' end,
      (select id from departments order by id offset (g % 40) limit 1),
      ${now}::timestamptz - (g || ' minutes')::interval * 60,
      ${now}::timestamptz - (g || ' minutes')::interval * 60 + interval '10 days',
      ${now}::timestamptz, ${now}::timestamptz,
      case when g % 25 = 0 then null else ${now}::timestamptz end
    from generate_series(1, ${BASE}) g`);
  await segmentUnsearchableOrders(db.orm);
  const office: Actor = { id: null, username: 'o', displayName: '办', role: 'office', departmentId: null };
  const [dep] = await queryRows<{ id: number }>(db.orm, sql`select min(id) as id from departments`);
  const department: Actor = { ...office, role: 'department', departmentId: dep!.id };
  const agent: Actor = { ...office, role: 'agent' };
  let rows = BASE;
  for (const size of SIZES) {
    const t0 = performance.now();
    // Copies of the base shifted back one base-span per copy: closed as old orders are; live ones stay live.
    for (let copy = Math.ceil(rows / BASE); rows < size; copy++) {
      const n = Math.min(BASE, size - rows);
      await db.orm.execute(sql`insert into orders (number, channel, type, category_id, title, content, status,
          department_id, received_at, handle_due_at, created_at, updated_at, closed_at, search_tokens)
        select 'G' || ${copy} || '-' || b.number, b.channel, b.type, b.category_id, b.title, b.content,
          case when ${copy} % 25 = 0 then b.status else 'closed' end, b.department_id,
          b.received_at - interval '${sql.raw(String(BASE))} hours' * ${copy},
          b.handle_due_at - interval '${sql.raw(String(BASE))} hours' * ${copy},
          b.created_at, b.updated_at, b.closed_at, b.search_tokens
        from orders b where b.number like 'B%' order by b.id limit ${n}`);
      rows += n;
    }
    await db.orm.execute(sql`analyze`);
    console.log(`== ${size} orders (built in ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    const list = (actor: Actor, q: Record<string, unknown>) =>
      listOrders(db.orm, actor, { page: 1, pageSize: 20, sort: '-receivedAt', ...q } as never, now, 3);
    const timings: [string, () => Promise<unknown>][] = [
      [
        'open list by due date (office)',
        () => list(office, { status: 'dispatched,in_progress', sort: 'handleDueAt' }),
      ],
      ["a department's own list", () => list(department, {})],
      ["a department's open list", () => list(department, { status: 'dispatched,in_progress' })],
      ['text search q=路灯', () => list(office, { q: '路灯' })],
      ['text search q=噪音', () => list(office, { q: '噪音' })],
      ['queue counts (agent)', () => queueCounts(db.orm, agent, now)],
      ['queue counts (department)', () => queueCounts(db.orm, department, now)],
      ['queue counts (office)', () => queueCounts(db.orm, office, now)],
      ['dashboard (office)', () => overviewStats(db.orm, office, now)],
    ];
    for (const [name, f] of timings) console.log(`${name}: ${(await median3(f)).toFixed(1)} ms`);
    const plans: [string, string][] = [
      [
        'open list',
        `select id from orders where status in ('dispatched','in_progress') order by handle_due_at nulls last, id limit 20`,
      ],
      [
        'department list',
        `select id from orders where (department_id = ${dep!.id} or co_department_ids @> array[${dep!.id}]) order by received_at desc limit 20`,
      ],
      [
        'search',
        `select id from orders where search_tokens @@ '''路灯'''::tsquery and (title ilike '%路灯%' or content ilike '%路灯%') limit 20`,
      ],
    ];
    for (const [name, q] of plans) {
      const plan = await queryRows<{ 'QUERY PLAN': string }>(db.orm, sql.raw(`explain ${q}`));
      const used = plan.map((p) => p['QUERY PLAN']).filter((l) => /Index|Seq Scan|Bitmap/.test(l));
      console.log(`plan ${name}: ${used.map((l) => l.trim().replace(/\s+\(cost.*$/, '')).join(' | ')}`);
    }
  }
} finally {
  await db.close();
  await bench.drop();
}
