import { addDays } from '../../calendar/local-time.ts';
import type { ChinaCalendar } from '../../calendar/china-calendar.ts';
import type { DbOrTx } from '../../db/client.ts';
import { seriousIncidents } from '../quality/index.ts';
import { assessIndicator, type IndicatorResult } from './assessment.ts';
import { clipTo, type AsOf } from './as-of.ts';
import { bondDrawing, carryRemainders } from './carry.ts';
import { chargeQuarter, listCharges } from './charges-service.ts';
import { definitionHash } from './definitions.ts';
import { clauseZh, ROUNDING_ZH } from './format-zh.ts';
import { incidentStepBp } from './incident-steps.ts';
import type { ContractDefinition, IndicatorDefinition } from './model.ts';
import { bondCondition, quarterObligations } from './obligations-service.ts';
import { monthsOf, type Period } from './periods.ts';
import { describeReadings, type Readings } from './readings.ts';
import { bpOf, paymentSchedule } from './schedule.ts';
import { shortfallPersons } from './shortfall.ts';
import type { StatementWarning } from './warnings.ts';
import { warningOf } from './warnings.ts';

export type Deduction = {
  kind: 'missed_indicator' | 'serious_incident' | 'headcount' | 'third_party_cost' | 'subcontracting_penalty';
  indicatorId?: string;
  bp: number;
  amountFen: number;
  reason: string;
  reasonZh: string;
  /** The reading (name = value) that decided this deduction, and the clause it reads. */
  reading: string;
  clause: string;
  /** The clause as a person reads it (第十一条). */
  clauseZh?: string;
  evidence: unknown;
};

/** A platform setting that moves a figure (基本满意计满意, 回访次数用尽, IVR ≥ 4…), as the statement lists it. */
export interface SettingUsed {
  key: string;
  value: unknown;
  labelZh: string;
  source: string;
}

/** The assessments that settle in a payment quarter: monthly ones per month, quarterly the quarter, yearly at the end. */
function settlingPeriods(
  ind: IndicatorDefinition,
  q: Period,
  c: ContractDefinition,
  isLast: boolean,
  r: Readings,
): { periods: Period[]; deducts: boolean } {
  const period = ind.measure === 'workforce.staffingRate' ? staffingPeriod(r) : ind.period;
  if (period === 'month') return { periods: monthsOf(q, c), deducts: true };
  if (period === 'quarter') return { periods: [q], deducts: true };
  if (isLast)
    return { periods: [{ key: 'term', kind: 'term', from: c.term.from, to: c.term.to }], deducts: true };
  if (r.annualIndicatorsSettledIn === 'each_quarter')
    return { periods: [{ key: `YTD-${q.key}`, kind: 'term', from: c.term.from, to: q.to }], deducts: false };
  return { periods: [], deducts: false };
}

/** Sanmenxia art. 13.4 names no period for the staffing rate: the `staffingRatePeriod` reading does. */
const staffingPeriod = (r: Readings) => (r.staffingRatePeriod === 'term' ? 'year' : r.staffingRatePeriod);

function missedIndicatorCount(missed: IndicatorResult[], earlierMissed: boolean, r: Readings): number {
  if (!missed.length) return 0;
  if (r.missedIndicatorCounting === 'per_period') return missed.length;
  if (r.missedIndicatorCounting === 'per_year') return earlierMissed ? 0 : 1;
  return 1;
}

/** The first day headcount is charged: after the start-up period of art. 1.4, by the `rampUp` reading. */
export function headcountChargedFrom(c: ContractDefinition, r: Readings): string {
  if (r.rampUp !== 'after_service_start' || !c.serviceStartWithinDays) return c.term.from;
  const first = addDays(c.signedOn, c.serviceStartWithinDays.days + 1);
  return first > c.term.from ? first : c.term.from;
}

const fmt = (v: number | null) => (v == null ? '—' : String(Math.round(v * 100_000) / 100_000));

