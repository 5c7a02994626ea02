import { and, desc, eq, gte, lt, ne } from 'drizzle-orm';
import { type LocalDate, localDateOf } from '../../calendar/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import { peopleByIds } from '../directory/index.ts';
import { type AttendanceCorrection, correctionProblems } from './attendance.ts';
import { listMembers } from './members-service.ts';
import { attendanceChanges, attendanceRecords } from './schema.ts';

const times = (r: { clockIn: Date; clockOut: Date }) => ({
  clockIn: r.clockIn.toISOString(),
  clockOut: r.clockOut.toISOString(),
});

async function lockedRecord(db: DbOrTx, id: number) {
  const [row] = await db.select().from(attendanceRecords).where(eq(attendanceRecords.id, id)).for('update');
  if (!row) throw notFound(`Attendance record ${id}`, '考勤记录');
  return row;
}

/**
 * 更正考勤: new clock-in and clock-out for a stored record, checked as an import is (attendance.ts), kept in the
 * change history with the reason and audited. Pay reads the records, so it follows on the next request.
 */
export async function correctAttendance(
  db: DbOrTx,
  actor: Actor,
  id: number,
  change: AttendanceCorrection & { reason: string },
  now: Date,
) {
  const row = await lockedRecord(db, id);
  // A stored record overlapping the corrected one starts at most a day (> maxHours) before its clock-in.
  const others = await db
    .select({
      id: attendanceRecords.id,
      memberId: attendanceRecords.memberId,
      clockIn: attendanceRecords.clockIn,
      clockOut: attendanceRecords.clockOut,
    })
    .from(attendanceRecords)
    .where(
      and(
        eq(attendanceRecords.memberId, row.memberId),
        ne(attendanceRecords.id, id),
        lt(attendanceRecords.clockIn, change.clockOut),
        gte(attendanceRecords.clockIn, new Date(change.clockIn.getTime() - 24 * 3600_000)),
      ),
    );
  const problems = correctionProblems(change, others, now);
  if (problems.length) throw validationFailed(problems);
  const workDate = localDateOf(change.clockIn);
  await db
    .update(attendanceRecords)
    .set({ clockIn: change.clockIn, clockOut: change.clockOut, workDate })
    .where(eq(attendanceRecords.id, id));
  const before = times(row);
  const after = times(change);
  await db.insert(attendanceChanges).values({
    recordId: id,
    memberId: row.memberId,
    workDate: row.workDate,
    action: 'correct',
    before,
    after,
    reason: change.reason,
    changedBy: actor.id,
    changedAt: now,
  });
  await recordAudit(db, actor, now, {
    action: 'correct',
    entity: 'attendance',
    entityId: id,
    before: { ...before, memberId: row.memberId },
    after: { ...after, memberId: row.memberId, reason: change.reason },
  });
  return { id, memberId: row.memberId, workDate, ...change, reason: change.reason };
}

/** 删除考勤: the record goes (pay falls back to the rota for that day); its history and the audit entry stay. */
export async function deleteAttendance(db: DbOrTx, actor: Actor, id: number, reason: string, now: Date) {
  const row = await lockedRecord(db, id);
  await db.delete(attendanceRecords).where(eq(attendanceRecords.id, id));
  const before = times(row);
  await db.insert(attendanceChanges).values({
    recordId: id,
    memberId: row.memberId,
    workDate: row.workDate,
    action: 'delete',
    before,
    after: null,
    reason,
    changedBy: actor.id,
    changedAt: now,
  });
  await recordAudit(db, actor, now, {
    action: 'delete',
    entity: 'attendance',
    entityId: id,
    before: { ...before, memberId: row.memberId },
    after: { reason },
  });
  return { id, deleted: true as const };
}

/** The corrections and deletions of records whose (original) work day is in [from, to), newest first. */
export async function listAttendanceChanges(db: DbOrTx, from: LocalDate, to: LocalDate) {
  const rows = await db
    .select()
    .from(attendanceChanges)
    .where(and(gte(attendanceChanges.workDate, from), lt(attendanceChanges.workDate, to)))
    .orderBy(desc(attendanceChanges.changedAt), desc(attendanceChanges.id))
    .limit(1000);
  const names = new Map((await listMembers(db)).map((m) => [m.id, m.name]));
  const people = await peopleByIds(
    db,
    rows.flatMap((c) => (c.changedBy == null ? [] : [c.changedBy])),
  );
  return rows.map((c) => ({
    id: c.id,
    recordId: c.recordId,
    memberId: c.memberId,
    name: names.get(c.memberId) ?? String(c.memberId),
    workDate: c.workDate,
    action: c.action,
    before: c.before,
    after: c.after,
    reason: c.reason,
    changedBy: c.changedBy == null ? '系统' : (people.get(c.changedBy)?.username ?? String(c.changedBy)),
    changedAt: c.changedAt,
  }));
}
