/**
 * 考勤 — actual attendance (clock-in / clock-out records) read from a clock system's CSV, checked, and merged with
 * the published rota for overtime pay — pure. Issue 15 item 6: pay "from the published rota and actual
 * attendance"; the attendance is the better evidence for Sanmenxia art. 11 (hours actually worked).
 *
 * CSV: a header naming the columns (any order; English or Chinese names), then one record a line:
 *   agent,date,clockIn,clockOut        e.g.  member-12,2026-03-02,07:58,16:05
 * `agent`: the roster member's id (`12` or `member-12`, the rota's key), the user name linked to the member, or
 * the member's name when exactly one member of that name is on the team that day. `date` is the day of the
 * clock-in (Asia/Shanghai); a clock-out at or before the clock-in is on the next day (a night shift).
 */
import { addDays, type LocalDate, localDateOf, startOfLocalDay } from '../../calendar/index.ts';
import { hostileStringProblem, isStrictDate } from '../../platform/input.ts';
import type { PlannedShift } from './labour-law.ts';

export const ATTENDANCE_LIMITS = {
  /** A month of 45 agents is ~1,400 lines; a year of 200 agents ~73,000. */
  maxLines: 100_000,
  maxBytes: 5_000_000,
  maxFieldChars: 100,
  /** A record longer than this is a missed clock-out, not a shift (art. 41 caps a day at 8 + 3 hours). */
  maxHours: 16,
  /** Errors reported at most (the whole file is refused on the first). */
  maxErrors: 50,
};

export interface AttendanceError {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  field: string;
  message: string;
}

export interface ParsedAttendance {
  line: number;
  agent: string;
  memberId: number;
  date: LocalDate;
  clockIn: Date;
  clockOut: Date;
}

/** Resolves the `agent` cell to a roster member on the team that day, or says why it cannot. */
export type ResolveAgent = (key: string, date: LocalDate) => { memberId: number } | { error: string };

const HEADERS: Record<string, 'agent' | 'date' | 'clockIn' | 'clockOut'> = {
  agent: 'agent',
  member: 'agent',
  话务员: 'agent',
  工号: 'agent',
  姓名: 'agent',
  date: 'date',
  日期: 'date',
  clockin: 'clockIn',
  clock_in: 'clockIn',
  签到: 'clockIn',
  签到时间: 'clockIn',
  上班: 'clockIn',
  clockout: 'clockOut',
  clock_out: 'clockOut',
  签退: 'clockOut',
  签退时间: 'clockOut',
  下班: 'clockOut',
};

/** One CSV line's cells: commas, double quotes with "" as an escaped quote; no line breaks inside cells. */
export function splitCsvLine(line: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  if (quoted) return null;
  cells.push(cell.trim());
  return cells;
}

const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/** Seconds after midnight of `HH:MM[:SS]`, or null for an impossible time (24:00, 12:60, 7.30). */
export function parseClockTime(s: string): number | null {
  const m = TIME_RE.exec(s);
  if (!m) return null;
  const [h, min, sec] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || sec > 59) return null;
  return h * 3600 + min * 60 + sec;
}

