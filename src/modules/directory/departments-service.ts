import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { cached, invalidate } from '../../platform/cache.ts';
import { duplicate, notFound } from '../../platform/errors.ts';
import { checkParentLink } from './tree.ts';
import type { CreateDepartmentInput, UpdateDepartmentInput } from './model.ts';
import { departments } from './schema.ts';

export type Department = typeof departments.$inferSelect;

export function presentDepartment(d: Department) {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    shortName: d.shortName,
    parentId: d.parentId,
    kind: d.kind,
    contactName: d.contactName,
    contactPhone: d.contactPhone,
    active: d.active,
  };
}

/** Every department (a few hundred rows), cached in process; writes announce themselves (platform/cache.ts). */
export async function listDepartments(db: DbOrTx): Promise<Department[]> {
  const rows = await cached(db, 'departments', () =>
    db.select().from(departments).orderBy(asc(departments.code)),
  );
  return [...rows];
}

export async function getDepartment(db: DbOrTx, id: number): Promise<Department> {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  if (!row) throw notFound(`Department ${id}`, `承办单位 ${id} `);
  return row;
}

async function checkParent(db: DbOrTx, parentId: number | null | undefined, selfId?: number): Promise<void> {
  await checkParentLink(
    parentId,
    selfId,
    async (id) => (await db.select().from(departments).where(eq(departments.id, id)))[0]?.parentId,
    'department',
  );
}

export async function createDepartment(db: DbOrTx, actor: Actor, input: CreateDepartmentInput, now: Date) {
  await checkParent(db, input.parentId);
  try {
    const [row] = await db
      .insert(departments)
      .values({ ...input, parentId: input.parentId ?? null, createdAt: now })
      .returning();
    await invalidate(db, 'departments');
    await recordAudit(db, actor, now, {
      action: 'create',
      entity: 'department',
      entityId: row!.id,
      after: row,
    });
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw duplicate('code', `Department code ${input.code}`, `单位编码 ${input.code} `);
    }
    throw err;
  }
}

export async function updateDepartment(
  db: DbOrTx,
  actor: Actor,
  id: number,
  input: UpdateDepartmentInput,
  now: Date,
): Promise<Department> {
  const before = await getDepartment(db, id);
  if (input.parentId !== undefined) await checkParent(db, input.parentId, id);
  const [row] = await db.update(departments).set(input).where(eq(departments.id, id)).returning();
  await invalidate(db, 'departments');
  await recordAudit(db, actor, now, {
    action: 'update',
    entity: 'department',
    entityId: id,
    before,
    after: row,
  });
  return row!;
}

export async function getDepartmentByCode(db: DbOrTx, code: string): Promise<Department | undefined> {
  const [row] = await db.select().from(departments).where(eq(departments.code, code));
  return row;
}

/** The departments with these ids (unknown ids are simply absent), for modules that check or name them. */
export async function departmentsByIds(db: DbOrTx, ids: readonly number[]): Promise<Department[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  return db.select().from(departments).where(inArray(departments.id, unique));
}

/**
 * 区县 as citizens pick them on the public form: the short names of the active district governments of the
 * directory (kind `district`), in the directory's order. The names only; nothing else of the directory is public.
 */
export async function listDistrictNames(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ shortName: departments.shortName })
    .from(departments)
    .where(and(eq(departments.kind, 'district'), eq(departments.active, true)))
    .orderBy(asc(departments.id));
  return rows.map((r) => r.shortName);
}
