import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { verifyPassword } from '../../platform/passwords.ts';
import { sessions } from '../../platform/schema.ts';
import { users } from './schema.ts';
import { actorOf, findUserByUsername, presentUser } from './users-service.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Verifying against a real hash when the user does not exist keeps the response time from revealing which
// usernames exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function login(db: DbOrTx, username: string, password: string, now: Date, sessionHours: number) {
  const user = await findUserByUsername(db, username);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || !user.active) {
    throw new AppError('bad_credentials', 401, 'Wrong username or password', '用户名或密码错误');
  }
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: user.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + sessionHours * 3600_000),
  });
  await recordAudit(db, actorOf(user), now, { action: 'login', entity: 'user', entityId: user.id });
  return { token, user: presentUser(user), expiresAt: new Date(now.getTime() + sessionHours * 3600_000) };
}

/** The signed-in actor for a bearer token, or null if the token is unknown, expired, revoked or its user disabled. */
export async function authenticate(db: DbOrTx, token: string, now: Date): Promise<Actor | null> {
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now), isNull(sessions.revokedAt)),
    );
  if (!row || !row.user.active) return null;
  return actorOf(row.user);
}

export async function logout(db: DbOrTx, token: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(eq(sessions.tokenHash, hashToken(token)));
}
