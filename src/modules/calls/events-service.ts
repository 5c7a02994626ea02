import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { conflict } from '../../platform/errors.ts';
import type { CallEventInput } from './model.ts';
import { openNumber, sealNumber } from './personal-data.ts';
import { callCallbacks, calls } from './schema.ts';

/** The channel on which every change to calls is announced, for the wallboards of all processes. */
export const CALLS_CHANNEL = 'hotline_calls';

const LIVE = 'live';

/**
 * A switch pushing what happens to a call as it happens (offered, answered, abandoned, ended, rated). Feeds the
 * same rows as imports (source `live`); replays of an event change nothing. An event for a call never offered,
 * or one that contradicts what is recorded (answered after it was abandoned), answers 409.
 */
export async function applyCallEvent(
  db: Database,
  e: CallEventInput,
  now: Date,
  /** The setting `calls.callbackDueHours` (a missed call's callback is due this long after it), read by the caller. */
  dueHours: number,
) {
  const result = await db.transaction(async (tx) => {
    if (e.type === 'offered') {
      await tx
        .insert(calls)
        .values({
          source: LIVE,
          callId: e.callId,
          callerNumber: sealNumber(e.callerNumber, 'calls'),
          queue: e.queue ?? null,
          offeredAt: e.at,
          createdAt: now,
        })
        .onConflictDoNothing();
    }
    const [call] = await tx
      .select()
      .from(calls)
      .where(and(eq(calls.source, LIVE), eq(calls.callId, e.callId)))
      .for('update');
    if (!call)
      throw conflict('unknown_call', `Call ${e.callId} was never offered`, `呼叫 ${e.callId} 没有入队记录`);
    const refuse = (why: string, zh: string) => conflict('call_state', why, zh, { callId: e.callId });
    switch (e.type) {
      case 'offered':
        break;
      case 'answered':
        if (call.abandonedAt) throw refuse('The call was already abandoned', '该呼叫已放弃，不能再接通');
        if (!call.answeredAt) {
          await tx
            .update(calls)
            .set({ answeredAt: e.at, agent: e.agent ?? call.agent })
            .where(eq(calls.id, call.id));
        }
        break;
      case 'abandoned':
        if (call.answeredAt) throw refuse('The call was already answered', '该呼叫已接通，不能再放弃');
        if (!call.abandonedAt) {
          await tx
            .update(calls)
            .set({ abandonedAt: e.at, abandonReason: e.abandonReason ?? 'caller_hangup' })
            .where(eq(calls.id, call.id));
          const number = e.callerNumber ?? openNumber(call.callerNumber, 'calls');
          if (number) {
            await tx
              .insert(callCallbacks)
              .values({
                callPk: call.id,
                callerNumber: sealNumber(number, 'call_callbacks')!,
                missedAt: e.at,
                dueAt: new Date(e.at.getTime() + dueHours * 3600_000),
              })
              .onConflictDoNothing();
          }
        }
        break;
      case 'ended':
        if (!call.endedAt) await tx.update(calls).set({ endedAt: e.at }).where(eq(calls.id, call.id));
        break;
      case 'rated':
        if (e.rating == null) throw refuse('A rated event needs a rating', '评价事件需要提供评分');
        await tx.update(calls).set({ ivrRating: e.rating }).where(eq(calls.id, call.id));
        break;
    }
    await tx.execute(sql`select pg_notify(${CALLS_CHANNEL}, ${e.type})`);
    const [after] = await tx.select().from(calls).where(eq(calls.id, call.id));
    // The switch sent the number itself; it gets it back as it sent it, not sealed.
    return { ...after!, callerNumber: openNumber(after!.callerNumber, 'calls') };
  });
  return result;
}