/** Parses and checks every line; any error refuses the file (an import is all or nothing). */
export function parseAttendanceCsv(
  text: string,
  resolve: ResolveAgent,
  now: Date,
): { rows: ParsedAttendance[]; errors: AttendanceError[] } {
  const errors: AttendanceError[] = [];
  const rows: ParsedAttendance[] = [];
  const fail = (line: number, field: string, message: string) => {
    if (errors.length < ATTENDANCE_LIMITS.maxErrors) errors.push({ line, field, message });
  };
  if (text.length > ATTENDANCE_LIMITS.maxBytes) {
    fail(0, 'file', `longer than ${ATTENDANCE_LIMITS.maxBytes} characters`);
    return { rows, errors };
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.length > ATTENDANCE_LIMITS.maxLines + 1) {
    fail(0, 'file', `more than ${ATTENDANCE_LIMITS.maxLines} records`);
    return { rows, errors };
  }
  const headerProblem = hostileStringProblem(lines[0] ?? '', ATTENDANCE_LIMITS.maxFieldChars * 5);
  if (headerProblem) {
    fail(1, 'header', headerProblem);
    return { rows, errors };
  }
  const header = splitCsvLine(lines[0] ?? '') ?? [];
  const col = new Map<string, number>();
  header.forEach((h, i) => {
    const key = HEADERS[h.toLowerCase().replace(/\s+/g, '')] ?? HEADERS[h];
    if (key && !col.has(key)) col.set(key, i);
  });
  const missing = (['agent', 'date', 'clockIn', 'clockOut'] as const).filter((k) => !col.has(k));
  if (missing.length) {
    fail(1, 'header', `the header lacks ${missing.join(', ')} (expected agent,date,clockIn,clockOut)`);
    return { rows, errors };
  }
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    if (raw.trim() === '') continue;
    const bad = hostileStringProblem(raw, ATTENDANCE_LIMITS.maxFieldChars * 5);
    if (bad) {
      fail(line, 'line', bad);
      continue;
    }
    const cells = splitCsvLine(raw);
    if (!cells) {
      fail(line, 'line', 'an unclosed double quote');
      continue;
    }
    const cell = (k: string) => cells[col.get(k)!] ?? '';
    const problems = ['agent', 'date', 'clockIn', 'clockOut'].flatMap((k) => {
      const v = cell(k);
      if (v === '') return [[k, 'empty']];
      if (v.length > ATTENDANCE_LIMITS.maxFieldChars)
        return [[k, `longer than ${ATTENDANCE_LIMITS.maxFieldChars} characters`]];
      return [];
    });
    problems.forEach(([k, m]) => fail(line, k!, m!));
    if (problems.length) continue;
    const date = cell('date');
    if (!isStrictDate(date)) {
      fail(line, 'date', `not a real day YYYY-MM-DD: ${date}`);
      continue;
    }
    const inSec = parseClockTime(cell('clockIn'));
    const outSec = parseClockTime(cell('clockOut'));
    if (inSec == null) fail(line, 'clockIn', `not a time HH:MM (00:00–23:59): ${cell('clockIn')}`);
    if (outSec == null) fail(line, 'clockOut', `not a time HH:MM (00:00–23:59): ${cell('clockOut')}`);
    if (inSec == null || outSec == null) continue;
    const clockIn = new Date(startOfLocalDay(date).getTime() + inSec * 1000);
    // China keeps no daylight saving, so the next day's midnight is 24 hours on.
    const outDay = outSec <= inSec ? addDays(date, 1) : date;
    const clockOut = new Date(startOfLocalDay(outDay).getTime() + outSec * 1000);
    const hours = (clockOut.getTime() - clockIn.getTime()) / 3600_000;
    if (hours > ATTENDANCE_LIMITS.maxHours) {
      fail(
        line,
        'clockOut',
        `${hours.toFixed(2)} hours after the clock-in (at most ${ATTENDANCE_LIMITS.maxHours})`,
      );
      continue;
    }
    if (clockOut > now) {
      fail(line, 'clockOut', `later than now (${localDateOf(now)}): attendance is what happened`);
      continue;
    }
    const who = resolve(cell('agent'), date);
    if ('error' in who) {
      fail(line, 'agent', who.error);
      continue;
    }
    rows.push({ line, agent: cell('agent'), memberId: who.memberId, date, clockIn, clockOut });
  }
  return { rows, errors };
}

export interface StoredAttendance {
  id: number;
  memberId: number;
  clockIn: Date;
  clockOut: Date;
}

/**
 * Rows overlapping another row of the file or a stored record of the same member are errors; a row equal to a
 * stored record (same member, clock-in and clock-out) is a repeat and is skipped, so a file can be re-imported.
 */
