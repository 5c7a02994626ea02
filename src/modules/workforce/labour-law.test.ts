import { describe, expect, it } from 'vitest';
import { addDays, startOfLocalDay } from '../../calendar/index.ts';
import {
  agentHours,
  checkRota,
  DEFAULT_LAW,
  hoursByDay,
  type PlannedShift,
  type ViolationCode,
} from './labour-law.ts';

const MON = '2026-03-02';
const at = (day: string, hour: number) => new Date(startOfLocalDay(day).getTime() + hour * 3600_000);
const shift = (agent: string, day: string, startHour: number, hours = 8): PlannedShift => ({
  agent,
  start: at(day, startHour),
  end: at(day, startHour + hours),
});
/** Three agents 00–08, 08–16, 16–24 on the days given: the 24 hours are covered. */
const cover = (days: string[]) =>
  days.flatMap((d) => [shift('n', d, 0), shift('m', d, 8), shift('e', d, 16)]);
const fiveDays = (agent: string, startHour: number, from = MON) =>
  [0, 1, 2, 3, 4].map((k) => shift(agent, addDays(from, k), startHour));
const week = [0, 1, 2, 3, 4, 5, 6].map((k) => addDays(MON, k));
const codes = (shifts: PlannedShift[], leave = new Map<string, Set<string>>(), law = DEFAULT_LAW) =>
  checkRota({ shifts, leave, from: MON, weeks: 1 }, law)
    .filter((v) => v.code !== 'uncovered' || shifts.length === 0)
    .map((v) => v.code);

describe('hoursByDay', () => {
  it('splits a night shift at midnight', () => {
    expect([...hoursByDay(shift('a', MON, 22))]).toEqual([
      [MON, 2],
      ['2026-03-03', 6],
    ]);
  });
});

describe('checkRota', () => {
  it.each<[string, PlannedShift[], ViolationCode[]]>([
    ['five 8-hour days', fiveDays('a', 8), []],
    [
      'six 8-hour days: 48 h a week',
      [...fiveDays('a', 8), shift('a', addDays(MON, 5), 8)],
      ['week_over_40h'],
    ],
    ['a 10-hour day', [shift('a', MON, 8, 10)], ['day_over_8h']],
    [
      'overlapping shifts',
      [shift('a', MON, 8), shift('a', MON, 12)],
      ['day_over_8h', 'overlap', 'overtime_over_3h_day'],
    ],
    [
      'an evening then an early shift: 8 h of rest',
      [shift('a', MON, 14), shift('a', addDays(MON, 1), 6)],
      ['short_rest'],
    ],
    [
      'six night shifts from Monday 22:00 reach Sunday: no full rest day',
      week.map((d) => shift('a', d, 22)).slice(0, 6),
      ['no_rest_day', 'week_over_40h'],
    ],
  ])('%s', (_, shifts, expected) => {
    expect(codes(shifts).sort()).toEqual([...expected].sort());
  });

  it('finds a shift on a day of leave', () => {
    const leave = new Map([['a', new Set(['2026-03-03'])]]);
    expect(codes(fiveDays('a', 8), leave)).toEqual(['on_leave']);
  });

  it('finds every uncovered half-hour (Sanmenxia art. 7)', () => {
    const v = checkRota({
      shifts: cover(week).filter((s) => !(s.agent === 'n' && s.start.getTime() === at(MON, 0).getTime())),
      leave: new Map(),
      from: MON,
      weeks: 1,
    });
    const uncovered = v.filter((x) => x.code === 'uncovered');
    expect(uncovered).toHaveLength(16);
    expect(uncovered[0]!.at).toBe(at(MON, 0).toISOString());
  });

  it('under 综合计算工时 a long week is fine while the period averages 40 h', () => {
    const law = { ...DEFAULT_LAW, comprehensiveHours: true };
    const shifts = [...fiveDays('a', 8), shift('a', addDays(MON, 5), 8)];
    const v = checkRota({ shifts, leave: new Map(), from: MON, weeks: 1 }, law).filter(
      (x) => x.code !== 'uncovered',
    );
    expect(v.map((x) => x.code)).toEqual(['period_over_average']);
    const twoWeeks = [...shifts, ...[7, 8, 9, 10].map((k) => shift('a', addDays(MON, k), 8))];
    expect(
      checkRota({ shifts: twoWeeks, leave: new Map(), from: MON, weeks: 2 }, law).filter(
        (x) => x.code !== 'uncovered',
      ),
    ).toEqual([]);
  });

  it('overtime over 36 h in a month (art. 41)', () => {
    // Four weeks of five 8-hour days and a 10-hour Saturday: 2 h a day over and 8 h a week over, 40 h in March.
    const shifts = [0, 7, 14, 21].flatMap((w) => [
      ...fiveDays('a', 8, addDays(MON, w)),
      shift('a', addDays(MON, w + 5), 8, 10),
    ]);
    const v = checkRota({ shifts, leave: new Map(), from: MON, weeks: 4 }).filter(
      (x) => x.code === 'overtime_over_36h',
    );
    expect(v).toEqual([expect.objectContaining({ agent: 'a', at: '2026-03', hours: 40 })]);
  });

  it('a 12-hour day is more than 3 hours of overtime in a day', () => {
    expect(codes([shift('a', MON, 8, 12)]).sort()).toEqual(['day_over_8h', 'overtime_over_3h_day']);
  });
});

describe('agentHours', () => {
  it('counts a 10-hour day as 2 h overtime and a 6-day week’s excess on its last day', () => {
    const { overtime } = agentHours(
      [shift('a', MON, 8, 10), ...fiveDays('a', 8, addDays(MON, 1))],
      DEFAULT_LAW,
    );
    expect(Object.fromEntries(overtime)).toEqual({ [MON]: 2, '2026-03-07': 8 });
  });
});
