import { describe, expect, it } from 'vitest';
import { createChinaCalendar } from '../../calendar/china-calendar.ts';
import { loadBuiltinCalendar } from '../../calendar/builtin.ts';
import { createStream } from './distributions.ts';
import { DEFAULT_SIMULATOR_PARAMETERS as P, resolveParameters } from './parameters.ts';
import { calendarFactorOf, callRateAt, createDayPlanner, nextArrivalAfter } from './traffic.ts';

const calendar = createChinaCalendar(loadBuiltinCalendar());

describe('calendarFactorOf', () => {
  const f = (d: string) => calendarFactorOf(d, calendar, P.traffic);

  it('makes Monday the busiest day and Sunday the quietest of an ordinary week', () => {
    const week = [
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
    ];
    const factors = week.map((d) => f(d).factor);
    expect(Math.max(...factors)).toBe(f('2026-03-09').factor);
    expect(Math.min(...factors)).toBe(f('2026-03-08').factor);
    expect(f('2026-03-14').restDay).toBe(true);
  });

  it('lowers statutory holidays, the Spring Festival most', () => {
    expect(f('2026-10-02').factor).toBeLessThan(f('2026-10-11').factor);
    expect(f('2026-10-02').restDay).toBe(true);
    expect(f('2026-02-17').factor / P.traffic.monthFactors[1]!).toBe(P.traffic.holidayFactors['春节']);
  });

  it('raises the first two working days after a long holiday', () => {
    // National Day 2026: 10-01…10-07 off; 10-08 (Thursday) and 10-09 are the first working days.
    const oct = P.traffic.monthFactors[9]!;
    expect(f('2026-10-08').factor).toBeCloseTo(P.traffic.weekdayFactors[4]! * oct * 1.35);
    expect(f('2026-10-09').factor).toBeCloseTo(P.traffic.weekdayFactors[5]! * oct * 1.15);
    // An ordinary Monday after a plain weekend is not "after a long holiday".
    expect(f('2026-03-09').factor).toBeCloseTo(P.traffic.weekdayFactors[1]! * P.traffic.monthFactors[2]!);
  });

  it('treats a 调休 weekend working day as a working day', () => {
    expect(f('2026-10-10')).toMatchObject({ restDay: false });
    expect(f('2026-10-10').factor).toBeCloseTo(P.traffic.adjustedWorkdayFactor * P.traffic.monthFactors[9]!);
  });
});

describe('arrivals by thinning', () => {
  it('draws about the planned number of calls in a day, shaped by the hour', () => {
    const p = resolveParameters({ surges: { perYear: 0 } });
    const planner = createDayPlanner(p, calendar, 3);
    const plan = planner.plan('2026-03-11');
    const expected = plan.callRates.reduce((s, r) => s + r * 3_600_000, 0);
    const rnd = createStream(99);
    const hours = new Array<number>(24).fill(0);
    let n = 0;
    for (
      let t = nextArrivalAfter(plan.start, plan.end, rnd, planner, callRateAt, (d) => d.maxCallRate);
      t < plan.end;
    ) {
      n++;
      hours[Math.floor((t - plan.start) / 3_600_000)]!++;
      t = nextArrivalAfter(t, plan.end, rnd, planner, callRateAt, (d) => d.maxCallRate);
    }
    expect(Math.abs(n - expected)).toBeLessThan(4 * Math.sqrt(expected));
    expect(hours[10]!).toBeGreaterThan(hours[4]! * 10);
  });

  it('multiplies the rate during a surge', () => {
    const p = resolveParameters({ surges: { perYear: 365 } });
    const plan = createDayPlanner(p, calendar, 3).plan('2026-07-15');
    expect(plan.surge).not.toBeNull();
    const s = plan.surge!;
    const mid = (s.start + s.end) / 2;
    const base = plan.callRates[Math.floor((mid - plan.start) / 3_600_000)]!;
    expect(callRateAt(plan, mid)).toBeCloseTo(base * s.multiplier);
    expect(s.end - s.start).toBeGreaterThanOrEqual(3_600_000);
  });
});
