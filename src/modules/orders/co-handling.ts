import { and, asc, eq, isNull } from 'drizzle-orm';
import type { ChinaCalendar } from '../../calendar/china-calendar.ts';
import { addWorkingDays, countWorkingDaysBetween } from '../../calendar/working-days.ts';
import type { DbOrTx, Tx } from '../../db/client.ts';
import { readSetting } from '../../platform/settings.ts';
import type { OrderRow } from './repository.ts';
import { orderCoTasks } from './schema.ts';
import { CO_HANDLING_LEAD_WORKING_DAYS } from './settings.ts';

/**
 * 协办 (co-handling). The lead department (主办) answers the citizen; each co-handling department (协办) signs
 * and answers its own part to the lead, by its own deadline, or is released by the office. The order's columns
 * `coPendingDepartmentIds` / `coUnsignedDepartmentIds` mirror the open tasks so the transition guards stay a
 * plain read of the order row.
 */
export type CoTask = typeof orderCoTasks.$inferSelect;

/** The order columns co-handling keeps, as a patch the action entry point writes. */
export type CoPatch = Pick<
  OrderRow,
  'coDepartmentIds' | 'coPendingDepartmentIds' | 'coUnsignedDepartmentIds'
>;

/**
 * A co-handler's deadline: `earlierBy` working days before the lead's, counted on the city calendar, but never
 * earlier than 1 working day after `from` (the dispatch). With a lead limit of 1 working day both end together.
 */
export function coDueAt(calendar: ChinaCalendar, from: Date, leadDueAt: Date, earlierBy: number) {
  // The lead's period ends at 24:00 of its last day: count working days up to that last day.
  const leadDays = countWorkingDaysBetween(calendar, from, new Date(leadDueAt.getTime() - 1));
  return addWorkingDays(calendar, from, Math.max(1, leadDays - earlierBy));
}

export interface OpenCoTasksOptions {
  /** The dispatch the tasks belong to (null when a decision adds a co-handler outside a dispatch). */
  dispatchId: number | null;
  /** The lead's handling deadline the co-handlers' own deadlines are counted back from. */
  leadDueAt: Date;
  calendar: ChinaCalendar;
  /** The setting `orders.coHandlingLeadWorkingDays`; read from the settings when absent. */
  earlierBy?: number;
}

/**
 * Opens a co-handling task for each department (other helpers call this too, e.g. a dispute decided "jointly").
 * Departments that already have an open task are skipped. Answers the new tasks and the order columns to write
 * (the caller's handler returns them in its patch).
 */
export async function openCoTasks(
  tx: Tx,
  order: Pick<OrderRow, 'id' | 'departmentId' | keyof CoPatch>,
  departmentIds: readonly number[],
  now: Date,
  opts: OpenCoTasksOptions,
): Promise<{ tasks: CoTask[]; patch: CoPatch }> {
  const wanted = [...new Set(departmentIds)].filter(
    (d) => d !== order.departmentId && !order.coPendingDepartmentIds.includes(d),
  );
  const patch: CoPatch = {
    coDepartmentIds: union(order.coDepartmentIds, wanted),
    coPendingDepartmentIds: union(order.coPendingDepartmentIds, wanted),
    coUnsignedDepartmentIds: union(order.coUnsignedDepartmentIds, wanted),
  };
  if (!wanted.length) return { tasks: [], patch };
  const earlierBy = opts.earlierBy ?? (await readSetting(tx, CO_HANDLING_LEAD_WORKING_DAYS));
  const due = coDueAt(opts.calendar, now, opts.leadDueAt, earlierBy);
  const tasks = await tx
    .insert(orderCoTasks)
    .values(
      wanted.map((departmentId) => ({
        orderId: order.id,
        dispatchId: opts.dispatchId,
        departmentId,
        openedAt: now,
        dueAt: due.end,
      })),
    )
    .returning();
  return { tasks, patch };
}

/**
 * Ends the open tasks when the dispatch they belong to ends unanswered (returned, merged, dispatched anew).
 * Answers the order columns to write; the co-handlers stay listed on the order.
 */
export async function closeCoTasks(
  tx: Tx,
  orderId: number,
  now: Date,
): Promise<Omit<CoPatch, 'coDepartmentIds'>> {
  await tx
    .update(orderCoTasks)
    .set({ closedAt: now })
    .where(and(eq(orderCoTasks.orderId, orderId), openTask()));
  return { coPendingDepartmentIds: [], coUnsignedDepartmentIds: [] };
}

/** A task still waiting for its department: not answered, not released, its dispatch not ended. */
export function openTask() {
  return and(isNull(orderCoTasks.repliedAt), isNull(orderCoTasks.releasedAt), isNull(orderCoTasks.closedAt));
}

/** The open task of one department on the order (at most one: `openCoTasks` skips departments with one). */
export async function openTaskOf(
  tx: DbOrTx,
  orderId: number,
  departmentId: number,
): Promise<CoTask | undefined> {
  const [row] = await tx
    .select()
    .from(orderCoTasks)
    .where(and(eq(orderCoTasks.orderId, orderId), eq(orderCoTasks.departmentId, departmentId), openTask()));
  return row;
}

/** The co-handlers' answers under the running dispatch, for the lead's consolidated reply. */
export async function coAnswersOf(tx: DbOrTx, orderId: number, dispatchId: number | null) {
  const rows = await tx
    .select()
    .from(orderCoTasks)
    .where(
      and(
        eq(orderCoTasks.orderId, orderId),
        dispatchId == null ? undefined : eq(orderCoTasks.dispatchId, dispatchId),
        isNull(orderCoTasks.closedAt),
      ),
    )
    .orderBy(asc(orderCoTasks.id));
  return rows.map((t) => ({
    departmentId: t.departmentId,
    reply: t.reply,
    repliedAt: t.repliedAt,
    released: t.releasedAt != null,
    releaseReason: t.releaseReason,
    overdue: t.overdue,
  }));
}

/** The order columns once one department's task is no longer open. */
export function withoutPending(order: Pick<OrderRow, keyof CoPatch>, departmentId: number) {
  return {
    coPendingDepartmentIds: order.coPendingDepartmentIds.filter((d) => d !== departmentId),
    coUnsignedDepartmentIds: order.coUnsignedDepartmentIds.filter((d) => d !== departmentId),
  };
}

function union(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])];
}
