import type { DbOrTx } from '../../db/client.ts';
import { localDateOf } from '../../calendar/local-time.ts';
import { callMetrics } from '../calls/index.ts';
import { assistanceCompletion } from './assistance-service.ts';
import { callbackRateOf, readCallbackSettings } from './callbacks-service.ts';
import { complaintRate, seriousIncidents } from './complaints-service.ts';
import { attitudeSatisfaction, readSatisfactionSettings } from './satisfaction.ts';

/**
 * The quality module's figures for [from, to), each with numerator, denominator, value and the ids counted:
 * inputs to the contract assessment (Luohe KPIs 4, 5, 6, 7, 10).
 */
export async function qualityFigures(db: DbOrTx, from: Date, to: Date, now: Date) {
  const fromDay = localDateOf(from);
  const toDay = localDateOf(to);
  const [callbackSettings, satisfactionSettings, calls] = await Promise.all([
    readCallbackSettings(db),
    readSatisfactionSettings(db),
    callMetrics(db, from, to, 'year'),
  ]);
  const [callback, complaints, incidents, satisfaction, assistance] = await Promise.all([
    callbackRateOf(db, from, to, now, callbackSettings),
    complaintRate(db, from, to, calls.totals.answered),
    seriousIncidents(db, fromDay, toDay),
    attitudeSatisfaction(db, from, to, satisfactionSettings),
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
