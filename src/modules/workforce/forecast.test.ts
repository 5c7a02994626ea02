import { describe, expect, it } from 'vitest';
import { addDays, type DayKind, type LocalDate, startOfLocalDay, weekdayOf } from '../../calendar/index.ts';
import { backtestLastWeek, forecastCalls, type IntervalCount, wape } from './forecast.ts';

/** Working days: 1,000 calls a day, rest days 600; half the calls 09:00–12:00, the rest spread evenly. */
const plainKind = (d: LocalDate): DayKind =>
  weekdayOf(d) === 0 || weekdayOf(d) === 6 ? 'weekend' : 'workday';

function shapeOf(k: number): number {
  return k >= 18 && k < 24 ? 0.5 / 6 + 0.5 / 48 : 0.5 / 48;
}

function history(
  first: LocalDate,
  days: number,
  dayTotal: (d: LocalDate, i: number) => number,
): IntervalCount[] {
  const out: IntervalCount[] = [];
  for (let i = 0; i < days; i++) {
    const d = addDays(first, i);
    const t0 = startOfLocalDay(d).getTime();
    for (let k = 0; k < 48; k++)
      out.push({ start: new Date(t0 + k * 1800_000), offered: dayTotal(d, i) * shapeOf(k) });
  }
  return out;
}

const FIRST = '2026-03-02'; // a Monday
const flatTotals = (d: LocalDate) => (plainKind(d) === 'workday' ? 1000 : 600);

describe('forecastCalls', () => {
  it('reproduces a steady weekday × interval pattern', () => {
    const h = history(FIRST, 28, flatTotals);
    const f = forecastCalls(h, FIRST, '2026-03-30', '2026-04-06', plainKind);
    expect(f.intervals).toHaveLength(7 * 48);
    expect(f.days.map((d) => Math.round(d.expected))).toEqual([1000, 1000, 1000, 1000, 1000, 600, 600]);
    // 10:00 on the Monday is in the busy morning.
    expect(f.intervals[20]!.expected).toBeCloseTo(1000 * shapeOf(20), 6);
    expect(f.intervals[0]!.start.toISOString()).toBe('2026-03-29T16:00:00.000Z');
  });

  it('uses only calls before --from', () => {
    const h = history(FIRST, 35, (d) => (d >= '2026-03-30' ? 99_999 : flatTotals(d)));
    const f = forecastCalls(h, FIRST, '2026-03-30', '2026-03-31', plainKind);
    expect(f.days[0]!.expected).toBeCloseTo(1000, 6);
  });

  it('a holiday behaves like a rest day, a 调休 working Saturday like a working day', () => {
    const kind = (d: LocalDate): DayKind =>
      d === '2026-04-06' ? 'holiday' : d === '2026-04-11' ? 'adjusted_workday' : plainKind(d);
    const f = forecastCalls(history(FIRST, 35, flatTotals), FIRST, '2026-04-06', '2026-04-13', kind);
    const byDay = Object.fromEntries(f.days.map((d) => [d.date, Math.round(d.expected)]));
    expect(byDay['2026-04-06']).toBe(600); // a Monday off
    expect(byDay['2026-04-11']).toBe(1000); // a Saturday at work
    expect(byDay['2026-04-12']).toBe(600);
  });

  it('ignores an outlier day (a storm) instead of letting it lift the forecast', () => {
    const h = history(FIRST, 28, (d) => (d === '2026-03-23' ? 5000 : flatTotals(d)));
    const f = forecastCalls(h, FIRST, '2026-03-30', '2026-03-31', plainKind);
    expect(f.basis.outlierDays).toEqual(['2026-03-23']);
    expect(f.days[0]!.expected).toBeCloseTo(1000, 6);
  });

  it('follows a linear trend', () => {
    const h = history(FIRST, 42, (d, i) => flatTotals(d) * (1 + 0.01 * i));
    const f = forecastCalls(h, FIRST, '2026-04-13', '2026-04-14', plainKind);
    // Day 42 of the series: 1,000 × 1.42 on a Monday, within a few per cent.
    expect(f.days[0]!.expected / 1420).toBeGreaterThan(0.97);
    expect(f.days[0]!.expected / 1420).toBeLessThan(1.03);
    const flat = forecastCalls(h, FIRST, '2026-04-13', '2026-04-14', plainKind, { trend: false });
    expect(flat.days[0]!.expected).toBeLessThan(f.days[0]!.expected);
  });

  it('answers zeros, not an error, without history', () => {
    const f = forecastCalls([], null, '2026-03-30', '2026-03-31', plainKind);
    expect(f.intervals).toHaveLength(48);
    expect(f.intervals.every((i) => i.expected === 0)).toBe(true);
    expect(f.basis.historyDays).toBe(0);
  });
});

describe('wape and the back-test', () => {
  it.each([
    [[10, 20], [10, 20], 0],
    [[10, 30], [20, 20], 0.5],
    [[0, 0], [1, 1], null],
  ])('wape(%j, %j) = %s', (a, f, w) => {
    expect(wape(a, f)).toBe(w);
  });

  it('is perfect on a steady pattern and reports the naive median of three weeks beside it', () => {
    const h = history(FIRST, 35, flatTotals);
    const b = backtestLastWeek(h, FIRST, '2026-04-06', plainKind);
    expect(b.intervals).toBe(336);
    expect(b.wape).toBeCloseTo(0, 9);
    expect(b.naiveWape).toBeCloseTo(0, 9);
  });

  it('beats the naive median under a trend', () => {
    const h = history(FIRST, 42, (d, i) => flatTotals(d) * (1 + 0.02 * i));
    const b = backtestLastWeek(h, FIRST, '2026-04-13', plainKind);
    expect(b.wape as number).toBeLessThan(b.naiveWape as number);
  });
});
