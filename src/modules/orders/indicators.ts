import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { figure, type IndicatorFigure } from '../../platform/indicator.ts';
import { ONLINE_CHANNELS } from './model.ts';

/**
 * KPI 2 网络工单回应率 for online orders received in [from, to): responded within 1 working day / online orders,
 * leaving out orders under appeal (Luohe art. 11 #2: 剔除需申诉工单) — a pending or accepted appeal — and
 * orders still waiting whose response time has not yet run out.
 */
export async function onlineResponseRate(
  db: DbOrTx,
  from: Date,
  to: Date,
  now: Date,
): Promise<IndicatorFigure> {
  const rows = await queryRows<{
    id: number;
    onTime: boolean;
    responded: boolean;
    overdue: boolean;
    appealed: boolean;
  }>(
    db,
    sql`select o.id, (o.responded_at is not null and o.responded_at <= o.response_due_at) as "onTime",
          o.responded_at is not null as responded, o.response_due_at <= ${now} as overdue,
          o.appeal_status in ('pending', 'accepted') as appealed
        from orders o
        where o.channel in (${sql.join(
          ONLINE_CHANNELS.map((c) => sql`${c}`),
          sql`, `,
        )})
          and o.received_at >= ${from} and o.received_at < ${to} and o.response_due_at is not null
        order by o.id`,
  );
  // One linear pass (no `includes` over the period's rows: a year holds hundreds of thousands).
  const appealed: typeof rows = [];
  const waiting: typeof rows = [];
  const counted: typeof rows = [];
  for (const r of rows) {
    if (r.appealed) appealed.push(r);
    else if (!r.responded && !r.overdue) waiting.push(r);
    else counted.push(r);
  }
  return figure(
    'order',
    counted.map((r) => r.id),
    counted.filter((r) => r.onTime).map((r) => r.id),
    [
      { reason: 'under appeal', ids: appealed.map((r) => r.id) },
      { reason: 'response not yet due', ids: waiting.map((r) => r.id) },
    ],
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
export async function returnRate(db: DbOrTx, from: Date, to: Date): Promise<IndicatorFigure> {
  const [dispatches, returns, disputes] = await Promise.all([
    queryRows<{ id: number; excluded: boolean }>(
      db,
      // The orders left out are few (orders_excluded_idx): read once, not one join per dispatch.
      sql`select d.id, d.order_id in (select o.id from orders o where o.excluded_from_assessment) as excluded
          from order_dispatches d
          where d.dispatched_at >= ${from} and d.dispatched_at < ${to} order by d.id`,
    ),
    queryRows<{ dispatchId: number; fault: boolean | null }>(
      db,
      sql`select r.dispatch_id as "dispatchId", r.operator_fault as fault from order_returns r
          join order_dispatches d on d.id = r.dispatch_id
          where d.dispatched_at >= ${from} and d.dispatched_at < ${to}`,
    ),
    queryRows<{ dispatchId: number; outcome: string }>(
      db,
      sql`select x.dispatch_id as "dispatchId", x.outcome from order_disputes x
          join order_dispatches d on d.id = x.dispatch_id
          where d.dispatched_at >= ${from} and d.dispatched_at < ${to} and x.outcome in ('redirect', 'pending')`,
    ),
  ]);
  const counted = dispatches.filter((d) => !d.excluded).map((d) => d.id);
  // A set, not `counted.includes` per return: linear in the period's dispatches instead of quadratic.
  const countedSet = new Set(counted);
  const fault = new Set(
    [
      ...returns.filter((r) => r.fault === true).map((r) => r.dispatchId),
      ...disputes.filter((x) => x.outcome === 'redirect').map((x) => x.dispatchId),
    ].filter((id) => countedSet.has(id)),
  );
  const unjudged = returns.filter((r) => r.fault === null).map((r) => r.dispatchId);
  const undecided = disputes.filter((x) => x.outcome === 'pending').map((x) => x.dispatchId);
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
