import { and, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { type BucketSums, type CallFigures, figuresOf, type Granularity, sumBuckets } from './metrics.ts';
import { callExemptions } from './schema.ts';
import type { CallSettings } from './settings.ts';

/** The two settings the figures depend on, read once by the caller (`readCallSettings`) and passed in. */
export type MetricsSettings = Pick<CallSettings, 'shortAbandonSeconds' | 'serviceLevelSeconds'>;

/** The bucket a call falls in, in the city's time (Asia/Shanghai), as the bucket's start. */
function bucketOf(g: Granularity): SQL {
  switch (g) {
    case 'interval':
      return sql`date_bin('30 minutes', c.offered_at, timestamptz '2000-01-01 00:00:00+08')`;
    case 'day':
      return sql`(date_trunc('day', c.offered_at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`;
    case 'month':
      return sql`(date_trunc('month', c.offered_at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`;
    case 'quarter':
      return sql`(date_trunc('quarter', c.offered_at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`;
    case 'year':
      return sql`(date_trunc('year', c.offered_at at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai')`;
  }
}

/** Approved exemption windows overlapping the period (few), as a SQL condition on the call. */
async function exemptCondition(db: DbOrTx, from: Date, to: Date) {
  const windows = await db
    .select()
    .from(callExemptions)
    .where(
      and(
        eq(callExemptions.status, 'approved'),
        lt(callExemptions.startsAt, to),
        gt(callExemptions.endsAt, from),
      ),
    );
  const cond = windows.length
    ? sql.join(
        windows.map((w) => sql`(c.offered_at >= ${w.startsAt} and c.offered_at < ${w.endsAt})`),
        sql` or `,
      )
    : sql`false`;
  return { cond: sql`(${cond})`, windows };
}

export interface MetricsResult {
  from: Date;
  to: Date;
  granularity: Granularity;
  totals: CallFigures;
  intervals: (CallFigures & { start: Date })[];
  exemptions: { id: number; startsAt: Date; endsAt: Date; reason: string }[];
  settings: { shortAbandonSeconds: number; serviceLevelSeconds: number };
}

/**
 * Call metrics for `[from, to)` by bucket. Calls offered inside approved exemption windows (突发事件) and
 * calls abandoned by the caller within the short-abandon threshold are left out of the figures and counted
 * under `excluded`. Empty buckets are omitted.
 */
export async function callMetrics(
  db: DbOrTx,
  from: Date,
  to: Date,
  granularity: Granularity,
  settings: MetricsSettings,
  /** A contract reading may switch either exemption off (see contracts/readings.ts). */
  options: { exemptionWindows?: boolean; shortAbandons?: boolean } = {},
): Promise<MetricsResult> {
  const storedExempt = await exemptCondition(db, from, to);
  const { serviceLevelSeconds } = settings;
  const shortAbandonSeconds = options.shortAbandons === false ? 0 : settings.shortAbandonSeconds;
  const exempt = options.exemptionWindows === false ? { cond: sql`(false)`, windows: [] } : storedExempt;
  const wait = sql`extract(epoch from coalesce(c.answered_at, c.abandoned_at) - c.offered_at)`;
  const short = sql`(c.answered_at is null and c.abandoned_at is not null and c.abandon_reason = 'caller_hangup'
    and extract(epoch from c.abandoned_at - c.offered_at) < ${shortAbandonSeconds})`;
  const counted = sql`(not ${exempt.cond} and not ${short})`;
  const rows = await queryRows<BucketSums & { start: Date | string }>(
    db,
    sql`select ${bucketOf(granularity)} as start,
      count(*) filter (where ${counted})::int as "offered",
      count(*) filter (where ${counted} and c.answered_at is not null)::int as "answered",
      count(*) filter (where ${counted} and c.answered_at is null and c.abandoned_at is not null)::int as "abandoned",
      count(*) filter (where ${counted} and c.answered_at is null and c.abandon_reason = 'caller_hangup')::int as "abandonedByCaller",
      count(*) filter (where ${counted} and c.answered_at is null and c.abandoned_at is null)::int as "waiting",
      count(*) filter (where ${counted} and c.answered_at is not null and ${wait} <= 15)::int as "answeredWithin15s",
      count(*) filter (where ${counted} and c.answered_at is not null and ${wait} <= ${serviceLevelSeconds})::int as "answeredWithinThreshold",
      coalesce(sum(${wait}) filter (where ${counted} and c.answered_at is not null), 0)::float8 as "sumWaitAnswered",
      coalesce(sum(extract(epoch from c.ended_at - c.answered_at)) filter (where ${counted} and c.ended_at is not null and c.answered_at is not null), 0)::float8 as "sumTalk",
      count(*) filter (where ${counted} and c.ended_at is not null and c.answered_at is not null)::int as "talked",
      max(${wait}) filter (where ${counted})::float8 as "longestWait",
      count(*) filter (where ${exempt.cond})::int as "exemptedOffered",
      count(*) filter (where ${exempt.cond} and c.answered_at is not null)::int as "exemptedAnswered",
      count(*) filter (where not ${exempt.cond} and ${short})::int as "shortAbandoned"
    from calls c
    where c.offered_at >= ${from} and c.offered_at < ${to}
    group by 1 order by 1`,
  );
  const buckets = rows.map((r) => ({ ...r, start: new Date(r.start) }));
  return {
    from,
    to,
    granularity,
    totals: figuresOf(sumBuckets(buckets), serviceLevelSeconds),
    intervals: buckets.map((b) => ({ start: b.start, ...figuresOf(b, serviceLevelSeconds) })),
    exemptions: exempt.windows.map((w) => ({
      id: w.id,
      startsAt: w.startsAt,
      endsAt: w.endsAt,
      reason: w.reason,
    })),
    settings: { shortAbandonSeconds, serviceLevelSeconds },
  };
}
