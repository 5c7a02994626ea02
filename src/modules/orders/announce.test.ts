import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStatements } from '../../testing/statement-counter.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { announceAfterCommit, announcementsSent } from './announce.ts';
import { ORDERS_CHANNEL } from './notifications-service.ts';

/** Change notices sent after the commit (issue 18), on both drivers. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function listening(fn: () => Promise<void>): Promise<string[]> {
  const heard: string[] = [];
  const stop = await t.db.listen(ORDERS_CHANNEL, (p) => heard.push(p));
  await fn();
  await announcementsSent();
  // A notice reaches the listener's connection a moment after it is sent.
  for (let i = 0; i < 40 && !heard.length; i++) await new Promise((r) => setTimeout(r, 25));
  await new Promise((r) => setTimeout(r, 50));
  await stop();
  return heard.sort();
}

describe('announceAfterCommit', () => {
  it('sends the ids of one turn of the event loop in one statement', async () => {
    const counter = countStatements(t.db);
    const heard = await listening(async () => {
      await Promise.all([
        announceAfterCommit(t.db.orm, 11),
        announceAfterCommit(t.db.orm, 12),
        announceAfterCommit(t.db.orm, 11),
      ]);
    });
    expect(heard).toEqual(['11', '12']);
    expect(counter.sql.filter((s) => s.includes('pg_notify'))).toHaveLength(1);
  });

  it('inside a transaction, announces in it: nothing when it rolls back', async () => {
    const heard = await listening(async () => {
      await t.db.orm
        .transaction(async (tx) => {
          await announceAfterCommit(tx, 21);
          await tx.execute(sql`select 1`);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await t.db.orm.transaction(async (tx) => announceAfterCommit(tx, 22));
    });
    expect(heard).toEqual(['22']);
  });

  it('a notice queued just before the server closes is still sent, without error', async () => {
    const other = await createTestContext();
    const counter = countStatements(other.db);
    const failures: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void failures.push(args);
    try {
      await announceAfterCommit(other.db.orm, 31); // queued for the end of this turn
      await other.close(); // the app's onClose waits for it, then the database closes
    } finally {
      console.error = log;
    }
    expect(counter.sql.filter((s) => s.includes('pg_notify'))).toHaveLength(1);
    expect(failures).toEqual([]);
  });
});
