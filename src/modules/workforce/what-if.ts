/**
 * What-if (人力测算): the answer rate a head count or a rota can expect, by Erlang A per half-hour and by the call
 * simulator (a time-varying queue with Weibull patience and an agents' roster), side by side with the
 * contract's line (Luohe art. 11, KPI 1: 人工接通率 全年 ≥ 96 %) and the money at stake (art. 11: 其他服务考核
 * 指标未达到的，出现一项扣减合同总金额1%的服务费).
 */
import { addDays, type LocalDate, type ChinaCalendar } from '../../calendar/index.ts';
import { erlang } from './erlang.ts';

export const ANSWER_RATE_LINE = 0.96;

/**
 * Expected answer rate over the intervals: Σ expected·(1 − P(abandon)) / Σ expected, each half-hour an Erlang A
 * queue with its scheduled agents less shrinkage on the phones (an interval without an agent answers nothing).
 */
export function erlangAnswerRate(
  intervals: { expected: number; scheduled: number }[],
  p: { ahtSeconds: number; patienceSeconds: number | null; shrinkage: number },
): number | null {
  let offered = 0;
  let answered = 0;
  const cache = new Map<string, number>();
  for (const i of intervals) {
    if (!(i.expected > 0)) continue;
    offered += i.expected;
    const onPhones = Math.floor(i.scheduled * (1 - p.shrinkage) + 1e-9);
    if (onPhones < 1) continue;
    const key = `${Math.round(i.expected * 100)}:${onPhones}`;
    let rate = cache.get(key);
    if (rate == null) {
      const r = erlang({
        arrivals: i.expected,
        intervalSeconds: 1800,
        ahtSeconds: p.ahtSeconds,
        agents: onPhones,
        // Without a measured patience, a queue that never abandons answers everyone in a stable interval.
        patienceSeconds: p.patienceSeconds,
        targetSeconds: 15,
      });
      rate = r.abandonProbability != null ? 1 - r.abandonProbability : r.stable ? 1 : onPhones / r.erlangs;
      cache.set(key, rate);
    }
    answered += i.expected * rate;
  }
  return offered > 0 ? answered / offered : null;
}

/** The money at stake when the yearly answer rate misses the line: 1 % of the contract total, in fen. */
export function moneyAtStake(answerRate: number | null, contractTotalFen: number | null) {
  const stakeFen = contractTotalFen == null ? null : Math.round(contractTotalFen / 100);
  const meets = answerRate == null ? null : answerRate >= ANSWER_RATE_LINE;
  return { line: ANSWER_RATE_LINE, meets, stakeFen, deductionFen: meets === false ? stakeFen : 0 };
}

export const periodEnd = (from: LocalDate, weeks: number) => addDays(from, 7 * weeks);

/** The simulator's answer rate over a stretch (passed in: modules do not import the simulation). */
export type SimulateAnswerRate = (
  from: LocalDate,
  to: LocalDate,
  agents: number,
  calendar: ChinaCalendar,
  seed?: number,
) => { offered: number; answered: number; answerRate: number };
