import type { ChinaCalendar } from './china-calendar.ts';
import { noDataWarning } from './china-calendar.ts';
import { addDays, endOfLocalDay, type LocalDate, localDateOf, yearOf } from './local-time.ts';

export interface PeriodEnd {
  /** The instant the period ends: 24:00 of its last day in the city. */
  end: Date;
  /** The last day of the period. */
  lastDay: LocalDate;
  /** Set when the count crossed a year with no official data (never a silent guess). */
  warnings: string[];
}

/** Far more than any time limit in a 12345 dispatch catalogue; stops a runaway loop on bad input. */
const MAX_WORKING_DAYS = 3660;

function warningsFor(years: Set<number>, calendar: ChinaCalendar): string[] {
  return [...years].filter((y) => !calendar.hasDataFor(y)).map(noDataWarning);
}

/**
 * The last day of "N working days after `fromDay`", counted per Civil Code arts. 201–203: the starting day is
 * not counted, the period ends at 24:00 of its last day. N = 0 ends with the starting day itself.
 */
export function addWorkingDaysToDate(calendar: ChinaCalendar, fromDay: LocalDate, n: number): PeriodEnd {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`working days must be an integer from 0 to ${MAX_WORKING_DAYS}`);
  }
  const years = new Set([yearOf(fromDay)]);
  let day = fromDay;
  for (let counted = 0; counted < n;) {
    day = addDays(day, 1);
    years.add(yearOf(day));
    if (calendar.isWorkday(day)) counted++;
  }
  return { end: endOfLocalDay(day), lastDay: day, warnings: n === 0 ? [] : warningsFor(years, calendar) };
}

/**
 * "Within N working days from t": the day of t is not counted (art. 201), the period ends at 24:00 of the Nth
 * working day after it (art. 203). A request received on Friday with 1 working day is due at 24:00 Monday.
 */
export function addWorkingDays(calendar: ChinaCalendar, from: Date, n: number): PeriodEnd {
  return addWorkingDaysToDate(calendar, localDateOf(from), n);
}

/**
 * Extends a period that ends at `currentEnd` (24:00 of its last day) by N more working days, counted from that
 * last day — how an approved 延期 moves a deadline.
 */
export function extendByWorkingDays(calendar: ChinaCalendar, currentEnd: Date, n: number): PeriodEnd {
  const lastDay = localDateOf(new Date(currentEnd.getTime() - 1));
  return addWorkingDaysToDate(calendar, lastDay, n);
}

/**
 * The Nth working day of a month, e.g. the 5th working day of the next month by which Luohe's monthly analysis
 * report is due (KPI 11). `month` is 1–12.
 */
export function nthWorkingDayOfMonth(
  calendar: ChinaCalendar,
  year: number,
  month: number,
  n: number,
): PeriodEnd {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  return addWorkingDaysToDate(calendar, addDays(first, -1), n);
}

/** Working days strictly after `from`'s day up to and including `to`'s day (0 when `to` is not later). */
export function countWorkingDaysBetween(calendar: ChinaCalendar, from: Date, to: Date): number {
  let day = localDateOf(from);
  const last = localDateOf(to);
  let count = 0;
  while (day < last) {
    day = addDays(day, 1);
    if (calendar.isWorkday(day)) count++;
  }
  return count;
}

/**
 * "Within N days" counted in calendar days (e.g. a 7-day rectification, the first 10 days of a quarter): the
 * starting day is not counted; a last day that is a statutory rest day moves to the next working day (art. 203).
 */
export function addCalendarDays(calendar: ChinaCalendar, from: Date, n: number): PeriodEnd {
  let day = addDays(localDateOf(from), n);
  const years = new Set([yearOf(day)]);
  while (!calendar.isWorkday(day)) {
    day = addDays(day, 1);
    years.add(yearOf(day));
  }
  return { end: endOfLocalDay(day), lastDay: day, warnings: warningsFor(years, calendar) };
}
