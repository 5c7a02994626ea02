import { and, asc, eq, gte, isNull, lt, lte, ne } from 'drizzle-orm';
import type { LocalDate } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound, validationFailed } from '../../platform/errors.ts';
import { getMember } from './members-service.ts';
import { ABSENCE_KIND_LABELS, type AbsenceInput, type AbsenceKind, type AbsencePatch } from './model.ts';
import { rosterAbsences } from './schema.ts';

export type Absence = typeof rosterAbsences.$inferSelect;

const present = (a: Absence) => ({ ...a, kindLabel: ABSENCE_KIND_LABELS[a.kind as AbsenceKind] ?? a.kind });

/** An absence lies within the membership and does not overlap another of the same member. */
async function checkAbsence(
  db: DbOrTx,
  a: { memberId: number; fromDate: LocalDate; toDate: LocalDate },
  exceptId: number | null,
) {
  if (a.toDate < a.fromDate)
    throw validationFailed([{ field: 'toDate', message: 'cannot be before fromDate' }]);
  const m = await getMember(db, a.memberId).catch(() => null);
  if (!m) throw validationFailed([{ field: 'memberId', message: `no team member ${a.memberId}` }]);
  if (a.fromDate < m.startDate)
    throw validationFailed([{ field: 'fromDate', message: `before the member started (${m.startDate})` }]);
  if (m.endDate !== null && a.toDate > m.endDate)
    throw validationFailed([{ field: 'toDate', message: `after the member's last day (${m.endDate})` }]);
  const [other] = await db
    .select({ id: rosterAbsences.id })
    .from(rosterAbsences)
    .where(
      and(
        eq(rosterAbsences.memberId, a.memberId),
        isNull(rosterAbsences.cancelledAt),
        lte(rosterAbsences.fromDate, a.toDate),
        gte(rosterAbsences.toDate, a.fromDate),
        exceptId === null ? undefined : ne(rosterAbsences.id, exceptId),
      ),
    );
  if (other)
    throw conflict(
      'absence_overlaps',
      `Overlaps absence ${other.id}`,
      `与已登记的请假/病休（${other.id}）重叠`,
      {
        fields: [{ field: 'fromDate', message: `overlaps absence ${other.id}` }],
      },
    );
}

async function getAbsence(db: DbOrTx, id: number): Promise<Absence> {
  const [a] = await db.select().from(rosterAbsences).where(eq(rosterAbsences.id, id));
  if (!a) throw notFound(`Absence ${id}`, `请假记录 ${id} `);
  return a;
}

/** 请假、病休 — a member's absence, which counts against "present" under that reading (Sanmenxia art. 13.4). */
export async function recordAbsence(db: DbOrTx, actor: Actor, input: AbsenceInput, now: Date) {
  await checkAbsence(db, input, null);
  const [row] = await db
    .insert(rosterAbsences)
    .values({ ...input, note: input.note ?? null, recordedBy: actor.id, recordedAt: now, updatedAt: now })
    .returning();
  await recordAudit(db, actor, now, { action: 'record', entity: 'absence', entityId: row!.id, after: row });
  return present(row!);
}

export async function updateAbsence(db: DbOrTx, actor: Actor, id: number, patch: AbsencePatch, now: Date) {
  const before = await getAbsence(db, id);
  if (before.cancelledAt) throw conflict('absence_cancelled', `Absence ${id} is cancelled`, '该记录已撤销');
  const next = {
    kind: patch.kind ?? before.kind,
    fromDate: patch.fromDate ?? before.fromDate,
    toDate: patch.toDate ?? before.toDate,
    note: patch.note === undefined ? before.note : patch.note,
  };
  await checkAbsence(db, { memberId: before.memberId, ...next }, id);
  const [after] = await db
    .update(rosterAbsences)
    .set({ ...next, updatedAt: now })
    .where(eq(rosterAbsences.id, id))
    .returning();
  await recordAudit(db, actor, now, { action: 'update', entity: 'absence', entityId: id, before, after });
  return present(after!);
}

/** An absence recorded in error is cancelled, not deleted: it stays on file and stops counting. */
export async function cancelAbsence(db: DbOrTx, actor: Actor, id: number, now: Date) {
  const before = await getAbsence(db, id);
  if (before.cancelledAt) throw conflict('absence_cancelled', `Absence ${id} is cancelled`, '该记录已撤销');
  const [after] = await db
    .update(rosterAbsences)
    .set({ cancelledAt: now, cancelledBy: actor.id, updatedAt: now })
    .where(eq(rosterAbsences.id, id))
    .returning();
  await recordAudit(db, actor, now, { action: 'cancel', entity: 'absence', entityId: id, before, after });
  return present(after!);
}

/** Absences, of one member or overlapping [from, to). */
export async function listAbsences(
  db: DbOrTx,
  filter: { memberId?: number; from?: LocalDate; to?: LocalDate },
) {
  const rows = await db
    .select()
    .from(rosterAbsences)
    .where(
      and(
        filter.memberId === undefined ? undefined : eq(rosterAbsences.memberId, filter.memberId),
        filter.to === undefined ? undefined : lt(rosterAbsences.fromDate, filter.to),
        filter.from === undefined ? undefined : gte(rosterAbsences.toDate, filter.from),
      ),
    )
    .orderBy(asc(rosterAbsences.fromDate), asc(rosterAbsences.id));
  return rows.map(present);
}
