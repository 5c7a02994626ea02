import { describe, expect, it } from 'vitest';
import { loadBuiltinCalendar } from './builtin.ts';
import { createChinaCalendar } from './china-calendar.ts';
import { formatCityInstant } from './local-time.ts';
import {
  addCalendarDays,
  addWorkingDays,
  countWorkingDaysBetween,
  extendByWorkingDays,
  nthWorkingDayOfMonth,
} from './working-days.ts';

const calendar = createChinaCalendar(loadBuiltinCalendar());
const due = (from: string, n: number) => formatCityInstant(addWorkingDays(calendar, new Date(from), n).end);

describe('addWorkingDays (Civil Code arts. 201–203)', () => {
  it.each([
    // an ordinary week: the day of receipt is not counted, the period ends at 24:00 of the last day
    ['2025-03-03T10:00:00+08:00', 1, '2025-03-05T00:00:00+08:00'],
    // Friday + 1 working day ends with Monday
    ['2025-03-07T16:00:00+08:00', 1, '2025-03-11T00:00:00+08:00'],
    ['2025-03-03T10:00:00+08:00', 5, '2025-03-11T00:00:00+08:00'],
    // a Saturday request: the weekend is skipped
    ['2025-03-08T09:00:00+08:00', 1, '2025-03-11T00:00:00+08:00'],
    // National Day 2025: Oct 1–8 off, Sunday Sept 28 and Saturday Oct 11 are 调休 working days
    ['2025-09-30T10:00:00+08:00', 1, '2025-10-10T00:00:00+08:00'],
    ['2025-09-26T18:00:00+08:00', 1, '2025-09-29T00:00:00+08:00'],
    ['2025-10-09T10:00:00+08:00', 2, '2025-10-12T00:00:00+08:00'],
    // Spring Festival 2025: Jan 28–Feb 4 off, Sunday Jan 26 and Saturday Feb 8 worked
    ['2025-01-24T12:00:00+08:00', 2, '2025-01-28T00:00:00+08:00'],
    ['2025-01-27T12:00:00+08:00', 1, '2025-02-06T00:00:00+08:00'],
    // New Year 2026: Jan 1–3 off, Sunday Jan 4 worked
    ['2025-12-31T08:00:00+08:00', 1, '2026-01-05T00:00:00+08:00'],
    // the instant is read in Beijing time: 16:30 UTC on Mar 2 is 00:30 on Monday Mar 3 in the city
    ['2025-03-02T16:30:00Z', 1, '2025-03-05T00:00:00+08:00'],
    ['2025-03-03T15:59:59Z', 1, '2025-03-05T00:00:00+08:00'],
    // zero working days: by the end of the day itself
    ['2025-03-03T10:00:00+08:00', 0, '2025-03-04T00:00:00+08:00'],
  ])('%s + %i working day(s) → %s', (from, n, expected) => {
    expect(due(from, n)).toBe(expected);
  });

  it('warns, never silently guesses, when the count runs into a year without data', () => {
    const result = addWorkingDays(calendar, new Date('2026-12-30T10:00:00+08:00'), 3);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('2027');
    expect(addWorkingDays(calendar, new Date('2026-03-02T10:00:00+08:00'), 3).warnings).toEqual([]);
  });

  it('uses the office overrides and declared years', () => {
    const withNotice = createChinaCalendar(
      loadBuiltinCalendar(),
      [
        { day: '2027-01-01', isWorkday: false, name: '元旦' },
        { day: '2027-01-04', isWorkday: false, name: '元旦（测试）' },
      ],
      [2027],
    );
    const r = addWorkingDays(withNotice, new Date('2026-12-31T10:00:00+08:00'), 1);
    expect(formatCityInstant(r.end)).toBe('2027-01-06T00:00:00+08:00');
    expect(r.warnings).toEqual([]);
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(calendar, new Date(), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(calendar, new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('other periods', () => {
  it('extends a deadline by working days counted from its last day', () => {
    const end = new Date('2025-09-30T00:00:00+08:00'); // 24:00 of Monday Sept 29
    expect(formatCityInstant(extendByWorkingDays(calendar, end, 2).end)).toBe('2025-10-10T00:00:00+08:00');
  });

  it('finds the 5th working day of a month (Luohe KPI 11: monthly report)', () => {
    expect(nthWorkingDayOfMonth(calendar, 2025, 10, 5).lastDay).toBe('2025-10-14');
    expect(nthWorkingDayOfMonth(calendar, 2026, 2, 5).lastDay).toBe('2026-02-06');
    expect(nthWorkingDayOfMonth(calendar, 2025, 3, 5).lastDay).toBe('2025-03-07');
  });

  it('counts calendar days and moves a last day off a rest day', () => {
    // 7 days from Wednesday Sept 24 2025 is Wednesday Oct 1, a holiday: moves to Thursday Oct 9
    expect(addCalendarDays(calendar, new Date('2025-09-24T10:00:00+08:00'), 7).lastDay).toBe('2025-10-09');
    expect(addCalendarDays(calendar, new Date('2025-03-03T10:00:00+08:00'), 7).lastDay).toBe('2025-03-10');
  });

  it('counts working days between two instants', () => {
    expect(
      countWorkingDaysBetween(
        calendar,
        new Date('2025-09-26T10:00:00+08:00'),
        new Date('2025-10-13T10:00:00+08:00'),
      ),
    ).toBe(7); // Sept 28 (调休), 29, 30, Oct 9, 10, 11 (调休), 13
  });
});
