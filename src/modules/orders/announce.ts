import { is, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, DbOrTx } from '../../db/client.ts';
import { ORDERS_CHANNEL } from './notifications-service.ts';

/**
 * Tells every process that a work order changed (PostgreSQL NOTIFY, delivered when the transaction commits),
 * so open notification streams refresh at once instead of on their next poll.
 */
export async function announceOrderChange(tx: DbOrTx, orderId: number): Promise<void> {
  await tx.execute(sql`select pg_notify(${ORDERS_CHANNEL}, ${String(orderId)})`);
}

const queued = new WeakMap<Database, Set<number>>();
const inFlight = new Set<Promise<void>>();

/**
 * Announces orders whose change has committed, after the commit, in its own statement (issue 18).
 *
 * A transaction that NOTIFYs takes PostgreSQL's one cluster-wide notify lock at commit and holds it until its
 * commit record is flushed to disk, so every notifying transaction of every database on the server commits one
 * after the other, each waiting for its own fsync (no group commit). An action's transaction that announced
 * itself queued behind every intake's flush; one slow fsync held up every writer and, through the connections
 * they held, every request. The announcement is a refresh hint (notifications/stream.ts reads again at most
 * once a second), so it leaves the transaction: the ids of one turn of the event loop go in one statement that
 * does not wait for its flush (`synchronous_commit` off for that statement only; a notice outlives no crash
 * anyway). A change that rolls back is not announced, as before.
 *
 * Inside a caller's transaction (`db` is one) it is announced in that transaction, as announceOrderChange does.
 */
export async function announceAfterCommit(db: DbOrTx, orderId: number): Promise<void> {
  if (is(db, PgTransaction)) return announceOrderChange(db, orderId);
  const handle = db as Database;
  let ids = queued.get(handle);
  if (!ids) {
    const batch = (ids = new Set());
    queued.set(handle, batch);
    setImmediate(() => {
      queued.delete(handle);
      const sent = handle
        .execute(
          sql`select set_config('synchronous_commit', 'off', true), pg_notify(${ORDERS_CHANNEL}, id)
              from jsonb_array_elements_text(${JSON.stringify([...batch].map(String))}::jsonb) id`,
        )
        .then(
          () => undefined,
          (err: unknown) => console.error('order change announcement failed:', err),
        )
        .finally(() => inFlight.delete(sent));
      inFlight.add(sent);
    });
  }
  ids.add(orderId);
}

/** Resolves once the announcements queued so far are sent (tests, shutdown). */
export async function announcementsSent(): Promise<void> {
  await new Promise((r) => setImmediate(r));
  await Promise.all([...inFlight]);
}
