import { localDateOf, startOfLocalDay } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { readSetting } from '../../platform/settings.ts';
import { callbackStats, callMetrics, readCallSettings } from '../calls/index.ts';
import { assessContract, listContracts, resolveAsOf } from '../contracts/index.ts';
import { callbackSummary, intakeBreakdown, topMatters } from '../orders/index.ts';
import { hotTopicsConfirmedBetween } from '../training/index.ts';
import { CHANNEL_LABELS, MONTHLY_SECTIONS, TYPE_LABELS } from './labels.ts';
import { DepartmentHandlingSchema, type MonthlyReport, parseMonth } from './model.ts';
import { halfHourSlots, monthShift, sumHandling } from './monthly-figures.ts';
import { scorecardsBetween } from './scorecard-service.ts';
import { SIGN_WITHIN_HOURS } from './settings.ts';
import { summariseMonth } from './summary.ts';

/** Progress of a long generation: a step name and how far (0–1). */
export type OnProgress = (step: string, fraction: number) => void;

/** The contract in force on the month's first day (its term covers it), the latest such; null when none. */
export async function contractInForce(db: DbOrTx, month: string): Promise<string | null> {
  const day = `${month}-01`;
  const inForce = (await listContracts(db)).filter((c) => c.term.from <= day && day < c.term.to);
  return inForce.sort((a, b) => b.term.from.localeCompare(a.term.from))[0]?.id ?? null;
}

const labelled = (rows: { key: string; label: string; count: number }[], labels: Record<string, string>) =>
  rows.map((r) => ({ ...r, label: labels[r.key] ?? r.label }));

/**
 * 月常规业务数据分析 for `month`: every figure from the functions the assessment and the metrics endpoints use
 * (calls.callMetrics, contracts.assessContract, the orders module's report figures), so the report and the
 * screens never disagree. `contractId` undefined = the contract in force that month; null = none.
 */
export async function buildMonthlyReport(
  db: DbOrTx,
  monthInput: string,
  options: { contractId?: string | null; now: Date; onProgress?: OnProgress },
): Promise<MonthlyReport> {
  const month = parseMonth(monthInput);
  const progress = options.onProgress ?? (() => {});
  const { now } = options;
  const fromDay = `${month}-01`;
  const toDay = `${monthShift(month, 1)}-01`;
  const from = startOfLocalDay(fromDay);
  const to = startOfLocalDay(toDay);
  const previousFrom = startOfLocalDay(`${monthShift(month, -1)}-01`);
  const contractId = options.contractId === undefined ? await contractInForce(db, month) : options.contractId;
  if (contractId && !(await listContracts(db)).some((c) => c.id === contractId))
    throw notFound(`Contract ${contractId}`, `合同 ${contractId} `);

  progress('calls', 0);
  const callSettings = await readCallSettings(db);
  const [monthCalls, dayCalls, slotCalls, missed] = [
    await callMetrics(db, from, to, 'month', callSettings),
    await callMetrics(db, from, to, 'day', callSettings),
    await callMetrics(db, from, to, 'interval', callSettings),
    await callbackStats(db, from, to, now),
  ];
  progress('orders', 0.3);
  const signWithinHours = await readSetting(db, SIGN_WITHIN_HOURS);
  const [intake, previous, matters, departments, callbacks, topics] = [
    await intakeBreakdown(db, from, to),
    await intakeBreakdown(db, previousFrom, from),
    await topMatters(db, from, to, previousFrom),
    // The department scorecards' figures (the circular's too), without reply scoring the table does not print.
    (await scorecardsBetween(db, from, to, now, { replyQuality: false })).departments.map((d) =>
      DepartmentHandlingSchema.parse(d),
    ),
    await callbackSummary(db, from, to),
    await hotTopicsConfirmedBetween(db, from, to),
  ];
  progress('indicators', 0.6);
  const assessment = contractId
    ? await assessContract(db, contractId, month, resolveAsOf(undefined, now))
    : null;

  const t = monthCalls.totals;
  const report: MonthlyReport = {
    month,
    from: fromDay,
    to: toDay,
    generatedAt: now,
    contract: assessment ? assessment.contract : null,
    calls: {
      totals: {
        offered: t.offered,
        answered: t.answered,
        abandoned: t.abandoned,
        abandonedByCaller: t.abandonedByCaller,
        waiting: t.waiting,
        answerRate: t.answerRate,
        answeredWithin15s: t.answeredWithin15s,
        answeredWithin15sRate: t.answeredWithin15sRate,
        asaSeconds: t.asaSeconds,
        ahtSeconds: t.ahtSeconds,
        longestWaitSeconds: t.longestWaitSeconds,
      },
      days: dayCalls.intervals.map((d) => ({
        date: localDateOf(d.start),
        offered: d.offered,
        answered: d.answered,
        abandoned: d.abandoned,
        answerRate: d.answerRate,
        answeredWithin15sRate: d.answeredWithin15sRate,
        asaSeconds: d.asaSeconds,
      })),
      slots: halfHourSlots(slotCalls.intervals),
      missedCallbacks: {
        missed: missed.missed,
        done: missed.done,
        unreachable: missed.unreachable,
        open: missed.open,
        doneInTime: missed.doneInTime,
      },
    },
    orders: {
      total: intake.total,
      previousTotal: previous.total,
      byChannel: labelled(intake.byChannel, CHANNEL_LABELS),
      byType: labelled(intake.byType, TYPE_LABELS),
      byCategory: intake.byCategory,
      byDistrict: intake.byDistrict,
      byDepartment: intake.byDepartment,
    },
    topMatters: matters,
    hotTopics: topics.map((h) => ({
      id: h.id,
      title: h.title,
      brief: h.brief,
      district: h.district,
      orders: h.orderIds.length,
      confirmedAt: h.confirmedAt,
    })),
    handling: { totals: sumHandling(departments), departments },
    callbacks,
    indicators: (assessment?.indicators ?? []).map((i) => ({
      no: i.no,
      id: i.id,
      name: i.name,
      period: i.period,
      numerator: i.numerator,
      denominator: i.denominator,
      value: i.value,
      target: i.target,
      comparator: i.comparator,
      met: i.met,
      provisional: i.provisional,
    })),
    summary: [],
    sections: [],
    settings: { signWithinHours },
  };
  report.summary = summariseMonth(report);
  report.sections = MONTHLY_SECTIONS.map((s) => ({
    id: s.id,
    title: s.title,
    present: hasData(report, s.id),
  }));
  progress('model', 0.7);
  return report;
}

/** Whether a section has figures to show (a section without any still prints, saying so). */
function hasData(r: MonthlyReport, id: string): boolean {
  switch (id) {
    case 'calls':
      return r.calls.totals.offered > 0;
    case 'intake':
    case 'matters':
      return r.orders.total > 0;
    case 'hotTopics':
      return r.hotTopics.length > 0;
    case 'handling':
      return r.handling.departments.length > 0;
    case 'callbacks':
      return r.callbacks.attempts > 0;
    case 'indicators':
      return r.indicators.length > 0;
    default:
      return r.summary.length > 0;
  }
}
