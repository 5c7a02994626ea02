import type { ChinaCalendar } from '../../calendar/china-calendar.ts';
import { loadCalendar } from '../../calendar/service.ts';
import { addWorkingDays } from '../../calendar/working-days.ts';
import type { DbOrTx } from '../../db/client.ts';
import { figure, type IndicatorFigure } from '../../platform/indicator.ts';
import { readSetting } from '../../platform/settings.ts';
import { type CallbackRequirement, ORDER_CALLBACK_MAX_ATTEMPTS, owedCallbacks } from '../orders/index.ts';
import { CALLBACK_DUE_WORKING_DAYS, CALLBACK_EXHAUSTED_COUNTS, CALLBACK_RULE } from './settings.ts';

/** The settings the callback rules use, read once at the edge (a route, the indicators) and passed in. */
export interface CallbackSettings {
  /** Which orders require a callback (`quality.callbackRule`). */
  rule: CallbackRequirement;
  /** Working days after the reply within which the callback is due (`quality.callbackDueWorkingDays`). */
  dueWorkingDays: number;
  /** Whether running out of attempts counts as called back (`quality.callbackExhaustedCounts`). */
  exhaustedCounts: boolean;
  /** Unreached attempts after which an order's callback is given up (`orders.callbackMaxAttempts`). */
  maxAttempts: number;
}

export async function readCallbackSettings(db: DbOrTx): Promise<CallbackSettings> {
  const [rule, dueWorkingDays, exhaustedCounts, maxAttempts] = await Promise.all([
    readSetting(db, CALLBACK_RULE),
    readSetting(db, CALLBACK_DUE_WORKING_DAYS),
    readSetting(db, CALLBACK_EXHAUSTED_COUNTS),
    readSetting(db, ORDER_CALLBACK_MAX_ATTEMPTS),
  ]);
  return { rule, dueWorkingDays, exhaustedCounts, maxAttempts };
}

function dueOf(calendar: ChinaCalendar, repliedAt: Date, days: number): Date {
  return addWorkingDays(calendar, repliedAt, days).end;
}

/** 回访队列 — replied orders still owed a callback, with attempts so far and the time it is due. */
export async function callbackQueue(db: DbOrTx, now: Date, settings: CallbackSettings) {
  const calendar = await loadCalendar(db);
  const owed = await owedCallbacks(db, settings.rule, { waiting: true });
  return owed
    .filter((o) => !o.reached && o.attempts < settings.maxAttempts)
    .map((o) => {
      const dueAt = dueOf(calendar, o.repliedAt, settings.dueWorkingDays);
      return { ...o, dueAt, overdue: now.getTime() > dueAt.getTime() };
    });
}

/**
 * KPI 4 工单回访率 for orders whose department replied in [from, to): called back / requiring a callback (the
 * rule setting). Called back = the citizen was reached, or — by the reading setting — the attempts ran out. An
 * order not yet called back and still within its callback time is left out (it can still be met).
 */
export async function callbackRateOf(
  db: DbOrTx,
  from: Date,
  to: Date,
  now: Date,
  settings: CallbackSettings,
): Promise<IndicatorFigure> {
  const calendar = await loadCalendar(db);
  const owed = await owedCallbacks(db, settings.rule, { repliedFrom: from, repliedTo: to });
  const done = (o: (typeof owed)[number]) =>
    o.reached || (settings.exhaustedCounts && o.attempts >= settings.maxAttempts);
  const pending = owed.filter(
    (o) => !done(o) && now.getTime() <= dueOf(calendar, o.repliedAt, settings.dueWorkingDays).getTime(),
  );
  const pendingSet = new Set(pending); // a set: linear where `pending.includes` per order was quadratic
  const counted = owed.filter((o) => !pendingSet.has(o));
  return figure(
    'order',
    counted.map((o) => o.id),
    counted.filter(done).map((o) => o.id),
    [{ reason: 'callback not yet due', ids: pending.map((o) => o.id) }],
  );
}
