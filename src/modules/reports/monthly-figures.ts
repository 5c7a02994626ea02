import type { CallFigures } from '../calls/index.ts';
import { type DepartmentHandlingRow, DepartmentHandlingSchema, type HandlingTotals } from './model.ts';

/** `YYYY-MM` shifted by n months. */
export function monthShift(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The city's time of day (UTC+8 all year) of an instant, as `HH:MM`. */
function slotOf(start: Date): string {
  const minutes = (start.getUTCHours() * 60 + start.getUTCMinutes() + 8 * 60) % (24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** 分时段 — the month's 30-minute buckets folded onto the 48 half-hours of a day. */
export function halfHourSlots(intervals: (CallFigures & { start: Date })[]) {
  const slots = new Map<
    string,
    { offered: number; answered: number; answeredWithin15s: number; settled: number }
  >();
  for (let i = 0; i < 48; i++) {
    const key = `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
    slots.set(key, { offered: 0, answered: 0, answeredWithin15s: 0, settled: 0 });
  }
  for (const b of intervals) {
    const s = slots.get(slotOf(b.start))!;
    s.offered += b.offered;
    s.answered += b.answered;
    s.answeredWithin15s += b.answeredWithin15s;
    s.settled += b.offered - b.waiting;
  }
  return [...slots.entries()].map(([slot, s]) => ({
    slot,
    offered: s.offered,
    answered: s.answered,
    answeredWithin15s: s.answeredWithin15s,
    answerRate: s.settled ? s.answered / s.settled : null,
  }));
}

/** The whole city's dispatch and handling: the departments' figures added up. */
export function sumHandling(rows: DepartmentHandlingRow[]): HandlingTotals {
  const keys = Object.keys(DepartmentHandlingSchema.shape).filter(
    (k): k is keyof HandlingTotals => k !== 'departmentId' && k !== 'name',
  );
  const total = Object.fromEntries(keys.map((k) => [k, 0])) as HandlingTotals;
  for (const r of rows) for (const k of Object.keys(total) as (keyof HandlingTotals)[]) total[k] += r[k];
  return total;
}

export const ratio = (n: number, d: number) => (d > 0 ? n / d : null);
