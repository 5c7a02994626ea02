import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { flaggedCategories } from './dispute-flags.ts';
import { disputeFiguresByDepartment } from './dispute-reads.ts';
import { returnCounts, returnRate } from './indicators.ts';
import { countsOf } from '../../platform/indicator.ts';

/** 派单异议 over HTTP with a fixed clock (Monday 2025-03-03 10:00 in Beijing). */
let t: TestContext;
let zj: number;
let cg: number;
let sw: number;
let closed: number;
let category: number;
const START = '2025-03-03T10:00:00+08:00';

beforeAll(async () => {
  t = await createTestContext(START);
  zj = await t.addDepartment('ZJJ', '市住房和城乡建设局', '住建局');
  cg = await t.addDepartment('CGJ', '市城市管理局', '城管局');
  sw = await t.addDepartment('SWJ', '市水务局', '水务局');
  closed = await t.addDepartment('OLD', '已撤并单位', '撤并');
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
  await t.addUser('admin', 'admin');
  await t.addUser('zj', 'department', zj);
  await t.addUser('cg', 'department', cg);
  await t.addUser('sw', 'department', sw);
  const off = await patch('admin', `/api/departments/${closed}`, { active: false });
  expect(off.statusCode, off.body).toBe(200);
  const cat = await post('admin', '/api/categories', { code: 'LD', name: '路灯', departmentId: zj });
  expect(cat.statusCode, cat.body).toBe(201);
  category = cat.json().id;
});
afterAll(() => t.close());

