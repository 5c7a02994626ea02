import { startOfLocalDay } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { IndicatorFigure } from '../../platform/indicator.ts';
import { readSetting } from '../../platform/settings.ts';
import { callMetrics } from '../calls/index.ts';
import { noticeTimeliness } from '../knowledge/notices-service.ts';
import { CALLBACK_MAX_ATTEMPTS, onlineResponseRate, returnRate } from '../orders/index.ts';
import {
  assistanceCompletion,
  attitudeSatisfaction,
  callbackRate,
  complaintRate,
  seriousIncidents,
} from '../quality/index.ts';
import { hotTopicTrainingTimeliness, standardsCompletion } from '../training/indicators.ts';
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
}

/** A figure with, where the records are too many to list (calls), where to see them instead. */
export type MeasuredFigure = IndicatorFigure & { drillDown?: string };

const range = (ctx: MeasureContext) => ({
  from: startOfLocalDay(ctx.fromDay),
  to: startOfLocalDay(ctx.toDay),
});

/** Each measure a contract indicator can name, computed from the platform's own records. */
export const MEASURE_FUNCTIONS: Record<Measure, (ctx: MeasureContext) => Promise<MeasuredFigure>> = {
  'calls.answerRate': async (ctx) => {
    const { from, to } = range(ctx);
    const m = await callMetrics(ctx.db, from, to, 'year', {
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
    callbackRate(
      ctx.db,
      range(ctx).from,
      range(ctx).to,
      ctx.now,
      await readSetting(ctx.db, CALLBACK_MAX_ATTEMPTS),
    ),
  'quality.complaintRate': async (ctx) => {
    const { from, to } = range(ctx);
    const calls = await callMetrics(ctx.db, from, to, 'year');
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
  'quality.attitudeSatisfaction': (ctx) => attitudeSatisfaction(ctx.db, range(ctx).from, range(ctx).to),
  'training.hotTopicTraining': (ctx) =>
    hotTopicTrainingTimeliness(ctx.db, range(ctx).from, range(ctx).to, ctx.now),
  'knowledge.noticeTimeliness': (ctx) => noticeTimeliness(ctx.db, range(ctx).from, range(ctx).to, ctx.now),
  'quality.assistanceCompletion': (ctx) => assistanceCompletion(ctx.db, ctx.fromDay, ctx.toDay, ctx.now),
  'reports.onTimeComplete': (ctx) =>
    reportsOnTime(ctx.db, ctx.contract.id, range(ctx).from, range(ctx).to, ctx.now),
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
