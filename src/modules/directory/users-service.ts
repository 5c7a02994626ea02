import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor, Role } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { duplicate, notFound, validationFailed } from '../../platform/errors.ts';
import { hashPassword, passwordProblem } from '../../platform/passwords.ts';
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

export async function createUser(db: DbOrTx, actor: Actor, input: CreateUserInput, now: Date): Promise<User> {
  checkPassword(input.password);
  await checkDepartmentBinding(db, input.role, input.departmentId);
  try {
    const [row] = await db
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName ?? input.username,
        passwordHash: await hashPassword(input.password),
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
  if (input.password !== undefined) {
    checkPassword(input.password);
    patch.passwordHash = await hashPassword(input.password);
  }
  let after: User | undefined;
  try {
    [after] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateOf(err, before.username, input.agentCode);
    throw err;
  }
  await recordAudit(db, actor, now, {
    action: input.password !== undefined ? 'update_with_password' : 'update',
    entity: 'user',
    entityId: id,
    before: presentUser(before),
    after: presentUser(after!),
  });
  return after!;
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
