import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import { activeKeyring } from '../../platform/keyring.ts';
import type { SealSpec } from '../../platform/reseal.ts';
import { readSetting } from '../../platform/settings.ts';
import { sessions } from '../../platform/schema.ts';
import { open, sealNullable } from '../../platform/sm-crypto.ts';
import {
  checkTotp,
  newRecoveryCodes,
  newTotpSecret,
  recoveryDigest,
  TOTP_POLICY,
  totpUri,
} from '../../platform/totp.ts';
import { users } from './schema.ts';
import { getUser, type User } from './users-service.ts';

const SECRET_CONTEXT = 'users.totp_secret';
const PENDING_CONTEXT = 'users.totp_pending_secret';

/** The TOTP secrets are sealed at rest like personal data, so key rotation re-seals them too. */
export const USER_SEAL_SPEC: SealSpec = {
  table: 'users',
  columns: [
    { name: 'totp_secret', context: SECRET_CONTEXT },
    { name: 'totp_pending_secret', context: PENDING_CONTEXT },
  ],
};

export const hasSecondFactor = (u: User) => u.totpSecret != null;

/** Whether the policy makes the second factor compulsory for this user's role. */
export async function secondFactorRequired(db: DbOrTx, u: User): Promise<boolean> {
  const policy = await readSetting(db, TOTP_POLICY);
  return (policy.requiredRoles as string[]).includes(u.role);
}

export async function secondFactorStatus(db: DbOrTx, userId: number) {
  const u = await getUser(db, userId);
  return {
    enabled: hasSecondFactor(u),
    pending: u.totpPendingSecret != null,
    required: await secondFactorRequired(db, u),
    enabledAt: u.totpEnabledAt,
    recoveryCodesLeft: u.totpRecoveryCodes.length,
  };
}

/** Starts enrolment: a fresh secret, kept sealed as pending until a code from it is confirmed. */
export async function enrolSecondFactor(db: DbOrTx, actor: Actor, now: Date) {
  const u = await getUser(db, actor.id!);
  if (hasSecondFactor(u))
    throw new AppError(
      'totp_already_enabled',
      409,
      'A second factor is already set up; an administrator resets it first',
      '已绑定动态口令，如需更换请联系系统管理员重置',
    );
  const secret = newTotpSecret();
  await db
    .update(users)
    .set({ totpPendingSecret: sealNullable(activeKeyring(), secret, PENDING_CONTEXT) })
    .where(eq(users.id, u.id));
  await recordAudit(db, actor, now, { action: 'totp_enrol', entity: 'user', entityId: u.id });
  return { secret, otpauthUri: totpUri(u.username, secret), digits: 6, period: 30 };
}

/** Confirms enrolment with a code from the app; answers the recovery codes, shown this once. */
export async function confirmSecondFactor(db: DbOrTx, actor: Actor, code: string, now: Date) {
  const u = await getUser(db, actor.id!);
  const pending = open(activeKeyring(), u.totpPendingSecret, PENDING_CONTEXT);
  if (!pending)
    throw new AppError('totp_not_enrolling', 409, 'Start enrolment first', '请先获取二维码再输入动态口令');
  const step = await checkTotp(pending, code, now, null);
  if (step == null) throw validationFailed([{ field: 'code', message: 'wrong or expired code' }]);
  const codes = newRecoveryCodes();
  await db
    .update(users)
    .set({
      totpSecret: sealNullable(activeKeyring(), pending, SECRET_CONTEXT),
      totpPendingSecret: null,
      totpEnabledAt: now,
      totpLastStep: step,
      totpRecoveryCodes: codes.map(recoveryDigest),
    })
    .where(eq(users.id, u.id));
  await recordAudit(db, actor, now, { action: 'totp_enabled', entity: 'user', entityId: u.id });
  return { enabled: true, recoveryCodes: codes };
}

/** New recovery codes (the old ones stop working), against a current code. */
export async function renewRecoveryCodes(db: DbOrTx, actor: Actor, code: string, now: Date) {
  const u = await getUser(db, actor.id!);
  if (!hasSecondFactor(u))
    throw new AppError('totp_not_enabled', 409, 'No second factor is set up', '尚未绑定动态口令');
  if (!(await acceptCode(db, u, code, now)))
    throw validationFailed([{ field: 'code', message: 'wrong or expired code' }]);
  const codes = newRecoveryCodes();
  await db
    .update(users)
    .set({ totpRecoveryCodes: codes.map(recoveryDigest) })
    .where(eq(users.id, u.id));
  await recordAudit(db, actor, now, { action: 'totp_recovery_renewed', entity: 'user', entityId: u.id });
  return { enabled: true, recoveryCodes: codes };
}

/**
 * Accepts a 6-digit code (once per time step) or an unused recovery code (then spent). The row is updated
 * conditionally, so two requests racing with the same code cannot both pass. Returns how it passed, or null.
 */
export async function acceptCode(
  db: DbOrTx,
  u: User,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery' | null> {
  const secret = open(activeKeyring(), u.totpSecret, SECRET_CONTEXT);
  if (!secret) return null;
  const typed = code.trim();
  if (/^\d{6}$/.test(typed)) {
    const step = await checkTotp(secret, typed, now, u.totpLastStep);
    if (step == null) return null;
    const moved = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, u.id), sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`))
      .returning({ id: users.id });
    return moved.length ? 'totp' : null;
  }
  const digest = recoveryDigest(typed);
  if (!u.totpRecoveryCodes.includes(digest)) return null;
  const spent = await db
    .update(users)
    .set({ totpRecoveryCodes: u.totpRecoveryCodes.filter((d) => d !== digest) })
    .where(and(eq(users.id, u.id), sql`${users.totpRecoveryCodes} @> ${JSON.stringify([digest])}::jsonb`))
    .returning({ id: users.id });
  return spent.length ? 'recovery' : null;
}

/** An administrator removes a user's second factor (lost phone, no codes left); their sessions end. */
export async function resetSecondFactor(db: DbOrTx, actor: Actor, userId: number, now: Date) {
  const u = await getUser(db, userId);
  await db
    .update(users)
    .set({
      totpSecret: null,
      totpPendingSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      totpRecoveryCodes: [],
    })
    .where(eq(users.id, u.id));
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, u.id), isNull(sessions.revokedAt)));
  await recordAudit(db, actor, now, {
    action: 'totp_reset',
    entity: 'user',
    entityId: u.id,
    before: { enabled: hasSecondFactor(u) },
    after: { enabled: false },
  });
  return {
    enabled: false,
    pending: false,
    required: await secondFactorRequired(db, u),
    enabledAt: null,
    recoveryCodesLeft: 0,
  };
}
