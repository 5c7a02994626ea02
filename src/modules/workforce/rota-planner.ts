/**
 * The rota planner (排班) — pure: requirement, agents, leave and templates in; shifts out.
 *
 * A documented greedy heuristic (the set-covering shift-scheduling problem of Dantzig 1954 is NP-hard with
 * per-agent rules; its LP relaxation gives the bound we measure the gap against, see `coverageGap`):
 * 1. First every half-hour of every day gets one agent (Sanmenxia art. 7), before any peak is staffed.
 * 2. Each agent has 40 hours a week (Labour Law art. 36), or, under 综合计算工时, 40 × weeks over the period
 *    (at most 48 in one week). The capacity is shared out over the days in proportion to each day's required
 *    agent-hours.
 * 3. Day by day, the template covering the most still-uncovered required half-hours (the most understaffed
 *    weighing most) goes to the eligible agent with the fewest hours so far, while the day's share lasts; then
 *    a second pass spends what is left where the gap is largest.
 * 4. Eligible = not on leave on a day the shift touches, at most 8 hours on each calendar day (a night shift is
 *    split at midnight) and 40 in each week, rest ≥ `minRestHours` from the agent's other shifts, and a full
 *    calendar day still free in each week touched (art. 38). No overtime is planned.
 * The gap is measured against a lower bound: the requirement above the agents' contracted hours cannot be met
 * by any rota (`lowerBoundShortShare` in the plan's summary).
 * `checkRota` (labour-law.ts) verifies the result independently.
 */
import { addDays, type LocalDate, startOfLocalDay } from '../../calendar/index.ts';
import { DEFAULT_LAW, hoursByDay, type LawSettings, mondayOf, type PlannedShift } from './labour-law.ts';
import { type LpResult, solveShiftCounts } from './rota-lp.ts';

/**
 * 班次模板: a start hour and a length; 8-hour shifts, the night ones crossing midnight. Two seamless three-shift
 * systems are among them (00–08–16–24 and 22–06–14–22), so 24 hours can always be chained.
 */
export interface ShiftTemplate {
  code: string;
  name: string;
  startHour: number;
  hours: number;
}

export const DEFAULT_TEMPLATES: readonly ShiftTemplate[] = [
  { code: 'N0', name: '夜班 00:00–08:00', startHour: 0, hours: 8 },
  { code: 'M6', name: '早班 06:00–14:00', startHour: 6, hours: 8 },
  { code: 'M7', name: '早班 07:00–15:00', startHour: 7, hours: 8 },
  { code: 'M8', name: '早班 08:00–16:00', startHour: 8, hours: 8 },
  { code: 'M9', name: '白班 09:00–17:00', startHour: 9, hours: 8 },
  { code: 'D10', name: '白班 10:00–18:00', startHour: 10, hours: 8 },
  { code: 'D11', name: '白班 11:00–19:00', startHour: 11, hours: 8 },
  { code: 'D12', name: '中班 12:00–20:00', startHour: 12, hours: 8 },
  { code: 'D13', name: '中班 13:00–21:00', startHour: 13, hours: 8 },
  { code: 'E14', name: '晚班 14:00–22:00', startHour: 14, hours: 8 },
  { code: 'E15', name: '晚班 15:00–23:00', startHour: 15, hours: 8 },
  { code: 'E16', name: '晚班 16:00–24:00', startHour: 16, hours: 8 },
  { code: 'N22', name: '夜班 22:00–06:00', startHour: 22, hours: 8 },
];

export interface PlanInput {
  from: LocalDate;
  weeks: number;
  /** Agents required per half-hour, from 00:00 of `from`, 48 a day. */
  required: number[];
  agents: string[];
  leave: Map<string, Set<LocalDate>>;
  templates?: readonly ShiftTemplate[];
  law?: LawSettings;
  shiftsPerWeek?: number;
  /**
   * 'heuristic' (default): the greedy below. 'lp': the shift counts per day and template from the integer
   * programme of rota-lp.ts, given to agents under the same rules, then the greedy's passes for what is left.
   */
  method?: 'heuristic' | 'lp';
}

export interface PlannedRota {
  shifts: (PlannedShift & { template: string })[];
  scheduled: number[];
  /** With method 'lp': the programme's own shortfall (before agents were assigned) and how each week solved. */
  lp?: { shortfall: number; shiftsPlanned: number; shiftsAssigned: number; weeks: LpResult['weeks'] };
}

