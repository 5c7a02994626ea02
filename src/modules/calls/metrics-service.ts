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

type MetricsOptions = { exemptionWindows?: boolean; shortAbandons?: boolean };

/**
 * The sums of the calls offered in `[from, to)` by bucket (`bucket` null: one bucket for the span, none when it
 * is empty). Calls offered inside approved exemption windows (突发事件) and calls abandoned by the caller within the
 * short-abandon threshold are left out of the figures and counted under `excluded`.
 */
async function callSums(
  db: DbOrTx,
  from: Date,
  to: Date,
  bucket: SQL | null,
  settings: MetricsSettings,
  /** A contract reading may switch either exemption off (see contracts/readings.ts). */
  options: MetricsOptions,
) {
  const storedExempt = await exemptCondition(db, from, to);
  const { serviceLevelSeconds } = settings;
  const shortAbandonSeconds = options.shortAbandons === false ? 0 : settings.shortAbandonSeconds;
  const exempt = options.exemptionWindows === false ? { cond: sql`(false)`, windows: [] } : storedExempt;
  const short = sql`(c.answered_at is null and c.abandoned_at is not null and c.abandon_reason = 'caller_hangup'
    and extract(epoch from c.abandoned_at - c.offered_at) < ${shortAbandonSeconds})`;
  // As three-valued SQL: a call whose conditions are null (an abandon without a reason) is in no count.
  const counted = sql`(not x.exempt and not x.short)`;
  const seconds = (n: number) => sql`make_interval(secs => ${n}::float8)`;
  // A call's wait and talk are intervals, compared and summed as such and turned into seconds once per bucket
  // (the same exact sums as per call, without a numeric per call and condition): a year holds a million calls
  // (issue 18). The inner select only names each call's conditions; the planner may scan it in parallel.
  const rows = await queryRows<BucketSums & { start: Date | string | null }>(
    db,
    sql`select x.start,
      count(*) filter (where ${counted})::int as "offered",
      count(*) filter (where ${counted} and x.answered)::int as "answered",
      count(*) filter (where ${counted} and not x.answered and x.abandoned)::int as "abandoned",
      count(*) filter (where ${counted} and not x.answered and x.by_caller)::int as "abandonedByCaller",
      count(*) filter (where ${counted} and not x.answered and not x.abandoned)::int as "waiting",
      count(*) filter (where ${counted} and x.answered and x.wait <= ${seconds(15)})::int as "answeredWithin15s",
      count(*) filter (where ${counted} and x.answered and x.wait <= ${seconds(serviceLevelSeconds)})::int as "answeredWithinThreshold",
      coalesce(extract(epoch from sum(x.wait) filter (where ${counted} and x.answered)), 0)::float8 as "sumWaitAnswered",
      coalesce(extract(epoch from sum(x.talk) filter (where ${counted} and x.talk is not null)), 0)::float8 as "sumTalk",
      count(*) filter (where ${counted} and x.talk is not null)::int as "talked",
      extract(epoch from max(x.wait) filter (where ${counted}))::float8 as "longestWait",
      count(*) filter (where x.exempt)::int as "exemptedOffered",
      count(*) filter (where x.exempt and x.answered)::int as "exemptedAnswered",
      count(*) filter (where not x.exempt and x.short)::int as "shortAbandoned"
    from (
      select ${bucket ?? sql`null::timestamptz`} as start,
        ${exempt.cond} as exempt, ${short} as short,
        c.answered_at is not null as answered, c.abandoned_at is not null as abandoned,
        c.abandon_reason = 'caller_hangup' as by_caller,
        coalesce(c.answered_at, c.abandoned_at) - c.offered_at as wait,
        c.ended_at - c.answered_at as talk
      from calls c
      where c.offered_at >= ${from} and c.offered_at < ${to}
    ) x
    group by 1 order by 1`,
  );
  return { rows, exempt, shortAbandonSeconds, serviceLevelSeconds };
}

const exemptionsOf = (windows: (typeof callExemptions.$inferSelect)[]) =>
  windows.map((w) => ({ id: w.id, startsAt: w.startsAt, endsAt: w.endsAt, reason: w.reason }));

/** Call metrics for `[from, to)` by bucket (see callSums). Empty buckets are omitted. */
export async function callMetrics(
  db: DbOrTx,
  from: Date,
  to: Date,
  granularity: Granularity,
  settings: MetricsSettings,
  /** A contract reading may switch either exemption off (see contracts/readings.ts). */
  options: MetricsOptions = {},
): Promise<MetricsResult> {
  const { rows, exempt, shortAbandonSeconds, serviceLevelSeconds } = await callSums(
    db,
    from,
    to,
    bucketOf(granularity),
    settings,
    options,
  );
  const buckets = rows.map((r) => ({ ...r, start: new Date(r.start!) }));
  return {
    from,
    to,
    granularity,
    totals: figuresOf(sumBuckets(buckets), serviceLevelSeconds),
    intervals: buckets.map((b) => ({ start: b.start, ...figuresOf(b, serviceLevelSeconds) })),
    exemptions: exemptionsOf(exempt.windows),
    settings: { shortAbandonSeconds, serviceLevelSeconds },
  };
}

/**
 * The totals of callMetrics over `[from, to)` without buckets (the contract assessment's answer rate): the same
 * sums, without placing each call in a bucket of the city's time.
 */
export async function callTotals(
  db: DbOrTx,
  from: Date,
  to: Date,
  settings: MetricsSettings,
  options: MetricsOptions = {},
): Promise<Pick<MetricsResult, 'from' | 'to' | 'totals' | 'exemptions' | 'settings'>> {
  const { rows, exempt, shortAbandonSeconds, serviceLevelSeconds } = await callSums(
    db,
    from,
    to,
    null,
    settings,
    options,
  );
  return {
    from,
    to,
    totals: figuresOf(sumBuckets(rows), serviceLevelSeconds),
    exemptions: exemptionsOf(exempt.windows),
    settings: { shortAbandonSeconds, serviceLevelSeconds },
  };
}
