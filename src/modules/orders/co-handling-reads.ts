import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { formatCityInstant } from '../../calendar/local-time.ts';
import type { Database, DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor } from '../../platform/actor.ts';
import { announceOrderChange } from './announce.ts';
import { openTask } from './co-handling.ts';
import { orderCoTasks, orderEvents, orders, orderSupervisions } from './schema.ts';

/**
 * Marks open co-handling tasks past their own deadline as overdue: a history row naming the department and an
 * automatic 督办 record each, once. Runs under the deadline sweep's advisory lock (see sweep.ts).
 */
export async function sweepCoTasks(db: Database, now: Date, lock: number, batchSize = 500): Promise<number> {
  let marked = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const [held] = await queryRows<{ ok: boolean }>(
        tx,
        sql`select pg_try_advisory_xact_lock(${lock}) as ok`,
      );
      if (!held?.ok) return -1;
      const due = await tx
        .select({ task: orderCoTasks, status: orders.status, version: orders.version })
        .from(orderCoTasks)
        .innerJoin(orders, eq(orders.id, orderCoTasks.orderId))
        .where(and(openTask(), eq(orderCoTasks.overdue, false), lte(orderCoTasks.dueAt, now)))
        .orderBy(asc(orderCoTasks.id))
        .limit(batchSize)
        .for('update');
      for (const { task, status } of due) {
        await tx.update(orderCoTasks).set({ overdue: true }).where(eq(orderCoTasks.id, task.id));
        await tx
          .update(orders)
          .set({ version: sql`${orders.version} + 1`, updatedAt: now })
          .where(eq(orders.id, task.orderId));
        const note = `协办单位答复已超期（协办时限 ${formatCityInstant(task.dueAt)}），系统自动督办`;
        await tx.insert(orderEvents).values({
          orderId: task.orderId,
          action: 'co-overdue',
          actorId: null,
          actorRole: 'system',
          actorDepartmentId: null,
          at: now,
          fromStatus: status,
          toStatus: status,
          note,
          data: { departmentId: task.departmentId, coTaskId: task.id, dueAt: task.dueAt },
        });
        await tx
          .insert(orderSupervisions)
          .values({ orderId: task.orderId, at: now, byUserId: null, kind: 'auto_overdue_co', note });
        await announceOrderChange(tx, task.orderId);
      }
      return due.length;
    });
    if (batch < 0) return marked;
    marked += batch;
    if (batch < batchSize) return marked;
  }
}

/** One department's co-handling in a period, for its scorecard. */
export interface CoHandlingFigures {
  departmentId: number;
  /** Co-handling tasks opened for it in the period. */
  received: number;
  /** Answered by its own deadline. */
  answeredOnTime: number;
  /** Past its own deadline, answered late or not at all: counts against this department, not the lead. */
  overdue: number;
  /** Released by the office before answering. */
  released: number;
  /** Still waiting for its answer. */
  open: number;
}

/** Co-handling figures per department for tasks opened in [from, to), departments with none left out. */
export async function coHandlingByDepartment(db: DbOrTx, from: Date, to: Date): Promise<CoHandlingFigures[]> {
  const count = (cond: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${cond})::int`;
  const rows = await db
    .select({
      departmentId: orderCoTasks.departmentId,
      received: sql<number>`count(*)::int`,
      answeredOnTime: count(sql`${orderCoTasks.repliedAt} is not null and not ${orderCoTasks.overdue}`),
      overdue: count(sql`${orderCoTasks.overdue}`),
      released: count(sql`${orderCoTasks.releasedAt} is not null`),
      open: count(sql`${openTask()}`),
    })
    .from(orderCoTasks)
    .where(and(gte(orderCoTasks.openedAt, from), lt(orderCoTasks.openedAt, to)))
    .groupBy(orderCoTasks.departmentId)
    .orderBy(orderCoTasks.departmentId);
  return rows.map((r) => ({ ...r, received: Number(r.received) }));
}

/** The co-handling tasks of the actor's department (open ones, or all), newest first, with their order. */
export async function coTasksOfDepartment(db: DbOrTx, actor: Actor, open: boolean, limit = 200) {
  const rows = await db
    .select({
      task: orderCoTasks,
      order: {
        number: orders.number,
        title: orders.title,
        status: orders.status,
        departmentId: orders.departmentId,
        handleDueAt: orders.handleDueAt,
      },
    })
    .from(orderCoTasks)
    .innerJoin(orders, eq(orders.id, orderCoTasks.orderId))
    .where(
      and(
        eq(orderCoTasks.departmentId, actor.departmentId ?? -1),
        open ? openTask() : undefined,
        // A released department is no longer on the order (and may no longer see it).
        open ? undefined : sql`${orders.coDepartmentIds} @> array[${actor.departmentId ?? -1}::int]`,
        inArray(
          orders.status,
          open
            ? ['dispatched', 'in_progress']
            : ['dispatched', 'in_progress', 'returned', 'replied', 'closed', 'archived'],
        ),
      ),
    )
    .orderBy(open ? asc(orderCoTasks.dueAt) : desc(orderCoTasks.id))
    .limit(limit);
  return rows.map(({ task: t, order: o }) => ({
    id: t.id,
    orderId: t.orderId,
    orderNumber: o.number,
    title: o.title,
    orderStatus: o.status,
    leadDepartmentId: o.departmentId,
    leadDueAt: o.handleDueAt,
    dueAt: t.dueAt,
    signedAt: t.signedAt,
    repliedAt: t.repliedAt,
    releasedAt: t.releasedAt,
    closedAt: t.closedAt,
    overdue: t.overdue,
  }));
}
