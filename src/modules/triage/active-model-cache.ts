/**
 * The active model, deserialized once per process and kept with the catalogue names it answers in. A
 * suggestion must take well under 10 ms, and reading and unpacking a 1 MB model takes far longer, so the
 * database is asked only whether the active version changed, at most every `checkSeconds`; a model
 * activated in this process is picked up at once.
 */
import { departmentsByIds } from '../directory/index.ts';
import type { Database, DbOrTx } from '../../db/client.ts';
import { loadCategoryTree, type CategoryTree } from './history.ts';
import { findActiveVersion, loadModel, type StoredModel } from './model-store.ts';

export interface ActiveModel extends StoredModel {
  tree: CategoryTree;
  departmentNames: Map<number, string>;
}

interface Entry {
  version: number | null;
  active: ActiveModel | null;
  checkedAt: number;
}

const cache = new WeakMap<object, Entry>();
const DEFAULT_CHECK_SECONDS = 5;

/** Drops this process's copy: the next request reads the active version again. */
export function forgetActiveModel(db: DbOrTx): void {
  cache.delete(db);
}

export async function getActiveModel(
  db: Database,
  now: Date,
  checkSeconds = DEFAULT_CHECK_SECONDS,
): Promise<ActiveModel | null> {
  const entry = cache.get(db);
  if (entry && Math.abs(now.getTime() - entry.checkedAt) < checkSeconds * 1000) return entry.active;
  const version = await findActiveVersion(db);
  if (entry && entry.version === version) {
    entry.checkedAt = now.getTime();
    return entry.active;
  }
  const active = version == null ? null : await loadActive(db, version);
  cache.set(db, { version, active, checkedAt: now.getTime() });
  return active;
}

async function loadActive(db: DbOrTx, version: number): Promise<ActiveModel | null> {
  const stored = await loadModel(db, version);
  if (!stored) return null;
  const tree = await loadCategoryTree(db);
  const ids = [...new Set(Object.values(stored.departmentShares).flatMap((s) => s.map(([id]) => id)))];
  const rows = await departmentsByIds(db, ids);
  return { ...stored, tree, departmentNames: new Map(rows.map((r) => [r.id, r.name])) };
}
