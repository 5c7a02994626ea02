import type { DbOrTx } from '../../db/client.ts';
import { localDateOf } from '../../calendar/local-time.ts';
import { callMetrics, type MetricsSettings, readCallSettings } from '../calls/index.ts';
import { assistanceCompletion } from './assistance-service.ts';
import { callbackRateOf, type CallbackSettings, readCallbackSettings } from './callbacks-service.ts';
import { complaintRate, seriousIncidents } from './complaints-service.ts';
import { attitudeSatisfaction, readSatisfactionSettings, type SatisfactionSettings } from './satisfaction.ts';

/** Every setting the quality figures depend on, read once by the route and passed in. */
export interface QualityFigureSettings {
  callback: CallbackSettings;
  satisfaction: SatisfactionSettings;
  calls: MetricsSettings;
}

export async function readQualityFigureSettings(db: DbOrTx): Promise<QualityFigureSettings> {
  const [callback, satisfaction, calls] = await Promise.all([
    readCallbackSettings(db),
    readSatisfactionSettings(db),
    readCallSettings(db),
  ]);
  return { callback, satisfaction, calls };
}

/**
 * The quality module's figures for [from, to), each with numerator, denominator, value and the ids counted:
 * inputs to the contract assessment (Luohe KPIs 4, 5, 6, 7, 10).
 */
export async function qualityFigures(
  db: DbOrTx,
  from: Date,
  to: Date,
  now: Date,
  settings: QualityFigureSettings,
) {
  const fromDay = localDateOf(from);
  const toDay = localDateOf(to);
  const calls = await callMetrics(db, from, to, 'year', settings.calls);
  const [callback, complaints, incidents, satisfaction, assistance] = await Promise.all([
    callbackRateOf(db, from, to, now, settings.callback),
    complaintRate(db, from, to, calls.totals.answered),
    seriousIncidents(db, fromDay, toDay),
    attitudeSatisfaction(db, from, to, settings.satisfaction),
    assistanceCompletion(db, fromDay, toDay, now),
  ]);
  return {
    callbackRate: callback,
    complaintRate: complaints,
    seriousIncidents: incidents,
    attitudeSatisfaction: satisfaction,
    assistanceCompletion: assistance,
  };
}
