import { loadCalendar } from '../../calendar/service.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { AsOf } from './as-of.ts';
import { notFound } from '../../platform/errors.ts';
import {
  assessOne,
  assessPeriod,
  assessPeriodCounts,
  drillRecords,
  summarizeIndicator,
  type DrillPart,
} from './assessment.ts';
import { getContract, readingsOf } from './contracts-service.ts';
import { parsePeriod } from './periods.ts';
import { describeReadings } from './readings.ts';
import { paymentSchedule } from './schedule.ts';

/** A contract with its payment schedule (what `hotline contract show` prints). */
export async function contractOverview(db: DbOrTx, id: string) {
  const [c, readings, calendar] = await Promise.all([
    getContract(db, id),
    readingsOf(db, id),
    loadCalendar(db),
  ]);
  const schedule = paymentSchedule(c, readings, calendar);
  return {
    id: c.id,
    version: c.version,
    name: c.name,
    city: c.city,
    parties: c.parties,
    signedOn: c.signedOn,
    term: c.term,
    totalFen: schedule.totalFen,
    bondFen: schedule.bondFen,
    bondReturnBy: schedule.bondReturnBy,
    payments: schedule.payments,
    rounding: schedule.rounding,
    headcount: c.headcount,
    indicators: c.indicators,
    deductions: c.deductions,
    reports: c.reports,
    deadlines: c.deadlines,
    terminationTriggers: c.terminationTriggers,
    readings: describeReadings(readings),
  };
}

/** The assessment of a contract for a period key (see parsePeriod). */
export async function assessContract(db: DbOrTx, id: string, periodKey: string, asOf: AsOf) {
  const [c, readings] = await Promise.all([getContract(db, id), readingsOf(db, id)]);
  return assessPeriod(db, c, parsePeriod(periodKey, c, readings), readings, asOf);
}

/** Where an indicator's records are paged from (GET /api/contracts/:id/assessment/:indicator/records). */
export const drillDownPath = (contractId: string, indicatorId: string, periodKey: string, asOf: AsOf) =>
  `/api/contracts/${contractId}/assessment/${indicatorId}/records?period=${encodeURIComponent(periodKey)}&asOf=${asOf.day}`;

/**
 * The assessment as the API and `hotline assess --json` answer it (issue 18): every figure with its numerator
 * and denominator and a drill-down link, the records counted left to the drill-down endpoint — so a year at
 * 500,000 orders answers in a few kilobytes instead of 20 MB, counted without reading those records.
 */
export async function assessmentAnswer(db: DbOrTx, id: string, periodKey: string, asOf: AsOf) {
  const [c, readings] = await Promise.all([getContract(db, id), readingsOf(db, id)]);
  // Counted in SQL (issue 18): the figures of assessContract, without reading the records they count.
  const a = await assessPeriodCounts(db, c, parsePeriod(periodKey, c, readings), readings, asOf);
  return {
    ...a,
    indicators: a.indicators.map((i) => summarizeIndicator(i, drillDownPath(id, i.id, a.period.key, asOf))),
  };
}

/** One indicator of a contract's assessment, measured alone (the drill-down and its XLSX export). */
export async function assessContractIndicator(
  db: DbOrTx,
  id: string,
  periodKey: string,
  indicatorId: string,
  asOf: AsOf,
) {
  const [c, readings] = await Promise.all([getContract(db, id), readingsOf(db, id)]);
  const ind = c.indicators.find((i) => i.id === indicatorId);
  if (!ind) throw notFound(`Indicator ${indicatorId}`, `考核指标 ${indicatorId}`);
  const period = parsePeriod(periodKey, c, readings);
  const result = await assessOne(db, c, ind, period, readings, asOf);
  return {
    contract: { id: c.id, version: c.version, name: c.name },
    period,
    asOf: asOf.day,
    indicator: result,
  };
}

/** A page of the records behind an indicator's figure, one part of them (see drillRecords). */
export async function indicatorRecords(
  db: DbOrTx,
  id: string,
  q: { period: string; indicator: string; part: DrillPart; page: number; pageSize: number },
  asOf: AsOf,
) {
  const { indicator } = await assessContractIndicator(db, id, q.period, q.indicator, asOf);
  const all = indicator ? drillRecords(indicator, q.part) : [];
  const start = (q.page - 1) * q.pageSize;
  return {
    indicator: q.indicator,
    period: q.period,
    asOf: asOf.day,
    entity: indicator?.evidence.entity ?? null,
    part: q.part,
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
    items: all.slice(start, start + q.pageSize),
    ...(indicator?.evidence.drillDown ? { listPage: indicator.evidence.drillDown } : {}),
  };
}
