import { describe, expect, it } from 'vitest';
import { addDays } from '../../calendar/index.ts';
import { checkRota, DEFAULT_LAW } from './labour-law.ts';
import { estimatePatience, requirementFor } from './requirement.ts';
import { coverageGap, planRota } from './rota-planner.ts';

const MON = '2026-03-02';
/** A day's requirement: 2 agents at night, 12 at the morning peak, 8 in the afternoon, 4 in the evening. */
const day = Array.from({ length: 48 }, (_, k) => (k < 14 ? 2 : k < 24 ? 12 : k < 36 ? 8 : 4));
const agents = (n: number) => Array.from({ length: n }, (_, k) => `a${String(k + 1).padStart(2, '0')}`);

describe('planRota', () => {
  const required = Array.from({ length: 28 }, () => day).flat();

  it('covers the requirement with enough agents and keeps every Labour-Law rule', () => {
    const plan = planRota({ from: MON, weeks: 4, required, agents: agents(40), leave: new Map() });
    const gap = coverageGap(required, plan.scheduled);
    expect(gap.coverage).toBeGreaterThan(0.95);
    expect(checkRota({ shifts: plan.shifts, leave: new Map(), from: MON, weeks: 4 })).toEqual([]);
  });

  it('with too few agents still staffs every half-hour and breaks no rule', () => {
    const plan = planRota({ from: MON, weeks: 4, required, agents: agents(12), leave: new Map() });
    const gap = coverageGap(required, plan.scheduled);
    expect(gap.coverage).toBeLessThan(1);
    expect(plan.scheduled.every((s) => s >= 1)).toBe(true);
    expect(checkRota({ shifts: plan.shifts, leave: new Map(), from: MON, weeks: 4 })).toEqual([]);
  });

  it('honours leave', () => {
    const leave = new Map([['a01', new Set([MON, addDays(MON, 1), addDays(MON, 2)])]]);
    const plan = planRota({
      from: MON,
      weeks: 1,
      required: required.slice(0, 7 * 48),
      agents: agents(30),
      leave,
    });
    const first = plan.shifts.filter((s) => s.agent === 'a01').map((s) => s.start.getTime());
    expect(Math.min(...first)).toBeGreaterThanOrEqual(
      new Date('2026-03-04T16:00:00Z').getTime() - 8 * 3600_000,
    );
    expect(
      checkRota({ shifts: plan.shifts, leave, from: MON, weeks: 1 }).filter((v) => v.code === 'on_leave'),
    ).toEqual([]);
  });

  it('under 综合计算工时 keeps the period average', () => {
    const law = { ...DEFAULT_LAW, comprehensiveHours: true };
    const plan = planRota({
      from: MON,
      weeks: 2,
      required: required.slice(0, 14 * 48),
      agents: agents(20),
      leave: new Map(),
      law,
    });
    expect(checkRota({ shifts: plan.shifts, leave: new Map(), from: MON, weeks: 2 }, law)).toEqual([]);
  });
});

describe('requirementFor', () => {
  const p = {
    ahtSeconds: 180,
    patienceSeconds: 300,
    answerRateTarget: 0.96,
    serviceLevelTarget: 0.8,
    targetSeconds: 20,
    shrinkage: 0,
  };
  it.each([
    // 100 calls in 30 min of 3 minutes: Erlang A needs 13 for 80 % in 20 s (12 give 77.2 %) with 5-minute patience (pyworkforce's
    // scenario: 14 agents give 91.7 %); an idle night still gets one agent (Sanmenxia art. 7).
    [0, 0, 1],
    [100, 13, 13],
  ])('%i calls → %i on the phones, %i scheduled', (expected, onPhones, required) => {
    const [r] = requirementFor([{ start: new Date(0), expected }], p);
    expect(r!.onPhones).toBe(onPhones);
    expect(r!.required).toBe(required);
  });

  it('scales up for shrinkage', () => {
    const [r] = requirementFor([{ start: new Date(0), expected: 100 }], { ...p, shrinkage: 0.3 });
    expect(r!.required).toBe(Math.ceil(r!.onPhones / 0.7));
  });

  it('estimates patience from censored waits', () => {
    expect(estimatePatience(12_000, 40)).toBe(300);
    expect(estimatePatience(12_000, 0)).toBeNull();
  });
});
