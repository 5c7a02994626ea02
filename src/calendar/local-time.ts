import { isStrictDate, parseStrictInstant } from '../platform/input.ts';

/**
 * The city's clock. China has used UTC+8 all year since 1991 (no daylight saving), so Asia/Shanghai is a fixed
 * offset and day arithmetic needs no time-zone database.
 */
export const CITY_TIME_ZONE = 'Asia/Shanghai';
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** A calendar date `YYYY-MM-DD` as seen in the city. */
export type LocalDate = string;

/** A real calendar day `YYYY-MM-DD` within the platform's sane years (see platform/input.ts). */
export function isLocalDate(s: string): boolean {
  return isStrictDate(s);
}

export function localDateOf(instant: Date): LocalDate {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** 00:00 of the date in the city. */
export function startOfLocalDay(date: LocalDate): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);
}

/** 24:00 of the date, i.e. 00:00 of the next day: where a period that ends "on" that date ends (民法典 art. 203). */
export function endOfLocalDay(date: LocalDate): Date {
  return new Date(startOfLocalDay(date).getTime() + DAY_MS);
}

export function addDays(date: LocalDate, n: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

/** ISO 8601 in the city's offset, e.g. `2025-01-07T00:00:00+08:00` (seconds kept, milliseconds only if any). */
export function formatCityInstant(instant: Date): string {
  const shifted = new Date(instant.getTime() + OFFSET_MS).toISOString();
  const ms = shifted.slice(19, 23);
  return `${shifted.slice(0, 19)}${ms === '.000' ? '' : ms}+08:00`;
}

/**
 * Parses an instant. A string with an offset or `Z` is taken as written; a bare date-time or date is read in
 * the city's time zone (an agent's "2025-03-03 10:00" means Beijing time).
 */
export function parseCityInstant(s: string): Date | null {
  return parseStrictInstant(s);
}
