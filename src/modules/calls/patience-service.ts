import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

export interface WaitingTotals {
  offered: number;
  /** Calls the caller hung up on while queueing (not the switch's timeout). */
  abandonedByCaller: number;
  /** Σ time in queue of every settled call, answered or abandoned, seconds. */
  sumWaitSeconds: number;
  /** Σ talk time of answered calls that ended, and how many. */
  sumTalkSeconds: number;
  talked: number;
}

/**
 * What a patience estimate needs: with exponential patience, the maximum-likelihood rate from censored
 * waits is (callers who hung up) / (total time all callers spent waiting) — a served caller's wait is a
 * patience censored at that wait (Mandelbaum & Zeltyn 2007, §2; Brown et al. 2005, §6).
 */
export async function waitingTotals(db: DbOrTx, from: Date, to: Date): Promise<WaitingTotals> {
  const [r] = await queryRows<WaitingTotals>(
    db,
    sql`select count(*)::int as "offered",
      count(*) filter (where c.answered_at is null and c.abandon_reason = 'caller_hangup')::int as "abandonedByCaller",
      coalesce(sum(extract(epoch from coalesce(c.answered_at, c.abandoned_at) - c.offered_at)), 0)::float8 as "sumWaitSeconds",
      coalesce(sum(extract(epoch from c.ended_at - c.answered_at)) filter (where c.ended_at is not null and c.answered_at is not null), 0)::float8 as "sumTalkSeconds",
      count(*) filter (where c.ended_at is not null and c.answered_at is not null)::int as "talked"
    from calls c where c.offered_at >= ${from} and c.offered_at < ${to}`,
  );
  return r!;
}

/** Offered calls per 30-minute interval (every call the switch queued, exemptions included), as counts. */
export async function offeredByInterval(
  db: DbOrTx,
  from: Date,
  to: Date,
): Promise<{ start: Date; offered: number }[]> {
  const rows = await queryRows<{ start: Date | string; offered: number }>(
    db,
    sql`select date_bin('30 minutes', c.offered_at, timestamptz '2000-01-01 00:00:00+08') as start, count(*)::int as offered
    from calls c where c.offered_at >= ${from} and c.offered_at < ${to} group by 1 order by 1`,
  );
  return rows.map((r) => ({ start: new Date(r.start), offered: r.offered }));
}

/** The first and last offered call on file, if any (where a history starts and ends). */
export async function callSpan(db: DbOrTx): Promise<{ first: Date; last: Date } | null> {
  const [r] = await queryRows<{ first: Date | string | null; last: Date | string | null }>(
    db,
    sql`select min(offered_at) as first, max(offered_at) as last from calls`,
  );
  return r?.first && r.last ? { first: new Date(r.first), last: new Date(r.last) } : null;
}
