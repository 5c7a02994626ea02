/**
 * What-if (人力测算) over the database: a head count's planned rota, or a stored rota, valued by Erlang A per
 * half-hour and by the call simulator, with the contract's 96 % line and the money at stake (what-if.ts holds
 * the pure rules). The simulator is passed in by the edge (CLI, app): modules do not import src/simulation.
 */
import type { DbOrTx } from '../../db/client.ts';
import { addDays, type LocalDate, loadCalendar } from '../../calendar/index.ts';
import { listContracts } from '../contracts/index.ts';
import { forecastOffered } from './forecast-service.ts';
import type { LawSettings, PlanSettings } from './plan-settings.ts';
import { planRotaFor } from './rota-service.ts';
import { getRota } from './rota-store.ts';
import { ANSWER_RATE_LINE, erlangAnswerRate, moneyAtStake, type SimulateAnswerRate } from './what-if.ts';
import type { RequirementParameters } from './requirement.ts';

/** Luohe holds the answer-rate KPI (art. 11, KPI 1); otherwise the first contract on file. */
async function answerRateContract(db: DbOrTx) {
  const contracts = await listContracts(db);
  const c = contracts.find((x) => x.id.startsWith('luohe')) ?? contracts[0] ?? null;
  return c && { id: c.id, totalFen: c.totalFen };
}

export interface WhatIfRow {
  agents: number;
  rotaId: number | null;
  coverage: number;
  erlangAnswerRate: number | null;
  simulatedAnswerRate: number;
  simulatedOffered: number;
  erlang: ReturnType<typeof moneyAtStake>;
  simulated: ReturnType<typeof moneyAtStake>;
  /** Erlang A's answer rate per day of the period (Σ answered / Σ offered over its 48 half-hours). */
  days: { date: string; erlangAnswerRate: number | null }[];
}

export interface WhatIfAnswer {
  from: LocalDate;
  weeks: number;
  simulateWeeks: number;
  line: number;
  contract: { id: string; totalFen: number | null } | null;
  rows: WhatIfRow[];
}

function perDay(
  from: LocalDate,
  intervals: { expected: number; scheduled: number }[],
  p: Parameters<typeof erlangAnswerRate>[1],
) {
  const days: WhatIfRow['days'] = [];
  for (let d = 0; d * 48 < intervals.length; d++)
    days.push({
      date: addDays(from, d),
      erlangAnswerRate: erlangAnswerRate(intervals.slice(d * 48, d * 48 + 48), p),
    });
  return days;
}

/**
 * For each head count: the planned rota's coverage and its answer rate by Erlang A per half-hour, and the
 * simulator's answer rate over the first `simulateWeeks` weeks, with the 96 % line and the money.
 */
export async function whatIfHeadcounts(
  db: DbOrTx,
  input: { from: LocalDate; weeks: number; headcounts: number[]; simulateWeeks: number; seed?: number },
  simulate: SimulateAnswerRate,
  settings: PlanSettings,
): Promise<WhatIfAnswer> {
  const [contract, calendar] = await Promise.all([answerRateContract(db), loadCalendar(db)]);
  const rows: WhatIfRow[] = [];
  for (const agents of input.headcounts) {
    const plan = await planRotaFor(db, { from: input.from, weeks: input.weeks, agents }, settings);
    const erlangRate = erlangAnswerRate(plan.coverage, plan.parameters);
    const sim = simulate(
      input.from,
      addDays(input.from, 7 * input.simulateWeeks),
      agents,
      calendar,
      input.seed,
    );
    rows.push({
      agents,
      rotaId: null,
      coverage: plan.summary.coverage,
      erlangAnswerRate: erlangRate,
      simulatedAnswerRate: sim.answerRate,
      simulatedOffered: sim.offered,
      erlang: moneyAtStake(erlangRate, contract?.totalFen ?? null),
      simulated: moneyAtStake(sim.answerRate, contract?.totalFen ?? null),
      days: perDay(input.from, plan.coverage, plan.parameters),
    });
  }
  return {
    from: input.from,
    weeks: input.weeks,
    simulateWeeks: input.simulateWeeks,
    line: ANSWER_RATE_LINE,
    contract,
    rows,
  };
}

/**
 * For a stored rota (as edited): its scheduled agents per half-hour against the forecast of its period, by
 * Erlang A with the parameters it was planned with; the simulator runs its head count.
 */
export async function whatIfRota(
  db: DbOrTx,
  input: { rotaId: number; simulateWeeks: number; seed?: number },
  simulate: SimulateAnswerRate,
  settings: LawSettings,
): Promise<WhatIfAnswer> {
  const rota = await getRota(db, input.rotaId, settings);
  const to = addDays(rota.from, 7 * rota.weeks);
  const [contract, calendar, forecast] = await Promise.all([
    answerRateContract(db),
    loadCalendar(db),
    forecastOffered(db, rota.from, to),
  ]);
  const p = rota.parameters as unknown as RequirementParameters;
  const intervals = rota.coverage.map((c, k) => ({
    expected: forecast.intervals[k]?.expected ?? 0,
    scheduled: c.scheduled,
  }));
  const params = {
    ahtSeconds: Number(p.ahtSeconds) || 300,
    patienceSeconds: p.patienceSeconds ?? null,
    shrinkage: Number(p.shrinkage) || 0,
  };
  const erlangRate = erlangAnswerRate(intervals, params);
  const weeks = Math.min(input.simulateWeeks, rota.weeks);
  const sim = simulate(rota.from, addDays(rota.from, 7 * weeks), rota.agents.length, calendar, input.seed);
  return {
    from: rota.from,
    weeks: rota.weeks,
    simulateWeeks: weeks,
    line: ANSWER_RATE_LINE,
    contract,
    rows: [
      {
        agents: rota.agents.length,
        rotaId: rota.id,
        coverage: rota.summary.coverage,
        erlangAnswerRate: erlangRate,
        simulatedAnswerRate: sim.answerRate,
        simulatedOffered: sim.offered,
        erlang: moneyAtStake(erlangRate, contract?.totalFen ?? null),
        simulated: moneyAtStake(sim.answerRate, contract?.totalFen ?? null),
        days: perDay(rota.from, intervals, params),
      },
    ],
  };
}
