import { localDateOf } from '../../calendar/local-time.ts';
import type { ChinaCalendar } from '../../calendar/china-calendar.ts';
import type { DbOrTx } from '../../db/client.ts';
import { seriousIncidents } from '../quality/index.ts';
import { assessIndicator, type IndicatorResult } from './assessment.ts';
import type { ContractDefinition, IndicatorDefinition } from './model.ts';
import { monthsOf, type Period } from './periods.ts';
import { describeReadings, type Readings } from './readings.ts';
import { bpOf, paymentSchedule } from './schedule.ts';
import { shortfallPersons } from './shortfall.ts';

export interface Deduction {
  kind: 'missed_indicator' | 'serious_incident' | 'headcount';
  indicatorId?: string;
  bp: number;
  amountFen: number;
  reason: string;
  reasonZh: string;
  /** The reading (name = value) that decided this deduction, and the clause it reads. */
  reading: string;
  clause: string;
  evidence: unknown;
}

/** The assessments that settle in a payment quarter: monthly ones per month, quarterly the quarter, yearly at the end. */
function settlingPeriods(
  ind: IndicatorDefinition,
  q: Period,
  c: ContractDefinition,
  isLast: boolean,
  r: Readings,
): { periods: Period[]; deducts: boolean } {
  if (ind.period === 'month') return { periods: monthsOf(q, c), deducts: true };
  if (ind.period === 'quarter') return { periods: [q], deducts: true };
  if (isLast)
    return { periods: [{ key: 'term', kind: 'term', from: c.term.from, to: c.term.to }], deducts: true };
  if (r.annualIndicatorsSettledIn === 'each_quarter')
    return { periods: [{ key: `YTD-${q.key}`, kind: 'term', from: c.term.from, to: q.to }], deducts: false };
  return { periods: [], deducts: false };
}

function missedIndicatorCount(missed: IndicatorResult[], earlierMissed: boolean, r: Readings): number {
  if (!missed.length) return 0;
  if (r.missedIndicatorCounting === 'per_period') return missed.length;
  if (r.missedIndicatorCounting === 'per_year') return earlierMissed ? 0 : 1;
  return 1;
}

/**
 * 结算 — one payment quarter: its base, each deduction with the indicator or event behind it and the reading used,
 * and the amount payable (never below zero). Yearly indicators settle in the last quarter on the whole term.
 */
