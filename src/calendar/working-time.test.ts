import { describe, expect, it } from 'vitest';
import { loadBuiltinCalendar } from './builtin.ts';
import { createChinaCalendar } from './china-calendar.ts';
import { formatCityInstant } from './local-time.ts';
import { addWorkingMinutes, workingMinutesBetween } from './working-time.ts';

const calendar = createChinaCalendar(loadBuiltinCalendar());
const d = (s: string) => new Date(s);
const between = (a: string, b: string) => workingMinutesBetween(calendar, d(a), d(b));
const plus = (a: string, m: number) => formatCityInstant(addWorkingMinutes(calendar, d(a), m).at);

describe('workingMinutesBetween', () => {
  it('counts the part of a working day', () => {
    expect(between('2025-03-03T10:00:00+08:00', '2025-03-03T15:30:00+08:00')).toBe(330);
  });
  it('leaves a weekend out: Friday 10:00 → Monday 10:00 is 14 h + 10 h', () => {
    expect(between('2025-03-07T10:00:00+08:00', '2025-03-10T10:00:00+08:00')).toBe(24 * 60);
  });
  it('leaves National Day 2025 out (Oct 1–8 off) and counts the 调休 Saturday Oct 11', () => {
    // Sept 30 12:00 → 24:00 is 12 h; Oct 1–8 nothing; Oct 9, 10 whole; Oct 11 (worked) until 06:00
    expect(between('2025-09-30T12:00:00+08:00', '2025-10-11T06:00:00+08:00')).toBe((12 + 48 + 6) * 60);
  });
  it('is 0 over a holiday alone and when the end is not later', () => {
    expect(between('2025-10-02T00:00:00+08:00', '2025-10-08T23:00:00+08:00')).toBe(0);
    expect(between('2025-03-03T10:00:00+08:00', '2025-03-03T09:00:00+08:00')).toBe(0);
  });
});

describe('addWorkingMinutes', () => {
  it('moves a deadline at 24:00 Friday by one working day to 24:00 Monday', () => {
    expect(plus('2025-03-08T00:00:00+08:00', 1440)).toBe('2025-03-11T00:00:00+08:00');
  });
  it('moves a deadline by a part of a day, skipping the weekend', () => {
    // 24:00 Friday Mar 7 + 30 h of working time: Monday whole, then 6 h of Tuesday
    expect(plus('2025-03-08T00:00:00+08:00', 30 * 60)).toBe('2025-03-11T06:00:00+08:00');
  });
  it('skips National Day: 24:00 Sept 30 + 1 working day ends at 24:00 Oct 9', () => {
    expect(plus('2025-10-01T00:00:00+08:00', 1440)).toBe('2025-10-10T00:00:00+08:00');
  });
  it('a pause spanning a weekend and a holiday moves the deadline by exactly what it paused', () => {
    // paused Friday Sept 26 15:00 → Thursday Oct 9 09:00: Fri 9 h, Sun Sept 28 (调休) 24 h, Mon 29, Tue 30 whole, Thu 9 h
    const paused = between('2025-09-26T15:00:00+08:00', '2025-10-09T09:00:00+08:00');
    expect(paused).toBe((9 + 24 + 24 + 24 + 9) * 60);
    // the old deadline, 24:00 Oct 10 (Friday), moves 90 h of working time: Oct 11 (Sat, worked) 24 h,
    // Mon 13, Tue 14, then 18 h of Wednesday Oct 15
    expect(plus('2025-10-11T00:00:00+08:00', paused)).toBe('2025-10-15T18:00:00+08:00');
  });
  it('zero minutes is the instant itself; bad input is refused', () => {
    expect(plus('2025-03-08T00:00:00+08:00', 0)).toBe('2025-03-08T00:00:00+08:00');
    expect(() => addWorkingMinutes(calendar, d('2025-03-08T00:00:00+08:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(calendar, d('2025-03-08T00:00:00+08:00'), 1.5)).toThrow(RangeError);
  });
  it('warns when the count crosses a year without calendar data', () => {
    const r = addWorkingMinutes(calendar, d('2099-03-02T00:00:00+08:00'), 60);
    expect(r.warnings.length).toBe(1);
  });
});
