import { hash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { CITIZEN_ACTOR, type Actor, type SessionRestriction } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { cached, cachesEnabled, dropLocal, invalidate } from '../../platform/cache.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import {
  accountKey,
  activeLock,
  addressKey,
  clearFailures,
  countFailure,
  lockedOut,
  PASSWORD_POLICY,
  type PasswordPolicy,
  passwordExpired,
  SIGN_IN_LOCKOUT,
} from '../../platform/lockout.ts';
import { passwordProblem, verifyPassword } from '../../platform/passwords.ts';
import { readSetting, readSettingsOf, type SettingDefinition } from '../../platform/settings.ts';
import { TOTP_POLICY, type TotpPolicy } from '../../platform/totp.ts';
import { sessions } from '../../platform/schema.ts';
import { acceptCode, hasSecondFactor } from './second-factor.ts';
import { users } from './schema.ts';
import { actorOf, findUserByUsername, newPasswordFields, presentUser } from './users-service.ts';

// One-shot hash (no Hash object per request: the session check runs on every request); the same hex digest.
const hashToken = (token: string) => hash('sha256', token, 'hex');

// Verifying against a real hash when the user does not exist keeps the response time from revealing which
// usernames exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** Where a sign-in came from, for the lockout and the audit trail. */
export interface SignInClient {
  ip: string;
  userAgent: string | null;
}

/**
 * Checks a name and password behind the lockout (GB/T 22239-2019 8.1.4.1 b): a locked account or address is
 * refused before any password is checked; every failure is counted and audited with the client's address and
 * user agent. Returns the user on success.
 */
async function checkCredentials(
  db: DbOrTx,
  username: string,
  password: string,
  now: Date,
  client: SignInClient,
  code?: string,
  allowExpired = false,
) {
  const rule = await readSetting(db, SIGN_IN_LOCKOUT);
  const keys = [accountKey(username), addressKey(client.ip)];
  const user = await findUserByUsername(db, username);
  const who = user ? actorOf(user) : CITIZEN_ACTOR;
  const where = { username, ip: client.ip, userAgent: client.userAgent };
  const lock = await activeLock(db, keys, now);
  if (lock) {
    await recordAudit(db, who, now, {
      action: 'login_locked',
      entity: 'user',
      entityId: user?.id,
      after: where,
    });
    throw lockedOut(lock, now);
  }
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    const accountLocked = await countFailure(db, keys[0]!, rule.maxFailures, rule.lockMinutes, now);
    const addressLocked = await countFailure(db, keys[1]!, rule.maxFailuresPerAddress, rule.lockMinutes, now);
    await recordAudit(db, who, now, {
      action: 'login_failed',
      entity: 'user',
      entityId: user?.id,
      after: { ...where, accountLocked, addressLocked },
    });
    throw new AppError('bad_credentials', 401, 'Wrong username or password', '用户名或密码错误');
  }
  // An expired password is said before the second factor is asked, so the code is not spent on a sign-in
  // that cannot succeed: the change of password asks for it.
  if (!allowExpired) {
    const policy = await readSetting(db, PASSWORD_POLICY);
    if (passwordExpired(user.passwordChangedAt ?? user.createdAt, policy, now))
      throw new AppError(
        'password_expired',
        403,
        'The password has expired: change it first',
        '口令已过期，请先修改口令',
        {
          changeAt: '/api/auth/password',
          secondFactor: hasSecondFactor(user),
        },
      );
  }
  // The second factor (GB/T 22239-2019 8.1.4.1 d): once set up, a password alone opens nothing. A wrong code
  // counts as a failed sign-in, so the same lockout stops guessing codes.
  if (hasSecondFactor(user)) {
    if (!code)
      throw new AppError(
        'totp_required',
        401,
        'Enter the one-time code from the authenticator app',
        '请输入动态口令（身份验证器中的 6 位数字）或恢复码',
      );
    const passed = await acceptCode(db, user, code, now);
    if (!passed) {
      const accountLocked = await countFailure(db, keys[0]!, rule.maxFailures, rule.lockMinutes, now);
      const addressLocked = await countFailure(
        db,
        keys[1]!,
        rule.maxFailuresPerAddress,
        rule.lockMinutes,
        now,
      );
      await recordAudit(db, who, now, {
        action: 'login_failed',
        entity: 'user',
        entityId: user.id,
        after: { ...where, factor: 'totp', accountLocked, addressLocked },
      });
      throw new AppError('totp_invalid', 401, 'Wrong or used one-time code', '动态口令错误或已使用');
    }
    if (passed === 'recovery')
      await recordAudit(db, who, now, {
        action: 'totp_recovery_used',
        entity: 'user',
        entityId: user.id,
        after: where,
      });
  }
  await clearFailures(db, keys[0]!);
  return user;
}

/** Opens a session for a user who has passed every check; audited as a sign-in. */
async function openSession(
  db: DbOrTx,
  user: typeof users.$inferSelect,
  now: Date,
  sessionHours: number,
  client: SignInClient,
) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + sessionHours * 3600_000);
  await db
    .insert(sessions)
    .values({ tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt });
  await recordAudit(db, actorOf(user), now, {
    action: 'login',
    entity: 'user',
    entityId: user.id,
    after: {
      username: user.username,
      ip: client.ip,
      userAgent: client.userAgent,
      secondFactor: hasSecondFactor(user),
    },
  });
  const restriction = await sessionRestriction(db, user, now);
  return { token, user: presentUser(user), expiresAt, restriction };
}

