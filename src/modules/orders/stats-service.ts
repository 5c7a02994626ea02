import { sql, type SQL } from 'drizzle-orm';
import { addDays, localDateOf, startOfLocalDay } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import { preparedSql } from '../../db/prepared.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor } from '../../platform/actor.ts';

/** Counts keyed by a field's value, largest first. */
export type Breakdown = { key: string; label?: string; count: number }[];

export interface IntakeSummary {
  total: number;
  byChannel: Breakdown;
  byType: Breakdown;
  byStatus: Breakdown;
  byCategory: Breakdown;
}

function scopeOf(actor: Actor): SQL {
  return actor.role === 'department'
    ? // `@>` (not `= any`) so the GIN index on co_department_ids serves it.
      sql`(o.department_id = ${actor.departmentId} or o.co_department_ids @> array[${actor.departmentId}::int])`
    : sql`true`;
}

/** The four breakdowns of an intake summary, by the grouping set each row of the summary query belongs to. */
const SUMMARY_SETS = { 7: 'byChannel', 11: 'byType', 13: 'byStatus', 14: 'byCategory' } as const;
type SummaryRow = { g: number; key: string | null; today: number; month: number };
/** Largest first; equal counts by key, `none` (no value) after the named ones. */
const largestFirst = (x: Breakdown[number], y: Breakdown[number]) =>
  y.count - x.count ||
  Number(x.key === 'none') - Number(y.key === 'none') ||
  (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);

/**
 * Today's and this month's intake summaries in ONE scan of the month's orders (issue 18): the channel, type,
 * status and top-level category breakdowns are the grouping sets of one query, and today's counts a filter of
 * the same aggregate (today lies inside the month), where eight queries each read the same orders again. The
 * category → top-level map is built once per query (a recursive walk down the small catalogue) and joined.
 * `grouping(...)` tells the sets apart (a null channel or category is a value, not a missing set): its bits mark
 * the columns a row is NOT grouped by. The order is stable (`largestFirst`).
 */
async function summariseTodayAndMonth(
  db: DbOrTx,
  scope: SQL,
  range: { dayStart: Date; monthStart: Date; tomorrow: Date },
): Promise<{ today: IntakeSummary; month: IntakeSummary }> {
  const rows = await queryRows<SummaryRow>(
    db,
    sql`with recursive top as (
          select id, name as top_name from categories where parent_id is null
          union all select c.id, top.top_name from categories c join top on c.parent_id = top.id)
        select grouping(o.channel, o.type, o.status, t.top_name)::int as g,
          coalesce(o.channel, o.type, o.status, t.top_name) as key,
          count(*) filter (where o.received_at >= ${range.dayStart})::int as today, count(*)::int as month
        from orders o left join top t on t.id = o.category_id
        where ${scope} and ${receivedBetween(range.monthStart, range.tomorrow)}
        group by grouping sets ((o.channel), (o.type), (o.status), (t.top_name))`,
  );
  const summary = (period: 'today' | 'month'): IntakeSummary => {
    const sets: Record<(typeof SUMMARY_SETS)[keyof typeof SUMMARY_SETS], Breakdown> = {
      byChannel: [],
      byType: [],
      byStatus: [],
      byCategory: [],
    };
    for (const r of rows) {
      const set = SUMMARY_SETS[Number(r.g) as keyof typeof SUMMARY_SETS];
      const count = Number(r[period]);
      if (set && count > 0) sets[set].push({ key: r.key ?? 'none', count });
    }
    for (const b of Object.values(sets)) b.sort(largestFirst);
    return { total: sets.byChannel.reduce((n, b) => n + b.count, 0), ...sets };
  };
  return { today: summary('today'), month: summary('month') };
}

const receivedBetween = (from: Date, to: Date) => sql`o.received_at >= ${from} and o.received_at < ${to}`;

/** 看板 — today's and this month's intake, overdue orders by department, and the last 30 days' trend. */
export async function overviewStats(db: DbOrTx, actor: Actor, now: Date) {
  const scope = scopeOf(actor);
  const today = localDateOf(now);
  const dayStart = startOfLocalDay(today);
  const monthStart = startOfLocalDay(`${today.slice(0, 8)}01`);
  const trendStart = startOfLocalDay(addDays(today, -29));
  const tomorrow = startOfLocalDay(addDays(today, 1));
  const [summaries, overdue, trend, callbacks] = await Promise.all([
    summariseTodayAndMonth(db, scope, { dayStart, monthStart, tomorrow }),
    queryRows<{ departmentId: number; name: string; count: number }>(
      db,
      sql`select d.id as "departmentId", d.name, count(*)::int as count
          from orders o join departments d on d.id = o.department_id
          where ${scope} and o.status in ('dispatched', 'in_progress') and o.pause_state <> 'paused'
            and o.handle_due_at <= ${now}
          group by d.id, d.name order by 3 desc, 2`,
    ),
    queryRows<{ date: string; count: number; closed: number }>(
      db,
      // Grouped by the local date itself and formatted once per day, not once per order (to_char per row was
      // the dashboard's costliest part in the mixed workload's server samples).
      sql`select to_char(d.day, 'YYYY-MM-DD') as date, d.count, d.closed
          from (select (o.received_at at time zone 'Asia/Shanghai')::date as day, count(*)::int as count,
              count(*) filter (where o.status in ('closed', 'archived'))::int as closed
            from orders o where ${scope} and ${receivedBetween(trendStart, tomorrow)}
            group by 1) d
          order by d.day`,
    ),
    // 是否解决 — of this month's callbacks that reached the citizen, on orders in the actor's scope.
    queryRows<{ reached: number; resolved: number; unresolved: number }>(
      db,
      sql`select count(*)::int as reached,
            count(*) filter (where c.resolved)::int as resolved,
            count(*) filter (where c.resolved = false)::int as unresolved
          from order_callbacks c join orders o on o.id = c.order_id
          where ${scope} and c.reached and c.at >= ${monthStart} and c.at < ${tomorrow}`,
    ),
  ]);
  const cb = callbacks[0];
  const byDate = new Map(trend.map((t) => [t.date, t]));
  const days = Array.from({ length: 30 }, (_, i) => addDays(today, i - 29));
  return {
    today: summaries.today,
    month: summaries.month,
    overdueByDepartment: overdue.map((o) => ({ ...o, count: Number(o.count) })),
    trend: days.map((date) => ({
      date,
      count: Number(byDate.get(date)?.count ?? 0),
      closed: Number(byDate.get(date)?.closed ?? 0),
    })),
    callbacks: {
      reached: Number(cb?.reached ?? 0),
      resolved: Number(cb?.resolved ?? 0),
      unresolved: Number(cb?.unresolved ?? 0),
    },
  };
}

