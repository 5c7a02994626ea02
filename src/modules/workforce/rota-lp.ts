/**
 * The LP stage of the rota (排班线性规划) — pure. The classic two-stage shift scheduling (Dantzig 1954; Aykin
 * 1996): first an integer programme decides how many shifts of each template start each day, so that the
 * requirement per half-hour is covered at least shortfall and least cost; then `planRota` gives those shifts to
 * agents under the Labour-Law rules (8 h a day, 40 h a week, a rest day a week, rest between shifts, leave).
 *
 * Per week, with carry-in of the previous week's night shifts:
 *   minimise   Σ_k u_k  +  ε · Σ_{d,t} x_{d,t}                      (shortfall first, then fewest shifts = cost)
 *   subject to Σ_{(d,t) ∋ k} x_{d,t} + u_k ≥ required_k             (each half-hour k)
 *              Σ_{(d,t) ∋ k} x_{d,t} ≥ 1                            (Sanmenxia art. 7: never unstaffed)
 *              Σ_t x_{d,t} ≤ agents available on day d              (one shift a day each)
 *              Σ_{d,t} x_{d,t} ≤ Σ_agents 5 − leave days             (40 h a week: five 8-hour shifts)
 *              x integer ≥ 0, u ≥ 0
 * Solved with javascript-lp-solver (branch and bound on the 91 integers of a week, with a time limit; its LP
 * relaxation rounded up where the limit strikes).
 */
import lp, { type Model, type SolveResult, type SolverAPI } from 'javascript-lp-solver';

// The package's types declare an ES default, its CommonJS build exports the solver itself: take either.
const solver = ((lp as unknown as { default?: SolverAPI }).default ?? lp) as unknown as SolverAPI;
import type { ShiftTemplate } from './rota-planner.ts';

export interface LpInput {
  days: number;
  /** Agents required per half-hour from 00:00 of the first day, 48 a day. */
  required: number[];
  templates: readonly ShiftTemplate[];
  /** Agents not on leave, per day. */
  available: number[];
  /** Shifts each agent may work a week (5 under the standard 40 hours). */
  shiftsPerAgentWeek: number;
  agents: number;
  /** Milliseconds the branch and bound may take per week before the rounded relaxation is used. */
  timeoutMs?: number;
}

export interface LpResult {
  /** Shifts per day and template (index as `templates`). */
  counts: number[][];
  /** Half-hours scheduled by those counts. */
  scheduled: number[];
  /** The objective's shortfall term over all weeks (agent-half-hours short), and how the weeks were solved. */
  shortfall: number;
  weeks: { week: number; integral: boolean; shortfall: number }[];
}

const EPSILON = 0.001;

export function solveShiftCounts(input: LpInput): LpResult {
  const { days, required, templates } = input;
  const slots = days * 48;
  const counts = Array.from({ length: days }, () => new Array<number>(templates.length).fill(0));
  const scheduled = new Array<number>(slots).fill(0);
  const weeks: LpResult['weeks'] = [];
  for (let w = 0; w * 7 < days; w++) {
    const d0 = w * 7;
    const d1 = Math.min(days, d0 + 7);
    const k0 = d0 * 48;
    const k1 = d1 * 48;
    const constraints: Record<string, { min?: number; max?: number }> = {};
    const variables: Record<string, Record<string, number>> = {};
    const ints: Record<string, 1> = {};
    for (let k = k0; k < k1; k++) {
      const carried = scheduled[k]!; // night shifts of the week before reaching into this one
      constraints[`r${k}`] = { min: Math.max(0, (required[k] ?? 0) - carried) };
      constraints[`a${k}`] = { min: Math.max(0, 1 - carried) };
      variables[`u${k}`] = { cost: 1, [`r${k}`]: 1 };
    }
    let capacity = 0;
    for (let d = d0; d < d1; d++) {
      constraints[`d${d}`] = { max: input.available[d] ?? input.agents };
      capacity += input.available[d] ?? input.agents;
    }
    // Five shifts a week each, less the leave days (a week of leave leaves none).
    const leaveDays = (d1 - d0) * input.agents - capacity;
    constraints.cap = {
      max: Math.max(0, Math.round((input.agents * input.shiftsPerAgentWeek * (d1 - d0)) / 7) - leaveDays),
    };
    for (let d = d0; d < d1; d++) {
      templates.forEach((t, j) => {
        const v: Record<string, number> = { cost: EPSILON, [`d${d}`]: 1, cap: 1 };
        const a = d * 48 + t.startHour * 2;
        for (let k = a; k < Math.min(a + t.hours * 2, k1); k++) {
          v[`r${k}`] = 1;
          v[`a${k}`] = 1;
        }
        variables[`x${d}_${j}`] = v;
        ints[`x${d}_${j}`] = 1;
      });
    }
    const model: Model = {
      optimize: 'cost',
      opType: 'min',
      constraints,
      variables,
      ints,
      options: { timeout: input.timeoutMs ?? 3000, tolerance: 0.01 },
    };
    let sol = solver.Solve(model) as SolveResult;
    let integral = sol.feasible && sol.isIntegral !== false;
    if (!sol.feasible) {
      // Not even one agent for every half-hour fits the capacity: drop the art. 7 rows, keep the shortfall.
      for (let k = k0; k < k1; k++) delete constraints[`a${k}`];
      sol = solver.Solve(model) as SolveResult;
      integral = false;
    }
    for (let d = d0; d < d1; d++) {
      templates.forEach((t, j) => {
        const raw = Number(sol[`x${d}_${j}`] ?? 0);
        // Branch and bound cut short: the relaxation rounded to the nearest whole shift.
        const n = Math.max(0, Math.round(raw - 1e-6));
        counts[d]![j] = n;
        const a = d * 48 + t.startHour * 2;
        for (let k = a; k < Math.min(a + t.hours * 2, slots); k++) scheduled[k]! += n;
      });
    }
    let short = 0;
    for (let k = k0; k < k1; k++) short += Math.max(0, (required[k] ?? 0) - scheduled[k]!);
    weeks.push({ week: w, integral, shortfall: short });
  }
  return { counts, scheduled, shortfall: weeks.reduce((s, w) => s + w.shortfall, 0), weeks };
}
