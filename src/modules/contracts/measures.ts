import { addDays, startOfLocalDay } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import { countsOf, type FigureCounts, type IndicatorFigure } from '../../platform/indicator.ts';
import { callTotals, readCallSettings } from '../calls/index.ts';
import { noticeTimeliness } from '../knowledge/index.ts';
import { onlineResponseCounts, onlineResponseRate, returnCounts, returnRate } from '../orders/index.ts';
import {
  assistanceCompletion,
  attitudeSatisfaction,
  attitudeSatisfactionCounts,
  callbackRateOf,
  complaintRate,
  readCallbackSettings,
  readSatisfactionSettings,
  seriousIncidents,
} from '../quality/index.ts';
import { hotTopicTrainingTimeliness, standardsCompletion } from '../training/index.ts';
import { staffingRate } from '../workforce/index.ts';
import type { ContractDefinition, Measure } from './model.ts';
import type { Readings } from './readings.ts';
import { reportsOnTime } from './reports-service.ts';

export interface MeasureContext {
  db: DbOrTx;
  contract: ContractDefinition;
  readings: Readings;
  /** City days, `toDay` exclusive. */
  fromDay: string;
  toDay: string;
  now: Date;
  /** Figures shared by several indicators of one request (the span's call metrics), computed once. */
  memo?: Map<string, Promise<unknown>>;
}

/**
 * The span's call metrics as a whole (their totals, no buckets), computed once per assessment request
 * however many indicators read them (issue 18: the answer rate and the complaint rate both do).
 */
function spanCalls(
  ctx: MeasureContext,
  options: { exemptionWindows?: boolean; shortAbandons?: boolean } = {},
) {
  const { from, to } = range(ctx);
  const o = {
    exemptionWindows: options.exemptionWindows !== false,
    shortAbandons: options.shortAbandons !== false,
  };
  const key = `calls|${ctx.fromDay}|${ctx.toDay}|${o.exemptionWindows}|${o.shortAbandons}`;
  const hit = ctx.memo?.get(key) as ReturnType<typeof callTotals> | undefined;
  if (hit) return hit;
  // The calls settings are read here, where the assessment meets the calls module, and passed into its rules.
  const p = readCallSettings(ctx.db).then((settings) => callTotals(ctx.db, from, to, settings, o));
  ctx.memo?.set(key, p);
  return p;
}

/** A figure with, where the records are too many to list (calls), where to see them instead. */
export type MeasuredFigure = IndicatorFigure & {
  drillDown?: string;
  /** Some of the period's records can still change the figure (a report not yet due). */
  provisional?: boolean;
};

/** A figure as counts (the assessment answer), each count the length of the records mode's id list. */
export type MeasuredCounts = FigureCounts & Pick<MeasuredFigure, 'drillDown' | 'provisional'>;

const range = (ctx: MeasureContext) => ({
  from: startOfLocalDay(ctx.fromDay),
  to: startOfLocalDay(ctx.toDay),
});

