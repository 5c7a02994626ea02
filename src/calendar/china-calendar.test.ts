import { describe, expect, it } from 'vitest';
import { loadBuiltinCalendar } from './builtin.ts';
import { createChinaCalendar } from './china-calendar.ts';

const calendar = createChinaCalendar(loadBuiltinCalendar());

describe('China calendar', () => {
  it.each([
    ['2025-01-01', false], // 元旦
    ['2025-03-04', true],
    ['2025-03-08', false], // Saturday
    ['2025-10-11', true], // 国庆调休 Saturday
    ['2025-09-28', true], // 国庆调休 Sunday
    ['2025-10-08', false],
    ['2025-01-26', true], // 春节调休 Sunday
    ['2025-02-04', false], // 春节
    ['2026-01-04', true], // 元旦调休 Sunday
    ['2026-02-23', false], // 春节 2026
    ['2026-05-09', true], // 劳动节调休 Saturday
  ])('%s is a working day: %s', (date, expected) => {
    expect(calendar.isWorkday(date)).toBe(expected);
    expect(calendar.day(date).known).toBe(true);
  });

  it('says when a year has no official data, and that its answer is the weekday rule', () => {
    expect(calendar.hasDataFor(2026)).toBe(true);
    expect(calendar.hasDataFor(2027)).toBe(false);
    expect(calendar.day('2027-01-01')).toMatchObject({ workday: true, known: false, source: 'weekday_rule' });
  });

  it('lets an override win over the built-in data', () => {
    const c = createChinaCalendar(loadBuiltinCalendar(), [
      { day: '2025-03-04', isWorkday: false, name: '特殊停工' },
    ]);
    expect(c.day('2025-03-04')).toMatchObject({ workday: false, kind: 'holiday', source: 'override' });
  });
});
