import { and, asc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { calls } from './schema.ts';

/**
 * What other modules read of the call records (quality samples answered calls and counts IVR ratings), so they
 * call these instead of querying the calls table.
 */

/** Ids of the calls an agent (by switch code) answered in [from, to), oldest first. */
export async function answeredCallIds(
  db: DbOrTx,
  agentCode: string,
  from: Date,
  to: Date,
): Promise<number[]> {
  const rows = await db
    .select({ id: calls.id })
    .from(calls)
    .where(
      and(
        eq(calls.agent, agentCode),
        isNotNull(calls.answeredAt),
        gte(calls.offeredAt, from),
        lt(calls.offeredAt, to),
      ),
    )
    .orderBy(asc(calls.id));
  return rows.map((r) => Number(r.id));
}

/** A caller's post-call IVR rating of the agent who answered (the switch's agent code, when it had one). */
export interface IvrRating {
  callId: number;
  agentCode: string | null;
  rating: number;
}

/** Every IVR rating of calls offered in [from, to). */
export async function ivrRatings(db: DbOrTx, from: Date, to: Date): Promise<IvrRating[]> {
  const rows = await db
    .select({ callId: calls.id, agentCode: calls.agent, rating: calls.ivrRating })
    .from(calls)
    .where(and(isNotNull(calls.ivrRating), gte(calls.offeredAt, from), lt(calls.offeredAt, to)))
    .orderBy(asc(calls.id));
  return rows.map((r) => ({ callId: Number(r.callId), agentCode: r.agentCode, rating: r.rating! }));
}

/** The IVR ratings of calls offered in [from, to) as counts: all, and those of at least `satisfiedMin`. */
export async function ivrRatingCounts(
  db: DbOrTx,
  from: Date,
  to: Date,
  satisfiedMin: number,
): Promise<{ total: number; satisfied: number }> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      satisfied: sql<number>`(count(*) filter (where ${calls.ivrRating} >= ${satisfiedMin}))::int`,
    })
    .from(calls)
    .where(and(isNotNull(calls.ivrRating), gte(calls.offeredAt, from), lt(calls.offeredAt, to)));
  return row!;
}

/** Whether any call was offered since `since` (the contract's check that the service has started). */
export async function anyCallSince(db: DbOrTx, since: Date): Promise<boolean> {
  const [row] = await db.select({ id: calls.id }).from(calls).where(gte(calls.offeredAt, since)).limit(1);
  return row !== undefined;
}