/** Each measure a contract indicator can name, computed from the platform's own records. */
export const MEASURE_FUNCTIONS: Record<Measure, (ctx: MeasureContext) => Promise<MeasuredFigure>> = {
  'calls.answerRate': async (ctx) => {
    const m = await spanCalls(ctx, {
      exemptionWindows: ctx.readings.answerRateExemptions.approvedWindows,
      shortAbandons: ctx.readings.answerRateExemptions.shortAbandons,
    });
    const t = m.totals;
    return {
      numerator: t.answered,
      denominator: t.offered - t.waiting,
      value: t.answerRate,
      evidence: { counted: [], met: [], entity: 'call' },
      excluded: [
        {
          reason: `calls in approved exemption windows (${t.excluded.exemptedOffered})`,
          ids: m.exemptions.map((e) => `exemption:${e.id}`),
        },
        {
          reason: `short abandons under ${m.settings.shortAbandonSeconds} s (${t.excluded.shortAbandoned})`,
          ids: [],
        },
      ].filter((e) => e.ids.length || /\((?!0\))/.test(e.reason)),
      drillDown: `/calls/records?from=${ctx.fromDay}&to=${ctx.toDay}`,
    };
  },
  'orders.onlineResponseRate': (ctx) => onlineResponseRate(ctx.db, range(ctx).from, range(ctx).to, ctx.now),
  'orders.returnRate': (ctx) => returnRate(ctx.db, range(ctx).from, range(ctx).to),
  'quality.callbackRate': async (ctx) =>
    callbackRateOf(ctx.db, range(ctx).from, range(ctx).to, ctx.now, await readCallbackSettings(ctx.db)),
  'quality.complaintRate': async (ctx) => {
    const { from, to } = range(ctx);
    const calls = await spanCalls(ctx);
    return complaintRate(ctx.db, from, to, calls.totals.answered);
  },
  'quality.seriousIncidents': async (ctx) => {
    const s = await seriousIncidents(ctx.db, ctx.fromDay, ctx.toDay);
    return {
      numerator: s.count,
      denominator: 0,
      value: s.count,
      evidence: { counted: s.ids, met: s.ids, entity: 'opinion_incident' },
      excluded: [],
    };
  },
  'quality.attitudeSatisfaction': async (ctx) =>
    attitudeSatisfaction(ctx.db, range(ctx).from, range(ctx).to, await readSatisfactionSettings(ctx.db)),
  'training.hotTopicTraining': (ctx) =>
    hotTopicTrainingTimeliness(ctx.db, range(ctx).from, range(ctx).to, ctx.now),
  'knowledge.noticeTimeliness': (ctx) => noticeTimeliness(ctx.db, range(ctx).from, range(ctx).to, ctx.now),
  'quality.assistanceCompletion': (ctx) => assistanceCompletion(ctx.db, ctx.fromDay, ctx.toDay, ctx.now),
  'reports.onTimeComplete': async (ctx) => {
    // The last month's report falls due after the term (October 2026's on 2026-11-06): a period reaching the
    // term's end also judges the reports due after it, so the term counts all twelve (art. 11 #11).
    const to =
      ctx.toDay >= ctx.contract.term.to ? startOfLocalDay(addDays(ctx.contract.term.to, 92)) : range(ctx).to;
    const f = await reportsOnTime(ctx.db, ctx.contract.id, range(ctx).from, to, ctx.now);
    return { ...f, provisional: f.excluded.some((e) => e.reason === 'not yet due') };
  },
  'training.standardsCompletion': (ctx) => standardsCompletion(ctx.db, ctx.fromDay, ctx.toDay),
  'workforce.staffingRate': (ctx) =>
    staffingRate(
      ctx.db,
      ctx.fromDay,
      ctx.toDay,
      ctx.contract.headcount.agreed,
      ctx.readings.staffingPresentMeans,
    ),
};

/**
 * The measures whose records are many (a year's orders and ratings), counted in SQL by their module from the same
 * rule as the records; the others read few records (or only aggregates, the call metrics) and are reduced.
 */
const MEASURE_COUNTS: Partial<Record<Measure, (ctx: MeasureContext) => Promise<MeasuredCounts>>> = {
  'orders.onlineResponseRate': (ctx) => onlineResponseCounts(ctx.db, range(ctx).from, range(ctx).to, ctx.now),
  'orders.returnRate': (ctx) => returnCounts(ctx.db, range(ctx).from, range(ctx).to),
  'quality.attitudeSatisfaction': async (ctx) =>
    attitudeSatisfactionCounts(
      ctx.db,
      range(ctx).from,
      range(ctx).to,
      await readSatisfactionSettings(ctx.db),
    ),
};

/** A measure's figure as counts: what the assessment answers, without reading the records it counts. */
export function measureCounts(measure: Measure, ctx: MeasureContext): Promise<MeasuredCounts> {
  const count = MEASURE_COUNTS[measure];
  return count ? count(ctx) : MEASURE_FUNCTIONS[measure](ctx).then(countsOf);
}
