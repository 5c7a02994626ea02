import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { applyOrderAction } from './actions.ts';
import { DEFAULT_ORDER_SETTINGS } from './handlers/types.ts';
import { createOrder, submitPublicOrder } from './intake-service.ts';
import { getOrderDetail } from './query-service.ts';
import { DEADLINE_SWEEP_LOCK, runDeadlineSweep } from './sweep.ts';
import { sql } from 'drizzle-orm';

let t: TestContext;
let agent: Actor;
let zj: number;
const at = (s: string) => new Date(s);

beforeAll(async () => {
  t = await createTestContext();
  zj = await t.addDepartment('ZJJ', '住建局');
  agent = { ...SYSTEM_ACTOR, id: await t.addUser('agent', 'agent'), role: 'agent' };
});
afterAll(() => t.close());

const base = {
  channel: 'phone' as const,
  type: 'complaint' as const,
  urgency: 'normal' as const,
  content: '小区电梯频繁故障',
  caller: { anonymous: false, callbackWanted: false },
  location: {},
};

describe('deadline sweep', () => {
  it('warns within one working day, marks overdue with automatic supervision, once', async () => {
    const now = at('2025-03-03T10:00:00+08:00');
    const { order: o } = await createOrder(t.db.orm, agent, base, now);
    await applyOrderAction(
      t.db.orm,
      agent,
      o.id,
      'dispatch',
      { departmentId: zj, coDepartmentIds: [], timeLimitWorkingDays: 2 },
      now,
      DEFAULT_ORDER_SETTINGS,
    );
    // due 24:00 Wed Mar 5: not yet warned on Tuesday evening
    expect(await runDeadlineSweep(t.db.orm, at('2025-03-04T23:59:00+08:00'))).toEqual({
      ran: true,
      warned: 0,
      overdue: 0,
    });
    expect(await runDeadlineSweep(t.db.orm, at('2025-03-05T00:00:00+08:00'))).toEqual({
      ran: true,
      warned: 1,
      overdue: 0,
    });
    expect(await runDeadlineSweep(t.db.orm, at('2025-03-05T12:00:00+08:00'))).toEqual({
      ran: true,
      warned: 0,
      overdue: 0,
    });
    expect(await runDeadlineSweep(t.db.orm, at('2025-03-06T00:00:00+08:00'))).toEqual({
      ran: true,
      warned: 0,
      overdue: 1,
    });
    expect(await runDeadlineSweep(t.db.orm, at('2025-03-07T00:00:00+08:00'))).toEqual({
      ran: true,
      warned: 0,
      overdue: 0,
    });
    const d = await getOrderDetail(t.db.orm, agent, o.id, at('2025-03-07T00:00:00+08:00'), 3);
    expect(d.deadlineState).toBe('overdue');
    expect(d.history.map((h) => h.action)).toEqual([
      'create',
      'dispatch',
      'deadline-warning',
      'auto-supervise',
    ]);
    expect(d.supervisions).toHaveLength(1);
    expect(d.supervisions[0]!.kind).toBe('auto_overdue_handling');
  });

  it('watches the online response clock of submissions', async () => {
    // Friday 18:00 online submission: due 24:00 Monday
    const { order } = await submitPublicOrder(
      t.db.orm,
      {
        channel: 'web',
        type: 'help',
        content: '求助：家门口下水道堵塞',
        caller: { phone: '13900000000', anonymous: false, callbackWanted: true },
        location: {},
      },
      at('2025-03-07T18:00:00+08:00'),
    );
    await runDeadlineSweep(t.db.orm, at('2025-03-09T12:00:00+08:00'));
    let d = await getOrderDetail(t.db.orm, agent, order.id, at('2025-03-09T12:00:00+08:00'), 3);
    expect(d.deadlineState).toBe('normal');
    await runDeadlineSweep(t.db.orm, at('2025-03-11T00:00:01+08:00'));
    d = await getOrderDetail(t.db.orm, agent, order.id, at('2025-03-11T00:00:01+08:00'), 3);
    expect(d.deadlineState).toBe('overdue');
    expect(d.supervisions[0]!.kind).toBe('auto_overdue_response');
  });

  // Needs a second connection, which only the PostgreSQL server pass has (PGlite is one connection).
  it.runIf(Boolean(process.env.DATABASE_URL))(
    'takes no part while another process holds the sweep lock',
    async () => {
      const result = await t.db.orm.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${DEADLINE_SWEEP_LOCK})`);
        return runDeadlineSweep(t.db.orm, at('2025-04-01T00:00:00+08:00'));
      });
      expect(result.ran).toBe(false);
    },
  );
});

describe('numbering', () => {
  it('keeps order numbers unique under concurrent intake', async () => {
    const now = at('2025-03-20T09:00:00+08:00');
    const rows = await Promise.all(Array.from({ length: 25 }, () => createOrder(t.db.orm, agent, base, now)));
    const numbers = rows.map((r) => r.order.number).sort();
    expect(new Set(numbers).size).toBe(25);
    expect(numbers[0]).toBe('2025032000001');
    expect(numbers[24]).toBe('2025032000025');
  });
});
