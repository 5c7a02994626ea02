import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { type Db, openPostgres } from '../../db/client.ts';
import { NO_LIMITS } from '../../db/limits.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor } from '../../platform/actor.ts';
import { createTestContext } from '../../testing/test-app.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { announcementsSent } from './announce.ts';
import { intakeStatementCounts, setIntakeGroupMax } from './intake-group.ts';
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

  it('registers intakes that arrive while two are in flight together: fewer statements, each group numbered in arrival order', async () => {
    const now = new Date('2025-03-05T02:00:00Z');
    const before = { ...intakeStatementCounts };
    const n = 40;
    const made = await Promise.all(
      Array.from({ length: n }, (_, i) => createOrder(db.orm, AGENT, input(100 + i), now)),
    );
    const alone = intakeStatementCounts.alone - before.alone;
    const groups = intakeStatementCounts.group - before.group;
    // The first two go to the server at once (one running, one waiting for the counter row); the 38 that arrived
    // meanwhile go in one group statement.
    expect(alone).toBe(2);
    expect(groups).toBe(1);
    // Together they take 1–40, none lost or repeated; the group takes consecutive numbers in arrival order (the
    // two sent alone reach the counter row in whichever order their connections get there: on a server a fresh
    // pool connection can let the group overtake one of them). Each answer is its own order with its own
    // history row and content.
    const numberOf = (i: number) => Number(made[i]!.order.number.slice(8));
    expect(made.map((_, i) => numberOf(i)).sort((a, b) => a - b)).toEqual(
      Array.from({ length: n }, (_, i) => i + 1),
    );
    for (let i = 3; i < n; i++) expect(numberOf(i)).toBe(numberOf(i - 1) + 1);
    made.forEach((m, i) => {
      expect(m.order.content).toBe(`路灯不亮 ${100 + i}`);
      expect(m.event.orderId).toBe(m.order.id);
      expect(m.event.data).toEqual({ channel: 'phone' });
    });
    const rows = await queryRows<{ number: string; content: string; events: number; tokens: boolean }>(
      db.orm,
      sql`select o.number, o.content, count(e.id)::int as events, o.search_tokens @@ '路灯'::tsquery as tokens
          from orders o join order_events e on e.order_id = o.id
          where o.number like '20250305%' group by o.id order by o.number`,
    );
    expect(rows).toHaveLength(n);
    const answered = new Map(made.map((m) => [m.order.number, m.order.content]));
    rows.forEach((r) => {
      expect(r.content).toBe(answered.get(r.number)); // each stored order is the one its intake was answered with
      expect(r.events).toBe(1);
      expect(r.tokens).toBe(true);
    });
  }, 300_000);

  it('runs a failed group again one by one: only the bad intake fails, the others keep gapless numbers', async () => {
    const now = new Date('2025-03-06T02:00:00Z');
    const ghost: Actor = { ...AGENT, id: 2_000_000_000 };
    const before = { ...intakeStatementCounts };
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => createOrder(db.orm, i === 3 ? ghost : AGENT, input(200 + i), now)),
    );
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const numbers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.order.number] : []));
    expect(numbers.sort()).toEqual([1, 2, 3, 4, 5].map((k) => `2025030600${String(k).padStart(3, '0')}`));
    // Two ran alone at once; the group of the other four failed whole (no group statement counted), then each of
    // its intakes ran alone.
    expect(intakeStatementCounts.group - before.group).toBe(0);
    expect(intakeStatementCounts.alone - before.alone).toBe(2 + 4);
    const [count] = await queryRows<{ n: number }>(
      db.orm,
      sql`select count(*)::int as n from orders where number like '20250306%'`,
    );
    expect(count!.n).toBe(5);
  }, 300_000);

  it('keeps a later day for its own statement when a group spans midnight', async () => {
    const late = new Date('2025-03-07T15:59:59Z'); // 23:59:59 in the city
    const early = new Date('2025-03-07T16:00:01Z'); // 00:00:01 the next day
    const made = await Promise.all([
      createOrder(db.orm, AGENT, input(300), late),
      createOrder(db.orm, AGENT, input(301), late),
      createOrder(db.orm, AGENT, input(302), early),
      createOrder(db.orm, AGENT, input(303), late),
    ]);
    // The later day's intake never joins the earlier day's statement: it takes the next day's first number, and
    // the three of the earlier day take 1–3 (on a server, the two sent at once in whichever order they reach the
    // counter row, and a new pool connection can let a later one overtake them).
    expect(made[2]!.order.number).toBe('2025030800001');
    expect([0, 1, 3].map((k) => made[k]!.order.number).sort()).toEqual([
      '2025030700001',
      '2025030700002',
      '2025030700003',
    ]);
  }, 300_000);

  it('registers each intake alone when the group size is 1 (HOTLINE_INTAKE_GROUP_MAX=1)', async () => {
    const now = new Date('2025-03-09T02:00:00Z');
    const before = { ...intakeStatementCounts };
    setIntakeGroupMax(1);
    try {
      const made = await Promise.all(
        Array.from({ length: 5 }, (_, i) => createOrder(db.orm, AGENT, input(400 + i), now)),
      );
      expect(made.map((m) => m.order.number).sort()).toEqual(
        [1, 2, 3, 4, 5].map((k) => `2025030900${String(k).padStart(3, '0')}`),
      );
    } finally {
      setIntakeGroupMax(64);
    }
    expect(intakeStatementCounts.group - before.group).toBe(0);
    expect(intakeStatementCounts.alone - before.alone).toBe(5);
    expect(() => setIntakeGroupMax(0)).toThrow(/whole number/);
  }, 300_000);

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'fails a group whole on a lock timeout instead of retrying each intake alone (PostgreSQL)',
    async () => {
      const now = new Date('2025-03-10T02:00:00Z');
      await createOrder(db.orm, AGENT, input(500), now); // the day's counter row exists
      const [{ name } = { name: '' }] = await queryRows<{ name: string }>(
        db.orm,
        sql`select current_database() as name`,
      );
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      // Another session holds the day's counter row; this handle waits at most 300 ms for a lock.
      const holder = new pg.Client({ connectionString: url.toString() });
      await holder.connect();
      const limited = await openPostgres(url.toString(), 3, { ...NO_LIMITS, lockMs: 300 });
      try {
        await holder.query('begin');
        await holder.query(`select * from order_number_counters where day = '2025-03-10' for update`);
        const before = { ...intakeStatementCounts };
        const results = await Promise.allSettled(
          Array.from({ length: 6 }, (_, i) => createOrder(limited.orm, AGENT, input(510 + i), now)),
        );
        expect(results.every((r) => r.status === 'rejected')).toBe(true);
        // The first two ran alone and timed out; the four behind them timed out once, together — not once each.
        expect(intakeStatementCounts.alone - before.alone).toBe(2);
      } finally {
        await holder.query('rollback');
        await holder.end();
        await limited.close();
      }
      // Nothing was written or numbered meanwhile: the next intake takes number 2.
      const next = await createOrder(db.orm, AGENT, input(520), now);
      expect(next.order.number).toBe('2025031000002');
    },
    300_000,
  );
});

describe('hostile intakes beside good ones', () => {
  it('refuses a NUL character and an impossible date by field, registers the others gaplessly', async () => {
    const t = await createTestContext('2025-03-11T10:00:00+08:00');
    try {
      await t.addUser('agent', 'agent');
      const headers = await t.as('agent');
      const body = (i: number) => ({ channel: 'phone', type: 'complaint', content: `路灯不亮 ${i}` });
      const payloads = [
        body(1),
        { ...body(2), content: '路灯\u0000不亮' },
        body(3),
        { ...body(4), receivedAt: '2025-02-30T10:00:00+08:00' },
        body(5),
      ];
      const answers = await Promise.all(
        payloads.map((payload) => t.app.inject({ method: 'POST', url: '/api/orders', headers, payload })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual([201, 400, 201, 400, 201]);
      expect(JSON.stringify(answers[1]!.json())).toContain('content');
      expect(JSON.stringify(answers[3]!.json())).toContain('receivedAt');
      const numbers = [0, 2, 4].map((k) => answers[k]!.json().number as string).sort();
      expect(numbers).toEqual(['2025031100001', '2025031100002', '2025031100003']);
    } finally {
      await t.close();
    }
  }, 300_000);
});