async function missedIndicatorDeductions(
  db: DbOrTx,
  c: ContractDefinition,
  quarter: number,
  q: Period,
  isLast: boolean,
  readings: Readings,
  asOf: AsOf,
  schedule: ReturnType<typeof paymentSchedule>,
) {
  const deductions: Deduction[] = [];
  const assessments: IndicatorResult[] = [];
  const missedBp = c.deductions.missedIndicatorBp;
  const memo = new Map<string, Promise<unknown>>();
  for (const ind of c.indicators.filter((i) => i.deduction === 'missed')) {
    const { periods, deducts } = settlingPeriods(ind, q, c, isLast, readings);
    const results: IndicatorResult[] = [];
    for (const p of periods.filter((x) => x.from < asOf.until))
      results.push(
        await assessIndicator(db, ind, { ...p, to: clipTo(p.to, asOf) }, c, readings, asOf.now, memo),
      );
    assessments.push(...results);
    const missed = results.filter((x) => !x.met);
    if (!deducts || !missed.length || !missedBp) continue;
    let earlierMissed = false;
    if (readings.missedIndicatorCounting === 'per_year' && quarter > 1) {
      for (let k = 1; k < quarter && !earlierMissed; k++) {
        const e = schedule.payments[k - 1]!.period;
        const eq: Period = { key: `C${k}`, kind: 'quarter', from: e.from, to: e.to };
        for (const p of settlingPeriods(ind, eq, c, false, readings).periods) {
          if (!(await assessIndicator(db, ind, p, c, readings, asOf.now, memo)).met) earlierMissed = true;
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
        reasonZh: `第${ind.no}项「${ind.name}」未达标（${missed.map((x) => `${x.period}：${x.valueZh}`).join('、')}；指标 ${m.targetZh}）`,
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
  return { deductions, assessments };
}

async function incidentDeductions(
  db: DbOrTx,
  c: ContractDefinition,
  q: Period,
  readings: Readings,
  asOf: AsOf,
  warnings: StatementWarning[],
) {
  const deductions: Deduction[] = [];
  const rule = c.indicators.find((i) => i.deduction === 'incident');
  if (!rule || !c.deductions.seriousIncidentBp.length) return deductions;
  const all = await seriousIncidents(db, c.term.from, clipTo(q.to, asOf));
  all.dates.forEach((day, k) => {
    if (day < q.from) return;
    if (k >= 1) warnings.push(warningOf('termination_ground', { nth: k + 1, day }));
    const bp = incidentStepBp(k, c.deductions.seriousIncidentBp, readings);
    if (!bp) {
      warnings.push(warningOf('later_incident_not_deducted', { nth: k + 1, day }));
      return;
    }
    deductions.push({
      kind: 'serious_incident',
      indicatorId: rule.id,
      bp,
      amountFen: bpOf(c.totalFen, bp),
      reason: `Serious public-opinion incident no. ${k + 1} of the term (${day})`,
      reasonZh: `服务期内第${k + 1}次严重舆论事件（${day}）`,
      reading: `secondIncidentDeduction=${readings.secondIncidentDeduction}; laterIncidents=${readings.laterIncidents}`,
      clause: c.deductions.seriousIncidentClause,
      evidence: { incidentId: all.ids[k], date: day },
    });
  });
  return deductions;
}

async function headcountDeductions(
  db: DbOrTx,
  c: ContractDefinition,
  q: Period,
  readings: Readings,
  asOf: AsOf,
  warnings: StatementWarning[],
) {
  if (c.headcount.deductionBpPerPerson <= 0) return [];
  const chargeFrom = headcountChargedFrom(c, readings);
  const short = await shortfallPersons(db, q.from, q.to, c.headcount.agreed, readings, c.term, {
    now: asOf.now,
    chargeFrom,
  });
  if (short.rosterMissing) {
    warnings.push(warningOf('roster_missing', { agreed: c.headcount.agreed }));
    return [];
  }
  if (short.persons <= 0) return [];
  const bp = short.persons * c.headcount.deductionBpPerPerson;
  return [
    {
      kind: 'headcount' as const,
      bp,
      amountFen: short.persons * bpOf(c.totalFen, c.headcount.deductionBpPerPerson),
      reason: `${short.persons} people short of the agreed ${c.headcount.agreed} without Party A's consent (${short.description})`,
      reasonZh: `团队人员较约定的 ${c.headcount.agreed} 人少 ${short.persons} 人且未经甲方同意（${short.descriptionZh}）`,
      reading: `headcountShortfall=${JSON.stringify(readings.headcountShortfall)}; rampUp=${readings.rampUp}`,
      clause: c.headcount.clause,
      evidence: short.evidence,
    },
  ];
}

/** Charges the office recorded (third-party cost, art. 5.4; subcontracting, Sanmenxia art. 19) due this quarter. */
async function chargeDeductions(
  db: DbOrTx,
  c: ContractDefinition,
  quarter: number,
  asOf: AsOf,
  schedule: ReturnType<typeof paymentSchedule>,
): Promise<Deduction[]> {
  const charges = (await listCharges(db, c.id, asOf)).filter(
    (x) => chargeQuarter(x.occurredOn, schedule.payments) === quarter,
  );
  return charges.map((x) => {
    const third = x.kind === 'third_party_cost';
    const clause = third
      ? (c.deadlines.find((d) => d.id === 'rectification')?.clause ?? 'art. 5.4')
      : String((c.deductions as { subcontractingClause?: unknown }).subcontractingClause ?? 'art. 19');
    return {
      kind: third ? ('third_party_cost' as const) : ('subcontracting_penalty' as const),
      bp: Math.round((x.amountFen * 10_000) / c.totalFen),
      amountFen: x.amountFen,
      reason: `${third ? 'Third-party cost' : 'Subcontracting penalty'} recorded by Party A (${x.occurredOn}): ${x.note}`,
      reasonZh: `${third ? '甲方委托第三方服务的费用，从下一次付款中扣除' : '未经甲方同意转包，违约金'}（${x.occurredOn}）：${x.note}`,
      reading: 'charge=next_payment',
      clause,
      evidence: { chargeId: x.id, occurredOn: x.occurredOn },
    };
  });
}

/**
 * 结算 — one payment quarter as of a day, before any carried remainder: its base, each deduction with the
 * indicator or event behind it and the reading used, and the warnings where evidence is missing. Nothing after
 * the as-of day counts; a quarter not ended by then is provisional.
 */
export async function settleQuarterAlone(
  db: DbOrTx,
  c: ContractDefinition,
  quarter: number,
  readings: Readings,
  calendar: ChinaCalendar,
  asOf: AsOf,
  settings: SettingUsed[],
) {
  const schedule = paymentSchedule(c, readings, calendar);
  const pay = schedule.payments[quarter - 1];
  if (!pay) return null;
  const q: Period = { key: `C${quarter}`, kind: 'quarter', from: pay.period.from, to: pay.period.to };
  const isLast = quarter === schedule.payments.length;
  const warnings: StatementWarning[] = [];
  const missed = await missedIndicatorDeductions(db, c, quarter, q, isLast, readings, asOf, schedule);
  const deductions: Deduction[] = [
    ...missed.deductions,
    ...(q.from < asOf.until ? await incidentDeductions(db, c, q, readings, asOf, warnings) : []),
    ...(q.from < asOf.until ? await headcountDeductions(db, c, q, readings, asOf, warnings) : []),
    ...(await chargeDeductions(db, c, quarter, asOf, schedule)),
  ];
  const assessments = missed.assessments;
  const deducted = deductions.reduce((s, d) => s + d.amountFen, 0);
  const { records, obligations, notices } = await quarterObligations(
    db,
    c,
    q,
    readings,
    calendar,
    asOf,
    isLast,
    warnings,
  );
  const bondHeld = await bondCondition(db, c, readings, calendar, records, asOf);
  return {
    contractId: c.id,
    contractVersion: c.version,
    /** SHA-256 of the definition used: a file changed without a new version still shows as a changed input. */
    contractHash: definitionHash(c),
    quarter,
    isLast,
    asOf: asOf.day,
    period: pay.period,
    baseFen: pay.baseFen,
    deductions: deductions.map((d) => ({ ...d, clauseZh: clauseZh(d.clause) })),
    deductedFen: deducted,
    carriedInFen: 0,
    payableFen: Math.max(0, pay.baseFen - deducted),
    carriedOutFen: Math.max(0, deducted - pay.baseFen),
    dueFrom: pay.dueFrom,
    dueTo: pay.dueTo,
    invoiceRequired: pay.invoiceRequired,
    provisional: assessments.some((a) => a.provisional) || q.to > asOf.until,
    warnings,
    bond: {
      amountFen: schedule.bondFen,
      /** Art. 2.5: 7 working days after the term and after the last quality problem cleared; null while held. */
      returnBy: bondHeld ? bondHeld.returnBy : schedule.bondReturnBy,
      drawnFen: 0,
      returnableFen: schedule.bondFen,
      unrecoveredFen: 0,
      held: bondHeld?.held ?? [],
      condition: bondHeld ? { clause: bondHeld.clause, reading: bondHeld.reading } : null,
    },
    /** The clauses beside the money (payroll, hiring, 7×24, overtime, termination grounds, hand-over). */
    obligations,
    /** 履约提示 — findings of the clauses without money (payroll, hiring, 7×24, overtime): shown, not blocking. */
    notices,
    rounding: schedule.rounding,
    roundingZh: ROUNDING_ZH,
    readings: describeReadings(readings),
    settings,
    assessments,
  };
}

export type QuarterStatement = NonNullable<Awaited<ReturnType<typeof settleQuarterAlone>>>;

/**
 * 结算 — a payment quarter with the remainders carried from the quarters before it (a deduction larger than a
 * quarter's base is carried to the next; after the last quarter what is left is drawn from the bond, art. 2.5).
 */
export async function settleQuarter(
  db: DbOrTx,
  c: ContractDefinition,
  quarter: number,
  readings: Readings,
  calendar: ChinaCalendar,
  asOf: AsOf,
  settings: SettingUsed[] = [],
): Promise<QuarterStatement | null> {
  const alone: QuarterStatement[] = [];
  for (let k = 1; k <= quarter; k++) {
    const s = await settleQuarterAlone(db, c, k, readings, calendar, asOf, settings);
    if (!s) return null;
    alone.push(s);
  }
  const carried = carryRemainders(alone)[quarter - 1]!;
  const s = alone[quarter - 1]!;
  const bond = s.isLast ? bondDrawing(s.bond.amountFen, carried.carriedOutFen) : null;
  return {
    ...s,
    ...carried,
    bond: bond ? { ...s.bond, ...bond } : s.bond,
  };
}
