import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { callMetrics, readCallSettings } from '../modules/calls/index.ts';
import { historyRefusal, type RecordedStep } from '../modules/orders/index.ts';
import { createTestDb } from '../testing/test-db.ts';
import { writeSimulation } from './write-simulation.ts';

let db: Db;
let result: Awaited<ReturnType<typeof writeSimulation>>;
const NOW = new Date('2026-03-04T12:00:00+08:00');

beforeAll(async () => {
  db = await createTestDb();
  result = await writeSimulation(db, {
    from: new Date('2026-03-02T00:00:00+08:00'),
    to: new Date('2026-03-04T00:00:00+08:00'),
    agents: 45,
    seed: 11,
    now: NOW,
  });
}, 240_000);
afterAll(() => db.close());

describe('a simulated stretch written to the database', () => {
  it('writes the calls the queue produced, with an answer rate that comes out of it', async () => {
    expect(result.calls).toBeGreaterThan(2000);
    const m = await callMetrics(
      db.orm,
      new Date('2026-03-02T00:00:00+08:00'),
      new Date('2026-03-04T00:00:00+08:00'),
      'day',
      await readCallSettings(db.orm),
    );
    expect(m.totals.offered).toBe(result.calls);
    expect(m.totals.answered).toBe(result.answered);
    expect(m.totals.answerRate).toBeGreaterThan(0.85);
    expect(m.totals.answerRate).toBeLessThan(1);
  });

  it('writes orders whose status is what their history says, numbered without gaps, linked to their calls', async () => {
    expect(result.orders).toBeGreaterThan(1000);
    const [mismatch] = await queryRows<{ n: number }>(
      db.orm,
      sql`select count(*)::int n from orders o
          join lateral (select to_status from order_events e where e.order_id = o.id order by e.at desc, e.id desc limit 1) l on true
          where l.to_status <> o.status`,
    );
    expect(mismatch!.n).toBe(0);
    const [gaps] = await queryRows<{ days: number; bad: number }>(
      db.orm,
      sql`select count(*)::int as days, count(*) filter (where n <> mx)::int as bad from (
            select left(number, 8) d, count(*) n, max(right(number, 5)::int) mx from orders group by 1) x`,
    );
    expect(gaps!.bad).toBe(0);
    const [linked] = await queryRows<{ n: number }>(
      db.orm,
      sql`select count(*)::int n from calls where cardinality(order_numbers) = 1`,
    );
    expect(linked!.n).toBeGreaterThan(1000);
    // Orders of the last day are still in flight at "now".
    const open = await queryRows<{ status: string }>(
      db.orm,
      sql`select distinct status from orders where status not in ('closed', 'archived')`,
    );
    expect(open.length).toBeGreaterThan(0);
  });

  // Issue 11: the simulation writes statuses in bulk, so every order's history is replayed through the table.
  it('writes only histories the transition table allows, step by step', async () => {
    const rows = await queryRows<RecordedStep & { orderId: number; status: string }>(
      db.orm,
      sql`select e.order_id "orderId", e.action, e.from_status "from", e.to_status "to", e.actor_role "role",
            o.status from order_events e join orders o on o.id = e.order_id order by e.order_id, e.at, e.id`,
    );
    const histories = new Map<number, { status: string; steps: RecordedStep[] }>();
    for (const r of rows) {
      const h = histories.get(r.orderId) ?? { status: r.status, steps: [] };
      h.steps.push({ action: r.action, from: r.from, to: r.to, role: r.role });
      histories.set(r.orderId, h);
    }
    expect(histories.size).toBe(result.orders);
    const refused = [...histories].flatMap(([id, h]) => {
      const r = historyRefusal(h.steps);
      if (r) return [{ id, ...r }];
      return h.steps.at(-1)!.to === h.status
        ? []
        : [{ id, index: -1, reason: 'status differs from history' }];
    });
    expect(refused).toEqual([]);
  });

  it('refuses to write the same seed twice', async () => {
    await expect(
      writeSimulation(db, {
        from: new Date('2026-03-02T00:00:00+08:00'),
        to: new Date('2026-03-03T00:00:00+08:00'),
        agents: 45,
        seed: 11,
        now: NOW,
      }),
    ).rejects.toThrow(/already written/);
  });
});