async function post(user: string, url: string, payload: unknown = {}) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers: await t.as(user) });
}
async function patch(user: string, url: string, payload: unknown) {
  return t.app.inject({ method: 'PATCH', url, payload: payload as object, headers: await t.as(user) });
}
async function get(user: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: await t.as(user) });
}
async function act(user: string, id: number, action: string, payload: unknown = {}) {
  return post(user, `/api/orders/${id}/actions/${action}`, payload);
}
async function ok(user: string, id: number, action: string, payload: unknown = {}) {
  const res = await act(user, id, action, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
/** A phone order in the street-light category dispatched to 住建局. */
async function dispatchedOrder(): Promise<number> {
  const res = await post('agent', '/api/orders', {
    channel: 'phone',
    type: 'complaint',
    categoryId: category,
    title: '路灯不亮',
    content: '小区门口路灯一周不亮。',
    caller: { name: '张先生', phone: '13800001234' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  await ok('agent', id, 'dispatch', { departmentId: zj });
  return id;
}

describe('raising a dispute', () => {
  it('is recorded with its decision time, and a second one while it is pending is refused', async () => {
    const id = await dispatchedOrder();
    const o = await ok('zj', id, 'dispute', { reason: '路灯由城管局管理', proposedDepartmentId: cg });
    expect(o.status).toBe('dispatched');
    expect(o.allowedActions).not.toContain('dispute');
    const again = await act('zj', id, 'dispute', { reason: '再次异议' });
    expect(again.statusCode).toBe(409);
    const list = (await get('zj', `/api/orders/${id}/disputes`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      outcome: 'pending',
      outcomeLabel: '待裁定',
      departmentId: zj,
      proposedDepartmentId: cg,
      proposedDepartmentName: '市城市管理局',
      categoryId: category,
      overdue: false,
    });
    // 1 working day (the setting's default) from Monday 10:00: the end of Tuesday (midnight).
    expect(new Date(list.items[0].decideDueAt).toISOString()).toBe('2025-03-04T16:00:00.000Z');
  });

  it('names the field when the proposed department is the disputer itself or inactive, and needs a reason', async () => {
    const id = await dispatchedOrder();
    for (const proposedDepartmentId of [zj, closed, 999_999]) {
      const res = await act('zj', id, 'dispute', { reason: '不属本单位', proposedDepartmentId });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.fields[0].field).toBe('proposedDepartmentId');
    }
    const blank = await act('zj', id, 'dispute', { reason: '  ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].field).toBe('reason');
  });

  it('is the lead department’s: a co-handler, another department and the operator may not', async () => {
    const id = await dispatchedOrder();
    expect((await act('cg', id, 'dispute', { reason: 'x' })).statusCode).toBe(404);
    expect((await act('agent', id, 'dispute', { reason: 'x' })).statusCode).toBe(403);
  });
});

describe('the office decides', () => {
  it('uphold: the department keeps the order, not counted as misrouted', async () => {
    const id = await dispatchedOrder();
    await ok('zj', id, 'dispute', { reason: '不属本单位', proposedDepartmentId: cg });
    expect((await act('zj', id, 'decide-dispute', { decision: 'uphold' })).statusCode).toBe(403);
    expect((await act('agent', id, 'decide-dispute', { decision: 'uphold' })).statusCode).toBe(403);
    const o = await ok('office', id, 'decide-dispute', { decision: 'uphold', note: '按目录属住建局' });
    expect(o.departmentId).toBe(zj);
    expect(o.status).toBe('dispatched');
    expect(o.allowedActions).not.toContain('decide-dispute');
    const [d] = (await get('office', `/api/orders/${id}/disputes`)).json().items;
    expect(d).toMatchObject({ outcome: 'uphold', decisionNote: '按目录属住建局', decidedDepartmentId: null });
    // The department may dispute again later (one pending at a time, not one ever).
    expect((await act('zj', id, 'dispute', { reason: '补充理由' })).statusCode).toBe(200);
  });

  it('redirect: a new dispatch to the proposed department with a new deadline; the other department sees it', async () => {
    const id = await dispatchedOrder();
    await ok('zj', id, 'sign');
    await ok('zj', id, 'dispute', { reason: '路灯归城管', proposedDepartmentId: cg });
    t.clock.set('2025-03-04T09:00:00+08:00');
    const o = await ok('office', id, 'decide-dispute', { decision: 'redirect' });
    t.clock.set(START);
    expect(o.status).toBe('dispatched');
    expect(o.departmentId).toBe(cg);
    expect(o.dispatches).toHaveLength(2);
    expect(o.dispatches[0]).toMatchObject({ departmentId: zj, outcome: 'redirected' });
    expect(o.dispatches[1]).toMatchObject({ departmentId: cg, endedAt: null });
    expect(new Date(o.handleDueAt).getTime()).toBeGreaterThan(new Date('2025-03-08T00:00:00Z').getTime());
    expect((await get('cg', `/api/orders/${id}`)).statusCode).toBe(200);
    expect((await get('zj', `/api/orders/${id}`)).statusCode).toBe(404);
    expect((await act('cg', id, 'sign')).statusCode).toBe(200);
  });

  it('redirect to a department given by the office, but never to the current lead or an inactive one', async () => {
    const id = await dispatchedOrder();
    await ok('zj', id, 'dispute', { reason: '不属本单位' });
    const none = await act('office', id, 'decide-dispute', { decision: 'redirect' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields[0].field).toBe('departmentId');
    for (const departmentId of [zj, closed]) {
      const bad = await act('office', id, 'decide-dispute', { decision: 'redirect', departmentId });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.fields[0].field).toBe('departmentId');
    }
    const o = await ok('office', id, 'decide-dispute', { decision: 'redirect', departmentId: sw });
    expect(o.departmentId).toBe(sw);
  });

  it('joint: the lead keeps the order and the proposed department joins as a co-handler', async () => {
    const id = await dispatchedOrder();
    await ok('zj', id, 'dispute', { reason: '需水务局共同处理', proposedDepartmentId: sw });
    const o = await ok('office', id, 'decide-dispute', { decision: 'joint' });
    expect(o.departmentId).toBe(zj);
    expect(o.coDepartmentIds).toEqual([sw]);
    expect(o.dispatches.at(-1).coDepartmentIds).toEqual([sw]);
    expect((await get('sw', `/api/orders/${id}`)).statusCode).toBe(200);
    // It joins with its own co-handling task, due no later than the lead's deadline; the lead's reply waits for it.
    expect(o.coTasks).toHaveLength(1);
    expect(o.coTasks[0]).toMatchObject({ departmentId: sw, repliedAt: null });
    expect(new Date(o.coTasks[0].dueAt).getTime()).toBeLessThanOrEqual(new Date(o.handleDueAt).getTime());
    const early = await act('zj', id, 'reply', { reply: '已处理' });
    expect(early.statusCode).toBe(409);
    // A department already co-handling cannot join again.
    await ok('zj', id, 'dispute', { reason: '再议', proposedDepartmentId: sw });
    const twice = await act('office', id, 'decide-dispute', { decision: 'joint' });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.fields[0].field).toBe('departmentId');
  });

  it('a pending dispute is withdrawn when the department returns the order instead', async () => {
    const id = await dispatchedOrder();
    await ok('zj', id, 'dispute', { reason: '不属本单位' });
    const o = await ok('zj', id, 'return', { reasonCode: 'not_our_duty', reason: '不属本单位' });
    expect(o.allowedActions).not.toContain('decide-dispute');
    const [d] = (await get('office', `/api/orders/${id}/disputes`)).json().items;
    expect(d.outcome).toBe('withdrawn');
  });

  it('the office is told of a dispute, the department of the decision', async () => {
    const kinds = async (user: string) =>
      ((await get(user, '/api/notifications')).json().items as { kind: string; orderNumber: string }[]).map(
        (i) => `${i.kind} ${i.orderNumber}`,
      );
    const id = await dispatchedOrder();
    const { number } = (await get('office', `/api/orders/${id}`)).json();
    await ok('zj', id, 'dispute', { reason: '不属本单位' });
    expect(await kinds('office')).toContain(`dispute_raised ${number}`);
    await ok('office', id, 'decide-dispute', { decision: 'uphold' });
    expect(await kinds('zj')).toContain(`dispute_decided ${number}`);
  });

  it('every step is on the order’s history', async () => {
    const id = await dispatchedOrder();
    await ok('zj', id, 'dispute', { reason: '路灯归城管', proposedDepartmentId: cg });
    const o = await ok('office', id, 'decide-dispute', { decision: 'redirect', note: '改派城管局' });
    const steps = o.history.map((h: { action: string }) => h.action);
    expect(steps.slice(-2)).toEqual(['dispute', 'decide-dispute']);
    const [raised, decided] = o.history.slice(-2);
    expect(raised).toMatchObject({ note: '路灯归城管', actor: { role: 'department' } });
    expect(raised.data).toMatchObject({ departmentId: zj, proposedDepartmentId: cg });
    expect(decided).toMatchObject({ fromStatus: 'dispatched', toStatus: 'dispatched', note: '改派城管局' });
    expect(decided.data).toMatchObject({ decision: 'redirect', departmentId: cg, fromDepartmentId: zj });
  });
});

describe('the office’s list of disputes', () => {
  it('shows pending ones and those past the decision time as overdue at now', async () => {
    const id = await dispatchedOrder();
    await ok('zj', id, 'dispute', { reason: '不属本单位' });
    const before = (await get('office', '/api/order-disputes?state=pending&pageSize=200')).json();
    const mine = before.items.find((d: { orderId: number }) => d.orderId === id);
    expect(mine.overdue).toBe(false);
    t.clock.set('2025-03-05T09:00:00+08:00');
    const overdue = (await get('office', '/api/order-disputes?state=overdue&pageSize=200')).json();
    expect(overdue.items.map((d: { orderId: number }) => d.orderId)).toContain(id);
    expect(overdue.overdue).toBe(overdue.total);
    t.clock.set(START);
    // A department sees only the disputes it raised; the operator none.
    const cgList = (await get('cg', '/api/order-disputes?state=all')).json();
    expect(cgList.items.every((d: { departmentId: number }) => d.departmentId === cg)).toBe(true);
    expect((await get('agent', '/api/order-disputes')).statusCode).toBe(403);
  });
});

describe('the return-rate KPI (交办单退回率)', () => {
  it('counts a redirect after a dispute as misrouted, an uphold and a joint decision not', async () => {
    const from = new Date('2025-03-10T00:00:00+08:00');
    const to = new Date('2025-03-11T00:00:00+08:00');
    t.clock.set('2025-03-10T10:00:00+08:00');
    const [upheld, redirected, joint, pending] = [
      await dispatchedOrder(),
      await dispatchedOrder(),
      await dispatchedOrder(),
      await dispatchedOrder(),
    ];
    for (const id of [upheld, redirected, joint, pending])
      await ok('zj', id, 'dispute', { reason: '不属本单位', proposedDepartmentId: cg });
    await ok('office', upheld, 'decide-dispute', { decision: 'uphold' });
    await ok('office', redirected, 'decide-dispute', { decision: 'redirect' });
    await ok('office', joint, 'decide-dispute', { decision: 'joint' });
    t.clock.set(START);
    const f = await returnRate(t.db.orm, from, to);
    // Four first dispatches and the redirect's new one; only the redirected first dispatch is misrouted.
    expect(f.denominator).toBe(5);
    expect(f.numerator).toBe(1);
    const detail = (await get('office', `/api/orders/${redirected}`)).json();
    expect(f.evidence.met).toEqual([detail.dispatches[0].id]);
    expect(f.excluded.find((e) => e.reason === 'dispute not yet decided')?.ids).toHaveLength(1);
    // The assessment's counts mode counts exactly the records the drill-down lists (issue 18).
    expect(await returnCounts(t.db.orm, from, to)).toEqual(countsOf(f));
    const figures = await disputeFiguresByDepartment(t.db.orm, from, to);
    expect(figures).toEqual([
      { departmentId: zj, raised: 4, upheld: 1, redirected: 1, joint: 1, pending: 1, withdrawn: 0 },
    ]);
  });
});

describe('the catalogue flag', () => {
  it('flags a category disputed N times within M days (settings), with the departments involved', async () => {
    // Two more disputes by 城管局 on orders redirected to it, at a fixed `now`.
    t.clock.set('2025-03-12T10:00:00+08:00');
    for (let i = 0; i < 2; i++) {
      const id = await dispatchedOrder();
      await ok('zj', id, 'dispute', { reason: '路灯归城管', proposedDepartmentId: cg });
      await ok('office', id, 'decide-dispute', { decision: 'redirect' });
      await ok('cg', id, 'dispute', { reason: '路灯归住建', proposedDepartmentId: zj });
    }
    const res = await get('office', '/api/order-disputes/flags');
    t.clock.set(START);
    expect(res.statusCode, res.body).toBe(200);
    const flags = res.json();
    expect(flags).toMatchObject({ minDisputes: 3, windowDays: 30 });
    const flag = flags.items.find((f: { categoryId: number }) => f.categoryId === category);
    expect(flag.categoryPath).toEqual(['路灯']);
    expect(flag.departments[0]).toMatchObject({ departmentId: zj, name: '市住房和城乡建设局' });
    expect(flag.departments.map((d: { departmentId: number }) => d.departmentId)).toContain(cg);
    expect(flag.departments.find((d: { departmentId: number }) => d.departmentId === cg).disputes).toBe(2);
    expect((await get('zj', '/api/order-disputes/flags')).statusCode).toBe(403);
    // The threshold is the setting: raised above the count, the category is no longer flagged.
    const put = async (value: number) =>
      t.app.inject({
        method: 'PUT',
        url: '/api/settings/orders.disputeFlagCount',
        payload: { value },
        headers: await t.as('office'),
      });
    expect((await put(1000)).statusCode).toBe(200);
    t.clock.set('2025-03-12T10:00:00+08:00');
    const none = (await get('office', '/api/order-disputes/flags')).json();
    t.clock.set(START);
    expect(none.minDisputes).toBe(1000);
    expect(none.items).toEqual([]);
    expect((await put(3)).statusCode).toBe(200);
  });

  it('the rule counts only the window ending at now and categorised orders (pure)', () => {
    const now = new Date('2025-04-01T00:00:00Z');
    const at = (d: string) => new Date(d);
    const disputes = [
      { categoryId: 1, departmentId: 10, outcome: 'uphold', raisedAt: at('2025-03-30T00:00:00Z') },
      { categoryId: 1, departmentId: 11, outcome: 'redirect', raisedAt: at('2025-03-20T00:00:00Z') },
      { categoryId: 1, departmentId: 10, outcome: 'pending', raisedAt: at('2025-02-01T00:00:00Z') },
      { categoryId: 2, departmentId: 10, outcome: 'uphold', raisedAt: at('2025-03-31T00:00:00Z') },
      { categoryId: null, departmentId: 10, outcome: 'uphold', raisedAt: at('2025-03-31T00:00:00Z') },
      { categoryId: null, departmentId: 10, outcome: 'uphold', raisedAt: at('2025-03-31T00:00:00Z') },
    ];
    const flags = flaggedCategories(disputes, now, { minDisputes: 2, windowDays: 30 });
    expect(flags).toEqual([
      {
        categoryId: 1,
        disputes: 2,
        outcomes: { uphold: 1, redirect: 1 },
        departments: [
          { departmentId: 10, disputes: 1 },
          { departmentId: 11, disputes: 1 },
        ],
        lastRaisedAt: at('2025-03-30T00:00:00Z'),
      },
    ]);
    expect(flaggedCategories(disputes, now, { minDisputes: 3, windowDays: 90 })[0]!.disputes).toBe(3);
  });
});
