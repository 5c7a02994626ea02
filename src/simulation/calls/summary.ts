/**
 * What a stream of calls (and orders) adds up to, overall, by local day and by hour of the day: offered, answered,
 * the answer rate (人工接通率 as the Luohe contract defines it, art. 11 KPI 1: answered / offered to the agents),
 * answered within 15 s (GB/T 33358-2016 asks for an answer within 15 s), the average speed of answer, abandonment.
 * Pure: it only reads the items; memory grows with the number of days, not of calls.
 */
import type { LocalDate } from '../../calendar/local-time.ts';
import type { CallRecord } from '../../modules/calls/index.ts';
import type { SimulatedItem } from './simulate.ts';
import { cityDateOf } from './traffic.ts';

export interface CallCounts {
  offered: number;
  answered: number;
  abandoned: number;
  answeredWithin15s: number;
  /** Sum of seconds from offer to answer over the answered calls. */
  answerWaitSeconds: number;
  talkSeconds: number;
}

export interface CallFigures extends CallCounts {
  /** answered / offered. */
  answerRate: number;
  /** answered within 15 s / offered, as the platform's metrics compute it (`answeredWithin15sRate`). */
  within15sRate: number;
  /** Average speed of answer, seconds, over the answered calls. */
  averageSpeedOfAnswer: number;
  averageTalkSeconds: number;
  abandonRate: number;
}

export interface DayFigures extends CallFigures {
  date: LocalDate;
  orders: number;
}

export interface CallSummary extends CallFigures {
  abandonedByReason: Record<string, number>;
  ratings: { given: number; satisfied: number; byValue: number[] };
  orders: {
    total: number;
    fromCalls: number;
    online: number;
    closedDirectly: number;
    byType: Record<string, number>;
  };
  /** Calls offered and answered by local hour of the offer, 0…23. */
  byHour: { offered: number; answered: number }[];
  byDay: DayFigures[];
}

function emptyCounts(): CallCounts {
  return {
    offered: 0,
    answered: 0,
    abandoned: 0,
    answeredWithin15s: 0,
    answerWaitSeconds: 0,
    talkSeconds: 0,
  };
}

export function figuresOf(c: CallCounts): CallFigures {
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    ...c,
    answerRate: ratio(c.answered, c.offered),
    within15sRate: ratio(c.answeredWithin15s, c.offered),
    averageSpeedOfAnswer: ratio(c.answerWaitSeconds, c.answered),
    averageTalkSeconds: ratio(c.talkSeconds, c.answered),
    abandonRate: ratio(c.abandoned, c.offered),
  };
}

function countCall(c: CallCounts, r: CallRecord): void {
  c.offered++;
  if (r.answeredAt) {
    const wait = (r.answeredAt.getTime() - r.offeredAt.getTime()) / 1000;
    c.answered++;
    c.answerWaitSeconds += wait;
    if (wait <= 15) c.answeredWithin15s++;
    if (r.endedAt) c.talkSeconds += (r.endedAt.getTime() - r.answeredAt.getTime()) / 1000;
  } else if (r.abandonedAt) {
    c.abandoned++;
  }
}

const CITY_OFFSET_MS = 8 * 3_600_000;

export function summarizeCalls(items: Iterable<SimulatedItem | CallRecord>): CallSummary {
  const total = emptyCounts();
  const days = new Map<LocalDate, { counts: CallCounts; orders: number }>();
  const dayOf = (date: LocalDate) => {
    let d = days.get(date);
    if (!d) days.set(date, (d = { counts: emptyCounts(), orders: 0 }));
    return d;
  };
  const byHour = Array.from({ length: 24 }, () => ({ offered: 0, answered: 0 }));
  const abandonedByReason: Record<string, number> = {};
  const ratings = { given: 0, satisfied: 0, byValue: [0, 0, 0, 0, 0] };
  const orders = {
    total: 0,
    fromCalls: 0,
    online: 0,
    closedDirectly: 0,
    byType: {} as Record<string, number>,
  };

  for (const item of items) {
    if ('kind' in item && item.kind === 'order') {
      const o = item.order;
      orders.total++;
      if (o.callId) orders.fromCalls++;
      else orders.online++;
      if (o.closedDirectly) orders.closedDirectly++;
      orders.byType[o.type] = (orders.byType[o.type] ?? 0) + 1;
      dayOf(cityDateOf(o.at.getTime())).orders++;
      continue;
    }
    const r = 'kind' in item ? item.record : item;
    countCall(total, r);
    countCall(dayOf(cityDateOf(r.offeredAt.getTime())).counts, r);
    const hour = Math.floor(((r.offeredAt.getTime() + CITY_OFFSET_MS) % 86_400_000) / 3_600_000);
    byHour[hour]!.offered++;
    if (r.answeredAt) byHour[hour]!.answered++;
    if (r.abandonReason) abandonedByReason[r.abandonReason] = (abandonedByReason[r.abandonReason] ?? 0) + 1;
    if (r.ivrRating !== null) {
      ratings.given++;
      ratings.byValue[r.ivrRating - 1]!++;
      if (r.ivrRating >= 4) ratings.satisfied++;
    }
  }

  const byDay = [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, d]) => ({ date, orders: d.orders, ...figuresOf(d.counts) }));
  return {
    ...figuresOf(total),
    abandonedByReason,
    ratings,
    orders,
    byHour,
    byDay,
  };
}
