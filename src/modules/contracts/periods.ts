import { validationFailed } from '../../platform/errors.ts';
import type { ContractDefinition } from './model.ts';
import type { Readings } from './readings.ts';
import { addMonths, paymentPeriods } from './schedule.ts';

export interface Period {
  key: string;
  kind: 'month' | 'quarter' | 'year' | 'term';
  /** City days, `to` exclusive. */
  from: string;
  to: string;
}

/**
 * An assessment period: `2026-02` a month, `2026-Q1` a calendar quarter, `2026` a calendar year, `C1`…`C4`
 * the contract's payment quarters (by the quarter reading), `term` the whole term.
 */
export function parsePeriod(key: string, c: ContractDefinition, readings: Readings): Period {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (m) return { key, kind: 'month', from: `${key}-01`, to: addMonths(`${key}-01`, 1) };
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) {
    const from = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
    return { key, kind: 'quarter', from, to: addMonths(from, 3) };
  }
  m = /^(\d{4})$/.exec(key);
  if (m) return { key, kind: 'year', from: `${key}-01-01`, to: `${Number(key) + 1}-01-01` };
  m = /^C([1-9])$/.exec(key);
  if (m) {
    const p = paymentPeriods(c, readings.quarterBasis)[Number(m[1]) - 1];
    if (p) return { key, kind: 'quarter', from: p.from, to: p.to };
  }
  if (key === 'term') return { key, kind: 'term', from: c.term.from, to: c.term.to };
  throw validationFailed([
    { field: 'period', message: 'YYYY-MM, YYYY-Qn, YYYY, C1–C4 (contract quarters) or term' },
  ]);
}

/** The calendar months overlapping a period, each clipped to the contract's term. */
export function monthsOf(p: { from: string; to: string }, c: ContractDefinition): Period[] {
  const out: Period[] = [];
  for (let month = `${p.from.slice(0, 7)}-01`; month < p.to; month = addMonths(month, 1)) {
    const from = month < c.term.from ? c.term.from : month;
    const end = addMonths(month, 1);
    const to = end > c.term.to ? c.term.to : end;
    if (from < to) out.push({ key: month.slice(0, 7), kind: 'month', from, to });
  }
  return out;
}

/** Whether a value meets its target (a figure with nothing to measure is not a miss). */
export function meets(value: number | null, comparator: '>=' | '<=', target: number): boolean {
  if (value == null) return true;
  // A margin far below a fen or a call, so 0.96 computed as 0.9599999999 still meets 0.96.
  return comparator === '>=' ? value >= target - 1e-9 : value <= target + 1e-9;
}
