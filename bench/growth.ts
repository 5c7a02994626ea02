/**
 * Growth bench (issue 18): how the working lists, queue counts, text search, the dashboard, the monthly report's
 * intake by category and a contract year's assessment scale with the number of orders. Builds a base of orders
 * from real citizens' messages (GROWTH_MESSAGES, default /work/shared/data/messages-train.csv: id,title,detail,
 * label — read at run time, never copied into the repository; `GROWTH_MESSAGES=synthetic` or a missing file
 * falls back to eight synthetic texts, where each searched word is in one order of eight: the worst case for
 * search), spread over 40 departments and 8 × 5 categories (a message's label picks its top-level category), then
 * copies the base shifted back in time until the table holds each size in GROWTH_SIZES (default 100000,500000).
 * The orders are spaced so that the largest size fills one contract year (luohe-2025's term, loaded from
 * contracts/) ending at the bench's `now`, with two calls per order (90 % answered). Prints the median of 3 runs
 * per query (through the services; the assessment also through its HTTP route, with the answer's size) and
 * whether the plans used an index. `tsx bench/growth.ts` (DATABASE_URL: the server).
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { openPostgres } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { queryRows } from '../src/db/rows.ts';
import { assessmentAnswer, resolveAsOf, syncRepositoryContracts } from '../src/modules/contracts/index.ts';
import { createUser } from '../src/modules/directory/index.ts';
import {
  intakeBreakdown,
  listOrders,
  overviewStats,
  queueCounts,
  segmentUnsearchableOrders,
  topMatters,
} from '../src/modules/orders/index.ts';
import { SYSTEM_ACTOR, type Actor } from '../src/platform/actor.ts';
import { fixedClock } from '../src/platform/clock.ts';
import { createBenchDatabase } from './support.ts';

const SIZES = (process.env.GROWTH_SIZES ?? '100000,500000').split(',').map(Number);
const MESSAGES = process.env.GROWTH_MESSAGES ?? '/work/shared/data/messages-train.csv';
const SYNTHETIC = [
  ['路灯不亮', '小区门口路灯已经一周不亮，夜间出行不便，请尽快维修。'],
  ['噪音扰民', '楼下烧烤店夜间噪音扰民，影响休息。'],
  ['道路破损', '人民路与黄河路交叉口路面塌陷，车辆通行危险。'],
  ['供暖不热', '家中暖气温度只有十五度，请供热公司检修。'],
  ['拖欠工资', '在工地打工三个月未拿到工资，要求协调解决。'],
  ['垃圾清运', '小区垃圾站垃圾三天未清运，气味很大。'],
  ['停水咨询', '询问明天是否停水，停水多长时间。'],
  ['违章建筑', '邻居在楼顶私搭乱建，存在安全隐患。'],
];
/** Title, content and a top-level category index (0–7) per base order. */
function baseTexts(): { texts: [string, string, number][]; source: string } {
  if (MESSAGES !== 'synthetic' && fs.existsSync(MESSAGES)) {
    const rows = parse(fs.readFileSync(MESSAGES), { columns: true, skip_empty_lines: true }) as {
      title: string;
      detail: string;
      label: string;
    }[];
    const labels = [...new Set(rows.map((r) => r.label))];
    const texts = rows
      .filter((r) => r.title?.trim())
      .map(
        (r) =>
          [r.title.trim(), (r.detail ?? '').trim() || r.title.trim(), labels.indexOf(r.label)] as [
            string,
            string,
            number,
          ],
      );
    return { texts, source: `${texts.length} real messages from ${MESSAGES}` };
  }
  const texts = Array.from({ length: 2000 }, (_, g) => {
    const [title, content] = SYNTHETIC[g % 8]!;
    return [`${title}${g}`, content, g % 8] as [string, string, number];
  });
  const why = MESSAGES === 'synthetic' ? 'asked for' : `${MESSAGES} not found`;
  return { texts, source: `SYNTHETIC texts (${why}): each searched word is in 1 order of 8` };
}
// 10:00 on the day luohe-2025's term has ended: the term is a finished contract year.
const now = new Date('2026-11-01T02:00:00Z');

async function median3(f: () => Promise<unknown>): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await f();
    t.push(performance.now() - t0);
  }
  return t.sort((a, b) => a - b)[1]!;
}

