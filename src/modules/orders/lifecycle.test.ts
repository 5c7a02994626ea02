import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

/** The work order's whole life over HTTP, with a fixed clock (Monday 2025-03-03 10:00 in Beijing). */
let t: TestContext;
let zj: number;
let cg: number;

const NEW_ORDER = {
  channel: 'phone',
  type: 'complaint',
  title: '路灯不亮',
  content: '源汇区某小区门口路灯已经一周不亮，夜间出行不便，请尽快维修。',
  caller: { name: '张先生', phone: '13800001234', callbackWanted: true },
  location: { district: '源汇区', address: '人民路1号' },
};

beforeAll(async () => {
  t = await createTestContext();
  zj = await t.addDepartment('ZJJ', '市住房和城乡建设局', '住建局');
  cg = await t.addDepartment('CGJ', '市城市管理局', '城管局');
  await t.addUser('agent', 'agent');
  await t.addUser('lead', 'team_lead');
  await t.addUser('office', 'office');
  await t.addUser('admin', 'admin');
  await t.addUser('zj', 'department', zj);
  await t.addUser('cg', 'department', cg);
});
afterAll(() => t.close());

async function post(user: string, url: string, payload: unknown = {}) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers: await t.as(user) });
}
async function get(user: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: await t.as(user) });
}
async function act(user: string, id: number, action: string, payload: unknown = {}) {
  return post(user, `/api/orders/${id}/actions/${action}`, payload);
}
async function newOrder(payload: object = NEW_ORDER) {
  const res = await post('agent', '/api/orders', payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('authentication and roles', () => {
  it('answers 401 without a token and with a bad one', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/orders' })).statusCode).toBe(401);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/orders',
      headers: { authorization: 'Bearer nope' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.code).toBe('unauthenticated');
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agent', password: 'wrong-1234' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('bad_credentials');
  });

  it('answers 403 to a role that may not act', async () => {
    const res = await post('agent', '/api/departments', { code: 'X1', name: '某局', shortName: '某局' });
    expect(res.statusCode).toBe(403);
    expect((await get('agent', '/api/users')).statusCode).toBe(403);
  });
});

describe('intake', () => {
  it('registers a phone order with a unique human number and a create history row', async () => {
    const o = await newOrder();
    expect(o.status).toBe('registered');
    expect(o.number).toMatch(/^2025030300\d{3}$/);
    expect(o.responseDueAt).toBeNull();
    expect(o.history.map((h: { action: string }) => h.action)).toEqual(['create']);
    expect(o.caller.phone).toBe('13800001234');
    expect(o.allowedActions).toEqual(expect.arrayContaining(['dispatch', 'close-direct', 'merge']));
  });

  it('answers the new order with its category path', async () => {
    const root = (await post('office', '/api/categories', { code: 'CSGL', name: '城市管理' })).json();
    const leaf = (
      await post('office', '/api/categories', {
        code: 'CSGL-LD',
        name: '路灯',
        parentId: root.id,
        departmentId: cg,
      })
    ).json();
    const o = await newOrder({ ...NEW_ORDER, categoryId: leaf.id });
    expect(o.categoryPath).toEqual(['城市管理', '路灯']);
    expect(o.history[0]).toMatchObject({ action: 'create', actor: { role: 'agent', name: 'agent' } });
    const again = (await get('agent', `/api/orders/${o.id}`)).json();
    expect(again.categoryPath).toEqual(['城市管理', '路灯']);
  });

  it('names each bad field in a 400 and writes nothing', async () => {
    const before = (await get('agent', '/api/orders')).json().total;
    const res = await post('agent', '/api/orders', { channel: 'pigeon', type: 'complaint', content: '' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['channel', 'content']));
    expect(res.json().error.messageZh).toContain('输入有误');
    expect((await get('agent', '/api/orders')).json().total).toBe(before);
  });

  it('refuses an unknown category and a receivedAt in the future', async () => {
    const r1 = await post('agent', '/api/orders', { ...NEW_ORDER, categoryId: 999 });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.fields[0].field).toBe('categoryId');
    const r2 = await post('agent', '/api/orders', { ...NEW_ORDER, receivedAt: '2025-03-04T10:00:00+08:00' });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.fields[0].field).toBe('receivedAt');
  });

  it('gives online staff intake a response deadline already met', async () => {
    const o = await newOrder({ ...NEW_ORDER, channel: 'email' });
    expect(o.responseDueAt).toBe('2025-03-04T16:00:00.000Z');
    expect(o.respondedAt).not.toBeNull();
  });
});

