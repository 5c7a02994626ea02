import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { cached, invalidate } from '../../platform/cache.ts';
import { duplicate, notFound, validationFailed } from '../../platform/errors.ts';
import { checkParentLink } from './tree.ts';
import type { CreateCategoryInput, UpdateCategoryInput } from './model.ts';
import { categories, departments } from './schema.ts';

export type Category = typeof categories.$inferSelect;

/** The category row with this id, or undefined (for modules that check a choice is an active category). */
export async function findCategory(db: DbOrTx, id: number): Promise<Category | undefined> {
  const [row] = await db.select().from(categories).where(eq(categories.id, id));
  return row;
}

export interface CategoryView {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  /** Names from the root, e.g. ["城乡建设", "物业管理"]. */
  path: string[];
  isLeaf: boolean;
  departmentId: number | null;
  timeLimitDays: number | null;
  urgentTimeLimitDays: number | null;
  /** What dispatch uses: the category's own values, or the nearest ancestor's. */
  effective: {
    departmentId: number | null;
    timeLimitDays: number | null;
    urgentTimeLimitDays: number | null;
  };
  sortOrder: number;
  /** The words citizens use for the matter, searched by the category picker. */
  keywords: string[];
  active: boolean;
}

/** The whole catalogue with paths and inherited dispatch defaults (a few hundred rows at most). */
export async function listCategories(db: DbOrTx): Promise<CategoryView[]> {
  return [...(await cached(db, 'categories', () => readCategories(db)))];
}

async function readCategories(db: DbOrTx): Promise<CategoryView[]> {
  const rows = await db.select().from(categories).orderBy(asc(categories.sortOrder), asc(categories.code));
  const byId = new Map(rows.map((c) => [c.id, c]));
  const parents = new Set(rows.map((c) => c.parentId).filter((p) => p != null));
  const ancestry = (c: Category): Category[] => {
    const chain: Category[] = [];
    for (let cur: Category | undefined = c; cur && chain.length < 20; cur = byId.get(cur.parentId ?? -1)) {
      chain.unshift(cur);
    }
    return chain;
  };
  const nearest = <K extends 'departmentId' | 'timeLimitDays' | 'urgentTimeLimitDays'>(
    chain: Category[],
    k: K,
  ) => [...chain].reverse().find((c) => c[k] != null)?.[k] ?? null;
  return rows.map((c) => {
    const chain = ancestry(c);
    return {
      id: c.id,
      code: c.code,
      name: c.name,
      parentId: c.parentId,
      path: chain.map((x) => x.name),
      isLeaf: !parents.has(c.id),
      departmentId: c.departmentId,
      timeLimitDays: c.timeLimitDays,
      urgentTimeLimitDays: c.urgentTimeLimitDays,
      effective: {
        departmentId: nearest(chain, 'departmentId'),
        timeLimitDays: nearest(chain, 'timeLimitDays'),
        urgentTimeLimitDays: nearest(chain, 'urgentTimeLimitDays'),
      },
      sortOrder: c.sortOrder,
      keywords: c.keywords,
      active: c.active,
    };
  });
}

export async function getCategoryView(db: DbOrTx, id: number): Promise<CategoryView> {
  const view = (await listCategories(db)).find((c) => c.id === id);
  if (!view) throw notFound(`Category ${id}`, `分类 ${id} `);
  return view;
}

async function checkReferences(db: DbOrTx, input: UpdateCategoryInput, selfId?: number): Promise<void> {
  if (input.departmentId != null) {
    const [d] = await db.select().from(departments).where(eq(departments.id, input.departmentId));
    if (!d)
      throw validationFailed([{ field: 'departmentId', message: `no department ${input.departmentId}` }]);
  }
  await checkParentLink(
    input.parentId,
    selfId,
    async (id) => (await db.select().from(categories).where(eq(categories.id, id)))[0]?.parentId,
    'category',
  );
}

export async function createCategory(
  db: DbOrTx,
  actor: Actor,
  input: Omit<CreateCategoryInput, 'keywords'> & { keywords?: string[] },
  now: Date,
) {
  await checkReferences(db, input);
  try {
    const [row] = await db
      .insert(categories)
      .values({ ...input, keywords: input.keywords ?? [], parentId: input.parentId ?? null, createdAt: now })
      .returning();
    await invalidate(db, 'categories');
    await recordAudit(db, actor, now, {
      action: 'create',
      entity: 'category',
      entityId: row!.id,
      after: row,
    });
    return getCategoryView(db, row!.id);
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw duplicate('code', `Category code ${input.code}`, `分类编码 ${input.code} `);
    }
    throw err;
  }
}

export async function updateCategory(
  db: DbOrTx,
  actor: Actor,
  id: number,
  input: UpdateCategoryInput,
  now: Date,
) {
  const [before] = await db.select().from(categories).where(eq(categories.id, id));
  if (!before) throw notFound(`Category ${id}`, `分类 ${id} `);
  await checkReferences(db, input, id);
  const [after] = await db.update(categories).set(input).where(eq(categories.id, id)).returning();
  await invalidate(db, 'categories');
  await recordAudit(db, actor, now, { action: 'update', entity: 'category', entityId: id, before, after });
  return getCategoryView(db, id);
}
