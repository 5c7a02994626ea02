import { and, asc, eq, gte, isNull, lte, ne, or } from 'drizzle-orm';
import { peopleByIds } from '../directory/index.ts';
import type { LocalDate } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound, validationFailed } from '../../platform/errors.ts';
import {
  END_REASON_LABELS,
  TEAM_ROLE_LABELS,
  type EndMembershipInput,
  type EndReason,
  type MemberInput,
  type MemberPatch,
  type TeamRole,
} from './model.ts';
import { rosterMembers } from './schema.ts';

export type RosterMember = typeof rosterMembers.$inferSelect;

export function presentMember(m: RosterMember) {
  return {
    ...m,
    roleLabel: TEAM_ROLE_LABELS[m.role as TeamRole] ?? m.role,
    endReasonLabel: m.endReason ? (END_REASON_LABELS[m.endReason as EndReason] ?? m.endReason) : null,
  };
}

export async function getMember(db: DbOrTx, id: number): Promise<RosterMember> {
  const [m] = await db.select().from(rosterMembers).where(eq(rosterMembers.id, id));
  if (!m) throw notFound(`Team member ${id}`, `团队人员 ${id} `);
  return m;
}

/** The membership's dates hang together: an end on or after the start, and a reason exactly when it ended. */
function checkSpan(m: { startDate: string; endDate: string | null; endReason: string | null }) {
  if (m.endDate !== null && m.endDate < m.startDate)
    throw validationFailed([{ field: 'endDate', message: 'cannot be before startDate' }]);
  if (m.endDate !== null && m.endReason === null)
    throw validationFailed([{ field: 'endReason', message: 'required when the membership ends' }]);
  if (m.endDate === null && m.endReason !== null)
    throw validationFailed([{ field: 'endDate', message: 'required with endReason' }]);
}

/**
 * A platform user is one person: they may be on the team in several memberships, but never in two at once, or
 * the same person would count twice toward the 45.
 */
async function checkUserLink(
  db: DbOrTx,
  userId: number | null,
  span: { startDate: LocalDate; endDate: LocalDate | null },
  exceptId: number | null,
) {
  if (userId === null) return;
  const known = await peopleByIds(db, [userId]);
  if (!known.has(userId)) throw validationFailed([{ field: 'userId', message: `no user ${userId}` }]);
  const overlapping = await db
    .select({ id: rosterMembers.id })
    .from(rosterMembers)
    .where(
      and(
        eq(rosterMembers.userId, userId),
        exceptId === null ? undefined : ne(rosterMembers.id, exceptId),
        or(isNull(rosterMembers.endDate), gte(rosterMembers.endDate, span.startDate)),
        span.endDate === null ? undefined : lte(rosterMembers.startDate, span.endDate),
      ),
    );
  if (overlapping.length)
    throw conflict(
      'user_already_on_team',
      `User ${userId} is on the team in membership ${overlapping[0]!.id} over these dates`,
      `该用户在这段时间已在团队名册中（记录 ${overlapping[0]!.id}）`,
      { fields: [{ field: 'userId', message: 'already on the team over these dates' }] },
    );
}

/** 人员入职 — a person joins the operator's team. */
export async function addMember(db: DbOrTx, actor: Actor, input: MemberInput, now: Date) {
  const span = { startDate: input.startDate, endDate: null };
  await checkUserLink(db, input.userId ?? null, span, null);
  const [row] = await db
    .insert(rosterMembers)
    .values({
      name: input.name,
      userId: input.userId ?? null,
      role: input.role,
      startDate: input.startDate,
      note: input.note ?? null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'add',
    entity: 'roster_member',
    entityId: row!.id,
    after: row,
  });
  return presentMember(row!);
}

/**
 * Corrects a membership. Nothing is deleted: a wrong end is undone by setting `endDate` to null, and every
 * edit keeps its before and after in the audit log.
 */
export async function updateMember(db: DbOrTx, actor: Actor, id: number, patch: MemberPatch, now: Date) {
  const before = await getMember(db, id);
  const reopening = patch.endDate === null;
  const next = {
    name: patch.name ?? before.name,
    userId: patch.userId === undefined ? before.userId : patch.userId,
    role: patch.role ?? before.role,
    startDate: patch.startDate ?? before.startDate,
    endDate: patch.endDate === undefined ? before.endDate : patch.endDate,
    endReason: reopening ? null : patch.endReason === undefined ? before.endReason : patch.endReason,
    note: patch.note === undefined ? before.note : patch.note,
  };
  checkSpan(next);
  await checkUserLink(db, next.userId, next, id);
  const [after] = await db
    .update(rosterMembers)
    .set({ ...next, updatedAt: now })
    .where(eq(rosterMembers.id, id))
    .returning();
  await recordAudit(db, actor, now, {
    action: 'update',
    entity: 'roster_member',
    entityId: id,
    before,
    after,
  });
  return presentMember(after!);
}

/** 人员离岗 — the member's last day on the team and why (Sanmenxia art. 13.4: 调岗、辞职、辞退). */
export async function endMembership(
  db: DbOrTx,
  actor: Actor,
  id: number,
  input: EndMembershipInput,
  now: Date,
) {
  const before = await getMember(db, id);
  if (before.endDate !== null)
    throw conflict(
      'membership_ended',
      `Membership ${id} already ended on ${before.endDate}; correct it with an edit`,
      `该人员已于 ${before.endDate} 离岗，如需更正请编辑`,
    );
  checkSpan({ startDate: before.startDate, endDate: input.endDate, endReason: input.endReason });
  const [after] = await db
    .update(rosterMembers)
    .set({
      endDate: input.endDate,
      endReason: input.endReason,
      note: input.note ?? before.note,
      updatedAt: now,
    })
    .where(eq(rosterMembers.id, id))
    .returning();
  await recordAudit(db, actor, now, { action: 'end', entity: 'roster_member', entityId: id, before, after });
  return presentMember(after!);
}

/** The roster, or the members on the team on one day. */
export async function listMembers(db: DbOrTx, filter: { on?: LocalDate } = {}) {
  const rows = await db
    .select()
    .from(rosterMembers)
    .where(
      filter.on
        ? and(
            lte(rosterMembers.startDate, filter.on),
            or(isNull(rosterMembers.endDate), gte(rosterMembers.endDate, filter.on)),
          )
        : undefined,
    )
    .orderBy(asc(rosterMembers.startDate), asc(rosterMembers.id));
  const people = await peopleByIds(
    db,
    rows.flatMap((m) => (m.userId === null ? [] : [m.userId])),
  );
  return rows.map((m) => ({
    ...presentMember(m),
    username: m.userId === null ? null : (people.get(m.userId)?.username ?? null),
  }));
}
