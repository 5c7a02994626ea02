import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor } from '../../platform/actor.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { announcementsSent } from './announce.ts';
import { createOrder, submitPublicOrder } from './intake-service.ts';

/**
 * The intake writes number, order and history row in one statement (intake-service.ts). Run on PGlite by default
 * and on a PostgreSQL server with DATABASE_URL (there the intakes really run on several connections at once).
 */
let db: Db;
const AGENT: Actor = { id: null, username: 'a', displayName: '坐席', role: 'agent', departmentId: null };
const input = (i: number) => ({
  channel: 'phone' as const,
  type: 'complaint' as const,
  urgency: 'normal' as const,
  content: `路灯不亮 ${i}`,
  caller: {
    name: '张先生',
    phone: `1380000${String(i).padStart(4, '0')}`,
    anonymous: false,
    callbackWanted: true,
  },
  location: { district: '源汇区', address: `人民路${i}号` },
});

beforeAll(async () => {
  db = await createTestDb();
}, 300_000);
afterAll(async () => {
  await announcementsSent(); // the last intakes' change notices, sent after their commits
  await db?.close();
});

describe('intake numbering under concurrency', () => {
  it('gives concurrent intakes consecutive numbers, none lost or repeated, each with its history row', async () => {
    const now = new Date('2025-03-03T02:00:00Z'); // 10:00 in the city
    const n = 60;
    const made = await Promise.all(
      Array.from({ length: n }, (_, i) => createOrder(db.orm, AGENT, input(i), now)),
    );
    const numbers = made.map((m) => m.order.number).sort();
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => `20250303${String(i + 1).padStart(5, '0')}`));
    for (const m of made) {
      expect(m.event.orderId).toBe(m.order.id);
      expect(m.event.action).toBe('create');
      expect(m.order.status).toBe('registered');
      expect(m.order.receivedAt).toEqual(now);
      // The answer carries no column it does not show.
      expect(Object.keys(m.order)).not.toContain('trackingCodeHash');
    }
    const [events] = await queryRows<{ n: number }>(
      db.orm,
      sql`select count(*)::int as n from order_events where action = 'create'`,
    );
    expect(events!.n).toBe(n);
  }, 300_000);

  it('rolls the counter back with a failed intake, so the next number follows without a gap', async () => {
    const now = new Date('2025-03-04T02:00:00Z');
    const first = await createOrder(db.orm, AGENT, input(1), now);
    // A creator that does not exist violates the foreign key inside the single statement.
    const ghost: Actor = { ...AGENT, id: 2_000_000_000 };
    await expect(createOrder(db.orm, ghost, input(2), now)).rejects.toThrow();
    const next = await submitPublicOrder(
      db.orm,
      {
        channel: 'web',
        type: 'help',
        content: '噪音扰民',
        caller: { anonymous: false, callbackWanted: false },
        location: {},
      } as never,
      now,
    );
    expect(first.order.number).toBe('2025030400001');
    expect(next.order.number).toBe('2025030400002');
    expect(next.order.status).toBe('submitted');
    // The online channel's response clock ran through the (cached) calendar.
    expect(next.order.responseDueAt).toBeInstanceOf(Date);
  }, 300_000);
});
