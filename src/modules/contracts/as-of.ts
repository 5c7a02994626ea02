import { addDays, isLocalDate, localDateOf, startOfLocalDay } from '../../calendar/local-time.ts';
import { validationFailed } from '../../platform/errors.ts';

/** 截至日 — the day a statement or an assessment is computed as of (city days, Asia/Shanghai). */
export interface AsOf {
  /** The as-of day: nothing after its 24:00 counts. */
  day: string;
  /** The first day not counted (the day after `day`). */
  until: string;
  /** The instant the rules judge "now" at: the end of the as-of day, or the clock if that is earlier. */
  now: Date;
}

/**
 * The as-of day of a request: `asOf` (YYYY-MM-DD, a real date) or today by the clock. A day after today is
 * judged as of the clock's instant, so nothing not yet happened is taken as missed.
 */
export function resolveAsOf(asOf: string | undefined | null, clockNow: Date): AsOf {
  if (asOf != null && (typeof asOf !== 'string' || !isLocalDate(asOf)))
    throw validationFailed([{ field: 'asOf', message: 'a real date YYYY-MM-DD (Asia/Shanghai)' }]);
  const day = asOf ?? localDateOf(clockNow);
  const until = addDays(day, 1);
  const endOfDay = new Date(startOfLocalDay(until).getTime() - 1);
  return { day, until, now: endOfDay.getTime() < clockNow.getTime() ? endOfDay : clockNow };
}

/** A period's end (exclusive) clipped to the as-of day: no day after it is counted. */
export const clipTo = (to: string, asOf: AsOf) => (to > asOf.until ? asOf.until : to);
