import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
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

export async function listDepartments(db: DbOrTx): Promise<Department[]> {
  return db.select().from(departments).orderBy(asc(departments.code));
}

export async function getDepartment(db: DbOrTx, id: number): Promise<Department> {
  const [row] = await db.select().from(departments).where(eq(departments.id, id));
  if (!row) throw notFound(`Department ${id}`, `承办单位 ${id} `);
  return row;
}

async function checkParent(db: DbOrTx, parentId: number | null | undefined, selfId?: number): Promise<void> {
  if (parentId == null) return;
  // Walk up from the proposed parent: reaching ourselves would make a cycle.
  for (let id: number | null = parentId, hops = 0; id != null && hops < 50; hops++) {
    if (id === selfId) throw validationFailed([{ field: 'parentId', message: 'would make a cycle' }]);
    const [row] = await db.select().from(departments).where(eq(departments.id, id));
    if (!row) throw validationFailed([{ field: 'parentId', message: `no department ${id}` }]);
    id = row.parentId;
  }
}

export async function createDepartment(db: DbOrTx, actor: Actor, input: CreateDepartmentInput, now: Date) {
  await checkParent(db, input.parentId);
  try {
    const [row] = await db
      .insert(departments)
      .values({ ...input, parentId: input.parentId ?? null, createdAt: now })
      .returning();
    await recordAudit(db, actor, now, {
      action: 'create',
      entity: 'department',
      entityId: row!.id,
      after: row,
    });
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError(
        'duplicate_code',
        409,
        `Department code ${input.code} exists`,
        `单位编码 ${input.code} 已存在`,
        {
          fields: [{ field: 'code', message: 'already exists' }],
        },
      );
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
