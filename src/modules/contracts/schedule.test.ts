import { describe, expect, it } from 'vitest';
import { loadBuiltinCalendar } from '../../calendar/builtin.ts';
import { createChinaCalendar } from '../../calendar/china-calendar.ts';
import { readRepositoryContracts } from './definitions.ts';
import { DEFAULT_READINGS } from './readings.ts';
import { bpOf, paymentSchedule, splitByShares } from './schedule.ts';

const calendar = createChinaCalendar(loadBuiltinCalendar());
const contracts = Object.fromEntries(readRepositoryContracts().map((c) => [c.id, c]));

describe('splitting money by shares', () => {
  it.each([
    [327828964, [4000, 2000, 2000, 2000], [131131585, 65565793, 65565793, 65565793]],
    [209173333, [2500, 2500, 2500, 2500], [52293334, 52293333, 52293333, 52293333]],
    [100, [3333, 3333, 3334], [33, 33, 34]],
    [1, [5000, 5000], [1, 0]],
  ])('%i fen by %j → %j, adding up exactly', (total, shares, expected) => {
    const parts = splitByShares(total, shares);
    expect(parts).toEqual(expected);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('rounds a deduction half up to the fen', () => {
    expect(bpOf(327828964, 100)).toBe(3278290);
    expect(bpOf(327828964, 500)).toBe(16391448);
    expect(bpOf(3, 5000)).toBe(2);
  });
});

describe('payment schedules', () => {
  it('Luohe: 40/20/20/20 %, contract quarters from November, windows of 10 days after each', () => {
    const s = paymentSchedule(contracts['luohe-2025']!, DEFAULT_READINGS, calendar);
    expect(s.totalFen).toBe(327828964);
    expect(s.bondFen).toBe(16391448);
    // 7 working days after Saturday 2026-10-31
    expect(s.bondReturnBy).toBe('2026-11-10');
    expect(
      s.payments.map((p) => [p.quarter, p.baseFen, p.period.from, p.period.to, p.dueFrom, p.dueTo]),
    ).toEqual([
      [1, 131131585, '2025-11-01', '2026-02-01', '2026-02-01', '2026-02-10'],
      [2, 65565793, '2026-02-01', '2026-05-01', '2026-05-01', '2026-05-11'], // May 10 is a Sunday
      [3, 65565793, '2026-05-01', '2026-08-01', '2026-08-01', '2026-08-10'],
      [4, 65565793, '2026-08-01', '2026-11-01', '2026-11-01', '2026-11-10'],
    ]);
    expect(s.payments.reduce((a, p) => a + p.baseFen, 0)).toBe(s.totalFen);
  });

  it('Sanmenxia: four equal quarters from October, no bond', () => {
    const s = paymentSchedule(contracts['sanmenxia-2024']!, DEFAULT_READINGS, calendar);
    expect(s.bondFen).toBe(0);
    expect(s.payments.map((p) => [p.baseFen, p.period.from, p.dueTo])).toEqual([
      [52293334, '2024-10-01', '2025-01-10'],
      [52293333, '2025-01-01', '2025-04-10'],
      [52293333, '2025-04-01', '2025-07-10'],
      [52293333, '2025-07-01', '2025-10-10'],
    ]);
  });

  it('a calendar-quarter reading gives Luohe a short first quarter and a long last one', () => {
    const s = paymentSchedule(
      contracts['luohe-2025']!,
      { ...DEFAULT_READINGS, quarterBasis: 'calendar' },
      calendar,
    );
    expect(s.payments.map((p) => [p.period.from, p.period.to])).toEqual([
      ['2025-11-01', '2026-01-01'],
      ['2026-01-01', '2026-04-01'],
      ['2026-04-01', '2026-07-01'],
      ['2026-07-01', '2026-11-01'],
    ]);
  });
});