export function checkOverlaps(
  rows: ParsedAttendance[],
  stored: StoredAttendance[],
): { fresh: ParsedAttendance[]; repeats: number; errors: AttendanceError[] } {
  const errors: AttendanceError[] = [];
  const fresh: ParsedAttendance[] = [];
  let repeats = 0;
  const overlaps = (a: { clockIn: Date; clockOut: Date }, b: { clockIn: Date; clockOut: Date }) =>
    a.clockIn < b.clockOut && b.clockIn < a.clockOut;
  const same = (a: { clockIn: Date; clockOut: Date }, b: { clockIn: Date; clockOut: Date }) =>
    a.clockIn.getTime() === b.clockIn.getTime() && a.clockOut.getTime() === b.clockOut.getTime();
  const byMember = new Map<number, ParsedAttendance[]>();
  for (const r of rows) byMember.set(r.memberId, [...(byMember.get(r.memberId) ?? []), r]);
  const storedBy = new Map<number, StoredAttendance[]>();
  for (const s of stored) storedBy.set(s.memberId, [...(storedBy.get(s.memberId) ?? []), s]);
  const push = (e: AttendanceError) => errors.length < ATTENDANCE_LIMITS.maxErrors && errors.push(e);
  for (const [member, list] of byMember) {
    list.sort((a, b) => a.clockIn.getTime() - b.clockIn.getTime() || a.line - b.line);
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const r = list[i]!;
      if (overlaps(prev, r))
        push({ line: r.line, field: 'clockIn', message: `overlaps line ${prev.line} of the same agent` });
    }
    for (const r of list) {
      const hit = (storedBy.get(member) ?? []).find((s) => overlaps(s, r));
      if (!hit) fresh.push(r);
      else if (same(hit, r)) repeats++;
      else
        push({
          line: r.line,
          field: 'clockIn',
          message: `overlaps the stored record ${hit.id} (${hit.clockIn.toISOString()} – ${hit.clockOut.toISOString()})`,
        });
    }
  }
  fresh.sort((a, b) => a.line - b.line);
  return { fresh, repeats, errors: errors.sort((a, b) => a.line - b.line) };
}

export type DaySource = 'attendance' | 'rota';

export interface WorkedDay {
  agent: string;
  /** The work day: the local day a shift or record starts on. */
  date: LocalDate;
  source: DaySource;
  hours: number;
}

/**
 * What was worked: for each agent and work day (the day a shift starts), the attendance records when any were
 * clocked in that day, else the rota's shifts (already less recorded leave). A day with no record keeps the
 * rota: the clock system may not cover everyone, and an absence is recorded as leave, not inferred.
 */
export function workedShifts(
  planned: PlannedShift[],
  attendance: PlannedShift[],
): { shifts: PlannedShift[]; days: WorkedDay[] } {
  const key = (s: PlannedShift) => `${s.agent}\u0000${localDateOf(s.start)}`;
  const clocked = new Set(attendance.map(key));
  const shifts = [...planned.filter((s) => !clocked.has(key(s))), ...attendance].sort(
    (a, b) => a.agent.localeCompare(b.agent) || a.start.getTime() - b.start.getTime(),
  );
  const days = new Map<string, WorkedDay>();
  for (const s of shifts) {
    const k = key(s);
    const d = days.get(k) ?? {
      agent: s.agent,
      date: localDateOf(s.start),
      source: clocked.has(k) ? ('attendance' as const) : ('rota' as const),
      hours: 0,
    };
    d.hours += (s.end.getTime() - s.start.getTime()) / 3600_000;
    days.set(k, d);
  }
  return { shifts, days: [...days.values()] };
}

/** A correction of one stored record: the new clock-in and clock-out, checked as an imported line is. */
export interface AttendanceCorrection {
  clockIn: Date;
  clockOut: Date;
}

/**
 * What is wrong with a corrected record (the same rules as the import): a clock-out after the clock-in, at most
 * `maxHours` later, not in the future, and no overlap with the member's other records. Field names are the
 * request body's.
 */
export function correctionProblems(
  c: AttendanceCorrection,
  others: StoredAttendance[],
  now: Date,
): { field: string; message: string }[] {
  const hours = (c.clockOut.getTime() - c.clockIn.getTime()) / 3600_000;
  if (hours <= 0) return [{ field: 'clockOut', message: 'must be after clockIn' }];
  if (hours > ATTENDANCE_LIMITS.maxHours)
    return [
      {
        field: 'clockOut',
        message: `${hours.toFixed(2)} hours after the clock-in (at most ${ATTENDANCE_LIMITS.maxHours})`,
      },
    ];
  if (c.clockOut > now)
    return [
      { field: 'clockOut', message: `later than now (${now.toISOString()}): attendance is what happened` },
    ];
  const hit = others.find((s) => s.clockIn < c.clockOut && c.clockIn < s.clockOut);
  if (hit)
    return [
      {
        field: 'clockIn',
        message: `overlaps the stored record ${hit.id} (${hit.clockIn.toISOString()} – ${hit.clockOut.toISOString()})`,
      },
    ];
  return [];
}
