import { localDateOf } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { IndicatorDefinition, ContractDefinition } from './model.ts';
import { MEASURE_FUNCTIONS, type MeasuredFigure } from './measures.ts';
import { meets, type Period } from './periods.ts';
import { describeReadings, type Readings } from './readings.ts';

export interface IndicatorResult {
  id: string;
  no: number;
  name: string;
  period: string;
  measuredFrom: string;
  measuredTo: string;
  numerator: number;
  denominator: number;
  value: number | null;
  target: number;
  comparator: '>=' | '<=';
  met: boolean;
  excluded: MeasuredFigure['excluded'];
  evidence: MeasuredFigure['evidence'] & { drillDown?: string };
  clause: string;
  /** True while the period has not ended: the figure can still change. */
  provisional: boolean;
}

/** The span an indicator is measured over for a period: the period, or the year so far by a reading. */
function measuredSpan(ind: IndicatorDefinition, p: Period, c: ContractDefinition, r: Readings) {
  if (ind.id === 'return_rate' && r.returnRateBasis === 'year_to_date' && p.kind === 'month') {
    return { from: c.term.from <= p.from ? c.term.from : p.from, to: p.to };
  }
  return { from: p.from, to: p.to };
}

export async function assessIndicator(
  db: DbOrTx,
  ind: IndicatorDefinition,
  period: Period,
  c: ContractDefinition,
  readings: Readings,
  now: Date,
): Promise<IndicatorResult> {
  const span = measuredSpan(ind, period, c, readings);
  const f = await MEASURE_FUNCTIONS[ind.measure]({
    db,
    contract: c,
    readings,
    fromDay: span.from,
    toDay: span.to,
    now,
  });
  const nowDay = localDateOf(now);
  return {
    id: ind.id,
    no: ind.no,
    name: ind.name,
    period: period.key,
    measuredFrom: span.from,
    measuredTo: span.to,
    numerator: f.numerator,
    denominator: f.denominator,
    value: f.value,
    target: ind.target,
    comparator: ind.comparator,
    met: meets(f.value, ind.comparator, ind.target),
    excluded: f.excluded,
    evidence: { ...f.evidence, ...(f.drillDown ? { drillDown: f.drillDown } : {}) },
    clause: ind.clause,
    provisional: span.to > nowDay,
  };
}

/** 考核 — every indicator of the contract over one period, with its evidence and the readings used. */
export async function assessPeriod(
  db: DbOrTx,
  c: ContractDefinition,
  period: Period,
  readings: Readings,
  now: Date,
) {
  const indicators = [];
  for (const ind of c.indicators) indicators.push(await assessIndicator(db, ind, period, c, readings, now));
  return {
    contract: { id: c.id, version: c.version, name: c.name },
    period,
    indicators,
    readings: describeReadings(readings),
    generatedAt: now,
  };
}
