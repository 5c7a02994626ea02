import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { pausedTimeByDepartment } from './pause-stats.ts';
import { runDeadlineSweep } from './sweep.ts';

/** 挂起 over HTTP with a fixed clock (Monday 2025-03-03 10:00 in Beijing). */
let t: TestContext;
let zj: number;
let cg: number;

const ORDER = {
  channel: 'phone',
  type: 'help',
  title: '房屋漏水',
  content: '楼上住户卫生间漏水至我家，已多次协商无果，请协调处理。',
  caller: { name: '李女士', phone: '13800005678', callbackWanted: true },
  location: { district: '源汇区', address: '人民路2号' },
};
const at = (s: string) => `${s}+08:00`;
const iso = (s: string) => new Date(at(s)).toISOString();

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

async function act(user: string, id: number, action: string, payload: object = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/orders/${id}/actions/${action}`,
    payload,
    headers: await t.as(user),
  });
}
async function get(user: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: await t.as(user) });
}
async function ok(user: string, id: number, action: string, payload: object = {}) {
  const res = await act(user, id, action, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** An order dispatched to 住建局 at `when` with `days` working days (due 24:00 of the last one), signed. */
async function dispatched(when = '2025-03-03T10:00:00', days = 5) {
  t.clock.set(at(when));
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    payload: ORDER,
    headers: await t.as('agent'),
  });
  const id = created.json().id as number;
  await ok('agent', id, 'dispatch', { departmentId: zj, timeLimitWorkingDays: days });
  return (await ok('zj', id, 'sign')) as { id: number; handleDueAt: string };
}

const materials = (expectedResumeOn: string) => ({
  reasonCode: 'awaiting_materials',
  note: '需市民补充房屋产权证明及漏水照片',
  expectedResumeOn,
});

describe('挂起: request, approve, resume', () => {
  it('moves the deadline by exactly the paused working time, and the history shows the pause', async () => {
    const o = await dispatched();
    // 5 working days from Monday Mar 3: 24:00 Monday Mar 10
    expect(o.handleDueAt).toBe(iso('2025-03-11T00:00:00'));
    const asked = await ok('zj', o.id, 'request-pause', materials('2025-03-14'));
    expect(asked.pauseState).toBe('pending');
    expect(asked.pauses[0]).toMatchObject({ status: 'pending', reasonCode: 'awaiting_materials' });

    // the office's queue lists it with the request
    const queue = await get('office', '/api/orders?pauseState=pending');
    const row = queue.json().items.find((i: { id: number }) => i.id === o.id);
    expect(row.pending.pause).toMatchObject({
      reasonCode: 'awaiting_materials',
      expectedResumeOn: '2025-03-14',
    });
    expect(row.allowedActions).toContain('decide-pause');
    expect((await get('office', '/api/stats/queues')).json().pausesToDecide).toBeGreaterThanOrEqual(1);

    t.clock.set(at('2025-03-04T09:00:00'));
    const approved = await ok('office', o.id, 'decide-pause', { approve: true, note: '同意挂起' });
    expect(approved.pauseState).toBe('paused');
    expect(approved.pauses[0]).toMatchObject({ status: 'active', startedAt: iso('2025-03-04T09:00:00') });
    expect(approved.allowedActions).not.toContain('request-pause');

    // Tuesday Mar 11 10:00: past the old deadline, yet neither overdue nor listed as such while paused
    t.clock.set(at('2025-03-11T10:00:00'));
    await runDeadlineSweep(t.db.orm, t.clock.now());
    const paused = (await get('zj', `/api/orders/${o.id}`)).json();
    expect(paused.deadlineState).toBe('normal');
    expect(paused.history.map((h: { action: string }) => h.action)).not.toContain('auto-supervise');
    const overdue = (await get('office', '/api/orders?overdue=true')).json();
    expect(overdue.items.map((i: { id: number }) => i.id)).not.toContain(o.id);

    const resumed = await ok('zj', o.id, 'resume', { note: '材料已补齐' });
    // paused Tue 09:00 → next Tue 10:00: 15 h + Wed–Fri 72 h + (weekend 0) + Mon 24 h + 10 h = 121 h
    const minutes = 121 * 60;
    expect(resumed.pauses[0]).toMatchObject({
      status: 'ended',
      endReason: 'resumed',
      pausedWorkingMinutes: minutes,
      oldDueAt: iso('2025-03-11T00:00:00'),
    });
    // 24:00 Mon Mar 10 + 121 h of working time: Tue–Fri 96 h, (weekend), Mon 24 h, then 1 h of Tue Mar 18
    expect(resumed.handleDueAt).toBe(iso('2025-03-18T01:00:00'));
    expect(resumed.dispatches[0].dueAt).toBe(iso('2025-03-18T01:00:00'));
    expect(resumed.pauseState).toBe('none');
    const event = resumed.history.at(-1);
    expect(event).toMatchObject({ action: 'resume', actor: { role: 'department' } });
    expect(event.data).toMatchObject({
      reasonCode: 'awaiting_materials',
      startedAt: iso('2025-03-04T09:00:00'),
      endedAt: iso('2025-03-11T10:00:00'),
      pausedWorkingMinutes: minutes,
      newDueAt: iso('2025-03-18T01:00:00'),
    });
    expect(event.data.approvedBy).toBe(approved.history.at(-1).actor.id);
    expect(resumed.history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['request-pause', 'decide-pause', 'resume']),
    );

    // replied before the moved deadline: on time in the department's figures
    await ok('zj', o.id, 'reply', { reply: '已协调楼上住户维修，漏水已处理。' });
    const figures = await pausedTimeByDepartment(
      t.db.orm,
      new Date(at('2025-03-01T00:00:00')),
      new Date(at('2025-04-01T00:00:00')),
      t.clock.now(),
    );
    expect(figures.find((f) => f.departmentId === zj)).toMatchObject({
      pauses: 1,
      pausedWorkingMinutes: minutes,
    });
  });

  it('a rejected request leaves the deadline; the department may ask again', async () => {
    const o = await dispatched();
    await ok('zj', o.id, 'request-pause', materials('2025-03-07'));
    const rejected = await ok('office', o.id, 'decide-pause', { approve: false, note: '材料可电话补充' });
    expect(rejected.handleDueAt).toBe(o.handleDueAt);
    expect(rejected.pauseState).toBe('none');
    expect(rejected.pauses[0].status).toBe('rejected');
    expect((await act('zj', o.id, 'request-pause', materials('2025-03-07'))).statusCode).toBe(200);
  });

  it('resumes by itself when the expected day begins (the sweep), counting only up to that day', async () => {
    const o = await dispatched();
    await ok('zj', o.id, 'request-pause', {
      reasonCode: 'awaiting_inspection',
      note: '等待第三方检测机构现场检测',
      expectedResumeOn: '2025-03-06',
    });
    t.clock.set(at('2025-03-04T09:00:00'));
    await ok('office', o.id, 'decide-pause', { approve: true });
    const before = await runDeadlineSweep(t.db.orm, new Date(at('2025-03-05T23:00:00')));
    expect(before.resumed ?? 0).toBe(0);
    const r = await runDeadlineSweep(t.db.orm, new Date(at('2025-03-06T12:00:00')));
    expect(r.resumed).toBeGreaterThanOrEqual(1);
    t.clock.set(at('2025-03-06T12:00:00'));
    const d = (await get('office', `/api/orders/${o.id}`)).json();
    expect(d.pauseState).toBe('none');
    // Tue 09:00 → Thu 00:00: 15 h + 24 h
    expect(d.pauses[0]).toMatchObject({
      status: 'ended',
      endReason: 'expected_date',
      endedAt: iso('2025-03-06T00:00:00'),
      pausedWorkingMinutes: 39 * 60,
    });
    // 24:00 Mon Mar 10 + 39 h: Tuesday whole, then 15 h of Wednesday
    expect(d.handleDueAt).toBe(iso('2025-03-12T15:00:00'));
    const auto = d.history.at(-1);
    expect(auto).toMatchObject({ action: 'auto-resume', actor: { role: 'system' } });
    expect(auto.data).toMatchObject({ endReason: 'expected_date', pausedWorkingMinutes: 39 * 60 });
    expect((await runDeadlineSweep(t.db.orm, new Date(at('2025-03-06T13:00:00')))).resumed ?? 0).toBe(0);
  });

  it('is never warned or overdue while paused', async () => {
    // 1 working day: due 24:00 Tuesday Mar 4
    const o = await dispatched('2025-03-03T10:00:00', 1);
    await ok('zj', o.id, 'request-pause', materials('2025-03-20'));
    t.clock.set(at('2025-03-03T11:00:00'));
    await ok('office', o.id, 'decide-pause', { approve: true });
    await runDeadlineSweep(t.db.orm, new Date(at('2025-03-04T12:00:00')));
    await runDeadlineSweep(t.db.orm, new Date(at('2025-03-06T12:00:00')));
    t.clock.set(at('2025-03-06T12:00:00'));
    const d = (await get('zj', `/api/orders/${o.id}`)).json();
    expect(d.deadlineState).toBe('normal');
    // no countdown runs on a paused clock
    expect(d.activeDeadline).toBeNull();
    const actions = d.history.map((h: { action: string }) => h.action);
    expect(actions).not.toContain('deadline-warning');
    expect(actions).not.toContain('auto-supervise');
    const soon = (await get('zj', '/api/orders?dueSoon=true')).json();
    expect(soon.items.map((i: { id: number }) => i.id)).not.toContain(o.id);
    const paused = (await get('zj', '/api/orders?pauseState=paused')).json();
    expect(paused.items.map((i: { id: number }) => i.id)).toContain(o.id);
    // the office may resume it too
    expect((await act('office', o.id, 'resume')).statusCode).toBe(200);
  });
});

describe('挂起: what is refused', () => {
  it('answers 409 to a transition the order is not in', async () => {
    const o = await dispatched();
    expect((await act('zj', o.id, 'resume')).statusCode).toBe(409);
    expect((await act('office', o.id, 'decide-pause', { approve: true })).statusCode).toBe(409);
    await ok('zj', o.id, 'request-pause', materials('2025-03-07'));
    const twice = await act('zj', o.id, 'request-pause', materials('2025-03-07'));
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('action_not_allowed');
    expect((await act('zj', o.id, 'resume')).statusCode).toBe(409);
    await ok('zj', o.id, 'reply', { reply: '已处理完毕' });
    // replied: the pending request was withdrawn, and nothing about pauses is allowed any more
    const d = (await get('office', `/api/orders/${o.id}`)).json();
    expect(d.pauses[0].status).toBe('withdrawn');
    expect(d.pauseState).toBe('none');
    expect((await act('zj', o.id, 'request-pause', materials('2025-03-07'))).statusCode).toBe(409);
  });

  it('names the field of a bad reason or date', async () => {
    const o = await dispatched();
    const field = async (payload: object) => {
      const res = await act('zj', o.id, 'request-pause', payload);
      expect(res.statusCode, res.body).toBe(400);
      return res.json().error.fields.map((f: { field: string }) => f.field);
    };
    expect(await field({ ...materials('2025-03-07'), reasonCode: 'too_busy' })).toEqual(['reasonCode']);
    expect(await field(materials('2025-02-30'))).toEqual(['expectedResumeOn']);
    expect(await field(materials('2025-03-03'))).toEqual(['expectedResumeOn']);
    // past the longest pause (20 working days from Mar 3 is Mar 31)
    expect(await field(materials('2025-04-01'))).toEqual(['expectedResumeOn']);
    expect(await field({ reasonCode: 'awaiting_materials', expectedResumeOn: '2025-03-07' })).toEqual([
      'note',
    ]);
    expect((await act('zj', o.id, 'request-pause', materials('2025-03-31'))).statusCode).toBe(200);
  });

  it('lets only the office decide and only the lead department ask', async () => {
    const o = await dispatched();
    expect((await act('agent', o.id, 'request-pause', materials('2025-03-07'))).statusCode).toBe(403);
    expect((await act('cg', o.id, 'request-pause', materials('2025-03-07'))).statusCode).toBe(404);
    await ok('zj', o.id, 'request-pause', materials('2025-03-07'));
    expect((await act('zj', o.id, 'decide-pause', { approve: true })).statusCode).toBe(403);
    expect((await act('agent', o.id, 'decide-pause', { approve: true })).statusCode).toBe(403);
  });

  it('refuses to pause an order already overdue', async () => {
    const o = await dispatched('2025-03-03T10:00:00', 1);
    t.clock.set(at('2025-03-05T10:00:00'));
    const res = await act('zj', o.id, 'request-pause', materials('2025-03-07'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('deadline_passed');
  });

  it('a reply while paused ends the pause first and is judged against the moved deadline', async () => {
    const o = await dispatched('2025-03-03T10:00:00', 1);
    await ok('zj', o.id, 'request-pause', materials('2025-03-20'));
    t.clock.set(at('2025-03-04T00:00:00'));
    await ok('office', o.id, 'decide-pause', { approve: true });
    // paused Tuesday 00:00 → Thursday 10:00: 58 h; the deadline moves from 24:00 Tuesday to Friday 10:00
    t.clock.set(at('2025-03-06T10:00:00'));
    const replied = await ok('zj', o.id, 'reply', { reply: '已处理' });
    expect(replied.pauses[0]).toMatchObject({
      status: 'ended',
      endReason: 'order_left',
      pausedWorkingMinutes: 58 * 60,
    });
    expect(replied.handleDueAt).toBe(iso('2025-03-07T10:00:00'));
    const ev = replied.history.at(-1);
    expect(ev.action).toBe('reply');
    expect(ev.data.late).toBe(false);
    expect(ev.data.pauseEnded).toMatchObject({ endReason: 'order_left' });
  });

  it('lists the reasons and the longest pause from the settings', async () => {
    const res = await get('zj', '/api/orders/pause-reasons');
    expect(res.statusCode).toBe(200);
    expect(res.json().maxWorkingDays).toBe(20);
    expect(res.json().reasons.map((r: { code: string }) => r.code)).toEqual([
      'awaiting_materials',
      'awaiting_inspection',
      'legal_procedure',
    ]);
  });
});

describe('挂起: the words on the history', () => {
  it('names the reason, the day and the moved deadline in plain city time', async () => {
    const o = await dispatched();
    const asked = await ok('zj', o.id, 'request-pause', materials('2025-03-05'));
    expect(asked.history.at(-1).note).toBe(
      '【等待群众补充材料】预计 2025-03-05 恢复办理。需市民补充房屋产权证明及漏水照片',
    );
    t.clock.set(at('2025-03-04T09:00:00'));
    await ok('office', o.id, 'decide-pause', { approve: true });
    t.clock.set(at('2025-03-04T11:30:00'));
    const resumed = await ok('zj', o.id, 'resume');
    expect(resumed.history.at(-1).note).toBe(
      '挂起 2025-03-04 09:00 至 2025-03-04 11:30，暂停计时 2 小时 30 分（工作日时间），办理时限顺延至 2025-03-11 02:30',
    );
  });
});

describe('挂起: who is told', () => {
  it('tells the office of a request and the department of the decision', async () => {
    const o = await dispatched();
    await ok('zj', o.id, 'request-pause', materials('2025-03-07'));
    const kinds = async (user: string) =>
      (await get(user, '/api/notifications')).json().items.map((i: { kind: string }) => i.kind);
    expect(await kinds('office')).toContain('pause_requested');
    await ok('office', o.id, 'decide-pause', { approve: true });
    expect(await kinds('zj')).toContain('pause_decided');
  });
});

describe('挂起 and 派单异议', () => {
  it('a redirect (改派) ends the pause of the department the order leaves', async () => {
    const o = await dispatched();
    await ok('zj', o.id, 'request-pause', materials('2025-03-07'));
    await ok('office', o.id, 'decide-pause', { approve: true });
    await ok('zj', o.id, 'dispute', { reason: '该事项属城管职责', proposedDepartmentId: cg });
    const redirected = await ok('office', o.id, 'decide-dispute', { decision: 'redirect', departmentId: cg });
    expect(redirected.departmentId).toBe(cg);
    expect(redirected.pauseState).toBe('none');
    expect(redirected.pauses[0]).toMatchObject({ status: 'ended', endReason: 'order_left' });
  });
});
