/**
 * Reads of 派单异议: the office's list (pending, overdue at `now`), one order's disputes, the catalogue flags and
 * the per-department figures for the department scorecard.
 */
import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { DISPUTE_OUTCOME_LABELS } from '../../shared/labels.ts';
import { flaggedCategories, type FlagRule } from './dispute-flags.ts';
import type { ListDisputesQuery, DisputeView } from './dispute-model.ts';
import { loadLookups } from './query-service.ts';
import { findOrder } from './repository.ts';
import { orderDisputes, orders } from './schema.ts';

const row = {
  dispute: orderDisputes,
  orderNumber: orders.number,
  orderTitle: orders.title,
  orderStatus: orders.status,
};
type Row = {
  dispute: typeof orderDisputes.$inferSelect;
  orderNumber: string;
  orderTitle: string;
  orderStatus: string;
};

function present(r: Row, now: Date, lookups: Awaited<ReturnType<typeof loadLookups>>): DisputeView {
  const d = r.dispute;
  return {
    ...d,
    orderNumber: r.orderNumber,
    orderTitle: r.orderTitle,
    orderStatus: r.orderStatus,
    departmentName: lookups.departmentName(d.departmentId),
    categoryPath: lookups.categoryPath(d.categoryId),
    proposedDepartmentName: lookups.departmentName(d.proposedDepartmentId),
    overdue: d.outcome === 'pending' && d.decideDueAt.getTime() <= now.getTime(),
    outcomeLabel: DISPUTE_OUTCOME_LABELS[d.outcome as keyof typeof DISPUTE_OUTCOME_LABELS] ?? d.outcome,
    decidedDepartmentName: lookups.departmentName(d.decidedDepartmentId),
  };
}

const pendingAndDue = (now: Date) =>
  and(eq(orderDisputes.outcome, 'pending'), sql`${orderDisputes.decideDueAt} <= ${now}`)!;

/** The disputes list; a department sees only those it raised. Overdue is computed at `now`, not stored. */
export async function listDisputes(db: DbOrTx, actor: Actor, q: ListDisputesQuery, now: Date) {
  const scope: SQL[] = [];
  if (actor.role === 'department') scope.push(eq(orderDisputes.departmentId, actor.departmentId ?? -1));
  if (q.departmentId) scope.push(eq(orderDisputes.departmentId, q.departmentId));
  const where = [...scope];
  if (q.state === 'pending') where.push(eq(orderDisputes.outcome, 'pending'));
  if (q.state === 'overdue') where.push(pendingAndDue(now));
  if (q.state === 'decided') where.push(sql`${orderDisputes.outcome} <> 'pending'`);
  const cond = where.length ? and(...where) : undefined;
  const [rows, [counted], [overdue], lookups] = await Promise.all([
    db
      .select(row)
      .from(orderDisputes)
      .innerJoin(orders, eq(orders.id, orderDisputes.orderId))
      .where(cond)
      // Waiting ones by the time their decision is due; decided ones newest first.
      .orderBy(
        ...(q.state === 'pending' || q.state === 'overdue'
          ? [asc(orderDisputes.decideDueAt), asc(orderDisputes.id)]
          : [desc(orderDisputes.raisedAt), desc(orderDisputes.id)]),
      )
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(orderDisputes)
      .where(cond),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(orderDisputes)
      .where(and(pendingAndDue(now), ...scope)),
    loadLookups(db),
  ]);
  return {
    items: rows.map((r) => present(r, now, lookups)),
    total: Number(counted?.n ?? 0),
    overdue: Number(overdue?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** Every dispute of one order, oldest first (404 when the actor may not see the order). */
export async function orderDisputesOf(db: DbOrTx, actor: Actor, orderId: number, now: Date) {
  await findOrder(db, orderId, actor);
  const [rows, lookups] = await Promise.all([
    db
      .select(row)
      .from(orderDisputes)
      .innerJoin(orders, eq(orders.id, orderDisputes.orderId))
      .where(eq(orderDisputes.orderId, orderId))
      .orderBy(asc(orderDisputes.id)),
    loadLookups(db),
  ]);
  return { items: rows.map((r) => present(r, now, lookups)) };
}

/** Categories disputed at least `rule.minDisputes` times in the `rule.windowDays` days up to `now`. */
export async function disputeFlags(db: DbOrTx, now: Date, rule: FlagRule) {
  const since = new Date(now.getTime() - rule.windowDays * 86_400_000);
  const [rows, lookups] = await Promise.all([
    db
      .select({
        categoryId: orderDisputes.categoryId,
        departmentId: orderDisputes.departmentId,
        outcome: orderDisputes.outcome,
        raisedAt: orderDisputes.raisedAt,
      })
      .from(orderDisputes)
      .where(and(gte(orderDisputes.raisedAt, since), sql`${orderDisputes.raisedAt} <= ${now}`)),
    loadLookups(db),
  ]);
  return {
    ...rule,
    items: flaggedCategories(rows, now, rule).map((f) => ({
      ...f,
      categoryPath: lookups.categoryPath(f.categoryId),
      departments: f.departments.map((d) => ({ ...d, name: lookups.departmentName(d.departmentId) })),
    })),
  };
}

/** One department's disputes raised in a period and what the office decided (the department scorecard). */
export interface DepartmentDisputeFigures {
  departmentId: number;
  raised: number;
  upheld: number;
  redirected: number;
  joint: number;
  pending: number;
  withdrawn: number;
}

/**
 * Per department, the disputes it raised in [from, to) and each one's outcome as it stands now (a dispute raised
 * on the period's last day and decided after it counts with its decision). Departments that raised none are
 * absent.
 */
export async function disputeFiguresByDepartment(
  db: DbOrTx,
  from: Date,
  to: Date,
): Promise<DepartmentDisputeFigures[]> {
  const rows = await db
    .select({
      departmentId: orderDisputes.departmentId,
      outcome: orderDisputes.outcome,
      n: sql<number>`count(*)::int`,
    })
    .from(orderDisputes)
    .where(and(gte(orderDisputes.raisedAt, from), lt(orderDisputes.raisedAt, to)))
    .groupBy(orderDisputes.departmentId, orderDisputes.outcome);
  const byDepartment = new Map<number, DepartmentDisputeFigures>();
  const key = {
    uphold: 'upheld',
    redirect: 'redirected',
    joint: 'joint',
    pending: 'pending',
    withdrawn: 'withdrawn',
  } as const;
  for (const r of rows) {
    const f = byDepartment.get(r.departmentId) ?? {
      departmentId: r.departmentId,
      raised: 0,
      upheld: 0,
      redirected: 0,
      joint: 0,
      pending: 0,
      withdrawn: 0,
    };
    const n = Number(r.n);
    f.raised += n;
    const k = key[r.outcome as keyof typeof key];
    if (k) f[k] += n;
    byDepartment.set(r.departmentId, f);
  }
  return [...byDepartment.values()].sort((a, b) => a.departmentId - b.departmentId);
}
