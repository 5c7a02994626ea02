import { z } from 'zod';

/**
 * Shared building blocks for request schemas, so hostile input is refused with a 400 naming the field before it
 * reaches PostgreSQL (等保 2.0 level 3, GB/T 22239-2019 8.1.4.x "software fault tolerance": the validity of
 * data entered through interfaces is checked). Every module's schemas use these instead of bare `z.coerce`.
 */

/** PostgreSQL `integer` (int4), the type of every `serial` id: a larger number would fail in the database. */
export const INT4_MAX = 2_147_483_647;
export const INT4_MIN = -2_147_483_648;

/** Sane bounds for any date the platform stores: a year outside is a typo or an attack (e.g. 0000, +275760). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** The longest single string field accepted anywhere unless a schema says less (a 1 MB title is an attack). */
export const MAX_FIELD_CHARS = 100_000;

/** A row id in a path, query or body: a positive int4. */
export const zId = z.coerce.number().int().min(1).max(INT4_MAX);

/** An integer within [min, max] (which default to int4's range), from a path, query or body. */
export function zInt(min = INT4_MIN, max = INT4_MAX) {
  return z.coerce.number().int().min(min).max(max);
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))?$/i;

function isCalendarDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `YYYY-MM-DD` naming a real calendar day between 1900 and 2200 (2026-02-30 and 0000-01-01 are not). */
export function isStrictDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  return !!m && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Parses ISO 8601 strictly: a date `YYYY-MM-DD` (the city's midnight) or a date-time with minutes, optional
 * seconds and fraction, and an optional offset (none means the city's time, UTC+8). Returns null for anything
 * else — `-1`, `2026-02-30`, `25:00`, years outside 1900–2200 — where `new Date()` would silently guess.
 */
export function parseStrictInstant(input: string): Date | null {
  const s = input.trim();
  if (isStrictDate(s)) return new Date(`${s}T00:00:00+08:00`);
  const m = INSTANT_RE.exec(s);
  if (!m || !isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59) return null;
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return null;
  const normalised = s.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const d = new Date(m[7] ? normalised : `${normalised}+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const INSTANT_MESSAGE = 'an ISO 8601 date YYYY-MM-DD or date-time (a real day, years 1900–2200)';

/** An instant from a request (ISO 8601, strict); a `Date` passes through for callers inside the process. */
export const zInstant = z.union([
  z.date(),
  z
    .string()
    .max(40)
    .transform((s, ctx) => {
      const d = parseStrictInstant(s);
      if (!d) ctx.addIssue({ code: 'custom', message: INSTANT_MESSAGE });
      return d ?? new Date(NaN);
    })
    .meta({ format: 'date-time' }),
]);

/** A calendar date `YYYY-MM-DD` (a real day, 1900–2200), kept as the string. */
export const zDate = z.string().refine(isStrictDate, 'a date YYYY-MM-DD (a real day, years 1900–2200)');

/** What is wrong with a string PostgreSQL cannot store or that no honest client sends, or null. */
export function hostileStringProblem(s: string, maxChars = MAX_FIELD_CHARS): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character';
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s))
    return 'contains a lone UTF-16 surrogate';
  if (s.length > maxChars) return `longer than ${maxChars} characters`;
  return null;
}

/**
 * The first hostile string anywhere in a parsed path, query or JSON body (keys included), as a dotted field
 * path and a message. Walks at most `maxNodes` values so a huge array cannot make the check itself costly.
 */
export function findHostileInput(
  value: unknown,
  path: string,
  maxNodes = 100_000,
  maxChars = MAX_FIELD_CHARS,
): { field: string; message: string } | null {
  const stack: [unknown, string][] = [[value, path]];
  let seen = 0;
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (++seen > maxNodes) return { field: path, message: 'too many values' };
    if (typeof v === 'string') {
      const problem = hostileStringProblem(v, maxChars);
      if (problem) return { field: p, message: problem };
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push([item, p ? `${p}.${i}` : String(i)]));
    } else if (v && typeof v === 'object' && !isOpaque(v)) {
      for (const [k, item] of Object.entries(v)) {
        const problem = hostileStringProblem(k);
        const field = p ? `${p}.${k}` : k;
        if (problem) return { field, message: `field name ${problem}` };
        stack.push([item, field]);
      }
    }
  }
  return null;
}

/** A raw upload (a Buffer or a stream, e.g. a call log sent as text/csv) is checked by its own parser. */
function isOpaque(v: object): boolean {
  return Buffer.isBuffer(v) || v instanceof Date || typeof (v as { pipe?: unknown }).pipe === 'function';
}
