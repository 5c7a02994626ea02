/**
 * The city's history as training material: closed orders with their category at a chosen depth of the
 * dispatch catalogue (派单目录), and the department each category's orders went to.
 */
import type { DbOrTx } from '../../db/client.ts';
import { listCategories } from '../directory/index.ts';
import { finishedOrdersWithCategory } from '../orders/index.ts';
import type { LabelledDoc } from './model.ts';
import type { DepartmentShares } from './schema.ts';

export interface CategoryNode {
  id: number;
  name: string;
  parentId: number | null;
  departmentId: number | null;
}

/** The catalogue as a tree in memory (a few hundred rows): ancestry, depth, inherited department. */
export interface CategoryTree {
  byId: Map<number, CategoryNode>;
  /** Ids from the root down to `id` (inclusive); empty for an unknown id. */
  chainOf(id: number): number[];
  /** Names from the root, e.g. ["城乡建设", "物业管理"]. */
  pathOf(id: number): string[];
  /** The category's own lead department or its nearest ancestor's (the catalogue's default). */
  departmentOf(id: number): number | null;
}

export function buildCategoryTree(rows: readonly CategoryNode[]): CategoryTree {
  const byId = new Map(rows.map((c) => [c.id, c]));
  const chainOf = (id: number) => {
    const chain: number[] = [];
    for (let c = byId.get(id); c && chain.length < 20; c = byId.get(c.parentId ?? -1)) chain.unshift(c.id);
    return chain;
  };
  return {
    byId,
    chainOf,
    pathOf: (id) => chainOf(id).map((c) => byId.get(c)!.name),
    departmentOf: (id) => {
      const chain = chainOf(id);
      for (let i = chain.length - 1; i >= 0; i--) {
        const d = byId.get(chain[i]!)!.departmentId;
        if (d != null) return d;
      }
      return null;
    },
  };
}

/** From the directory's cached catalogue (no query once it is cached). */
export async function loadCategoryTree(db: DbOrTx): Promise<CategoryTree> {
  const rows = await listCategories(db);
  return buildCategoryTree(
    rows.map((c) => ({ id: c.id, name: c.name, parentId: c.parentId, departmentId: c.departmentId })),
  );
}

/** A past order as training material; `label` is the id (as text) of its category at the chosen level. */
export interface HistoryDoc extends LabelledDoc {
  orderId: number;
  categoryId: number;
  departmentId: number | null;
  receivedAt: Date;
}

export interface History {
  /** Oldest first (by received_at, then id), so the most recent part can be held back. */
  docs: HistoryDoc[];
  /** Finished orders left out because their category is shallower than the level. */
  shallow: number;
  tree: CategoryTree;
}

/**
 * Finished orders with a category, labelled by the category's ancestor at `level` (1 = top). An order filed
 * under a category shallower than `level` is left out: a parent beside its own children would be a class
 * that overlaps others.
 */
export async function loadHistory(db: DbOrTx, level: number): Promise<History> {
  const [tree, rows] = await Promise.all([loadCategoryTree(db), finishedOrdersWithCategory(db)]);
  const docs: HistoryDoc[] = [];
  let shallow = 0;
  for (const r of rows) {
    const chain = tree.chainOf(r.categoryId);
    const labelId = chain[level - 1];
    if (labelId === undefined) {
      shallow++;
      continue;
    }
    docs.push({
      orderId: r.id,
      title: r.title,
      content: r.content,
      label: String(labelId),
      categoryId: r.categoryId,
      // The department that handled it; failing that, the catalogue's default for its category.
      departmentId: r.departmentId ?? tree.departmentOf(r.categoryId),
      receivedAt: r.receivedAt,
    });
  }
  return { docs, shallow, tree };
}

/** For each label, the departments its orders went to with their shares, largest first (top 5). */
export function computeDepartmentShares(docs: readonly HistoryDoc[]): DepartmentShares {
  const counts = new Map<string, Map<number, number>>();
  for (const d of docs) {
    if (d.departmentId == null) continue;
    const byDepartment = counts.get(d.label) ?? new Map<number, number>();
    byDepartment.set(d.departmentId, (byDepartment.get(d.departmentId) ?? 0) + 1);
    counts.set(d.label, byDepartment);
  }
  const shares: DepartmentShares = {};
  for (const [label, byDepartment] of counts) {
    const total = [...byDepartment.values()].reduce((s, n) => s + n, 0);
    shares[label] = [...byDepartment]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 5)
      .map(([id, n]) => [id, n / total]);
  }
  return shares;
}
