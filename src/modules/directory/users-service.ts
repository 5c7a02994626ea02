import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor, Role } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { invalidate } from '../../platform/cache.ts';
import { duplicate, notFound, validationFailed } from '../../platform/errors.ts';
import { PASSWORD_EXPIRED_AT, PASSWORD_POLICY } from '../../platform/lockout.ts';
import { hashPassword, passwordProblem, verifyPassword } from '../../platform/passwords.ts';
import { readSetting } from '../../platform/settings.ts';
import { sessions } from '../../platform/schema.ts';
import type { CreateUserInput, UpdateUserInput } from './model.ts';
import { departments, users } from './schema.ts';

export type User = typeof users.$inferSelect;

/** A user as the API shows it: never the password hash. */
export function presentUser(u: User) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    departmentId: u.departmentId,
    agentCode: u.agentCode,
    team: u.team,
    active: u.active,
  };
}

async function checkDepartmentBinding(db: DbOrTx, role: Role, departmentId: number | null | undefined) {
  if (role === 'department' && departmentId == null) {
    throw validationFailed([
      { field: 'departmentId', message: 'a department handler must belong to a department' },
    ]);
  }
  if (role !== 'department' && departmentId != null) {
    throw validationFailed([
      { field: 'departmentId', message: `only role "department" is bound to a department` },
    ]);
  }
  if (departmentId != null) {
    const [d] = await db.select().from(departments).where(eq(departments.id, departmentId));
    if (!d) throw validationFailed([{ field: 'departmentId', message: `no department ${departmentId}` }]);
  }
}

function checkPassword(password: string) {
  const problem = passwordProblem(password);
  if (problem) throw validationFailed([{ field: 'password', message: problem }]);
}

/**
 * `passwordHash` lets a bulk seeder (the demo city: 72 accounts, one password) hash the checked password once
 * instead of once per account; it must be `hashPassword(input.password)`.
 */
export async function createUser(
  db: DbOrTx,
  actor: Actor,
  input: CreateUserInput,
  now: Date,
  options: { passwordHash?: string } = {},
): Promise<User> {
  checkPassword(input.password);
  await checkDepartmentBinding(db, input.role, input.departmentId);
  try {
    const [row] = await db
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName ?? input.username,
        passwordHash: options.passwordHash ?? (await hashPassword(input.password)),
        passwordChangedAt: now,
        role: input.role,
        departmentId: input.departmentId ?? null,
        agentCode: input.agentCode ?? null,
        team: input.team ?? null,
        createdAt: now,
      })
      .returning();
    await recordAudit(db, actor, now, {
      action: 'create',
      entity: 'user',
      entityId: row!.id,
      after: presentUser(row!),
    });
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateOf(err, input.username, input.agentCode);
    throw err;
  }
}

export async function listUsers(db: DbOrTx): Promise<User[]> {
  return db.select().from(users).orderBy(asc(users.id));
}

export async function getUser(db: DbOrTx, id: number): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound(`User ${id}`, `用户 ${id} `);
  return row;
}

export async function findUserByUsername(db: DbOrTx, username: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function updateUser(db: DbOrTx, actor: Actor, id: number, input: UpdateUserInput, now: Date) {
  const before = await getUser(db, id);
  const role = (input.role ?? before.role) as Role;
  const departmentId =
    input.departmentId !== undefined
      ? input.departmentId
      : role === 'department'
        ? before.departmentId
        : null;
  await checkDepartmentBinding(db, role, departmentId);
  const patch: Partial<User> = { role, departmentId };
  if (input.displayName !== undefined) patch.displayName = input.displayName;
  if (input.active !== undefined) patch.active = input.active;
  if (input.agentCode !== undefined) patch.agentCode = input.agentCode;
  if (input.team !== undefined) patch.team = input.team;
  if (input.password !== undefined)
    Object.assign(patch, await newPasswordFields(db, before, input.password, now));
  // Expired now: the change time goes back to the epoch, which `passwordExpired` reads as "change it first".
  if (input.expirePassword) patch.passwordChangedAt = PASSWORD_EXPIRED_AT;
  let after: User | undefined;
  try {
    [after] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateOf(err, before.username, input.agentCode);
    throw err;
  }
  // A cached session carries the user's name, role and department: every change reaches it.
  await invalidate(db, 'session');
  // A new password, another role or a disabled account ends every session the user had open (GB/T 22239-2019
  // 8.1.4.1: the old credential and the old rights must not live on in a session).
  if (input.password !== undefined || role !== before.role || after!.active === false) {
    await db
      .update(sessions)
      .set({ revokedAt: now })
      .where(and(eq(sessions.userId, id), isNull(sessions.revokedAt)));
  }
  await recordAudit(db, actor, now, {
    action:
      input.password !== undefined
        ? 'update_with_password'
        : input.expirePassword
          ? 'expire_password'
          : 'update',
    entity: 'user',
    entityId: id,
    before: presentUser(before),
    after: presentUser(after!),
  });
  return after!;
}

/**
 * The columns of a password change: the new hash, when, and the history that keeps the last few passwords
 * (the policy's `history`) from coming back.
 */
export async function newPasswordFields(db: DbOrTx, user: User, password: string, now: Date) {
  checkPassword(password);
  const policy = await readSetting(db, PASSWORD_POLICY);
  const earlier = [user.passwordHash, ...user.passwordHistory].slice(0, policy.history);
  for (const hash of earlier) {
    if (await verifyPassword(password, hash))
      throw validationFailed([{ field: 'password', message: `must differ from the last ${policy.history}` }]);
  }
  return { passwordHash: await hashPassword(password), passwordChangedAt: now, passwordHistory: earlier };
}

/** Which unique value clashed: the username or the switch agent code. */
function duplicateOf(err: unknown, username: string, agentCode: string | null | undefined) {
  const constraint = String(
    (err as { cause?: { constraint?: string }; constraint?: string }).cause?.constraint ??
      (err as { constraint?: string }).constraint ??
      '',
  );
  return constraint.includes('agent_code')
    ? duplicate('agentCode', `Agent code ${agentCode}`, `坐席工号 ${agentCode} `)
    : duplicate('username', `User ${username}`, `用户名 ${username} `);
}

export function actorOf(u: User): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role as Role,
    departmentId: u.departmentId,
  };
}
