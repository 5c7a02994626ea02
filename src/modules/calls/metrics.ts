/** Pure pieces of the call metrics: granularities, the figures of a bucket, and totals. */

export const GRANULARITIES = ['interval', 'day', 'month', 'quarter', 'year'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** What SQL sums per bucket; everything else is derived here. */
export interface BucketSums {
  offered: number;
  answered: number;
  abandoned: number;
  abandonedByCaller: number;
  waiting: number;
  answeredWithin15s: number;
  answeredWithinThreshold: number;
  sumWaitAnswered: number;
  sumTalk: number;
  talked: number;
  longestWait: number | null;
  exemptedOffered: number;
  exemptedAnswered: number;
  shortAbandoned: number;
}

export interface CallFigures {
  offered: number;
  answered: number;
  abandoned: number;
  abandonedByCaller: number;
  /** Still in the queue at the time of the query (live data only); not in the answer rate. */
  waiting: number;
  /** answered / (offered − waiting), 0–1; null when nothing was offered. Luohe KPI 1. */
  answerRate: number | null;
  answeredWithin15s: number;
  /** answeredWithin15s / (offered − waiting): GB/T 33358-2016's 15-second figure. */
  answeredWithin15sRate: number | null;
  answeredWithinThreshold: number;
  thresholdSeconds: number;
  /** Average speed of answer: mean wait of answered calls. */
  asaSeconds: number | null;
  /** Average handle (talk) time of answered calls that have ended. */
  ahtSeconds: number | null;
  longestWaitSeconds: number | null;
  /** Left out of the figures above, and why. */
  excluded: { exemptedOffered: number; exemptedAnswered: number; shortAbandoned: number };
}

const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
const round1 = (x: number | null) => (x == null ? null : Math.round(x * 10) / 10);

export function figuresOf(s: BucketSums, thresholdSeconds: number): CallFigures {
  const settled = s.offered - s.waiting;
  return {
    offered: s.offered,
    answered: s.answered,
    abandoned: s.abandoned,
    abandonedByCaller: s.abandonedByCaller,
    waiting: s.waiting,
    answerRate: ratio(s.answered, settled),
    answeredWithin15s: s.answeredWithin15s,
    answeredWithin15sRate: ratio(s.answeredWithin15s, settled),
    answeredWithinThreshold: s.answeredWithinThreshold,
    thresholdSeconds,
    asaSeconds: round1(ratio(s.sumWaitAnswered, s.answered)),
    ahtSeconds: round1(ratio(s.sumTalk, s.talked)),
    longestWaitSeconds: s.longestWait == null ? null : Math.round(s.longestWait),
    excluded: {
      exemptedOffered: s.exemptedOffered,
      exemptedAnswered: s.exemptedAnswered,
      shortAbandoned: s.shortAbandoned,
    },
  };
}

export function sumBuckets(buckets: BucketSums[]): BucketSums {
  const total: BucketSums = {
    offered: 0,
    answered: 0,
    abandoned: 0,
    abandonedByCaller: 0,
    waiting: 0,
    answeredWithin15s: 0,
    answeredWithinThreshold: 0,
    sumWaitAnswered: 0,
    sumTalk: 0,
    talked: 0,
    longestWait: null,
    exemptedOffered: 0,
    exemptedAnswered: 0,
    shortAbandoned: 0,
  };
  for (const b of buckets) {
    for (const k of Object.keys(total) as (keyof BucketSums)[]) {
      if (k === 'longestWait') continue;
      total[k] = (total[k] as number) + (b[k] as number);
    }
    if (b.longestWait != null) total.longestWait = Math.max(total.longestWait ?? 0, b.longestWait);
  }
  return total;
}
