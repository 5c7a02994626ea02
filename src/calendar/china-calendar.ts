import type { BuiltinCalendarData } from './builtin.ts';
import { type LocalDate, weekdayOf, yearOf } from './local-time.ts';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export interface CalendarOverride {
  day: LocalDate;
  isWorkday: boolean;
  name: string;
}

export interface DayInfo {
  date: LocalDate;
  workday: boolean;
  kind: DayKind;
  /** Holiday name (e.g. 春节) for a holiday or a 调休 working day. */
  name?: string;
  source: 'builtin' | 'override' | 'weekday_rule';
  /** False when the year has no official data: the answer is the plain Monday–Friday rule, a guess. */
  known: boolean;
}

/** China's official working-day calendar: weekends, statutory holidays, 调休, and the office's overrides. */
export interface ChinaCalendar {
  day(date: LocalDate): DayInfo;
  isWorkday(date: LocalDate): boolean;
  hasDataFor(year: number): boolean;
  /** The years with official data, ascending. */
  coveredYears(): number[];
  source: string;
}

export function noDataWarning(year: number): string {
  return (
    `No official holiday data for ${year}: dates in it were counted as plain Monday–Friday weeks. ` +
    `Enter the State Council's ${year} holiday notice in the calendar override table and declare the year complete.`
  );
}

export function createChinaCalendar(
  builtin: BuiltinCalendarData,
  overrides: CalendarOverride[] = [],
  declaredYears: number[] = [],
): ChinaCalendar {
  const overrideByDay = new Map(overrides.map((o) => [o.day, o]));
  const years = new Set([...builtin.years, ...declaredYears]);

  function day(date: LocalDate): DayInfo {
    const known = years.has(yearOf(date));
    const weekend = weekdayOf(date) === 0 || weekdayOf(date) === 6;
    const o = overrideByDay.get(date);
    if (o) {
      const kind: DayKind = o.isWorkday
        ? weekend
          ? 'adjusted_workday'
          : 'workday'
        : weekend
          ? 'weekend'
          : 'holiday';
      return { date, workday: o.isWorkday, kind, name: o.name, source: 'override', known: true };
    }
    const holiday = builtin.holidays.get(date);
    if (holiday) return { date, workday: false, kind: 'holiday', name: holiday, source: 'builtin', known };
    const adjusted = builtin.adjustedWorkdays.get(date);
    if (adjusted)
      return { date, workday: true, kind: 'adjusted_workday', name: adjusted, source: 'builtin', known };
    return {
      date,
      workday: !weekend,
      kind: weekend ? 'weekend' : 'workday',
      source: known ? 'builtin' : 'weekday_rule',
      known,
    };
  }

  return {
    day,
    isWorkday: (date) => day(date).workday,
    hasDataFor: (year) => years.has(year),
    coveredYears: () => [...years].sort((a, b) => a - b),
    source: builtin.source,
  };
}
