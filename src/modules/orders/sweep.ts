import { announceOrderChange } from './announce.ts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { formatCityInstant } from '../../calendar/local-time.ts';
import { sweepCoTasks } from './co-handling-reads.ts';
import { activeDeadline, type DeadlineState, deadlineStateAt } from './deadlines.ts';
import { orderEvents, orders, orderSupervisions } from './schema.ts';
import type { Status } from './state-machine.ts';

/** Arbitrary constant naming the sweep's advisory lock: one sweep at a time across all processes. */
export const DEADLINE_SWEEP_LOCK = 7_212_346;

export interface SweepResult {
  ran: boolean;
  warned: number;
  overdue: number;
}

/**
 * Marks orders whose running clock is within one working day of its end as warned, and those past it as
 * overdue; an order becoming overdue gets an automatic 督办 record. Each change is a history row. Runs under
 * a transaction-scoped advisory lock, so concurrent processes skip rather than double the records.
 */
export async function runDeadlineSweep(db: Database, now: Date, batchSize = 500): Promise<SweepResult> {
  const total: SweepResult = { ran: false, warned: 0, overdue: 0 };
  for (;;) {
    const r = await sweepBatch(db, now, batchSize);
    if (!r.ran) break;
    total.ran = true;
    total.warned += r.warned;
    total.overdue += r.overdue;
    if (r.seen < batchSize) break;
  }
  // Co-handlers' own deadlines (协办): overdue ones count against their department (co-handling-reads.ts).
  if (total.ran) await sweepCoTasks(db, now, DEADLINE_SWEEP_LOCK, batchSize);
  return total;
}

async function sweepBatch(
  db: Database,
  now: Date,
  batchSize: number,
): Promise<SweepResult & { seen: number }> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${DEADLINE_SWEEP_LOCK}) as ok`,
    );
    if (!lock?.ok) return { ran: false, warned: 0, overdue: 0, seen: 0 };
    const soon = new Date(now.getTime() + 86_400_000);
    const candidates = await tx
      .select()
      .from(orders)
      .where(
        and(
          inArray(orders.status, ['submitted', 'dispatched', 'in_progress']),
          sql`${orders.deadlineState} <> 'overdue'`,
          // Only orders whose state would change: normal ones due within a day, warned ones already due.
          sql`(case when ${orders.status} = 'submitted' then ${orders.responseDueAt} else ${orders.handleDueAt} end)
            <= (case when ${orders.deadlineState} = 'normal' then ${soon}::timestamptz else ${now}::timestamptz end)`,
        ),
      )
      .orderBy(orders.id)
      .limit(batchSize)
      .for('update');
    const result = { ran: true, warned: 0, overdue: 0, seen: candidates.length };
    for (const o of candidates) {
      const status = o.status as Status;
      const state: DeadlineState = deadlineStateAt({ ...o, status }, now);
      if (state === o.deadlineState || state === 'normal') continue;
      const due = activeDeadline({ ...o, status })!;
      await tx
        .update(orders)
        .set({ deadlineState: state, version: o.version + 1, updatedAt: now })
        .where(eq(orders.id, o.id));
      const what = due.kind === 'response' ? '首次响应' : '办理';
      const note =
        state === 'overdue'
          ? `${what}已超期（时限 ${formatCityInstant(due.dueAt)}），系统自动督办`
          : `${what}将于一个工作日内到期（时限 ${formatCityInstant(due.dueAt)}）`;
      await tx.insert(orderEvents).values({
        orderId: o.id,
        action: state === 'overdue' ? 'auto-supervise' : 'deadline-warning',
        actorId: null,
        actorRole: 'system',
        actorDepartmentId: null,
        at: now,
        fromStatus: status,
        toStatus: status,
        note,
        data: { deadline: due.kind, dueAt: due.dueAt, state },
      });
      if (state === 'overdue') {
        await tx
          .insert(orderSupervisions)
          .values({ orderId: o.id, at: now, byUserId: null, kind: `auto_overdue_${due.kind}`, note });
        result.overdue++;
      } else {
        result.warned++;
      }
      await announceOrderChange(tx, o.id);
    }
    return result;
  });
}
