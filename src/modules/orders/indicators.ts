import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { figure, figureCounts, type FigureCounts, type IndicatorFigure } from '../../platform/indicator.ts';
import { ONLINE_CHANNELS } from './model.ts';

/**
 * KPI 2 网络工单回应率 for online orders received in [from, to): responded within 1 working day / online orders,
 * leaving out orders under appeal (Luohe art. 11 #2: 剔除需申诉工单) — a pending or accepted appeal — and
 * orders still waiting whose response time has not yet run out. The one statement of the rule: each order's
 * class (appealed, waiting, counted) and whether it was on time, which both modes read.
 */
function onlineResponseOrders(from: Date, to: Date, now: Date) {
  return sql`select o.id,
          case when o.appeal_status in ('pending', 'accepted') then 'appealed'
            when o.responded_at is null and o.response_due_at > ${now} then 'waiting'
            else 'counted' end as class,
          (o.responded_at is not null and o.responded_at <= o.response_due_at) as "onTime"
        from orders o
        where o.channel in (${sql.join(
          ONLINE_CHANNELS.map((c) => sql`${c}`),
          sql`, `,
        )})
          and o.received_at >= ${from} and o.received_at < ${to} and o.response_due_at is not null`;
}

type OnlineResponseClass = 'appealed' | 'waiting' | 'counted';
const ONLINE_RESPONSE_EXCLUDED: [OnlineResponseClass, string][] = [
  ['appealed', 'under appeal'],
  ['waiting', 'response not yet due'],
];

/** KPI 2 with the orders counted (the drill-down). */
export async function onlineResponseRate(
  db: DbOrTx,
  from: Date,
  to: Date,
  now: Date,
): Promise<IndicatorFigure> {
  const rows = await queryRows<{ id: number; class: OnlineResponseClass; onTime: boolean }>(
    db,
    sql`select x.id, x.class, x."onTime" from (${onlineResponseOrders(from, to, now)}) x order by x.id`,
  );
  const counted = rows.filter((r) => r.class === 'counted');
  return figure(
    'order',
    counted.map((r) => r.id),
    counted.filter((r) => r.onTime).map((r) => r.id),
    ONLINE_RESPONSE_EXCLUDED.map(([c, reason]) => ({
      reason,
      ids: rows.filter((r) => r.class === c).map((r) => r.id),
    })),
  );
}

/** KPI 2 as counts (the assessment answer): the same orders, counted in SQL. */
export async function onlineResponseCounts(
  db: DbOrTx,
  from: Date,
  to: Date,
  now: Date,
): Promise<FigureCounts> {
  const rows = await queryRows<{ class: OnlineResponseClass; n: number; onTime: number }>(
    db,
    sql`select x.class, count(*)::int as n, count(*) filter (where x."onTime")::int as "onTime"
        from (${onlineResponseOrders(from, to, now)}) x group by x.class`,
  );
  const of = (c: OnlineResponseClass) => rows.find((r) => r.class === c);
  return figureCounts(
    'order',
    of('counted')?.n ?? 0,
    of('counted')?.onTime ?? 0,
    ONLINE_RESPONSE_EXCLUDED.map(([c, reason]) => ({ reason, count: of(c)?.n ?? 0 })),
  );
}

/**
 * KPI 3 交办单退回率 for [from, to): dispatches returned because the operator misrouted them (the office's
 * ruling) / dispatches made in the period. Returns the office has not yet ruled on are listed, not counted.
 * A dispatch disputed (派单异议) and redirected by the office (改派) counts as misrouted exactly like a return
 * judged the operator's fault; an upheld dispute (维持) or a joint decision (联合办理) does not, and a dispute
 * not yet decided is listed like an unjudged return. A dispatch counts once however it was found misrouted.
 * Orders with an accepted appeal are left out of both.
 */
