import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.ts';

/**
 * In-process read caches of the small tables every request reads (settings, the calendar, departments,
 * categories, sign-in sessions), kept consistent across processes: a writer announces the change with
 * `NOTIFY hotline_cache, '<key>'` in its own transaction (delivered when it commits), and every process that
 * listens drops that key; the next read loads it afresh. On PGlite the notification goes round in-process.
 *
 * Caching applies only to the root database handle a process registered with `enableCaches`; a read inside a
 * transaction (a different handle) always goes to the database, so a transaction sees its own writes.
 */
export const CACHE_CHANNEL = 'hotline_cache';

class Store {
  readonly values = new Map<string, Promise<unknown>>();
  /** Keys are `family` or `family:item`; dropping a family drops its items too. */
  drop(key: string): void {
    if (key === '*') {
      this.values.clear();
      return;
    }
    this.values.delete(key);
    for (const k of this.values.keys()) if (k.startsWith(`${key}:`)) this.values.delete(k);
  }
}

const stores = new WeakMap<object, Store>();
/** Every store of this process: a write through a transaction handle drops its key in all of them at once. */
const live = new Set<Store>();

/** Starts caching reads through `db.orm` and listening for invalidations; returns the function that stops it. */
export async function enableCaches(db: Db): Promise<() => Promise<void>> {
  const store = new Store();
  stores.set(db.orm, store);
  live.add(store);
  const stop = await db.listen(CACHE_CHANNEL, (key) => store.drop(key || '*'));
  return async () => {
    stores.delete(db.orm);
    live.delete(store);
    await stop();
  };
}

/** Whether reads through this handle are cached (for tests and benchmarks). */
export function cachesEnabled(db: DbOrTx): boolean {
  return stores.has(db);
}

/**
 * The cached value of `key`, or `load()` (stored while it runs, so concurrent readers share one query). A
 * failed load is not kept.
 */
export function cached<T>(db: DbOrTx, key: string, load: () => Promise<T>): Promise<T> {
  const store = stores.get(db);
  if (!store) return load();
  const hit = store.values.get(key);
  if (hit) return hit as Promise<T>;
  // Resolved once here: a drizzle query is a lazy thenable that would run again on every await of it.
  const p = Promise.resolve(load());
  store.values.set(key, p);
  p.catch(() => {
    if (store.values.get(key) === p) store.values.delete(key);
  });
  return p;
}

/**
 * Announces a change of `key` to every process (NOTIFY, delivered when the writer's transaction commits). This
 * process also drops the key at once; a read that re-caches the old value before the commit is dropped again
 * when the notification arrives.
 */
export async function invalidate(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`select pg_notify(${CACHE_CHANNEL}, ${key})`);
  for (const store of live) store.drop(key);
}

/** Drops a key in this process only: an entry found stale (an expired session) when nothing changed. */
export function dropLocal(db: DbOrTx, key: string): void {
  stores.get(db)?.drop(key);
}
