import { describe, expect, it } from 'vitest';
import { checkRota } from './labour-law.ts';
import { solveShiftCounts } from './rota-lp.ts';
import { coverageGap, DEFAULT_TEMPLATES, planRota } from './rota-planner.ts';

const MON = '2026-03-02';
/** A peaked day: 2 agents at night, 12 in the morning peak, 8 in the afternoon, 4 in the evening. */
const day = Array.from({ length: 48 }, (_, k) => (k < 14 ? 2 : k < 24 ? 12 : k < 36 ? 8 : 4));
const agents = (n: number) => Array.from({ length: n }, (_, k) => `a${String(k + 1).padStart(2, '0')}`);

describe('solveShiftCounts (the integer programme)', () => {
  it('covers a flat requirement exactly with whole shifts when there are agents enough', () => {
    const required = new Array(7 * 48).fill(2);
    const r = solveShiftCounts({
      days: 7,
      required,
      templates: DEFAULT_TEMPLATES,
      available: new Array(7).fill(10),
      shiftsPerAgentWeek: 5,
      agents: 10,
    });
    expect(r.shortfall).toBe(0);
    expect(r.scheduled.every((s, k) => s >= required[k])).toBe(true);
    expect(r.counts.flat().every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
    // 2 agents round the clock = 6 eight-hour shifts a day: the least cost.
    expect(r.counts.map((d) => d.reduce((s, n) => s + n, 0))).toEqual(new Array(7).fill(6));
  });

  it('with too little capacity falls short but still answers', () => {
    const r = solveShiftCounts({
      days: 7,
      required: new Array(7 * 48).fill(2),
      templates: DEFAULT_TEMPLATES,
      available: new Array(7).fill(3),
      shiftsPerAgentWeek: 5,
      agents: 3,
    });
    expect(r.shortfall).toBeGreaterThan(0);
    expect(r.counts.flat().reduce((s, n) => s + n, 0)).toBeLessThanOrEqual(15);
  });
});

describe('planRota with the LP stage', () => {
  const required = Array.from({ length: 14 }, () => day).flat();

  it('keeps every Labour-Law rule and covers at least as many half-hours as the greedy', () => {
    const input = { from: MON, weeks: 2, required, agents: agents(30), leave: new Map() };
    const greedy = planRota(input);
    const lp = planRota({ ...input, method: 'lp' });
    expect(checkRota({ shifts: lp.shifts, leave: new Map(), from: MON, weeks: 2 })).toEqual([]);
    expect(lp.scheduled.every((s) => s >= 1)).toBe(true);
    const g = coverageGap(required, greedy.scheduled);
    const l = coverageGap(required, lp.scheduled);
    expect(l.coverage).toBeGreaterThanOrEqual(g.coverage);
    expect(lp.lp!.shiftsAssigned).toBeGreaterThan(0);
  });

  it('honours leave', () => {
    const leave = new Map([['a01', new Set([MON, '2026-03-03'])]]);
    const lp = planRota({ from: MON, weeks: 2, required, agents: agents(30), leave, method: 'lp' });
    expect(
      checkRota({ shifts: lp.shifts, leave, from: MON, weeks: 2 }).filter((v) => v.code === 'on_leave'),
    ).toEqual([]);
  });
});