export async function settleQuarter(
  db: DbOrTx,
  c: ContractDefinition,
  quarter: number,
  readings: Readings,
  calendar: ChinaCalendar,
  now: Date,
) {
  const schedule = paymentSchedule(c, readings, calendar);
  const pay = schedule.payments[quarter - 1];
  if (!pay) return null;
  const q: Period = { key: `C${quarter}`, kind: 'quarter', from: pay.period.from, to: pay.period.to };
  const isLast = quarter === schedule.payments.length;
  const deductions: Deduction[] = [];
  const assessments: IndicatorResult[] = [];
  const missedBp = c.deductions.missedIndicatorBp;

  for (const ind of c.indicators.filter((i) => i.deduction === 'missed')) {
    const { periods, deducts } = settlingPeriods(ind, q, c, isLast, readings);
    const results: IndicatorResult[] = [];
    for (const p of periods) results.push(await assessIndicator(db, ind, p, c, readings, now));
    assessments.push(...results);
    const missed = results.filter((x) => !x.met);
    if (!deducts || !missed.length || !missedBp) continue;
    let earlierMissed = false;
    if (readings.missedIndicatorCounting === 'per_year' && quarter > 1) {
      for (let k = 1; k < quarter && !earlierMissed; k++) {
        const earlier = schedule.payments[k - 1]!;
        const eq: Period = {
          key: `C${k}`,
          kind: 'quarter',
          from: earlier.period.from,
          to: earlier.period.to,
        };
        for (const p of settlingPeriods(ind, eq, c, false, readings).periods) {
          if (!(await assessIndicator(db, ind, p, c, readings, now)).met) earlierMissed = true;
        }
      }
    }
    const n = missedIndicatorCount(missed, earlierMissed, readings);
    for (let i = 0; i < n; i++) {
      const m = readings.missedIndicatorCounting === 'per_period' ? missed[i]! : missed[0]!;
      deductions.push({
        kind: 'missed_indicator',
        indicatorId: ind.id,
        bp: missedBp,
        amountFen: bpOf(c.totalFen, missedBp),
        reason: `Indicator ${ind.no} ${ind.id} missed in ${readings.missedIndicatorCounting === 'per_period' ? m.period : missed.map((x) => x.period).join(', ')}: ${fmt(m.value)} against ${ind.comparator} ${ind.target}`,
        reasonZh: `第${ind.no}项「${ind.name}」未达标（${missed.map((x) => x.period).join('、')}：${fmt(m.value)}，指标 ${ind.comparator} ${ind.target}）`,
        reading: `missedIndicatorCounting=${readings.missedIndicatorCounting}`,
        clause: c.deductions.missedIndicatorClause,
        evidence: {
          periods: missed.map((x) => ({
            period: x.period,
            numerator: x.numerator,
            denominator: x.denominator,
            value: x.value,
          })),
        },
      });
    }
  }

  const incidentRule = c.indicators.find((i) => i.deduction === 'incident');
  if (incidentRule && c.deductions.seriousIncidentBp.length) {
    const all = await seriousIncidents(db, c.term.from, q.to);
    const bps = c.deductions.seriousIncidentBp;
    all.dates.forEach((day, k) => {
      if (day < q.from) return;
      const cumulative = readings.secondIncidentDeduction === 'cumulative';
      const nth = Math.min(k, bps.length - 1);
      const bp = k === 0 ? bps[0]! : cumulative ? bps[nth]! - bps[nth - 1]! : bps[nth]!;
      deductions.push({
        kind: 'serious_incident',
        indicatorId: incidentRule.id,
        bp,
        amountFen: bpOf(c.totalFen, bp),
        reason: `Serious public-opinion incident no. ${k + 1} of the term (${day})`,
        reasonZh: `服务期内第${k + 1}次严重舆论事件（${day}）`,
        reading: `secondIncidentDeduction=${readings.secondIncidentDeduction}`,
        clause: c.deductions.seriousIncidentClause,
        evidence: { incidentId: all.ids[k], date: day },
      });
    });
  }

  if (c.headcount.deductionBpPerPerson > 0) {
    const short = await shortfallPersons(db, q.from, q.to, c.headcount.agreed, readings, c.term);
    if (short.persons > 0) {
      const bp = short.persons * c.headcount.deductionBpPerPerson;
      deductions.push({
        kind: 'headcount',
        bp,
        amountFen: short.persons * bpOf(c.totalFen, c.headcount.deductionBpPerPerson),
        reason: `${short.persons} people short of the agreed ${c.headcount.agreed} without Party A's consent (${short.description})`,
        reasonZh: `团队人员较约定的 ${c.headcount.agreed} 人少 ${short.persons} 人且未经甲方同意（${short.descriptionZh}）`,
        reading: `headcountShortfall=${JSON.stringify(readings.headcountShortfall)}`,
        clause: c.headcount.clause,
        evidence: short.evidence,
      });
    }
  }

  const deducted = deductions.reduce((s, d) => s + d.amountFen, 0);
  return {
    contractId: c.id,
    contractVersion: c.version,
    quarter,
    period: pay.period,
    baseFen: pay.baseFen,
    deductions,
    deductedFen: deducted,
    payableFen: Math.max(0, pay.baseFen - deducted),
    dueFrom: pay.dueFrom,
    dueTo: pay.dueTo,
    invoiceRequired: pay.invoiceRequired,
    provisional: assessments.some((a) => a.provisional) || q.to > localDateOf(now),
    bond: { amountFen: schedule.bondFen, returnBy: schedule.bondReturnBy },
    rounding: schedule.rounding,
    readings: describeReadings(readings),
    assessments,
  };
}

const fmt = (v: number | null) => (v == null ? '—' : String(Math.round(v * 100_000) / 100_000));
