import { and, asc, gte, inArray, lt } from 'drizzle-orm';
import { type LocalDate, startOfLocalDay } from '../../calendar/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { validationFailed } from '../../platform/errors.ts';
import { type AttendanceError, checkOverlaps, parseAttendanceCsv, type ResolveAgent } from './attendance.ts';
import { listMembers } from './members-service.ts';
import { attendanceRecords } from './schema.ts';

type Member = Awaited<ReturnType<typeof listMembers>>[number];

/** `12`, `member-12`, the linked user name, or a name unique among the members on the team that day. */
export function memberResolver(members: Member[]): ResolveAgent {
  const onTeam = (m: Member, d: LocalDate) => m.startDate <= d && (m.endDate == null || m.endDate >= d);
  return (key, date) => {
    const id = /^(?:member-)?(\d{1,9})$/.exec(key);
    const found = id
      ? members.filter((m) => m.id === Number(id[1]))
      : members.filter((m) => m.username === key || m.name === key);
    if (!found.length) return { error: `no team member ${key}` };
    const that = found.filter((m) => onTeam(m, date));
    if (!that.length) return { error: `${key} is not on the team on ${date}` };
    if (that.length > 1)
      return { error: `${that.length} members named ${key} on ${date}: use the member id (member-N)` };
    return { memberId: that[0]!.id };
  };
}

const asFields = (errors: AttendanceError[]) =>
  errors.map((e) => ({ field: e.line ? `line ${e.line}.${e.field}` : e.field, message: e.message }));

/**
 * Imports a clock system's CSV (attendance.ts): all records or none. A repeat of a stored record is skipped, so
 * the same file can be imported twice; anything impossible, unknown or overlapping refuses the file with a 400
 * naming each line and field.
 */
export async function importAttendance(db: DbOrTx, actor: Actor, csv: string, now: Date) {
  const resolve = memberResolver(await listMembers(db));
  const parsed = parseAttendanceCsv(csv, resolve, now);
  if (parsed.errors.length) throw validationFailed(asFields(parsed.errors));
  if (!parsed.rows.length) throw validationFailed([{ field: 'file', message: 'no attendance records' }]);
  const ids = [...new Set(parsed.rows.map((r) => r.memberId))];
  const first = Math.min(...parsed.rows.map((r) => r.clockIn.getTime()));
  const last = Math.max(...parsed.rows.map((r) => r.clockOut.getTime()));
  const stored = await db
    .select({
      id: attendanceRecords.id,
      memberId: attendanceRecords.memberId,
      clockIn: attendanceRecords.clockIn,
      clockOut: attendanceRecords.clockOut,
    })
    .from(attendanceRecords)
    .where(
      and(
        inArray(attendanceRecords.memberId, ids),
        lt(attendanceRecords.clockIn, new Date(last)),
        // A stored record overlapping the file starts at most maxHours before its first clock-in.
        gte(attendanceRecords.clockIn, new Date(first - 24 * 3600_000)),
      ),
    );
  const { fresh, repeats, errors } = checkOverlaps(parsed.rows, stored);
  if (errors.length) throw validationFailed(asFields(errors));
  for (let i = 0; i < fresh.length; i += 1000)
    await db.insert(attendanceRecords).values(
      fresh.slice(i, i + 1000).map((r) => ({
        memberId: r.memberId,
        workDate: r.date,
        clockIn: r.clockIn,
        clockOut: r.clockOut,
        importedBy: actor.id,
        importedAt: now,
      })),
    );
  const days = parsed.rows.map((r) => r.date).sort();
  const summary = {
    imported: fresh.length,
    repeats,
    members: ids.length,
    from: days[0]!,
    to: days.at(-1)!,
  };
  await recordAudit(db, actor, now, { action: 'import', entity: 'attendance', after: summary });
  return summary;
}

/** The attendance records with a clock-in on a day in [from, to), with the member's name. */
export async function listAttendance(db: DbOrTx, from: LocalDate, to: LocalDate, memberIds?: number[]) {
  const rows = await db
    .select()
    .from(attendanceRecords)
    .where(
      and(
        gte(attendanceRecords.clockIn, startOfLocalDay(from)),
        lt(attendanceRecords.clockIn, startOfLocalDay(to)),
        memberIds ? inArray(attendanceRecords.memberId, memberIds.length ? memberIds : [-1]) : undefined,
      ),
    )
    .orderBy(asc(attendanceRecords.clockIn), asc(attendanceRecords.memberId));
  const names = new Map((await listMembers(db)).map((m) => [m.id, m.name]));
  return rows.map((r) => ({
    id: r.id,
    memberId: r.memberId,
    name: names.get(r.memberId) ?? String(r.memberId),
    workDate: r.workDate,
    clockIn: r.clockIn,
    clockOut: r.clockOut,
    hours: Math.round(((r.clockOut.getTime() - r.clockIn.getTime()) / 3600_000) * 100) / 100,
  }));
}