describe('the happy path: dispatch, sign, reply, callback, archive', () => {
  it('runs and records every step', async () => {
    const o = await newOrder();
    const archive = await act('agent', o.id, 'archive');
    expect(archive.statusCode).toBe(409);
    expect(archive.json().error.allowedActions).toEqual(expect.arrayContaining(['dispatch']));

    const d = await act('agent', o.id, 'dispatch', { departmentId: zj, timeLimitWorkingDays: 5 });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().status).toBe('dispatched');
    // Monday 10:00 + 5 working days → 24:00 of Monday 2025-03-10
    expect(d.json().handleDueAt).toBe('2025-03-10T16:00:00.000Z');
    expect(d.json().deadlineState).toBe('normal');

    expect((await get('cg', `/api/orders/${o.id}`)).statusCode).toBe(404);
    expect((await act('cg', o.id, 'sign')).statusCode).toBe(404);
    expect((await act('agent', o.id, 'sign')).statusCode).toBe(403);

    t.clock.advance(3600_000);
    const s = await act('zj', o.id, 'sign');
    expect(s.json().status).toBe('in_progress');
    const r = await act('zj', o.id, 'reply', { reply: '已安排维修，路灯恢复照明。' });
    expect(r.json().status).toBe('replied');
    expect(r.json().reply).toBe('已安排维修，路灯恢复照明。');

    const cb = await act('agent', o.id, 'callback', {
      reached: true,
      satisfaction: 'satisfied',
      note: '市民表示满意',
    });
    expect(cb.statusCode, cb.body).toBe(200);
    expect(cb.json().status).toBe('closed');
    expect(cb.json().satisfaction).toBe('satisfied');

    const a = await act('office', o.id, 'archive');
    expect(a.json().status).toBe('archived');

    const detail = (await get('agent', `/api/orders/${o.id}`)).json();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      'create',
      'dispatch',
      'sign',
      'reply',
      'callback',
      'archive',
    ]);
    const dispatchRow = detail.history[1];
    expect(dispatchRow).toMatchObject({
      fromStatus: 'registered',
      toStatus: 'dispatched',
      actor: { role: 'agent' },
    });
    expect(detail.dispatches).toHaveLength(1);
    expect(detail.dispatches[0].outcome).toBe('replied');
    expect(detail.callbacks).toHaveLength(1);
  });

  it('lets a department reply without a separate sign (signing implicitly)', async () => {
    const o = await newOrder();
    await act('agent', o.id, 'dispatch', { departmentId: zj });
    const r = await act('zj', o.id, 'reply', { reply: '已处理' });
    expect(r.json().status).toBe('replied');
    expect(r.json().dispatches[0].signedAt).not.toBeNull();
  });

  it('uses the default time limit without category or override, and the urgent one for urgent orders', async () => {
    const o = await newOrder({ ...NEW_ORDER, urgency: 'urgent' });
    const d = (await act('agent', o.id, 'dispatch', { departmentId: zj })).json();
    expect(d.timeLimitDays).toBe(1);
    expect(d.handleDueAt).toBe('2025-03-04T16:00:00.000Z');
  });
});

