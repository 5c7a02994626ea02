/**
 * Agents required per half-hour (人力需求) — pure. For each interval's expected offered calls, the fewest agents
 * on the phones meeting the contract's targets under Erlang A (erlang.ts):
 * - the answer rate as 1 − P(abandon) ≥ the target (Luohe KPI 1: 人工接通率 ≥ 96 %), with the callers'
 *   patience estimated from the history's abandoned calls;
 * - the share answered within 15 s ≥ the service-level target (GB/T 33358-2016's 15-second standard);
 * then scaled up for shrinkage (breaks, training, leave): scheduled = ⌈on phones / (1 − shrinkage)⌉, and at
 * least one agent every half-hour (Sanmenxia art. 7: 24-hour service every day).
 */
import { requiredAgents } from './erlang.ts';

export interface RequirementParameters {
  ahtSeconds: number;
  /** Mean patience; null = Erlang C (no abandonment known). */
  patienceSeconds: number | null;
  answerRateTarget: number;
  serviceLevelTarget: number;
  targetSeconds: number;
  shrinkage: number;
}

export interface IntervalRequirement {
  start: Date;
  expected: number;
  /** Agents on the phones by Erlang. */
  onPhones: number;
  /** Agents to schedule, shrinkage included. */
  required: number;
}

export function agentsOnPhones(expected: number, p: RequirementParameters): number {
  if (!(expected > 0)) return 0;
  const found = requiredAgents(
    {
      arrivals: expected,
      intervalSeconds: 1800,
      ahtSeconds: p.ahtSeconds,
      patienceSeconds: p.patienceSeconds,
      targetSeconds: p.targetSeconds,
    },
    {
      serviceLevel: p.serviceLevelTarget > 0 ? p.serviceLevelTarget : undefined,
      maxAbandon: p.patienceSeconds != null ? 1 - p.answerRateTarget : undefined,
    },
  );
  return found ? found.agents : 10_000;
}

export function requirementFor(
  intervals: { start: Date; expected: number }[],
  p: RequirementParameters,
): IntervalRequirement[] {
  // Forecasts repeat (the same profile week after week): evaluate each load once, to 0.01 call.
  const cache = new Map<number, number>();
  return intervals.map((i) => {
    const key = Math.round(i.expected * 100);
    let onPhones = cache.get(key);
    if (onPhones == null) cache.set(key, (onPhones = agentsOnPhones(key / 100, p)));
    return {
      start: i.start,
      expected: i.expected,
      onPhones,
      required: Math.max(1, Math.ceil(onPhones / (1 - p.shrinkage) - 1e-9)),
    };
  });
}

/**
 * Exponential patience from censored waits (Mandelbaum & Zeltyn 2007): mean = total waiting time of all
 * callers / callers who hung up. Null without abandonment (patience cannot be told from the data).
 */
export function estimatePatience(sumWaitSeconds: number, abandonedByCaller: number): number | null {
  return abandonedByCaller > 0 && sumWaitSeconds > 0 ? sumWaitSeconds / abandonedByCaller : null;
}
