import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { departmentCounts } from './department-figures.ts';

/**
 * What the quality module reads of orders and their callbacks (回访), as functions of the orders module so that
 * quality does not query the orders tables itself. The rule of which orders require a callback is quality's
 * setting; it arrives here as an argument.
 */

/** Which orders require a callback (the quality setting `quality.callbackRule`). */
export interface CallbackRequirement {
  dispatchedOnly: boolean;
  excludeAnonymous: boolean;
  excludeDeclined: boolean;
  excludeMerged: boolean;
  types: string[] | null;
}

/** The requirement as a SQL condition on orders `o` (one place, so the queue and the KPI agree). */
function requiresCallbackSql(rule: CallbackRequirement): SQL {
  const parts: SQL[] = [
    sql`o.caller_phone is not null`,
    sql`o.replied_at is not null`,
    sql`not o.excluded_from_assessment`,
  ];
  if (rule.dispatchedOnly) parts.push(sql`o.dispatched_at is not null`);
  if (rule.excludeAnonymous) parts.push(sql`not o.caller_anonymous`);
  if (rule.excludeDeclined) parts.push(sql`o.callback_wanted`);
  if (rule.excludeMerged) parts.push(sql`o.status <> 'merged'`);
  if (rule.types?.length)
    parts.push(
      sql`o.type in (${sql.join(
        rule.types.map((t) => sql`${t}`),
        sql`, `,
      )})`,
    );
  return sql.join(parts, sql` and `);
}

/** A replied order that requires a callback, with the attempts made since its latest reply. */
export interface OwedCallback {
  id: number;
  number: string;
  title: string;
  status: string;
  repliedAt: Date;
  reached: boolean;
  attempts: number;
  lastAttemptAt: Date | null;
  reachedAt: Date | null;
}

/** Which owed callbacks: the orders still in `replied`, or those replied in [from, to). */
export type OwedCallbackScope = { waiting: true } | { repliedFrom: Date; repliedTo: Date };

/** Orders requiring a callback under `rule` in `scope`, oldest reply first. */
export async function owedCallbacks(
  db: DbOrTx,
  rule: CallbackRequirement,
  scope: OwedCallbackScope,
): Promise<OwedCallback[]> {
  const where =
    'waiting' in scope
      ? sql`o.status = 'replied'`
      : sql`o.replied_at >= ${scope.repliedFrom} and o.replied_at < ${scope.repliedTo}`;
  const rows = await queryRows<
    OwedCallback & {
      repliedAt: string | Date;
      lastAttemptAt: string | Date | null;
      reachedAt: string | Date | null;
    }
  >(
    db,
    sql`select o.id, o.number, o.title, o.status, o.replied_at as "repliedAt",
          coalesce(bool_or(c.reached) filter (where c.at >= o.replied_at), false) as reached,
          (count(c.id) filter (where c.at >= o.replied_at))::int as attempts,
          max(c.at) filter (where c.at >= o.replied_at) as "lastAttemptAt",
          min(c.at) filter (where c.at >= o.replied_at and c.reached) as "reachedAt"
        from orders o left join order_callbacks c on c.order_id = o.id
        where ${requiresCallbackSql(rule)} and ${where}
        group by o.id order by o.replied_at`,
  );
  return rows.map((r) => ({
    ...r,
    repliedAt: new Date(r.repliedAt),
    lastAttemptAt: r.lastAttemptAt ? new Date(r.lastAttemptAt) : null,
    reachedAt: r.reachedAt ? new Date(r.reachedAt) : null,
  }));
}

/** A callback's answer to the attitude question, with the agent who registered the order. */
export interface AttitudeAnswer {
  callbackId: number;
  agentId: number | null;
  answer: string;
}

/** The attitude answers of callbacks made in [from, to). */
export async function callbackAttitudeAnswers(db: DbOrTx, from: Date, to: Date): Promise<AttitudeAnswer[]> {
  return queryRows<AttitudeAnswer>(
    db,
    sql`select c.id as "callbackId", o.created_by as "agentId", c.attitude_satisfaction as answer
        from order_callbacks c join orders o on o.id = c.order_id
        where c.attitude_satisfaction is not null and c.at >= ${from} and c.at < ${to}
        order by c.id`,
  );
}

/**
 * The attitude answers of callbacks made in [from, to) as counts (the assessment answer): all of them, and those
 * among `satisfied` (quality's rule of which answers count as satisfied) — the rows `callbackAttitudeAnswers` reads
 * (its join to the order, for the agent, drops none: a callback's order_id is a required foreign key).
 */
export async function callbackAttitudeCounts(
  db: DbOrTx,
  from: Date,
  to: Date,
  satisfied: readonly string[],
): Promise<{ total: number; satisfied: number }> {
  const [row] = await queryRows<{ total: number; satisfied: number }>(
    db,
    sql`select count(*)::int as total,
          count(*) filter (where c.attitude_satisfaction in (${sql.join(
            satisfied.map((v) => sql`${v}`),
            sql`, `,
          )}))::int as satisfied
        from order_callbacks c
        where c.attitude_satisfaction is not null and c.at >= ${from} and c.at < ${to}`,
  );
  return row!;
}

/** The handling answers of callbacks made in [from, to), counted by the order's department. */
export interface HandlingAnswerCounts {
  departmentId: number;
  satisfied: number;
  basically: number;
  unsatisfied: number;
  total: number;
}

export async function callbackHandlingByDepartment(
  db: DbOrTx,
  from: Date,
  to: Date,
): Promise<HandlingAnswerCounts[]> {
  // The same count the department scorecard makes (department-figures.ts), so the two rankings agree.
  const counts = await departmentCounts(db, 'callbacks', { from, to, now: to, signWithinHours: 0 });
  return [...counts].map(([departmentId, c]) => ({
    departmentId,
    satisfied: c.satisfied,
    basically: c.basicallySatisfied,
    unsatisfied: c.unsatisfied,
    total: c.satisfied + c.basicallySatisfied + c.unsatisfied,
  }));
}

/** An order received in a window, as the hot-topic detector reads it (no personal data but a blind index). */
export interface ReceivedOrderText {
  id: number;
  at: Date;
  title: string;
  content: string;
  categoryId: number | null;
  district: string | null;
  /** The caller phone's blind index (or the phone where none was computed): stands for the person. */
  phoneKey: string | null;
}

/** Orders received in [from, to), merged ones left out, oldest first. */
export async function ordersReceivedBetween(db: DbOrTx, from: Date, to: Date): Promise<ReceivedOrderText[]> {
  const rows = await queryRows<Omit<ReceivedOrderText, 'at'> & { at: Date | string }>(
    db,
    sql`select o.id, o.received_at as at, o.title, o.content, o.category_id as "categoryId", o.district,
          coalesce(o.caller_phone_bidx, o.caller_phone) as "phoneKey"
        from orders o
        where o.received_at >= ${from} and o.received_at < ${to} and o.status <> 'merged'
        order by o.id`,
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}