/** The rule's pieces, shared by both modes: the span's dispatches, which are left out, what misroutes one. */
const dispatchedIn = (from: Date, to: Date) => sql`d.dispatched_at >= ${from} and d.dispatched_at < ${to}`;
// The orders left out are few (orders_excluded_idx): read once, not one join per dispatch.
const LEFT_OUT = sql`d.order_id in (select o.id from orders o where o.excluded_from_assessment)`;
const FAULT_RETURN = sql`r.operator_fault is true`;
const UNJUDGED_RETURN = sql`r.operator_fault is null`;
const REDIRECT = sql`x.outcome = 'redirect'`;
const UNDECIDED = sql`x.outcome = 'pending'`;

export async function returnRate(db: DbOrTx, from: Date, to: Date): Promise<IndicatorFigure> {
  const [dispatches, returns, disputes] = await Promise.all([
    queryRows<{ id: number; excluded: boolean }>(
      db,
      sql`select d.id, ${LEFT_OUT} as excluded
          from order_dispatches d
          where ${dispatchedIn(from, to)} order by d.id`,
    ),
    queryRows<{ dispatchId: number; fault: boolean; unjudged: boolean }>(
      db,
      sql`select r.dispatch_id as "dispatchId", ${FAULT_RETURN} as fault, ${UNJUDGED_RETURN} as unjudged
          from order_returns r join order_dispatches d on d.id = r.dispatch_id
          where ${dispatchedIn(from, to)}`,
    ),
    queryRows<{ dispatchId: number; redirect: boolean }>(
      db,
      sql`select x.dispatch_id as "dispatchId", ${REDIRECT} as redirect from order_disputes x
          join order_dispatches d on d.id = x.dispatch_id
          where ${dispatchedIn(from, to)} and (${REDIRECT} or ${UNDECIDED})`,
    ),
  ]);
  const counted = dispatches.filter((d) => !d.excluded).map((d) => d.id);
  // A set, not `counted.includes` per return: linear in the period's dispatches instead of quadratic.
  const countedSet = new Set(counted);
  const fault = new Set(
    [
      ...returns.filter((r) => r.fault).map((r) => r.dispatchId),
      ...disputes.filter((x) => x.redirect).map((x) => x.dispatchId),
    ].filter((id) => countedSet.has(id)),
  );
  const unjudged = returns.filter((r) => r.unjudged).map((r) => r.dispatchId);
  const undecided = disputes.filter((x) => !x.redirect).map((x) => x.dispatchId);
  return figure(
    'order_dispatch',
    counted,
    [...fault],
    [
      { reason: 'return not yet judged', ids: unjudged },
      { reason: 'dispute not yet decided', ids: undecided },
      { reason: 'accepted appeal', ids: dispatches.filter((d) => d.excluded).map((d) => d.id) },
    ],
  );
}

/** KPI 3 as counts (the assessment answer): the same rule, counted in SQL. */
export async function returnCounts(db: DbOrTx, from: Date, to: Date): Promise<FigureCounts> {
  const [row] = await queryRows<{
    counted: number;
    misrouted: number;
    leftOut: number;
    unjudged: number;
    undecided: number;
  }>(
    db,
    sql`select count(*) filter (where s.excluded is not true)::int as counted,
          count(*) filter (where s.excluded is not true and (
            s.id in (select r.dispatch_id from order_returns r where ${FAULT_RETURN})
            or s.id in (select x.dispatch_id from order_disputes x where ${REDIRECT})))::int as misrouted,
          count(*) filter (where s.excluded)::int as "leftOut",
          (select count(*) from order_returns r join order_dispatches d on d.id = r.dispatch_id
            where ${dispatchedIn(from, to)} and ${UNJUDGED_RETURN})::int as unjudged,
          (select count(*) from order_disputes x join order_dispatches d on d.id = x.dispatch_id
            where ${dispatchedIn(from, to)} and ${UNDECIDED})::int as undecided
        from (select d.id, ${LEFT_OUT} as excluded from order_dispatches d where ${dispatchedIn(from, to)}) s`,
  );
  return figureCounts('order_dispatch', row!.counted, row!.misrouted, [
    { reason: 'return not yet judged', count: row!.unjudged },
    { reason: 'dispute not yet decided', count: row!.undecided },
    { reason: 'accepted appeal', count: row!.leftOut },
  ]);
}