const { texts, source } = baseTexts();
const BASE = texts.length;
// Orders spaced so that the largest size fills one year before `now`; two calls per order.
const SPACING_S = Math.floor((365 * 86400) / Math.max(...SIZES));
console.log(`base: ${source}; one order every ${SPACING_S} s`);
/** The departments, the catalogue, the contract and the base orders. */
async function build() {
  await migrateDatabase(db);
  await syncRepositoryContracts(db.orm, now);
  await db.orm.execute(sql`insert into departments (code, name, short_name, created_at)
    select 'D' || g, '单位' || g, '单位' || g, now() from generate_series(1, 40) g`);
  await db.orm.execute(sql`insert into categories (code, name, created_at)
    select 'C' || g, '大类' || g, now() from generate_series(1, 8) g`);
  await db.orm.execute(sql`insert into categories (code, name, parent_id, created_at)
    select 'C' || p.id || '-' || g, p.name || '小类' || g, p.id, now() from categories p, generate_series(1, 5) g`);
  // The base: the BASE most recent orders, 4 % live (dispatched/in progress/registered/replied).
  for (let i = 0; i < BASE; i += 1000) {
    const chunk = JSON.stringify(texts.slice(i, i + 1000));
    await db.orm.execute(sql`insert into orders (number, channel, type, category_id, title, content, status,
        department_id, received_at, handle_due_at, created_at, updated_at, closed_at, response_due_at,
        responded_at)
      select 'B' || g, (array['phone','web','wechat'])[1 + g % 3], 'complaint',
        (select c.id from categories c join categories p on p.id = c.parent_id
          where p.code = 'C' || (1 + (t.value ->> 2)::int) order by c.id offset (g % 5) limit 1),
        t.value ->> 0, t.value ->> 1,
        case when g % 25 = 0 then (array['dispatched','in_progress','registered','replied'])[1 + (g / 25) % 4]
             else 'closed' end,
        (select id from departments order by id offset (g % 40) limit 1),
        ${now}::timestamptz - make_interval(secs => g * ${SPACING_S}),
        ${now}::timestamptz - make_interval(secs => g * ${SPACING_S}) + interval '10 days',
        ${now}::timestamptz, ${now}::timestamptz,
        case when g % 25 = 0 then null else ${now}::timestamptz end,
        case when g % 3 > 0 then ${now}::timestamptz - make_interval(secs => g * ${SPACING_S}) + interval '1 day' end,
        case when g % 3 > 0 then ${now}::timestamptz - make_interval(secs => g * ${SPACING_S})
          + case when g % 20 = 1 then interval '30 hours' else interval '2 hours' end end
      from jsonb_array_elements(${chunk}::jsonb) with ordinality t(value, o),
        lateral (select ${i} + o::int as g) x`);
  }
  await segmentUnsearchableOrders(db.orm);
}

// GROWTH_REUSE=<url> measures a database a GROWTH_KEEP=1 run kept (at its size), without building anything.
const REUSE = process.env.GROWTH_REUSE;
const bench = REUSE
  ? { url: REUSE, drop: async () => undefined }
  : await createBenchDatabase('hotline_bench_growth');
