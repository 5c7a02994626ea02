import type { DbOrTx } from '../../db/client.ts';
import { addDays, type LocalDate, startOfLocalDay } from '../../calendar/index.ts';
import { eachDay } from './days.ts';
import { waitingTotals } from '../calls/index.ts';
import { listAbsences } from './absences-service.ts';
import { forecastOffered } from './forecast-service.ts';
import { checkRota, DEFAULT_LAW, type Violation } from './labour-law.ts';
import { listMembers } from './members-service.ts';
import type { PlanSettings } from './plan-settings.ts';
import { estimatePatience, type RequirementParameters, requirementFor } from './requirement.ts';
import { coverageGap, planRota } from './rota-planner.ts';

/** When the history has no answered call to measure: the simulator's mean talk (≈ 255 s) plus wrap-up. */
const DEFAULT_AHT_SECONDS = 300;
const HISTORY_DAYS = 56;

/** Handle time and patience from the last eight weeks of calls before `from`, and the targets from settings. */
export async function planningParameters(db: DbOrTx, from: LocalDate, settings: PlanSettings) {
  const totals = await waitingTotals(
    db,
    startOfLocalDay(addDays(from, -HISTORY_DAYS)),
    startOfLocalDay(from),
  );
  const {
    afterCallWorkSeconds: acw,
    answerRateTarget,
    serviceLevelTarget,
    shrinkage,
    comprehensiveHours,
  } = settings;
  const talk = totals.talked > 0 ? totals.sumTalkSeconds / totals.talked : null;
  const parameters: RequirementParameters = {
    ahtSeconds: talk != null ? talk + acw : DEFAULT_AHT_SECONDS,
    patienceSeconds: estimatePatience(totals.sumWaitSeconds, totals.abandonedByCaller),
    answerRateTarget,
    serviceLevelTarget,
    targetSeconds: 15,
    shrinkage,
  };
  return { parameters, comprehensiveHours, history: totals };
}

export interface RotaAgent {
  agent: string;
  name: string;
  memberId: number | null;
  userId: number | null;
}

/** The roster's agents on the team on the rota's first day; placeholders up to `count` when fewer. */
export async function rotaAgents(db: DbOrTx, from: LocalDate, count?: number) {
  const members = (await listMembers(db, { on: from })).filter((m) => m.role === 'agent');
  const agents: RotaAgent[] = members
    .slice(0, count ?? members.length)
    .map((m) => ({ agent: `member-${m.id}`, name: m.name, memberId: m.id, userId: m.userId }));
  const want = count ?? (members.length || 45);
  const placeholders = Math.max(0, want - agents.length);
  for (let k = 1; agents.length < want; k++) {
    const label = String(k).padStart(2, '0');
    agents.push({ agent: `placeholder-${label}`, name: `待定话务员${label}`, memberId: null, userId: null });
  }
  return { agents, placeholders, onRoster: members.length };
}

export interface RotaPlan {
  from: LocalDate;
  weeks: number;
  /** 'lp': shift counts from the integer programme (rota-lp.ts); 'heuristic': the greedy alone. */
  method: 'lp' | 'heuristic';
  agents: RotaAgent[];
  placeholders: number;
  note: string | null;
  parameters: RequirementParameters & { comprehensiveHours: boolean; method: 'lp' | 'heuristic' };
  shifts: { agent: string; start: Date; end: Date; template: string }[];
  coverage: { start: Date; expected: number; onPhones: number; required: number; scheduled: number }[];
  summary: ReturnType<typeof summaryOf>;
  violations: Violation[];
}

/** Forecast → requirement → rota for `weeks` weeks from `from`, checked against the Labour Law. */
export async function planRotaFor(
  db: DbOrTx,
  input: { from: LocalDate; weeks: number; agents?: number; method?: 'lp' | 'heuristic' },
  settings: PlanSettings,
): Promise<RotaPlan> {
  const method = input.method ?? 'lp';
  const to = addDays(input.from, 7 * input.weeks);
  const [{ parameters, comprehensiveHours }, forecast, roster] = await Promise.all([
    planningParameters(db, input.from, settings),
    forecastOffered(db, input.from, to),
    rotaAgents(db, input.from, input.agents),
  ]);
  const requirement = requirementFor(forecast.intervals, parameters);
  const leave = await leaveByAgent(db, roster.agents, input.from, to);
  const law = { ...DEFAULT_LAW, comprehensiveHours };
  const plan = planRota({
    from: input.from,
    weeks: input.weeks,
    required: requirement.map((r) => r.required),
    agents: roster.agents.map((a) => a.agent),
    leave,
    law,
    method,
  });
  const note = roster.placeholders
    ? `${roster.onRoster} agents on the roster on ${input.from}: ${roster.placeholders} placeholder agents (待定话务员) fill the rota up to ${roster.agents.length}`
    : null;
  return {
    from: input.from,
    weeks: input.weeks,
    method,
    agents: roster.agents,
    placeholders: roster.placeholders,
    note,
    parameters: { ...parameters, comprehensiveHours, method },
    shifts: plan.shifts,
    coverage: requirement.map((r, k) => ({ ...r, scheduled: plan.scheduled[k] ?? 0 })),
    summary: summaryOf(
      requirement.map((r) => r.required),
      plan.scheduled,
      roster.agents.length * 80 * input.weeks,
    ),
    violations: checkRota({ shifts: plan.shifts, leave, from: input.from, weeks: input.weeks }, law),
  };
}

/** Days of recorded, uncancelled leave per rota agent. */
export async function leaveByAgent(db: DbOrTx, agents: RotaAgent[], from: LocalDate, to: LocalDate) {
  const byMember = new Map(agents.filter((a) => a.memberId != null).map((a) => [a.memberId!, a.agent]));
  const leave = new Map<string, Set<LocalDate>>();
  for (const a of await listAbsences(db, { from, to })) {
    const agent = byMember.get(a.memberId);
    if (!agent || a.cancelledAt) continue;
    const days = leave.get(agent) ?? new Set<LocalDate>();
    for (const d of eachDay(a.fromDate, addDays(a.toDate, 1))) days.add(d);
    leave.set(agent, days);
  }
  return leave;
}

/** Coverage, and the least any rota could fall short: required agent-half-hours above the contracted ones. */
function summaryOf(required: number[], scheduled: number[], capacitySlots: number) {
  const gap = coverageGap(required, scheduled);
  const need = required.reduce((s, r) => s + r, 0);
  return { ...gap, capacitySlots, lowerBoundShortShare: need ? Math.max(0, need - capacitySlots) / need : 0 };
}