interface AgentState {
  shifts: PlannedShift[];
  /** Hours worked on each calendar day and in each week (by its Monday), night shifts split at midnight. */
  dayHours: Map<LocalDate, number>;
  weekHours: Map<LocalDate, number>;
  total: number;
}

export function planRota(input: PlanInput): PlannedRota {
  const templates = input.templates ?? DEFAULT_TEMPLATES;
  const law = input.law ?? DEFAULT_LAW;
  const perWeek = input.shiftsPerWeek ?? 5;
  const days = input.weeks * 7;
  const t0 = startOfLocalDay(input.from).getTime();
  const req = input.required;
  const scheduled = new Array<number>(days * 48).fill(0);
  const state = new Map<string, AgentState>(
    input.agents.map((a) => [a, { shifts: [], dayHours: new Map(), weekHours: new Map(), total: 0 }]),
  );
  const out: PlannedRota['shifts'] = [];

  // Standard hours: 40 a week (art. 36); 综合计算工时: 40 × weeks over the period, at most 48 in one week.
  const weekLimit = law.comprehensiveHours ? 48 : perWeek * 8;
  const periodLimit = perWeek * 8 * input.weeks;
  const slotsOf = (day: number, t: ShiftTemplate) => {
    const a = day * 48 + t.startHour * 2;
    return [a, Math.min(a + t.hours * 2, days * 48)] as const;
  };
  /** Still-uncovered requirement the template would meet, the scarcest half-hours weighing most. */
  const gain = (day: number, t: ShiftTemplate) => {
    const [a, b] = slotsOf(day, t);
    let g = 0;
    for (let k = a; k < b; k++) {
      const r = req[k] ?? 0;
      const s = scheduled[k]!;
      // An empty half-hour outweighs any other gap: 7×24 service comes first (Sanmenxia art. 7).
      if (s < r) g += s === 0 ? 100 : 1 + 1 / (1 + s);
    }
    return g;
  };
  const eligible = (agent: string, start: Date, end: Date) => {
    const st = state.get(agent)!;
    const hours = hoursByDay({ start, end });
    const leave = input.leave.get(agent);
    const weekAdd = new Map<LocalDate, number>();
    for (const [d, h] of hours) {
      if (leave?.has(d)) return false;
      // Art. 36: 8 hours a calendar day (under 综合计算工时 a day may be longer, 11 h with art. 41's 3 h).
      if ((st.dayHours.get(d) ?? 0) + h > (law.comprehensiveHours ? 11 : 8)) return false;
      weekAdd.set(mondayOf(d), (weekAdd.get(mondayOf(d)) ?? 0) + h);
    }
    for (const [m, h] of weekAdd) if ((st.weekHours.get(m) ?? 0) + h > weekLimit) return false;
    if (law.comprehensiveHours && st.total + (end.getTime() - start.getTime()) / 3600_000 > periodLimit)
      return false;
    const rest = law.minRestHours * 3600_000;
    for (const s of st.shifts) {
      if (s.start.getTime() < end.getTime() + rest && start.getTime() < s.end.getTime() + rest) return false;
    }
    // Art. 38: each week touched must keep a calendar day free of work once this shift is added.
    for (const m of weekAdd.keys()) {
      let free = false;
      for (let k = 0; k < 7 && !free; k++) {
        const d = addDays(m, k);
        free = !hours.has(d) && !(st.dayHours.get(d) ?? 0);
      }
      if (!free) return false;
    }
    return true;
  };
  const assign = (agent: string, day: number, t: ShiftTemplate, start: Date, end: Date) => {
    const st = state.get(agent)!;
    st.shifts.push({ agent, start, end });
    for (const [d, h] of hoursByDay({ start, end })) {
      st.dayHours.set(d, (st.dayHours.get(d) ?? 0) + h);
      st.weekHours.set(mondayOf(d), (st.weekHours.get(mondayOf(d)) ?? 0) + h);
      st.total += h;
    }
    out.push({ agent, start, end, template: t.code });
    const [a, b] = slotsOf(day, t);
    for (let k = a; k < b; k++) scheduled[k]!++;
  };
  /** One shift on the day: the best template and the least-used eligible agent; false when none helps. */
  const placeOne = (day: number, onlyEmpty = false): boolean => {
    const ranked = templates
      .map((t) => ({ t, g: gain(day, t) }))
      .filter((x) => x.g >= (onlyEmpty ? 100 : Number.MIN_VALUE))
      .sort((x, y) => y.g - x.g);
    for (const { t } of ranked) {
      const start = new Date(t0 + day * 86_400_000 + t.startHour * 3600_000);
      const end = new Date(start.getTime() + t.hours * 3600_000);
      const candidates = input.agents
        .filter((a) => eligible(a, start, end))
        .sort((a, b) => state.get(a)!.total - state.get(b)!.total || a.localeCompare(b));
      if (candidates.length) {
        assign(candidates[0]!, day, t, start, end);
        return true;
      }
    }
    return false;
  };

  let lp: PlannedRota['lp'];
  if (input.method === 'lp') {
    const available = Array.from(
      { length: days },
      (_, d) => input.agents.filter((a) => !input.leave.get(a)?.has(addDays(input.from, d))).length,
    );
    const counts = solveShiftCounts({
      days,
      required: req,
      templates,
      available,
      shiftsPerAgentWeek: perWeek,
      agents: input.agents.length,
    });
    let planned = 0;
    let assigned = 0;
    // The programme's shifts, day by day, each to the least-used agent the rules allow.
    for (let d = 0; d < days; d++) {
      templates.forEach((t, j) => {
        const start = new Date(t0 + d * 86_400_000 + t.startHour * 3600_000);
        const end = new Date(start.getTime() + t.hours * 3600_000);
        for (let n = 0; n < counts.counts[d]![j]!; n++) {
          planned++;
          const who = input.agents
            .filter((a) => eligible(a, start, end))
            .sort((a, b) => state.get(a)!.total - state.get(b)!.total || a.localeCompare(b))[0];
          if (!who) continue;
          assign(who, d, t, start, end);
          assigned++;
        }
      });
    }
    lp = {
      shortfall: counts.shortfall,
      shiftsPlanned: planned,
      shiftsAssigned: assigned,
      weeks: counts.weeks,
    };
    // What the rules kept from an agent: a half-hour left empty first, then the largest gaps.
    for (let d = 0; d < days; d++) while (placeOne(d, true));
    for (;;) {
      const order = Array.from({ length: days }, (_, d) => d).sort(
        (a, b) =>
          Math.max(...templates.map((t) => gain(b, t))) - Math.max(...templates.map((t) => gain(a, t))),
      );
      if (!order.some((d) => placeOne(d))) break;
    }
    out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.agent.localeCompare(b.agent));
    return { shifts: out, scheduled, lp };
  }

  // Share the capacity over the days by required agent-hours.
  const capacity = input.agents.length * perWeek * input.weeks;
  const dayNeed = Array.from({ length: days }, (_, d) =>
    req.slice(d * 48, d * 48 + 48).reduce((s, x) => s + x, 0),
  );
  const totalNeed = dayNeed.reduce((s, x) => s + x, 0);
  const budget = dayNeed.map((n) =>
    Math.max(3, Math.floor(totalNeed > 0 ? (capacity * n) / totalNeed : capacity / days)),
  );
  // First every half-hour gets its one agent, all days before any peak (Sanmenxia art. 7): otherwise the
  // week's hours can run out before Sunday's early morning.
  for (let d = 0; d < days; d++) {
    let used = 0;
    while (placeOne(d, true)) used++;
    budget[d] = Math.max(0, budget[d]! - used);
  }
  for (let d = 0; d < days; d++) {
    for (let used = 0; used < budget[d]!; used++) if (!placeOne(d)) break;
  }
  // Second pass: what capacity is left goes where the gap is largest.
  for (;;) {
    const order = Array.from({ length: days }, (_, d) => d).sort(
      (a, b) => Math.max(...templates.map((t) => gain(b, t))) - Math.max(...templates.map((t) => gain(a, t))),
    );
    if (!order.some((d) => placeOne(d))) break;
  }
  out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.agent.localeCompare(b.agent));
  return { shifts: out, scheduled };
}

/** Coverage figures: share of half-hours with scheduled ≥ required, and the agent-half-hours short. */
export function coverageGap(required: number[], scheduled: number[]) {
  let met = 0;
  let short = 0;
  let need = 0;
  for (let k = 0; k < required.length; k++) {
    const r = required[k]!;
    const s = scheduled[k] ?? 0;
    need += r;
    if (s >= r) met++;
    else short += r - s;
  }
  return {
    intervals: required.length,
    intervalsMet: met,
    coverage: required.length ? met / required.length : 1,
    /** Agent-half-hours short of the requirement, and that as a share of all required agent-half-hours. */
    shortAgentSlots: short,
    shortShare: need ? short / need : 0,
  };
}
