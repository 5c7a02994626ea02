import { describe, expect, it } from 'vitest';
import { createChinaCalendar } from '../../calendar/china-calendar.ts';
import { loadBuiltinCalendar } from '../../calendar/builtin.ts';
import { addDays, startOfLocalDay } from '../../calendar/local-time.ts';
import {
  countOnPhonesByQuarterHour,
  createDefaultRoster,
  DEFAULT_SHIFTS,
  listAgentIds,
  removeAgents,
  scaleShiftSizes,
} from './roster.ts';

const calendar = createChinaCalendar(loadBuiltinCalendar());
const at = (s: string) => new Date(`${s}+08:00`);

describe('the default roster', () => {
  const roster = createDefaultRoster({ calendar, seed: 7, absenceRate: 0 });

  it('uses the contract headcount: 45 agents, ids 1001…1045, 5 shifts in 7 days on average', () => {
    expect(listAgentIds(45)).toHaveLength(45);
    expect(listAgentIds(45)[0]).toBe('1001');
    expect(listAgentIds(45)[44]).toBe('1045');
    const workday = DEFAULT_SHIFTS.reduce((s, x) => s + x.workday, 0);
    const restDay = DEFAULT_SHIFTS.reduce((s, x) => s + x.restDay, 0);
    expect(workday * 5 + restDay * 2).toBeLessThanOrEqual(45 * 5);
  });

  it('covers every quarter hour of the day, 7×24, thin at night and thick at the morning peak', () => {
    const q = countOnPhonesByQuarterHour(roster, '2026-03-11');
    expect(Math.min(...q)).toBeGreaterThanOrEqual(2);
    expect(q[4 * 4]).toBeLessThanOrEqual(3);
    expect(q[10 * 4]).toBeGreaterThanOrEqual(15);
  });

  it('has more agents on a working day than on a weekend or holiday', () => {
    const tenOn = (d: string) => roster(at(`${d}T10:00:00`)).length;
    expect(tenOn('2026-03-11')).toBeGreaterThan(tenOn('2026-03-14'));
    expect(tenOn('2026-03-11')).toBeGreaterThan(tenOn('2026-10-02'));
  });

  it('rotates everyone through about five days in seven', () => {
    const days = new Map<string, number>();
    for (let i = 0; i < 28; i++) {
      const d = addDays('2026-03-02', i);
      const seen = new Set<string>();
      for (let q = 0; q < 96; q++)
        for (const a of roster(new Date(startOfLocalDay(d).getTime() + q * 900_000))) seen.add(a);
      for (const a of seen) days.set(a, (days.get(a) ?? 0) + 1);
    }
    expect(days.size).toBe(45);
    for (const n of days.values()) {
      expect(n).toBeGreaterThanOrEqual(16);
      expect(n).toBeLessThanOrEqual(24);
    }
  });

  it('staggers meals so a shift never leaves all at once', () => {
    const q = countOnPhonesByQuarterHour(roster, '2026-03-11');
    expect(q[12 * 4]).toBeGreaterThan(q[10 * 4]! / 2);
  });

  it('loses some agent-days to absence when asked', () => {
    const withAbsence = createDefaultRoster({ calendar, seed: 7, absenceRate: 0.2 });
    const sum = (r: typeof roster) => countOnPhonesByQuarterHour(r, '2026-03-11').reduce((s, x) => s + x, 0);
    expect(sum(withAbsence)).toBeLessThan(sum(roster));
  });

  it('is a pure function of the instant', () => {
    const other = createDefaultRoster({ calendar, seed: 7, absenceRate: 0 });
    expect(other(at('2026-03-11T15:07:00'))).toEqual(roster(at('2026-03-11T15:07:00')));
  });
});

describe('scenarios on a roster', () => {
  const roster = createDefaultRoster({ calendar, seed: 7, absenceRate: 0 });

  it('removes agents only inside the window', () => {
    const from = at('2026-03-02T00:00:00');
    const to = at('2026-03-23T00:00:00');
    const short = removeAgents(roster, ['1001', '1002'], from, to);
    for (let i = 0; i < 21 * 96; i++) {
      const t = new Date(from.getTime() + i * 900_000);
      expect(short(t)).not.toContain('1001');
      expect(short(t)).not.toContain('1002');
    }
    const after = at('2026-03-25T10:00:00');
    expect(short(after)).toEqual(roster(after));
  });

  it('scales shift sizes with the headcount, never below two', () => {
    expect(scaleShiftSizes(DEFAULT_SHIFTS, 90).workday).toEqual(DEFAULT_SHIFTS.map((s) => s.workday * 2));
    expect(Math.min(...scaleShiftSizes(DEFAULT_SHIFTS, 10).workday)).toBe(2);
    const big = createDefaultRoster({ calendar, agents: 90, absenceRate: 0 });
    expect(big(at('2026-03-11T10:00:00')).length).toBeGreaterThan(
      roster(at('2026-03-11T10:00:00')).length * 1.8,
    );
    const ids = new Set(
      Array.from({ length: 96 }, (_, q) =>
        big(new Date(at('2026-03-11T00:00:00').getTime() + q * 900_000)),
      ).flat(),
    );
    expect([...ids].some((id) => Number(id) > 1045)).toBe(true);
    expect([...ids].every((id) => Number(id) >= 1001 && Number(id) <= 1090)).toBe(true);
  });
});
