import { addDays, type LocalDate } from '../../calendar/local-time.ts';

const DAY_MS = 86_400_000;

/** Whole calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** Every day of [from, to). */
export function eachDay(from: LocalDate, to: LocalDate): LocalDate[] {
  const out: LocalDate[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Whether [start, end] (end null = open) contains `day`; both ends inclusive. */
export function spanContains(start: LocalDate, end: LocalDate | null, day: LocalDate): boolean {
  return start <= day && (end === null || day <= end);
}

export const laterOf = (a: LocalDate, b: LocalDate): LocalDate => (a > b ? a : b);
export const earlierOf = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);
