import { and, desc, eq } from 'drizzle-orm';
import { localDateOf, type LocalDate } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound, validationFailed } from '../../platform/errors.ts';
import { endMembership, getMember } from './members-service.ts';
import type { FulfilReplacementInput, ReplacementRequestInput } from './model.ts';
import { assessReplacement, type ReplacementStatus } from './replacements.ts';
import { replacementRequests, rosterMembers } from './schema.ts';

export type ReplacementRequest = typeof replacementRequests.$inferSelect;

async function getRequest(db: DbOrTx, id: number): Promise<ReplacementRequest> {
  const [r] = await db.select().from(replacementRequests).where(eq(replacementRequests.id, id));
  if (!r) throw notFound(`Replacement request ${id}`, `更换要求 ${id} `);
  return r;
}

function requireOpen(r: ReplacementRequest) {
  if (r.status !== 'open')
    throw conflict('request_closed', `Replacement request ${r.id} is ${r.status}`, '该更换要求已办结或撤回');
}

function replacementUsed(memberId: number, requestId: number | null) {
  const where = requestId === null ? 'another request' : `request ${requestId}`;
  return conflict(
    'replacement_used',
    `Member ${memberId} is already named in ${where}`,
    '该人员已用于另一次更换',
    {
      fields: [{ field: 'replacementMemberId', message: `already named in ${where}` }],
    },
  );
}

/** 要求调整不能胜任的人员 — Party A asks for an unfit member to be replaced (Sanmenxia art. 12.2). */
export async function requestReplacement(
  db: DbOrTx,
  actor: Actor,
  input: ReplacementRequestInput,
  now: Date,
) {
  if (input.requestedOn > localDateOf(now))
    throw validationFailed([{ field: 'requestedOn', message: 'cannot be in the future' }]);
  const m = await getMember(db, input.memberId).catch(() => null);
  if (!m) throw validationFailed([{ field: 'memberId', message: `no team member ${input.memberId}` }]);
  if (input.requestedOn < m.startDate || (m.endDate !== null && input.requestedOn > m.endDate))
    throw validationFailed([{ field: 'memberId', message: `not on the team on ${input.requestedOn}` }]);
  const [pending] = await db
    .select({ id: replacementRequests.id })
    .from(replacementRequests)
    .where(and(eq(replacementRequests.memberId, m.id), eq(replacementRequests.status, 'open')));
  if (pending)
    throw conflict(
      'request_open',
      `Request ${pending.id} for this member is open`,
      `该人员已有未办结的更换要求（${pending.id}）`,
      {
        fields: [{ field: 'memberId', message: `request ${pending.id} is open` }],
      },
    );
  const [row] = await db
    .insert(replacementRequests)
    .values({
      memberId: m.id,
      requestedOn: input.requestedOn,
      reason: input.reason,
      documentRef: input.documentRef ?? null,
      recordedBy: actor.id,
      recordedAt: now,
    })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'request',
    entity: 'replacement_request',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/**
 * The operator names who replaced the unfit member; if the unfit member is still on the team their membership
 * ends here (reason `replaced_at_request`), in the same transaction. The replacement must have joined on or
 * after the request: someone already counted in the team replaces no one.
 */
export async function fulfilReplacement(
  db: DbOrTx,
  actor: Actor,
  id: number,
  input: FulfilReplacementInput,
  now: Date,
) {
  const before = await getRequest(db, id);
  requireOpen(before);
  if (input.replacementMemberId === before.memberId)
    throw validationFailed([{ field: 'replacementMemberId', message: 'is the member to be replaced' }]);
  const next = await getMember(db, input.replacementMemberId).catch(() => null);
  if (!next)
    throw validationFailed([
      { field: 'replacementMemberId', message: `no team member ${input.replacementMemberId}` },
    ]);
  if (next.startDate < before.requestedOn)
    throw validationFailed([
      { field: 'replacementMemberId', message: `joined on ${next.startDate}, before the request` },
    ]);
  const [used] = await db
    .select({ id: replacementRequests.id })
    .from(replacementRequests)
    .where(eq(replacementRequests.replacementMemberId, next.id));
  if (used) throw replacementUsed(next.id, used.id);
  const old = await getMember(db, before.memberId);
  if (old.endDate === null) {
    if (!input.endDate)
      throw validationFailed([
        { field: 'endDate', message: 'the member to be replaced is still on the team' },
      ]);
    if (input.endDate < before.requestedOn)
      throw validationFailed([{ field: 'endDate', message: `before the request (${before.requestedOn})` }]);
    await endMembership(db, actor, old.id, { endDate: input.endDate, endReason: 'replaced_at_request' }, now);
  } else if (input.endDate && input.endDate !== old.endDate) {
    throw validationFailed([
      { field: 'endDate', message: `the member's last day is already ${old.endDate}` },
    ]);
  }
  try {
    const [after] = await db
      .update(replacementRequests)
      .set({
        status: 'fulfilled',
        replacementMemberId: next.id,
        fulfilledAt: now,
        fulfilledBy: actor.id,
        note: input.note ?? before.note,
      })
      .where(eq(replacementRequests.id, id))
      .returning();
    await recordAudit(db, actor, now, {
      action: 'fulfil',
      entity: 'replacement_request',
      entityId: id,
      before,
      after,
    });
    return after!;
  } catch (err) {
    if (isUniqueViolation(err)) throw replacementUsed(next.id, null);
    throw err;
  }
}

export async function withdrawReplacement(db: DbOrTx, actor: Actor, id: number, note: string, now: Date) {
  const before = await getRequest(db, id);
  requireOpen(before);
  const [after] = await db
    .update(replacementRequests)
    .set({ status: 'withdrawn', withdrawnAt: now, withdrawnBy: actor.id, note })
    .where(eq(replacementRequests.id, id))
    .returning();
  await recordAudit(db, actor, now, {
    action: 'withdraw',
    entity: 'replacement_request',
    entityId: id,
    before,
    after,
  });
  return after!;
}

/** Every request with the 3-day rule applied as of `asOf` (limitDays null: the contract sets no limit). */
export async function listReplacementRequests(db: DbOrTx, asOf: LocalDate, limitDays: number | null) {
  const [requests, members] = await Promise.all([
    db
      .select()
      .from(replacementRequests)
      .orderBy(desc(replacementRequests.requestedOn), desc(replacementRequests.id)),
    db.select().from(rosterMembers),
  ]);
  const byId = new Map(members.map((m) => [m.id, m]));
  return requests.map((r) => {
    const member = byId.get(r.memberId)!;
    const replacement = r.replacementMemberId === null ? null : byId.get(r.replacementMemberId)!;
    const assessment = assessReplacement(
      {
        requestedOn: r.requestedOn,
        status: r.status as ReplacementStatus,
        memberEndDate: member.endDate,
        replacementStartDate: replacement?.startDate ?? null,
      },
      limitDays,
      asOf,
    );
    return {
      ...r,
      memberName: member.name,
      replacementName: replacement?.name ?? null,
      ...assessment,
    };
  });
}
