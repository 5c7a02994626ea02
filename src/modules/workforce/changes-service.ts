import { and, asc, eq, ne } from 'drizzle-orm';
import { localDateOf } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, forbidden, notFound, validationFailed, type FieldError } from '../../platform/errors.ts';
import { assessChangeNotice } from './change-notice.ts';
import type { HeadcountChangeInput, HeadcountChangePatch } from './model.ts';
import { headcountChanges } from './schema.ts';

export type HeadcountChange = typeof headcountChanges.$inferSelect;

/** Party A's consent is the office's to record (Luohe art. 7.2 需经甲方同意); the operator may only ask. */
const MAY_CONSENT = ['office', 'admin', 'system'];

type ChangeFields = Omit<HeadcountChange, 'id' | 'recordedBy' | 'recordedAt' | 'updatedAt'>;

async function checkChange(db: DbOrTx, c: ChangeFields, exceptId: number | null, now: Date) {
  const today = localDateOf(now);
  const bad: FieldError[] = [];
  if (c.consented && c.consentedOn === null)
    bad.push({ field: 'consentedOn', message: 'required when Party A consented' });
  if (!c.consented && c.consentedOn !== null)
    bad.push({ field: 'consented', message: 'must be true when consentedOn is given' });
  if (c.consentedOn !== null && c.consentedOn > today)
    bad.push({ field: 'consentedOn', message: 'cannot be in the future' });
  if (c.noticeGivenOn !== null && c.noticeGivenOn > today)
    bad.push({ field: 'noticeGivenOn', message: 'cannot be in the future' });
  if (bad.length) throw validationFailed(bad);
  if (!c.consented) return;
  // Two consented numbers for one day would leave the agreed headcount to the order of rows.
  const [other] = await db
    .select({ id: headcountChanges.id })
    .from(headcountChanges)
    .where(
      and(
        eq(headcountChanges.effectiveOn, c.effectiveOn),
        eq(headcountChanges.consented, true),
        exceptId === null ? undefined : ne(headcountChanges.id, exceptId),
      ),
    );
  if (other)
    throw conflict(
      'duplicate_effectiveOn',
      `A consented change (${other.id}) already takes effect on ${c.effectiveOn}`,
      `${c.effectiveOn} 已有经甲方同意的人数变更（${other.id}）`,
      { fields: [{ field: 'effectiveOn', message: 'a consented change already takes effect that day' }] },
    );
}

function checkMayConsent(actor: Actor, touchesConsent: boolean) {
  if (touchesConsent && !MAY_CONSENT.includes(actor.role))
    throw forbidden("Only the hotline office records Party A's consent", '甲方同意须由热线办记录');
}

/** 人员数量变化 — a change of the agreed headcount, asked by the operator or decided by Party A. */
export async function recordHeadcountChange(
  db: DbOrTx,
  actor: Actor,
  input: HeadcountChangeInput,
  now: Date,
) {
  checkMayConsent(actor, input.consented || input.consentedOn != null || input.consentRef != null);
  const fields: ChangeFields = {
    effectiveOn: input.effectiveOn,
    agreed: input.agreed,
    consented: input.consented,
    consentedOn: input.consentedOn ?? null,
    consentRef: input.consentRef ?? null,
    noticeGivenOn: input.noticeGivenOn ?? null,
    note: input.note ?? null,
  };
  await checkChange(db, fields, null, now);
  const [row] = await db
    .insert(headcountChanges)
    .values({ ...fields, recordedBy: actor.id, recordedAt: now, updatedAt: now })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'record',
    entity: 'headcount_change',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** Records Party A's consent (or its withdrawal), the notice date, or corrects the change; audited. */
export async function updateHeadcountChange(
  db: DbOrTx,
  actor: Actor,
  id: number,
  patch: HeadcountChangePatch,
  now: Date,
) {
  checkMayConsent(
    actor,
    patch.consented !== undefined || patch.consentedOn !== undefined || patch.consentRef !== undefined,
  );
  const [before] = await db.select().from(headcountChanges).where(eq(headcountChanges.id, id));
  if (!before) throw notFound(`Headcount change ${id}`, `人数变更 ${id} `);
  const keep = <T>(value: T | null | undefined, old: T | null): T | null =>
    value === undefined ? old : value;
  const consented = patch.consented ?? before.consented;
  const next: ChangeFields = {
    effectiveOn: patch.effectiveOn ?? before.effectiveOn,
    agreed: patch.agreed ?? before.agreed,
    consented,
    // Withdrawing consent clears its date unless one is given (which the check then refuses).
    consentedOn: consented ? keep(patch.consentedOn, before.consentedOn) : (patch.consentedOn ?? null),
    consentRef: keep(patch.consentRef, before.consentRef),
    noticeGivenOn: keep(patch.noticeGivenOn, before.noticeGivenOn),
    note: keep(patch.note, before.note),
  };
  await checkChange(db, next, id, now);
  const [after] = await db
    .update(headcountChanges)
    .set({ ...next, updatedAt: now })
    .where(eq(headcountChanges.id, id))
    .returning();
  await recordAudit(db, actor, now, {
    action: 'update',
    entity: 'headcount_change',
    entityId: id,
    before,
    after,
  });
  return after!;
}

/** Every change with its notice judged against the contract's notice period (null: no rule). */
export async function listHeadcountChanges(db: DbOrTx, noticeDays: number | null = null) {
  const rows = await db
    .select()
    .from(headcountChanges)
    .orderBy(asc(headcountChanges.effectiveOn), asc(headcountChanges.id));
  return rows.map((c) => ({ ...c, notice: assessChangeNotice(c, noticeDays) }));
}
