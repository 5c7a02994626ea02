import type { DbOrTx } from '../../db/client.ts';
import { localDateOf } from '../../calendar/local-time.ts';
import { readSetting } from '../../platform/settings.ts';
import { callMetrics } from '../calls/index.ts';
import { CALLBACK_MAX_ATTEMPTS } from '../orders/index.ts';
import { assistanceCompletion } from './assistance-service.ts';
import { callbackRate } from './callbacks-service.ts';
import { complaintRate, seriousIncidents } from './complaints-service.ts';
import { attitudeSatisfaction } from './satisfaction.ts';

/**
 * The quality module's figures for [from, to), each with numerator, denominator, value and the ids counted:
 * inputs to the contract assessment (Luohe KPIs 4, 5, 6, 7, 10).
 */
export async function qualityFigures(db: DbOrTx, from: Date, to: Date, now: Date) {
  const fromDay = localDateOf(from);
  const toDay = localDateOf(to);
  const [maxAttempts, calls] = await Promise.all([
    readSetting(db, CALLBACK_MAX_ATTEMPTS),
    callMetrics(db, from, to, 'year'),
  ]);
  const [callback, complaints, incidents, satisfaction, assistance] = await Promise.all([
    callbackRate(db, from, to, now, maxAttempts),
    complaintRate(db, from, to, calls.totals.answered),
    seriousIncidents(db, fromDay, toDay),
    attitudeSatisfaction(db, from, to),
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