const NOW = sql.placeholder('now');
const SOON = sql.placeholder('soon');
const QUEUES: Record<string, SQL> = {
  agent: sql`count(*) filter (where o.status = 'submitted') as "awaitingIntake",
    count(*) filter (where o.status = 'registered') as "toDispatch",
    count(*) filter (where o.status = 'returned') as "returned",
    count(*) filter (where o.status = 'replied') as "toCallBack",
    count(*) filter (where o.status = 'submitted' and o.response_due_at <= ${NOW}::timestamptz) as "responseOverdue"`,
  department: sql`count(*) filter (where o.status = 'dispatched') as "toSign",
    count(*) filter (where o.status = 'in_progress') as "inProgress",
    count(*) filter (where o.status in ('dispatched', 'in_progress') and o.pause_state <> 'paused' and o.handle_due_at > ${NOW}::timestamptz and o.handle_due_at <= ${SOON}::timestamptz) as "dueSoon",
    count(*) filter (where o.status in ('dispatched', 'in_progress') and o.pause_state <> 'paused' and o.handle_due_at <= ${NOW}::timestamptz) as "overdue",
    count(*) filter (where o.co_pending_department_ids @> array[${sql.placeholder('departmentId')}::int]) as "coToAnswer",
    count(*) filter (where o.pause_state = 'paused') as "paused"`,
  office: sql`count(*) filter (where o.return_judgement_pending) as "returnsToJudge",
    count(*) filter (where o.extension_pending) as "extensionsToDecide",
    count(*) filter (where o.appeal_status = 'pending') as "appealsToDecide",
    count(*) filter (where o.status in ('dispatched', 'in_progress') and o.pause_state <> 'paused' and o.handle_due_at <= ${NOW}::timestamptz) as "overdue",
    count(*) filter (where o.dispute_pending) as "disputesToDecide",
    count(*) filter (where o.pause_state = 'pending') as "pausesToDecide"`,
};
// Each role's queues count only live orders (or ones awaiting a decision): the WHERE says so, so the partial
// indexes on live orders (schema.ts) answer instead of a scan of every order ever registered.
const LIVE: Record<string, SQL> = {
  agent: sql`o.status in ('submitted', 'registered', 'returned', 'replied')`,
  department: sql`o.status in ('dispatched', 'in_progress')`,
  // A pending dispute is always on an order at a department (dispatched or in progress): the live indexes hold it.
  office: sql`(o.return_judgement_pending or o.extension_pending or o.appeal_status = 'pending'
    or o.pause_state = 'pending'
    or (o.status in ('dispatched', 'in_progress') and (o.handle_due_at <= ${NOW}::timestamptz or o.dispute_pending)))`,
};
const DEPARTMENT = sql.placeholder('departmentId');
// `@>` (not `= any`) so the GIN index on co_department_ids serves it.
const OWN = sql`(o.department_id = ${DEPARTMENT}::int or o.co_department_ids @> array[${DEPARTMENT}::int])`;
const queueStatements = new Map<string, ReturnType<typeof preparedSql<Record<string, number>>>>();
/** One prepared statement per queue set and scope (a department's own, or all orders). */
function queueStatement(role: string, own: boolean) {
  const name = `queue_counts_${role}${own ? '_own' : ''}`;
  let q = queueStatements.get(name);
  if (!q) {
    const query = sql`select ${QUEUES[role]!} from orders o where ${own ? OWN : sql`true`} and ${LIVE[role]!}`;
    queueStatements.set(name, (q = preparedSql<Record<string, number>>(name, query)));
  }
  return q;
}

/** The queues on a role's home page, with their counts (prepared statements: every home page asks). */
export async function queueCounts(db: DbOrTx, actor: Actor, now: Date): Promise<Record<string, number>> {
  const soon = new Date(now.getTime() + 86_400_000);
  const role = actor.role === 'team_lead' ? 'agent' : actor.role === 'admin' ? 'office' : actor.role;
  const known = role in QUEUES ? role : 'office';
  const [row] = await queueStatement(known, actor.role === 'department').rows(db, {
    now,
    soon,
    departmentId: actor.departmentId,
  });
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

/** Whether any order was received since `since` (the contract's check that the service has started). */
export async function anyOrderSince(db: DbOrTx, since: Date): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    db,
    sql`select exists(select 1 from orders where received_at >= ${since}) as found`,
  );
  return row?.found === true;
}
