import type { ChinaCalendar } from '../../calendar/china-calendar.ts';
import { addDays } from '../../calendar/local-time.ts';
import { addWorkingDaysToDate } from '../../calendar/working-days.ts';
import type { ContractDefinition } from './model.ts';
import type { Readings } from './readings.ts';

/**
 * Splits an amount in fen by shares in basis points so the parts add up to the whole exactly: each part is
 * rounded down, and the fen left over go one each to the parts with the largest remainders (ties: the earlier
 * part) — the largest-remainder (Hamilton) method.
 */
export function splitByShares(totalFen: number, sharesBp: number[]): number[] {
  const exact = sharesBp.map((s) => (totalFen * s) / 10_000);
  const parts = exact.map(Math.floor);
  let left = totalFen - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left--;
  }
  return parts;
}

/** Basis points of an amount, rounded half up to the fen (1 % of ¥3,278,289.64 = 3,278,290 fen). */
export function bpOf(amountFen: number, bp: number): number {
  return Math.floor((amountFen * bp) / 10_000 + 0.5);
}

export const addMonths = (day: string, n: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

export interface PaymentPeriod {
  quarter: number;
  /** City days, `to` exclusive. */
  from: string;
  to: string;
}

/** The payment periods of the term under the quarter reading (see READINGS.quarterBasis). */
export function paymentPeriods(c: ContractDefinition, basis: Readings['quarterBasis']): PaymentPeriod[] {
  const n = c.payments.shares.length;
  if (basis === 'contract') {
    return Array.from({ length: n }, (_, i) => ({
      quarter: i + 1,
      from: addMonths(c.term.from, i * 3),
      to: i === n - 1 ? c.term.to : addMonths(c.term.from, (i + 1) * 3),
    }));
  }
  if (basis === 'effective') {
    // 本合同生效后的第一季度: three-month quarters from the day it took effect; the first also covers any
    // service before that day and the last ends with the term.
    const effective = c.effectiveOn ?? c.signedOn;
    return Array.from({ length: n }, (_, i) => ({
      quarter: i + 1,
      from: i === 0 ? c.term.from : addMonths(effective, i * 3),
      to: i === n - 1 ? c.term.to : addMonths(effective, (i + 1) * 3),
    }));
  }
  const bounds: string[] = [c.term.from];
  const [y, m] = c.term.from.split('-').map(Number) as [number, number];
  let next = `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  for (;;) {
    next = addMonths(next, 3);
    if (next >= c.term.to) break;
    bounds.push(next);
  }
  const starts = bounds.slice(0, n);
  return starts.map((from, i) => ({ quarter: i + 1, from, to: i === n - 1 ? c.term.to : starts[i + 1]! }));
}

/** 次季度的前N日内: from the first day after the period to its Nth day (moved to a working day by the reading). */
export function paymentWindow(
  periodTo: string,
  days: number,
  calendar: ChinaCalendar,
  rollToWorkday: boolean,
) {
  let dueTo = addDays(periodTo, days - 1);
  if (rollToWorkday) while (!calendar.isWorkday(dueTo)) dueTo = addDays(dueTo, 1);
  return { dueFrom: periodTo, dueTo };
}

export interface Schedule {
  contractId: string;
  totalFen: number;
  bondFen: number;
  bondReturnBy: string | null;
  term: { from: string; to: string };
  payments: {
    quarter: number;
    shareBp: number;
    baseFen: number;
    period: { from: string; to: string };
    dueFrom: string;
    dueTo: string;
    invoiceRequired: boolean;
  }[];
  rounding: string;
}

/** A contract's payment schedule: the parts, their periods and windows, and the bond. */
export function paymentSchedule(
  c: ContractDefinition,
  readings: Readings,
  calendar: ChinaCalendar,
): Schedule {
  const parts = splitByShares(c.totalFen, c.payments.shares);
  const periods = paymentPeriods(c, readings.quarterBasis);
  const lastServiceDay = addDays(c.term.to, -1);
  return {
    contractId: c.id,
    totalFen: c.totalFen,
    bondFen: c.bond ? c.bond.amountFen || bpOf(c.totalFen, c.bond.shareBp) : 0,
    bondReturnBy: c.bond
      ? addWorkingDaysToDate(calendar, lastServiceDay, c.bond.returnWithinWorkingDays).lastDay
      : null,
    term: { from: c.term.from, to: c.term.to },
    payments: periods.map((p, i) => ({
      quarter: p.quarter,
      shareBp: c.payments.shares[i]!,
      baseFen: parts[i]!,
      period: { from: p.from, to: p.to },
      ...paymentWindow(p.to, c.payments.window.days, calendar, readings.paymentWindowRollsToWorkday),
      invoiceRequired: c.payments.invoiceRequired,
    })),
    rounding:
      'Payment parts: shares of the total rounded down to the fen, the fen left over given one each to the largest remainders (ties to the earlier payment), so the parts add up to the total exactly. Deductions: total × basis points ÷ 10,000, rounded half up to the fen.',
  };
}