const db = await openPostgres(bench.url, 4);
try {
  // A kept database gets the migrations written since (new indexes) before it is measured again.
  if (REUSE) {
    await migrateDatabase(db);
    await db.orm.execute(sql`vacuum analyze`); // as after a build: a kept database may predate it
  } else await build();
  const office: Actor = { id: null, username: 'o', displayName: '办', role: 'office', departmentId: null };

  const [dep] = await queryRows<{ id: number }>(db.orm, sql`select min(id) as id from departments`);
  const [top] = await queryRows<{ id: number }>(db.orm, sql`select id from categories where code = 'C1'`);
  const department: Actor = { ...office, role: 'department', departmentId: dep!.id };
  const agent: Actor = { ...office, role: 'agent' };
  const app = await buildApp({ db, clock: fixedClock(now), webConsole: false });
  const credentials = { username: 'bench-office', password: 'Bench-pass-1234' };
  if (!REUSE)
    await db.orm.transaction((tx) => createUser(tx, SYSTEM_ACTOR, { ...credentials, role: 'office' }, now));
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials });
  const headers = { authorization: `Bearer ${login.json().token as string}` };
  const httpGet = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res;
  };
  const asOf = resolveAsOf(undefined, now);
  const month = { from: new Date('2026-10-01T00:00:00+08:00'), to: new Date('2026-11-01T00:00:00+08:00') };
  const previousMonth = new Date('2026-09-01T00:00:00+08:00');
  let rows = BASE;
  let calls = 0;
  let lastOrder = 0;
  if (REUSE) {
    const [had] = await queryRows<{ n: number; last: number }>(
      db.orm,
      sql`select count(*)::int as n, max(id) as last from orders`,
    );
    [rows, calls, lastOrder] = [Number(had!.n), 2 * Number(had!.n), Number(had!.last)];
    SIZES.splice(0, SIZES.length, rows);
  }
  try {
    for (const size of SIZES) {
      const t0 = performance.now();
      // Copies of the base shifted back one base-span per copy: closed as old orders are; live ones stay live.
      // The orders' secondary indexes are dropped while copying and built again after (a bulk load).
      const indexes = await queryRows<{ name: string; def: string }>(
        db.orm,
        sql`select indexname as name, indexdef as def from pg_indexes i where tablename = 'orders'
          and not exists (select 1 from pg_constraint k where k.conname = i.indexname) and ${rows < size}`,
      );
      for (const i of indexes) await db.orm.execute(sql.raw(`drop index "${i.name}"`));
      for (let copy = Math.ceil(rows / BASE); rows < size; copy++) {
        const n = Math.min(BASE, size - rows);
        await db.orm
          .execute(sql`insert into orders (number, channel, type, category_id, title, content, status,
            department_id, received_at, handle_due_at, created_at, updated_at, closed_at, search_tokens,
            response_due_at, responded_at)
          select 'G' || ${copy} || '-' || b.number, b.channel, b.type, b.category_id, b.title, b.content,
            case when ${copy} % 25 = 0 then b.status else 'closed' end, b.department_id,
            b.received_at - make_interval(secs => ${BASE * SPACING_S}::float8 * ${copy}),
            b.handle_due_at - make_interval(secs => ${BASE * SPACING_S}::float8 * ${copy}),
            b.created_at, b.updated_at, b.closed_at, b.search_tokens,
            b.response_due_at - make_interval(secs => ${BASE * SPACING_S}::float8 * ${copy}),
            b.responded_at - make_interval(secs => ${BASE * SPACING_S}::float8 * ${copy})
          from orders b where b.number like 'B%' order by b.id limit ${n}`);
        rows += n;
      }
      // With room to sort (the GIN index of 500,000 orders' words took 20 min at the default 64 MB under load).
      await db.orm.transaction(async (tx) => {
        await tx.execute(sql`set local maintenance_work_mem = '512MB'`);
        for (const i of indexes) await tx.execute(sql.raw(i.def));
      });
      // Two calls per order over the same span: 90 % answered (20 s wait, 3 min talk), 10 % abandoned.
      await db.orm
        .execute(sql`insert into calls (source, call_id, caller_number, queue, offered_at, answered_at,
          agent, ended_at, abandoned_at, abandon_reason, created_at, ivr_rating)
        select 'bench', 'c' || g, null, 'main', o.at,
          case when g % 10 <> 0 then o.at + interval '20 seconds' end,
          case when g % 10 <> 0 then 'A' || (g % 60) end,
          case when g % 10 <> 0 then o.at + interval '200 seconds' end,
          case when g % 10 = 0 then o.at + interval '40 seconds' end,
          case when g % 10 = 0 then 'caller_hangup' end, ${now}::timestamptz,
          case when g % 10 in (1, 4, 7) then 3 + g % 3 end
        from generate_series(${calls + 1}::int, ${2 * size}::int) g,
          lateral (select ${now}::timestamptz - make_interval(secs => g * ${SPACING_S / 2}::float8) as at) o`);
      calls = 2 * size;
      // Each order dispatched an hour after it came in (1 in 50 returned as misrouted); each closed order called
      // back five days later (80 % reached, 90 % of those satisfied).
      await db.orm
        .execute(sql`insert into order_dispatches (order_id, department_id, dispatched_at, time_limit_days,
          due_at, ended_at, outcome)
        select o.id, o.department_id, o.received_at + interval '1 hour', 10, o.handle_due_at, o.closed_at,
          case when o.closed_at is not null then 'replied' end
        from orders o where o.id > ${lastOrder} and o.department_id is not null`);
      await db.orm.execute(sql`insert into order_callbacks (order_id, at, reached, satisfaction,
          attitude_satisfaction)
        select o.id, o.received_at + interval '5 days', o.id % 5 <> 0,
          case when o.id % 5 <> 0 then case when o.id % 10 = 1 then 'unsatisfied' else 'satisfied' end end,
          case when o.id % 5 <> 0 then 'satisfied' end
        from orders o where o.id > ${lastOrder} and o.status = 'closed'`);
      const [last] = await queryRows<{ id: number }>(db.orm, sql`select max(id) as id from orders`);
      lastOrder = Number(last!.id);
      // The state autovacuum leaves a production database in (this machine's server runs with autovacuum off):
      // visibility maps set, so index-only scans (orders_response_idx, the live-order indexes) read no heap.
      await db.orm.execute(sql`vacuum analyze`);
      const built = ((performance.now() - t0) / 1000).toFixed(0);
      console.log(`== ${size} orders, ${calls} calls (built in ${built} s)`);
      const list = (actor: Actor, q: Record<string, unknown>) =>
        listOrders(db.orm, actor, { page: 1, pageSize: 20, sort: '-receivedAt', ...q } as never, now, 3);
      const words = ['路灯', '噪音', '物业', '停车', '学校'];
      for (const w of words) {
        const [m] = await queryRows<{ n: number }>(
          db.orm,
          sql`select count(*)::int as n from orders where title like ${`%${w}%`} or content like ${`%${w}%`}`,
        );
        console.log(`  ${w}: ${m!.n} orders contain it`);
      }
      let assessmentBytes = 0;
      const timings: [string, () => Promise<unknown>][] = [
        [
          'open list by due date (office)',
          () => list(office, { status: 'dispatched,in_progress', sort: 'handleDueAt' }),
        ],
        ["a department's own list", () => list(department, {})],
        ["a department's open list", () => list(department, { status: 'dispatched,in_progress' })],
        ["an agent's list to dispatch", () => list(agent, { status: 'registered' })],
        ["an agent's list to call back", () => list(agent, { status: 'replied' })],
        [
          'office list: closed + category + a month',
          () => list(office, { status: 'closed', categoryId: top!.id, from: month.from, to: month.to }),
        ],
        ...words.map((w): [string, () => Promise<unknown>] => [
          `text search q=${w}`,
          () => list(office, { q: w }),
        ]),
        ['queue counts (agent)', () => queueCounts(db.orm, agent, now)],
        ['queue counts (department)', () => queueCounts(db.orm, department, now)],
        ['queue counts (office)', () => queueCounts(db.orm, office, now)],
        ['GET /api/stats/queues (office)', () => httpGet('/api/stats/queues')],
        ['dashboard (office)', () => overviewStats(db.orm, office, now)],
        ['dashboard (department)', () => overviewStats(db.orm, department, now)],
        ['month by top-level category (monthly report)', () => intakeBreakdown(db.orm, month.from, month.to)],
        ['month top matters (monthly report)', () => topMatters(db.orm, month.from, month.to, previousMonth)],
        [
          "year's assessment (service, period=term)",
          () => assessmentAnswer(db.orm, 'luohe-2025', 'term', asOf),
        ],
        [
          "year's assessment GET /api/contracts/luohe-2025/assessment?period=term",
          async () => {
            const res = await httpGet(`/api/contracts/luohe-2025/assessment?period=term&asOf=${asOf.day}`);
            assessmentBytes = res.rawPayload.length;
          },
        ],
      ];
      for (const [name, f] of timings) console.log(`${name}: ${(await median3(f)).toFixed(1)} ms`);
      console.log(`  assessment answer: ${assessmentBytes} bytes`);
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
          `select id from orders where search_tokens @@ '''路灯'''::tsquery and (title ilike '%路灯%' or content ilike '%路灯%') order by received_at desc limit 20`,
        ],
      ];
      for (const [name, q] of plans) {
        const plan = await queryRows<{ 'QUERY PLAN': string }>(db.orm, sql.raw(`explain ${q}`));
        const used = plan.map((p) => p['QUERY PLAN']).filter((l) => /Index|Seq Scan|Bitmap/.test(l));
        console.log(`plan ${name}: ${used.map((l) => l.trim().replace(/\s+\(cost.*$/, '')).join(' | ')}`);
      }
    }
  } finally {
    await app.close();
  }
} finally {
  await db.close();
  // GROWTH_KEEP=1 keeps the database to look at its plans (drop it yourself).
  if (process.env.GROWTH_KEEP) console.log(`kept ${bench.url}`);
  else await bench.drop();
}