describe('unhappy paths', () => {
  it('refuses a stale expectedVersion with 409 and changes nothing', async () => {
    const o = await newOrder();
    const res = await act('agent', o.id, 'dispatch', { departmentId: zj, expectedVersion: o.version + 5 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('stale_version');
    const after = (await get('agent', `/api/orders/${o.id}`)).json();
    expect(after.status).toBe('registered');
    expect(after.history).toHaveLength(1);
  });

  it('rolls back the whole action when its input is invalid deep inside (no half-written dispatch)', async () => {
    const o = await newOrder();
    const res = await act('agent', o.id, 'dispatch', { departmentId: zj, coDepartmentIds: [zj] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('coDepartmentIds');
    const bad = await act('agent', o.id, 'dispatch', { departmentId: 4242 });
    expect(bad.statusCode).toBe(400);
    const after = (await get('agent', `/api/orders/${o.id}`)).json();
    expect(after.status).toBe('registered');
    expect(after.dispatches).toHaveLength(0);
  });

  it('answers 404 for an unknown order and for an unknown action', async () => {
    expect((await get('agent', '/api/orders/99999')).statusCode).toBe(404);
    const o = await newOrder();
    const res = await act('agent', o.id, 'teleport');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('unknown_action');
  });

  it('requires satisfaction when the citizen was reached', async () => {
    const o = await newOrder();
    await act('agent', o.id, 'dispatch', { departmentId: zj });
    await act('zj', o.id, 'reply', { reply: '已处理' });
    const res = await act('agent', o.id, 'callback', { reached: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('satisfaction');
  });
});

describe('return, judgement and re-dispatch (KPI 3)', () => {
  it('records the return, lets the office rule, and dispatches again', async () => {
    const o = await newOrder();
    await act('agent', o.id, 'dispatch', { departmentId: cg });
    const r = await act('cg', o.id, 'return', { reasonCode: 'not_our_duty', reason: '非本单位职责' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'returned', returnCount: 1, returnJudgementPending: true });
    const queue = (await get('office', '/api/orders?unjudgedReturn=true')).json();
    const listed = queue.items.find((x: { id: number }) => x.id === o.id);
    expect(listed.pending.return).toMatchObject({
      departmentId: cg,
      reasonCode: 'not_our_duty',
      reason: '非本单位职责',
    });
    expect((await act('agent', o.id, 'judge-return', { operatorFault: true })).statusCode).toBe(403);
    const j = await act('office', o.id, 'judge-return', { operatorFault: true, note: '派单错误' });
    expect(j.json().returnJudgementPending).toBe(false);
    expect(j.json().returns[0]).toMatchObject({ operatorFault: true, reasonCode: 'not_our_duty' });
    expect((await act('office', o.id, 'judge-return', { operatorFault: false })).statusCode).toBe(409);
    const d = await act('agent', o.id, 'dispatch', { departmentId: zj });
    expect(d.json().status).toBe('dispatched');
    expect(d.json().dispatches.map((x: { outcome: string | null }) => x.outcome)).toEqual(['returned', null]);
    // the returning department no longer sees it once it belongs to another
    expect((await get('cg', `/api/orders/${o.id}`)).statusCode).toBe(404);
  });
});

describe('extension', () => {
  it('moves the deadline by the approved working days, and refuses a second pending request', async () => {
    const o = await newOrder();
    await act('agent', o.id, 'dispatch', { departmentId: zj, timeLimitWorkingDays: 2 });
    const req = await act('zj', o.id, 'request-extension', { workingDays: 3, reason: '需现场勘查' });
    expect(req.json().extensionPending).toBe(true);
    expect((await act('zj', o.id, 'request-extension', { workingDays: 1, reason: 'again' })).statusCode).toBe(
      409,
    );
    const dec = await act('office', o.id, 'decide-extension', { approve: true });
    // due 24:00 Wed Mar 5 + 3 working days → 24:00 Mon Mar 10
    expect(dec.json().handleDueAt).toBe('2025-03-10T16:00:00.000Z');
    expect(dec.json().extensions[0]).toMatchObject({ outcome: 'approved', workingDays: 3 });
  });

  it('keeps the deadline when rejected, and withdraws a pending request when the department replies', async () => {
    const o = await newOrder();
    const d = (await act('agent', o.id, 'dispatch', { departmentId: zj, timeLimitWorkingDays: 2 })).json();
    await act('zj', o.id, 'request-extension', { workingDays: 3, reason: 'x' });
    const rej = (
      await act('office', o.id, 'decide-extension', { approve: false, note: '理由不充分' })
    ).json();
    expect(rej.handleDueAt).toBe(d.handleDueAt);
    await act('zj', o.id, 'request-extension', { workingDays: 1, reason: 'y' });
    const replied = (await act('zj', o.id, 'reply', { reply: '已办理' })).json();
    expect(replied.extensionPending).toBe(false);
    expect(replied.extensions.map((e: { outcome: string }) => e.outcome)).toEqual(['rejected', 'withdrawn']);
  });
});

describe('callback, reopen and closing without a callback', () => {
  it('keeps unreached attempts, reopens on dissatisfaction with a fresh deadline', async () => {
    const o = await newOrder();
    await act('agent', o.id, 'dispatch', { departmentId: zj, timeLimitWorkingDays: 3 });
    await act('zj', o.id, 'reply', { reply: '已处理' });
    const miss = await act('agent', o.id, 'callback', { reached: false, note: '无人接听' });
    expect(miss.json().status).toBe('replied');
    expect(miss.json().allowedActions).not.toContain('close');
    t.clock.advance(86_400_000);
    const reopen = await act('agent', o.id, 'callback', {
      reached: true,
      satisfaction: 'unsatisfied',
      reopen: true,
    });
    expect(reopen.json()).toMatchObject({ status: 'dispatched', reopenCount: 1, departmentId: zj });
    expect(reopen.json().callbacks.map((c: { reached: boolean }) => c.reached)).toEqual([false, true]);
    expect(reopen.json().dispatches.at(-1).reopen).toBe(true);
    t.clock.advance(-86_400_000);
  });

  it('closes without a callback only when none is owed', async () => {
    const o = await newOrder({ ...NEW_ORDER, caller: { name: '匿名', callbackWanted: false } });
    await act('agent', o.id, 'dispatch', { departmentId: zj });
    await act('zj', o.id, 'reply', { reply: '已处理' });
    const c = await act('agent', o.id, 'close', { note: '市民不需回访' });
    expect(c.json().status).toBe('closed');

    const p = await newOrder();
    await act('agent', p.id, 'dispatch', { departmentId: zj });
    await act('zj', p.id, 'reply', { reply: '已处理' });
    expect((await act('agent', p.id, 'close')).statusCode).toBe(409);
    for (let i = 0; i < 3; i++) await act('agent', p.id, 'callback', { reached: false });
    expect((await act('agent', p.id, 'close')).json().status).toBe('closed');
  });
});

describe('direct answer, supervision, instruction, appeal, merge', () => {
  it('closes directly with the answer', async () => {
    const o = await newOrder({ ...NEW_ORDER, type: 'inquiry' });
    const c = (await act('agent', o.id, 'close-direct', { answer: '公积金提取可在政务服务网办理。' })).json();
    expect(c).toMatchObject({
      status: 'closed',
      answer: '公积金提取可在政务服务网办理。',
      answerArticleIds: [],
    });
  });

  it('records the knowledge articles quoted in a direct answer (引用到答复), once each', async () => {
    const o = await newOrder({ ...NEW_ORDER, type: 'inquiry' });
    const answer = '【引用知识】公积金提取可在政务服务网办理。';
    const c = (await act('agent', o.id, 'close-direct', { answer, articleIds: [7, 3, 7] })).json();
    expect(c).toMatchObject({ status: 'closed', answerArticleIds: [7, 3] });
    const o2 = await newOrder({ ...NEW_ORDER, type: 'inquiry' });
    const bad = await act('agent', o2.id, 'close-direct', { answer, articleIds: [2 ** 31] });
    expect(bad.statusCode).toBe(400);
  });

  it('records supervision and instructions without changing status', async () => {
    const o = await newOrder();
    await act('agent', o.id, 'dispatch', { departmentId: zj });
    const s = (await act('office', o.id, 'supervise', { note: '请加快办理' })).json();
    expect(s.status).toBe('dispatched');
    expect(s.supervisions[0]).toMatchObject({ kind: 'manual', note: '请加快办理' });
    const i = (await act('office', o.id, 'instruct', { text: '请住建局主要负责同志亲自督办' })).json();
    expect(i.history.at(-1)).toMatchObject({ action: 'instruct', note: '请住建局主要负责同志亲自督办' });
    expect((await act('zj', o.id, 'instruct', { text: 'x' })).statusCode).toBe(403);
  });

  it('excludes an order from assessment once its appeal is accepted', async () => {
    const o = await newOrder();
    await act('agent', o.id, 'dispatch', { departmentId: zj });
    const a = (await act('zj', o.id, 'appeal', { reason: '诉求不合理，已多次解释' })).json();
    expect(a.appealStatus).toBe('pending');
    expect((await act('zj', o.id, 'appeal', { reason: 'again' })).statusCode).toBe(409);
    const d = (await act('office', o.id, 'decide-appeal', { accept: true })).json();
    expect(d).toMatchObject({ appealStatus: 'accepted', excludedFromAssessment: true });
  });

  it('merges a duplicate into another order, recording it on both', async () => {
    const keep = await newOrder();
    const dup = await newOrder();
    expect((await act('agent', dup.id, 'merge', { intoOrderId: dup.id })).statusCode).toBe(400);
    const m = (await act('agent', dup.id, 'merge', { intoOrderId: keep.id })).json();
    expect(m).toMatchObject({ status: 'merged', mergedIntoId: keep.id, allowedActions: [] });
    const k = (await get('agent', `/api/orders/${keep.id}`)).json();
    expect(k.history.at(-1)).toMatchObject({ action: 'merged-in', data: { mergedOrderId: dup.id } });
    expect((await act('agent', dup.id, 'dispatch', { departmentId: zj })).statusCode).toBe(409);
  });
});