/**
 * Signs in: the password, then the one-time code when the user has a second factor (`totp_required` asks for
 * it). A password past the policy's age must be changed first (`POST /api/auth/password`).
 */
export async function login(
  db: DbOrTx,
  username: string,
  password: string,
  now: Date,
  sessionHours: number,
  client: SignInClient = { ip: 'unknown', userAgent: null },
  code?: string,
) {
  const user = await checkCredentials(db, username, password, now, client, code);
  return openSession(db, user, now, sessionHours, client);
}

/**
 * A user changes their own password with the current one (and the one-time code, with a second factor), also
 * when it has expired, so no session is needed: behind the same lockout, the history rule applies, and every
 * open session ends. With `sessionHours` it then opens a new session (the user has just proven both factors,
 * and a code cannot be used twice).
 */
export async function changeOwnPassword(
  db: DbOrTx,
  input: { username: string; currentPassword: string; newPassword: string; code?: string },
  now: Date,
  client: SignInClient,
  sessionHours?: number,
) {
  const problem = passwordProblem(input.newPassword);
  if (problem) throw validationFailed([{ field: 'newPassword', message: problem }]);
  const user = await checkCredentials(
    db,
    input.username,
    input.currentPassword,
    now,
    client,
    input.code,
    true,
  );
  const fields = await newPasswordFields(db, user, input.newPassword, now);
  const [changed] = await db.update(users).set(fields).where(eq(users.id, user.id)).returning();
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, user.id), isNull(sessions.revokedAt)));
  await invalidate(db, 'session');
  await recordAudit(db, actorOf(user), now, {
    action: 'change_own_password',
    entity: 'user',
    entityId: user.id,
    after: { ip: client.ip, userAgent: client.userAgent },
  });
  if (sessionHours == null) return { ok: true };
  return { ok: true, ...(await openSession(db, changed!, now, sessionHours, client)) };
}

/** The signed-in actor for a bearer token, or null if the token is unknown, expired, revoked or its user disabled. */
export async function authenticate(db: DbOrTx, token: string, now: Date): Promise<Actor | null> {
  const tokenHash = hashToken(token);
  if (!cachesEnabled(db)) {
    const row = await readSession(db, tokenHash, now);
    return row ? withRestriction(db, row.user, now) : null;
  }
  // Cached per token (platform/cache.ts): a logout drops its token, a change of the user (role, password,
  // disabling) every session, in every process. Unknown tokens are not kept, so guessing fills no memory.
  const key = `session:${tokenHash}`;
  const hit = await cached(db, key, () => readSession(db, tokenHash, now));
  if (!hit || hit.expiresAt.getTime() <= now.getTime()) {
    // An expired (or unknown) entry leaves this process's cache; nothing changed in the database.
    dropLocal(db, key);
    return null;
  }
  return withRestriction(db, hit.user, now);
}

/** The actor, with what it may not do yet; judged on every request (a password can expire mid-session), not cached. */
async function withRestriction(db: DbOrTx, user: typeof users.$inferSelect, now: Date): Promise<Actor> {
  const restriction = await sessionRestriction(db, user, now);
  return restriction ? { ...actorOf(user), restriction } : actorOf(user);
}

/** The session check, prepared once per database handle (it runs on every request that is not cached). */
const prepared = new WeakMap<object, ReturnType<typeof prepareSessionQuery>>();
function prepareSessionQuery(db: DbOrTx) {
  return db
    .select({ user: users, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        isNull(sessions.revokedAt),
      ),
    )
    .prepare('hotline_session_check');
}

async function readSession(db: DbOrTx, tokenHash: string, now: Date) {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepareSessionQuery(db)));
  const [row] = await query.execute({ tokenHash, now });
  if (!row || !row.user.active) return null;
  return { user: row.user, expiresAt: row.expiresAt };
}

/**
 * What a session may not do yet: a password past its age must be changed first (also when it expired during
 * the session), and a role that must use the second factor sets it up before anything else. Null: nothing.
 */
export async function sessionRestriction(
  db: DbOrTx,
  user: typeof users.$inferSelect,
  now: Date,
): Promise<SessionRestriction | null> {
  const s = await readSettingsOf(db, [PASSWORD_POLICY, TOTP_POLICY] as SettingDefinition<unknown>[]);
  const policy = s[PASSWORD_POLICY.key] as PasswordPolicy;
  if (passwordExpired(user.passwordChangedAt ?? user.createdAt, policy, now)) return 'password_expired';
  const totp = s[TOTP_POLICY.key] as TotpPolicy;
  if ((totp.requiredRoles as string[]).includes(user.role) && !hasSecondFactor(user)) return 'totp_enrolment';
  return null;
}

export async function logout(db: DbOrTx, token: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(eq(sessions.tokenHash, hashToken(token)));
  await invalidate(db, `session:${hashToken(token)}`);
}
