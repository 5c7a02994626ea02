import type { ChinaCalendar } from './china-calendar.ts';
import { noDataWarning } from './china-calendar.ts';
import { addDays, type LocalDate, localDateOf, startOfLocalDay, yearOf } from './local-time.ts';

// Working TIME (minutes) on the city calendar, beside working-days.ts's whole working days. A working day counts
// whole (00:00–24:00 in the city), as the deadlines do: a deadline ends at 24:00 of a working day, so a clock
// stopped for part of a working day gives back exactly that part. Rest days and statutory holidays count nothing.

const MINUTE = 60_000;
/** Ten years of days: far beyond any pause; stops a runaway loop on bad input. */
const MAX_DAYS = 3660;

export interface WorkingInstant {
  at: Date;
  /** Set when the count crossed a year with no official calendar data (never a silent guess). */
  warnings: string[];
}

function warningsFor(years: Set<number>, calendar: ChinaCalendar): string[] {
  return [...years].filter((y) => !calendar.hasDataFor(y)).map(noDataWarning);
}

/** Whole minutes of [from, to) that fall on working days (0 when `to` is not later). */
export function workingMinutesBetween(calendar: ChinaCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let minutes = 0;
  let t = from.getTime();
  for (let i = 0; t < to.getTime(); i++) {
    if (i > MAX_DAYS) throw new RangeError(`a span longer than ${MAX_DAYS} days`);
    const day: LocalDate = localDateOf(new Date(t));
    const dayEnd = startOfLocalDay(addDays(day, 1)).getTime();
    const end = Math.min(dayEnd, to.getTime());
    if (calendar.isWorkday(day)) minutes += (end - t) / MINUTE;
    t = end;
  }
  return Math.floor(minutes);
}

/**
 * The instant `minutes` of working time after `from`: time on rest days and holidays does not count. The earliest
 * such instant, so a deadline at 24:00 of a working day moved by whole working days ends at 24:00 again
 * (24:00 Friday + 1440 minutes = 24:00 Monday, not 00:00 Tuesday's first minute of work).
 */
export function addWorkingMinutes(calendar: ChinaCalendar, from: Date, minutes: number): WorkingInstant {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MAX_DAYS * 1440) {
    throw new RangeError(`working minutes must be an integer from 0 to ${MAX_DAYS * 1440}`);
  }
  let left = minutes * MINUTE;
  let t = from.getTime();
  const years = new Set<number>();
  for (let i = 0; left > 0; i++) {
    if (i > MAX_DAYS * 2) throw new RangeError('no working day found');
    const day = localDateOf(new Date(t));
    years.add(yearOf(day));
    const dayEnd = startOfLocalDay(addDays(day, 1)).getTime();
    if (calendar.isWorkday(day)) {
      if (left <= dayEnd - t) return { at: new Date(t + left), warnings: warningsFor(years, calendar) };
      left -= dayEnd - t;
    }
    t = dayEnd;
  }
  return { at: new Date(t), warnings: warningsFor(years, calendar) };
}
