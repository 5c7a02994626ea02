import { and, eq, lte } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/service.ts';
import { localDateOf } from '../../calendar/local-time.ts';
import type { Database } from '../../db/client.ts';
import { announceOrderChange } from './announce.ts';
import { deadlineStateAt } from './deadlines.ts';
import { endActivePause } from './handlers/pauses.ts';
import { latestPauseEnd } from './pause-rules.ts';
import { ORDER_COLUMNS } from './repository.ts';
import { orderEvents, orderPauses, orders } from './schema.ts';
import type { Status } from './state-machine.ts';

/**
 * 到期自动恢复 — every running pause whose expected resume day has begun ends at 00:00 of that day (not at the
 * sweep's run: a late sweep does not lengthen the pause), its deadline moved by the paused working time, with a
 * system history row. Runs inside the deadline sweep's lock, before the deadlines are checked, so an order resumed
 * here is warned or marked overdue by the same run if its moved deadline calls for it.
 */
export async function resumeDuePauses(db: Database, now: Date): Promise<number> {
  const today = localDateOf(now);
  const due = await db
    .select({ orderId: orderPauses.orderId })
    .from(orderPauses)
    .where(and(eq(orderPauses.status, 'active'), lte(orderPauses.expectedResumeOn, today)))
    .orderBy(orderPauses.orderId);
  if (!due.length) return 0;
  const calendar = await loadCalendar(db);
  let resumed = 0;
  for (const { orderId } of due) {
    // One transaction per order: a failure leaves the others resumed, and the row lock orders us after any action.
    resumed += await db.transaction(async (tx) => {
      const [o] = await tx.select(ORDER_COLUMNS).from(orders).where(eq(orders.id, orderId)).for('update');
      if (!o || o.pauseState !== 'paused') return 0;
      const [pause] = await tx
        .select()
        .from(orderPauses)
        .where(and(eq(orderPauses.orderId, orderId), eq(orderPauses.status, 'active')));
      if (!pause) return 0;
      const endAt = latestPauseEnd(pause.expectedResumeOn);
      const ended = await endActivePause(tx, o, calendar, endAt, { userId: null, reason: 'expected_date' });
      const next = { ...o, ...ended.patch, status: o.status as Status };
      await tx
        .update(orders)
        .set({
          ...ended.patch,
          deadlineState: deadlineStateAt(next, now),
          version: o.version + 1,
          updatedAt: now,
        })
        .where(eq(orders.id, o.id));
      await tx.insert(orderEvents).values({
        orderId: o.id,
        action: 'auto-resume',
        actorId: null,
        actorRole: 'system',
        actorDepartmentId: null,
        at: now,
        fromStatus: o.status,
        toStatus: o.status,
        note: `到达预计恢复日期 ${pause.expectedResumeOn}，自动恢复办理；${ended.note}`,
        data: { ...ended.data, ...(ended.warnings.length ? { warnings: ended.warnings } : {}) },
      });
      await announceOrderChange(tx, o.id);
      return 1;
    });
  }
  return resumed;
}
