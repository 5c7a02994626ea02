import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDeadlineSweep } from '../orders/index.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

/** The notification centre over HTTP, fixed clock (Monday 2025-03-03 10:00 in Beijing). */
let t: TestContext;
let zj: number;
let cg: number;

beforeAll(async () => {
  t = await createTestContext();
  zj = await t.addDepartment('ZJJ', '市住房和城乡建设局', '住建局');
  cg = await t.addDepartment('CGJ', '市城市管理局', '城管局');
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
  await t.addUser('zj', 'department', zj);
  await t.addUser('cg', 'department', cg);
});
afterAll(() => t.close());

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, payload, headers: await t.as(user) });
}
const mine = async (user: string) => {
  const res = await call(user, 'GET', '/api/notifications');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { id: string; kind: string; label: string; orderNumber: string; link: string }[];
};

describe('notification centre', () => {
  let order: { id: number; number: string };

  it('tells the department of a new dispatch, and no other department', async () => {
    const created = await call('agent', 'POST', '/api/orders', {
      channel: 'phone',
      type: 'complaint',
      title: '小区门口路灯不亮',
      content: '小区门口路灯已经一周不亮，夜间出行不便。',
      caller: { name: '张先生', phone: '13800001234', callbackWanted: true },
      location: { district: '源汇区', address: '人民路1号' },
    });
    order = created.json();
    t.clock.advance(60_000);
    const d = await call('agent', 'POST', `/api/orders/${order.id}/actions/dispatch`, {
      departmentId: zj,
      timeLimitWorkingDays: 1,
    });
    expect(d.statusCode, d.body).toBe(200);
    const zjItems = await mine('zj');
    expect(zjItems[0]).toMatchObject({
      kind: 'dispatched',
      label: '新交办工单',
      orderNumber: order.number,
      link: `/orders/${order.id}`,
    });
    expect(await mine('cg')).toEqual([]);
  });

  it('tells the office of a return and the department of supervision and a passed deadline', async () => {
    t.clock.advance(60_000);
    await call('office', 'POST', `/api/orders/${order.id}/actions/supervise`, { note: '请尽快办理' });
    expect((await mine('zj')).map((i) => i.kind)).toContain('supervised');
    // One working day: due 24:00 Tuesday; on Wednesday the sweep marks it overdue.
    t.clock.set('2025-03-05T09:00:00+08:00');
    await runDeadlineSweep(t.db.orm, t.clock.now());
    expect((await mine('zj')).map((i) => i.kind)).toContain('overdue');
    expect((await mine('office')).map((i) => i.kind)).toContain('overdue');
    const r = await call('zj', 'POST', `/api/orders/${order.id}/actions/return`, {
      reasonCode: 'not_our_duty',
      reason: '非本单位职责',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await mine('office'))[0]).toMatchObject({ kind: 'returned', orderNumber: order.number });
  });

  it('announces order changes on the orders channel (LISTEN/NOTIFY)', async () => {
    const heard: string[] = [];
    const stop = await t.db.listen('orders_changed', (p) => heard.push(p));
    await call('office', 'POST', `/api/orders/${order.id}/actions/judge-return`, {
      operatorFault: true,
      note: '派单有误',
    });
    await new Promise((r) => setTimeout(r, 300));
    await stop();
    expect(heard).toContain(String(order.id));
    expect((await mine('agent')).map((i) => i.kind)).toContain('return_judged');
  });

  it('refuses the list and the stream without a sign-in', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    const s = await t.app.inject({ method: 'GET', url: '/api/notifications/stream' });
    expect(s.statusCode).toBe(401);
  });
});
