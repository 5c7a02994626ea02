import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { queryRows } from '../../db/rows.ts';
import { openNumber } from './personal-data.ts';
import { callCallbackAttempts, callCallbacks, calls } from './schema.ts';

export const CALLBACK_STATUSES = ['open', 'done', 'unreachable'] as const;

/** The callback list agents work: oldest missed call first. */
export async function listCallbacks(db: DbOrTx, status: string | undefined, page: number, pageSize: number) {
  const where = status ? eq(callCallbacks.status, status) : undefined;
  const [items, [count]] = await Promise.all([
    db
      .select({
        callback: callCallbacks,
        queue: calls.queue,
        offeredAt: calls.offeredAt,
        abandonReason: calls.abandonReason,
      })
      .from(callCallbacks)
      .innerJoin(calls, eq(calls.id, callCallbacks.callPk))
      .where(where)
      .orderBy(status === 'open' ? asc(callCallbacks.missedAt) : desc(callCallbacks.missedAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(callCallbacks)
      .where(where),
  ]);
  return {
    items: items.map((r) => ({
      ...r.callback,
      callerNumber: openNumber(r.callback.callerNumber, 'call_callbacks')!,
      queue: r.queue,
      offeredAt: r.offeredAt,
      abandonReason: r.abandonReason,
    })),
    total: Number(count?.n ?? 0),
    page,
    pageSize,
  };
}

/**
 * One attempt to call a missed caller back. Reached: done (optionally with the order it produced). Not reached:
 * the attempt is kept, and after `maxAttempts` unreached attempts (the setting `calls.callbackMaxAttempts`, read by
 * the caller) the callback is closed as unreachable.
 */
export async function attemptCallback(
  db: Database,
  actor: Actor,
  id: number,
  input: { reached: boolean; note?: string; orderNumber?: string },
  now: Date,
  maxAttempts: number,
) {
  return db.transaction(async (tx) => {
    const [cb] = await tx.select().from(callCallbacks).where(eq(callCallbacks.id, id)).for('update');
    if (!cb) throw notFound(`Callback ${id}`, `回拨任务 ${id} `);
    if (cb.status !== 'open')
      throw conflict('callback_closed', `Callback ${id} is ${cb.status}`, '该回拨任务已结束');
    await tx.insert(callCallbackAttempts).values({
      callbackId: id,
      at: now,
      agentId: actor.id,
      reached: input.reached,
      note: input.note ?? null,
      orderNumber: input.orderNumber ?? null,
    });
    const attempts = cb.attempts + 1;
    const status = input.reached ? 'done' : attempts >= maxAttempts ? 'unreachable' : 'open';
    const [after] = await tx
      .update(callCallbacks)
      .set({
        attempts,
        lastAttemptAt: now,
        status,
        completedAt: status === 'open' ? null : now,
        completedBy: status === 'open' ? null : actor.id,
        outcome: input.note ?? null,
      })
      .where(eq(callCallbacks.id, id))
      .returning();
    return after!;
  });
}

/** How quickly missed calls were called back in `[from, to)` (by when they were missed). */
export async function callbackStats(db: DbOrTx, from: Date, to: Date, now: Date) {
  const [row] = await queryRows<{
    missed: number;
    done: number;
    unreachable: number;
    open: number;
    overdue: number;
    doneInTime: number;
    avgHours: number | null;
    medianHours: number | null;
  }>(
    db,
    sql`select count(*)::int as missed,
      count(*) filter (where status = 'done')::int as done,
      count(*) filter (where status = 'unreachable')::int as unreachable,
      count(*) filter (where status = 'open')::int as open,
      count(*) filter (where status = 'open' and due_at < ${now})::int as overdue,
      count(*) filter (where status <> 'open' and completed_at <= due_at)::int as "doneInTime",
      (avg(extract(epoch from completed_at - missed_at)) filter (where status <> 'open') / 3600)::float8 as "avgHours",
      (percentile_cont(0.5) within group (order by extract(epoch from completed_at - missed_at))
        filter (where status <> 'open') / 3600)::float8 as "medianHours"
    from call_callbacks where missed_at >= ${from} and missed_at < ${to}`,
  );
  return row!;
}

export async function callbackAttempts(db: DbOrTx, id: number) {
  return db
    .select()
    .from(callCallbackAttempts)
    .where(eq(callCallbackAttempts.callbackId, id))
    .orderBy(asc(callCallbackAttempts.id));
}
