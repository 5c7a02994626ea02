import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../db/client.ts';
import { AppError } from './errors.ts';
import { signInFailures } from './schema.ts';
import { defineSetting } from './settings.ts';

export interface LockoutRule {
  /** Failed sign-ins to one account, within `lockMinutes` of each other, that lock it. */
  maxFailures: number;
  /** Failed sign-ins from one client address that lock that address (any account). */
  maxFailuresPerAddress: number;
  lockMinutes: number;
}

/**
 * 登录失败处理 — GB/T 22239-2019 8.1.4.1 b (level 3): "end the session, limit failed attempts and lock out".
 * The common assessment reading is 5 failures → 15 minutes for an account. An address gets more room: the
 * operator's 45 agents sign in from behind one NAT address, and one agent's typos must not lock the floor out.
 */
export const SIGN_IN_LOCKOUT = defineSetting<LockoutRule>({
  key: 'auth.lockout',
  default: { maxFailures: 5, maxFailuresPerAddress: 20, lockMinutes: 15 },
  schema: z.object({
    maxFailures: z.number().int().min(1).max(100),
    maxFailuresPerAddress: z.number().int().min(1).max(10_000),
    lockMinutes: z.number().int().min(1).max(1440),
  }),
  description: 'Failed sign-ins that lock an account (or a client address), and for how long.',
  descriptionZh: '登录失败多少次锁定账号（或来源地址）及锁定时长',
  source: 'GB/T 22239-2019 8.1.4.1 b (等保 2.0 level 3, login failure handling)',
});

export const accountKey = (username: string) => `user:${username.toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/** 429 with the seconds to wait, before any password is checked. */
export function lockedOut(until: Date, now: Date): AppError {
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError(
    'locked_out',
    429,
    'Too many failed sign-ins; try again later',
    '登录失败次数过多，账号已临时锁定，请稍后再试',
    { retryAfterSeconds: retryAfter },
  );
}

/** The latest lock still running on any of the keys, or null. */
export async function activeLock(db: DbOrTx, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db.select().from(signInFailures).where(inArray(signInFailures.key, keys));
  const until = rows
    .map((r) => r.lockedUntil)
    .filter((d): d is Date => !!d && d.getTime() > now.getTime())
    .sort((a, b) => b.getTime() - a.getTime());
  return until[0] ?? null;
}

/**
 * Counts one failure on a key; a failure more than `lockMinutes` after the previous one starts the count again.
 * Reaching `max` sets the lock. Returns whether the key is now locked.
 */
export async function countFailure(
  db: DbOrTx,
  key: string,
  max: number,
  lockMinutes: number,
  now: Date,
): Promise<boolean> {
  const windowStart = new Date(now.getTime() - lockMinutes * 60_000);
  const lockUntil = new Date(now.getTime() + lockMinutes * 60_000);
  const [row] = await db
    .insert(signInFailures)
    .values({ key, failures: 1, lastFailureAt: now, lockedUntil: max <= 1 ? lockUntil : null })
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        failures: sql`case when ${signInFailures.lastFailureAt} < ${windowStart} then 1 else ${signInFailures.failures} + 1 end`,
        lastFailureAt: now,
        lockedUntil: sql`case when (case when ${signInFailures.lastFailureAt} < ${windowStart} then 1 else ${signInFailures.failures} + 1 end) >= ${max} then ${lockUntil}::timestamptz else ${signInFailures.lockedUntil} end`,
      },
    })
    .returning();
  return !!row?.lockedUntil && row.lockedUntil.getTime() > now.getTime();
}

/** A successful sign-in clears the account's count (the address keeps its own). */
export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, key));
}

export interface PasswordPolicy {
  /** Days after which a password must be changed before signing in again; 0 = no limit. */
  maxAgeDays: number;
  /** Earlier passwords a change may not go back to. */
  history: number;
}

/**
 * 口令定期更换 — GB/T 22239-2019 8.1.4.1 a: passwords are complex and changed regularly. Age is off by default
 * (a city sets it, typically 90 days, before the assessment); history keeps the last 5 from coming back.
 */
export const PASSWORD_POLICY = defineSetting<PasswordPolicy>({
  key: 'auth.passwordPolicy',
  default: { maxAgeDays: 0, history: 5 },
  schema: z.object({
    maxAgeDays: z.number().int().min(0).max(3650),
    history: z.number().int().min(0).max(24),
  }),
  description: 'Maximum password age in days (0 = none) and how many earlier passwords may not be reused.',
  descriptionZh: '口令最长使用天数（0 为不限）及不得重复使用的历史口令个数',
  source: 'GB/T 22239-2019 8.1.4.1 a (等保 2.0 level 3, identification and authentication)',
});

/** The change time an administrator's "must change at next sign-in" sets: expired under any rule. */
export const PASSWORD_EXPIRED_AT = new Date(0);

/** Whether a password set at `changedAt` is past the policy's age at `now` (or was expired by an administrator). */
export function passwordExpired(changedAt: Date, policy: PasswordPolicy, now: Date): boolean {
  if (changedAt.getTime() <= PASSWORD_EXPIRED_AT.getTime()) return true;
  return policy.maxAgeDays > 0 && now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}
