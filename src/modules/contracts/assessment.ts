import { localDateOf } from '../../calendar/local-time.ts';
import { clipTo, type AsOf } from './as-of.ts';
import type { DbOrTx } from '../../db/client.ts';
import { clauseZh, statusZh, targetZh, valueZh } from './format-zh.ts';
import type { IndicatorDefinition, ContractDefinition } from './model.ts';
import {
  MEASURE_FUNCTIONS,
  measureCounts,
  type MeasureContext,
  type MeasuredCounts,
  type MeasuredFigure,
} from './measures.ts';
import { meets, type Period } from './periods.ts';
import { describeReadings, type Readings } from './readings.ts';

export type IndicatorResult = {
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
  /** As a person reads it: "96.07%（2,345/2,441）" or 无数据; "≥ 96%"; 达标 / 未达标 / 无数据. */
  valueZh: string;
  targetZh: string;
  statusZh: string;
  excluded: MeasuredFigure['excluded'];
  evidence: MeasuredFigure['evidence'] & { drillDown?: string };
  clause: string;
  clauseZh: string;
  /** True while the period has not ended: the figure can still change. */
  provisional: boolean;
};

/** The span an indicator is measured over for a period: the period, or the year so far by a reading. */
function measuredSpan(ind: IndicatorDefinition, p: Period, c: ContractDefinition, r: Readings) {
  if (ind.id === 'return_rate' && r.returnRateBasis === 'year_to_date' && p.kind === 'month') {
    return { from: c.term.from <= p.from ? c.term.from : p.from, to: p.to };
  }
  return { from: p.from, to: p.to };
}

/** What a figure, counted or with its records, needs to be judged against its indicator. */
type Measured = { numerator: number; denominator: number; value: number | null; provisional?: boolean };

/** An indicator's figure judged: the fields both modes share, around the figure's own evidence and exclusions. */
function judged<F extends Measured>(
  ind: IndicatorDefinition,
  period: Period,
  span: { from: string; to: string },
  f: F,
  now: Date,
) {
  const met = meets(f.value, ind.comparator, ind.target);
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
    met,
    valueZh: valueZh(f, ind.measure),
    targetZh: targetZh(ind.comparator, ind.target, ind.measure),
    statusZh: statusZh({ met, value: f.value, denominator: f.denominator }, ind.measure),
    clause: ind.clause,
    clauseZh: clauseZh(ind.clause),
    provisional: span.to > localDateOf(now) || f.provisional === true,
  };
}

function measureContext(
  db: DbOrTx,
  ind: IndicatorDefinition,
  period: Period,
  c: ContractDefinition,
  readings: Readings,
  now: Date,
  memo?: Map<string, Promise<unknown>>,
): MeasureContext {
  const span = measuredSpan(ind, period, c, readings);
  return { db, contract: c, readings, fromDay: span.from, toDay: span.to, now, memo };
}

/** The figure judged, then its own exclusions and evidence (with where to drill down), in the answer's order. */
function withEvidence<F extends Measured & { excluded: unknown; evidence: object; drillDown?: string }>(
  ind: IndicatorDefinition,
  period: Period,
  ctx: MeasureContext,
  f: F,
  now: Date,
) {
  const span = { from: ctx.fromDay, to: ctx.toDay };
  const { clause, clauseZh, provisional, ...head } = judged(ind, period, span, f, now);
  const evidence: F['evidence'] & { drillDown?: string } = {
    ...f.evidence,
    ...(f.drillDown ? { drillDown: f.drillDown } : {}),
  };
  return { ...head, excluded: f.excluded as F['excluded'], evidence, clause, clauseZh, provisional };
}

/** An indicator measured with its records (the drill-down, statements, settlement). */
export async function assessIndicator(
  db: DbOrTx,
  ind: IndicatorDefinition,
  period: Period,
  c: ContractDefinition,
  readings: Readings,
  now: Date,
  /** Shared by the indicators of one request (see MeasureContext.memo). */
  memo?: Map<string, Promise<unknown>>,
): Promise<IndicatorResult> {
  const ctx = measureContext(db, ind, period, c, readings, now, memo);
  return withEvidence(ind, period, ctx, await MEASURE_FUNCTIONS[ind.measure](ctx), now);
}

/** An indicator as counts (issue 18: the assessment answer), its records left to the drill-down. */
export type IndicatorCounts = Omit<IndicatorResult, 'excluded' | 'evidence'> & {
  excluded: MeasuredCounts['excluded'];
  evidence: MeasuredCounts['evidence'] & { drillDown?: string };
};

export async function assessIndicatorCounts(
  db: DbOrTx,
  ind: IndicatorDefinition,
  period: Period,
  c: ContractDefinition,
  readings: Readings,
  now: Date,
  memo?: Map<string, Promise<unknown>>,
): Promise<IndicatorCounts> {
  const ctx = measureContext(db, ind, period, c, readings, now, memo);
  return withEvidence(ind, period, ctx, await measureCounts(ind.measure, ctx), now);
}

