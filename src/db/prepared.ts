import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';

/**
 * Prepared statements on the hot paths (issue 18): the SQL is built once per process instead of on every call
 * (drizzle's builder was a third of the server's CPU in the profile) and, on PostgreSQL, sent as a named
 * statement, parsed and planned once per connection.
 *
 * drizzle binds a prepared query to the handle it was built on; a transaction is a new handle each time, so
 * building it there would build it on every call again. `reusable` builds it once per driver and hands each
 * handle — the database or a transaction — a copy bound to that handle's connection (`session.client`, the
 * only per-handle state of drizzle's node-postgres and PGlite prepared queries).
 */
type Session = { client: object; constructor: object };
const sessionOf = (db: DbOrTx) => (db as unknown as { session: Session }).session;

export function reusable<P extends object>(build: (db: DbOrTx) => P): (db: DbOrTx) => P {
  const templates = new Map<object, P>();
  const bound = new WeakMap<object, P>();
  return (db) => {
    const { client, constructor: driver } = sessionOf(db);
    let q = bound.get(client);
    if (q) return q;
    let template = templates.get(driver);
    if (!template) templates.set(driver, (template = build(db)));
    q = Object.assign(Object.create(Object.getPrototypeOf(template) as object) as P, template, { client });
    bound.set(client, q);
    return q;
  };
}

type RawPrepared = { execute(values?: Record<string, unknown>): Promise<unknown> };

/**
 * A raw SQL statement with `sql.placeholder(...)` parameters, prepared under `name` (see `reusable`); `rows`
 * runs it on a handle and returns the rows as the driver gives them (as `queryRows` does).
 */
export function preparedSql<T>(name: string, query: SQL) {
  const get = reusable((db) => {
    const d = db as unknown as {
      dialect: { sqlToQuery(q: SQL): unknown };
      session: { prepareQuery(q: unknown, fields: undefined, name: string, arrayMode: boolean): RawPrepared };
    };
    return d.session.prepareQuery(d.dialect.sqlToQuery(query), undefined, name, false);
  });
  return {
    async rows(db: DbOrTx, values: Record<string, unknown> = {}): Promise<T[]> {
      return ((await get(db).execute(values)) as { rows: T[] }).rows;
    },
  };
}