type AssessOne<R> = (
  ind: IndicatorDefinition,
  measured: Period,
  memo: Map<string, Promise<unknown>>,
) => Promise<R>;

async function assessEach<R extends { provisional: boolean }>(
  c: ContractDefinition,
  period: Period,
  readings: Readings,
  asOf: AsOf,
  one: AssessOne<R>,
) {
  // Nothing after the as-of day counts: the period is measured up to it and the rules judge as of its end.
  const measured = { ...period, to: clipTo(period.to, asOf) };
  const memo = new Map<string, Promise<unknown>>();
  // The indicators are measured side by side (issue 18: a year at 500,000 orders is a few large reads, each on
  // its own pooled connection); a transaction's one connection takes them in turn.
  const indicators =
    measured.from < measured.to ? await Promise.all(c.indicators.map((ind) => one(ind, measured, memo))) : [];
  return {
    contract: { id: c.id, version: c.version, name: c.name },
    period,
    asOf: asOf.day,
    provisional: period.to > asOf.until || indicators.some((i) => i.provisional),
    indicators,
    readings: describeReadings(readings),
    generatedAt: asOf.now,
  };
}

/** 考核 — every indicator of the contract over one period, with its evidence and the readings used. */
export function assessPeriod(
  db: DbOrTx,
  c: ContractDefinition,
  period: Period,
  readings: Readings,
  asOf: AsOf,
) {
  return assessEach(c, period, readings, asOf, (ind, measured, memo) =>
    assessIndicator(db, ind, measured, c, readings, asOf.now, memo),
  );
}

/** 考核 as counts — assessPeriod's figures without reading their records (the assessment answer, issue 18). */
export function assessPeriodCounts(
  db: DbOrTx,
  c: ContractDefinition,
  period: Period,
  readings: Readings,
  asOf: AsOf,
) {
  return assessEach(c, period, readings, asOf, (ind, measured, memo) =>
    assessIndicatorCounts(db, ind, measured, c, readings, asOf.now, memo),
  );
}

/**
 * One indicator of the contract over a period as of a day, as assessPeriod measures it (null when the period
 * starts after the as-of day): what the drill-down computes, so it does not measure the other eleven.
 */
export async function assessOne(
  db: DbOrTx,
  c: ContractDefinition,
  ind: IndicatorDefinition,
  period: Period,
  readings: Readings,
  asOf: AsOf,
): Promise<IndicatorResult | null> {
  const measured = { ...period, to: clipTo(period.to, asOf) };
  if (measured.from >= measured.to) return null;
  return assessIndicator(db, ind, measured, c, readings, asOf.now, new Map());
}

/** The records of one part of an indicator's evidence, as the drill-down endpoint pages them. */
export type DrillPart = 'counted' | 'met' | 'unmet' | 'excluded';
export type DrillRecord = { id: number | string; met: boolean | null; reason: string | null };

/**
 * The records behind a figure, one part of them: counted (each met or not), met, counted but not met, or left
 * out (each with its reason). Linear in the figure's records: one set of the met ids.
 */
export function drillRecords(r: IndicatorResult, part: DrillPart): DrillRecord[] {
  if (part === 'excluded')
    return r.excluded.flatMap((e) => e.ids.map((id) => ({ id, met: null, reason: e.reason })));
  const met = new Set(r.evidence.met.map(String));
  const rows = r.evidence.counted.map((id) => ({ id, met: met.has(String(id)), reason: null }));
  return part === 'counted' ? rows : rows.filter((x) => x.met === (part === 'met'));
}

/** An indicator measured with its records, as counts: what `assessIndicatorCounts` answers for it. */
export function countsOfIndicator(r: IndicatorResult): IndicatorCounts {
  const { evidence, excluded, ...rest } = r;
  const { counted, met, ...tail } = evidence;
  return {
    ...rest,
    excluded: excluded.map((e) => ({ reason: e.reason, count: e.ids.length })),
    evidence: { ...tail, counted: counted.length, met: met.length },
  };
}

/**
 * What the assessment answer carries for an indicator (issue 18): the figure with its counts and a link to its
 * records (`drillDown`, the records endpoint, page by page), never the records themselves — a year at a city's
 * size counts hundreds of thousands of orders. `listPage` is where the console lists records too many to drill into
 * by id (a period's calls).
 */
export function summarizeIndicator(r: IndicatorCounts, drillDown: string) {
  const { evidence, excluded, ...figure } = r;
  return {
    ...figure,
    excluded,
    evidence: {
      entity: evidence.entity,
      counted: evidence.counted,
      met: evidence.met,
      drillDown,
      ...(evidence.drillDown ? { listPage: evidence.drillDown } : {}),
    },
  };
}
export type IndicatorSummary = ReturnType<typeof summarizeIndicator>;
