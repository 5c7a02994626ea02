import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../calendar/service.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { coDueAt } from './co-handling.ts';
import { coHandlingByDepartment } from './co-handling-reads.ts';
import { runDeadlineSweep } from './sweep.ts';

/** 协办 over HTTP, with a fixed clock: Monday 2025-03-03 10:00 in Beijing (issue 17). */
let t: TestContext;
let zj: number;
let cg: number;
let sw: number;
let hb: number;
const at = (s: string) => new Date(s);
const MONDAY = '2025-03-03T10:00:00+08:00';

const NEW_ORDER = {
  channel: 'phone',
  type: 'complaint',
  title: '小区积水',
  content: '某小区雨后积水严重，排水管道堵塞，路面破损。',
  caller: { name: '李女士', phone: '13800005678', callbackWanted: true },
  location: { district: '源汇区', address: '黄河路2号' },
};

beforeAll(async () => {
  t = await createTestContext(MONDAY);
  zj = await t.addDepartment('ZJJ', '市住房和城乡建设局', '住建局');
  cg = await t.addDepartment('CGJ', '市城市管理局', '城管局');
  sw = await t.addDepartment('SWJ', '市水利局', '水利局');
  hb = await t.addDepartment('HBJ', '市生态环境局', '环境局');
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
  await t.addUser('zj', 'department', zj);
  await t.addUser('cg', 'department', cg);
  await t.addUser('sw', 'department', sw);
  await t.addUser('hb', 'department', hb);
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
/** A new order dispatched to 住建局 with 城管局 and 水利局 co-handling. */
async function dispatchedWithCoHandlers(days = 5) {
  t.clock.set(MONDAY);
  const created = await post('agent', '/api/orders', NEW_ORDER);
  expect(created.statusCode, created.body).toBe(201);
  const res = await act('agent', created.json().id, 'dispatch', {
    departmentId: zj,
    coDepartmentIds: [cg, sw],
    timeLimitWorkingDays: days,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('co-handling (协办)', () => {
  it('gives each co-handler its own task, due a working day before the lead', async () => {
    const o = await dispatchedWithCoHandlers();
    // Lead: 5 working days → 24:00 Mon 10 March; co-handlers one working day earlier → 24:00 Fri 7 March.
    expect(o.handleDueAt).toBe(at('2025-03-11T00:00:00+08:00').toISOString());
    expect(o.coTasks.map((c: { departmentId: number }) => c.departmentId)).toEqual([cg, sw]);
    for (const c of o.coTasks) {
      expect(c.dueAt).toBe(at('2025-03-08T00:00:00+08:00').toISOString());
      expect(c).toMatchObject({ signedAt: null, repliedAt: null, releasedAt: null, overdue: false });
    }
    expect(o.coTasks[0].departmentName).toBe('市城市管理局');
    const dispatchEvent = o.history.find((h: { action: string }) => h.action === 'dispatch');
    expect(dispatchEvent.data.coTasks).toHaveLength(2);
  });

  it('co-handlers sign and answer, the office releases one, then the lead replies consolidating', async () => {
    const o = await dispatchedWithCoHandlers();
    const seen = await get('cg', `/api/orders/${o.id}`);
    expect(seen.json().allowedActions).toEqual(expect.arrayContaining(['co-sign', 'co-reply']));
    expect(seen.json().allowedActions).not.toContain('reply');
    const queues = (await get('cg', '/api/stats/queues')).json();
    expect(queues.coToAnswer).toBeGreaterThanOrEqual(1);

    t.clock.set('2025-03-04T09:00:00+08:00');
    const signed = await act('cg', o.id, 'co-sign', { note: '已安排人员' });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().status).toBe('dispatched');
    const again = await act('cg', o.id, 'co-sign', {});
    expect(again.statusCode).toBe(409);

    const mine = await get('cg', '/api/orders/co-tasks');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.find((i: { orderId: number }) => i.orderId === o.id)).toMatchObject({
      orderNumber: o.number,
      dueAt: at('2025-03-08T00:00:00+08:00').toISOString(),
    });

    // The lead may not reply while co-handlers are pending: 409 naming them.
    const early = await act('zj', o.id, 'reply', { reply: '已处理' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('co_handlers_pending');
    expect(early.json().error.messageZh).toContain('市城市管理局');
    expect(early.json().error.messageZh).toContain('市水利局');

    const answered = await act('cg', o.id, 'co-reply', { reply: '城管局已清理路面杂物并修复破损路面。' });
    expect(answered.statusCode, answered.body).toBe(200);
    const stillSw = await act('zj', o.id, 'reply', { reply: '已处理' });
    expect(stillSw.json().error.messageZh).toContain('市水利局');
    expect(stillSw.json().error.messageZh).not.toContain('市城市管理局');

    const released = await act('office', o.id, 'release-co', {
      departmentId: sw,
      reason: '积水不涉及水利设施',
    });
    expect(released.statusCode, released.body).toBe(200);
    expect(released.json().coDepartmentIds).toEqual([cg]);

    const replied = await act('zj', o.id, 'reply', { reply: '已疏通排水管道，城管局修复了路面。' });
    expect(replied.statusCode, replied.body).toBe(200);
    const d = replied.json();
    expect(d.status).toBe('replied');
    const byAction = (a: string) => d.history.filter((h: { action: string }) => h.action === a);
    expect(byAction('co-sign')[0].data.departmentId).toBe(cg);
    expect(byAction('co-reply')[0].data).toMatchObject({ departmentId: cg, late: false });
    expect(byAction('co-reply')[0].note).toContain('城管局已清理');
    expect(byAction('release-co')[0].data).toMatchObject({ departmentId: sw, reason: '积水不涉及水利设施' });
    expect(byAction('reply')[0].data.coAnswers).toEqual([
      expect.objectContaining({ departmentId: cg, reply: '城管局已清理路面杂物并修复破损路面。' }),
      expect.objectContaining({ departmentId: sw, released: true }),
    ]);
    const cgTask = d.coTasks.find((c: { departmentId: number }) => c.departmentId === cg);
    expect(cgTask.signedAt).toBe(at('2025-03-04T09:00:00+08:00').toISOString());
    expect(cgTask.repliedAt).not.toBeNull();
    // The released department is no longer on the order and no longer sees it.
    expect((await get('sw', `/api/orders/${o.id}`)).statusCode).toBe(404);
  });

  it('refuses co-handling actions to departments without an open task, and release to all but the office', async () => {
    const o = await dispatchedWithCoHandlers();
    const byLead = await act('zj', o.id, 'co-reply', { reply: '主办不能协办答复' });
    expect(byLead.statusCode).toBe(403);
    expect((await act('hb', o.id, 'co-reply', { reply: '无关单位' })).statusCode).toBe(404);
    expect((await act('cg', o.id, 'co-reply', { reply: '答复' })).statusCode).toBe(200);
    // Answered: the task is no longer open, so a second answer is refused.
    expect((await act('cg', o.id, 'co-reply', { reply: '再答复' })).statusCode).toBe(403);
    for (const user of ['agent', 'cg', 'zj']) {
      const res = await act(user, o.id, 'release-co', { departmentId: sw, reason: '不涉及' });
      expect(res.statusCode, user).toBe(403);
    }
  });

  it('names the bad field', async () => {
    const o = await dispatchedWithCoHandlers();
    const empty = await act('cg', o.id, 'co-reply', { reply: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields.map((f: { field: string }) => f.field)).toContain('reply');
    const noReason = await act('office', o.id, 'release-co', { departmentId: sw });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields.map((f: { field: string }) => f.field)).toContain('reason');
    const notCo = await act('office', o.id, 'release-co', { departmentId: hb, reason: '不涉及' });
    expect(notCo.statusCode).toBe(400);
    expect(notCo.json().error.fields[0].field).toBe('departmentId');
    const huge = await act('office', o.id, 'release-co', { departmentId: 1e12, reason: '不涉及' });
    expect(huge.statusCode).toBe(400);
  });

  it('reopens a task for each co-handler still on the order when the office sends the reply back (重办)', async () => {
    const o = await dispatchedWithCoHandlers();
    await act('cg', o.id, 'co-reply', { reply: '城管局第一次答复' });
    await act('office', o.id, 'release-co', { departmentId: sw, reason: '不涉及' });
    expect((await act('zj', o.id, 'reply', { reply: '第一次答复' })).statusCode).toBe(200);
    const back = await act('office', o.id, 'send-back', { reason: '未说明路面修复时间' });
    expect(back.statusCode, back.body).toBe(200);
    const open = back
      .json()
      .coTasks.filter(
        (c: { repliedAt: string | null; releasedAt: string | null }) => !c.repliedAt && !c.releasedAt,
      );
    expect(open.map((c: { departmentId: number }) => c.departmentId)).toEqual([cg]);
    expect((await act('zj', o.id, 'reply', { reply: '第二次答复' })).json().error.code).toBe(
      'co_handlers_pending',
    );
    expect((await act('cg', o.id, 'co-reply', { reply: '城管局补充：路面周五前修复' })).statusCode).toBe(200);
    expect((await act('zj', o.id, 'reply', { reply: '第二次答复' })).statusCode).toBe(200);
  });

  it('ends open co tasks when the lead returns the order', async () => {
    const o = await dispatchedWithCoHandlers();
    const res = await act('zj', o.id, 'return', { reasonCode: 'not_our_duty', reason: '不属本单位职责' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().coTasks.every((c: { closedAt: string | null }) => c.closedAt)).toBe(true);
    expect((await act('cg', o.id, 'co-reply', { reply: '答复' })).statusCode).toBe(409);
  });

  it('marks an overdue co-handler through the sweep, against its own department', async () => {
    const o = await dispatchedWithCoHandlers(2);
    // Lead due 24:00 Wed 5 March; co-handlers 24:00 Tue 4 March (never earlier than 1 working day).
    expect(o.coTasks[0].dueAt).toBe(at('2025-03-05T00:00:00+08:00').toISOString());
    await act('sw', o.id, 'co-reply', { reply: '水利局按时答复' });
    await runDeadlineSweep(t.db.orm, at('2025-03-05T01:00:00+08:00'));
    t.clock.set('2025-03-05T02:00:00+08:00');
    const d = (await get('office', `/api/orders/${o.id}`)).json();
    const cgTask = d.coTasks.find((c: { departmentId: number }) => c.departmentId === cg);
    expect(cgTask.overdue).toBe(true);
    expect(d.coTasks.find((c: { departmentId: number }) => c.departmentId === sw).overdue).toBe(false);
    const overdue = d.history.filter((h: { action: string }) => h.action === 'co-overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0].data.departmentId).toBe(cg);
    expect(d.supervisions.map((s: { kind: string }) => s.kind)).toContain('auto_overdue_co');
    // The lead's own clock is not overdue; a second sweep adds nothing.
    expect(d.deadlineState).not.toBe('overdue');
    await runDeadlineSweep(t.db.orm, at('2025-03-05T03:00:00+08:00'));
    const again = (await get('office', `/api/orders/${o.id}`)).json();
    expect(again.history.filter((h: { action: string }) => h.action === 'co-overdue')).toHaveLength(1);

    const late = await act('cg', o.id, 'co-reply', { reply: '城管局迟到的答复' });
    expect(late.statusCode).toBe(200);
    expect(late.json().warnings[0]).toContain('超期');

    const figures = await coHandlingByDepartment(
      t.db.orm,
      at('2025-03-01T00:00:00+08:00'),
      at('2025-04-01T00:00:00+08:00'),
    );
    const of = (id: number) => figures.find((f) => f.departmentId === id)!;
    expect(of(cg).overdue).toBeGreaterThanOrEqual(1);
    expect(of(sw).answeredOnTime).toBeGreaterThanOrEqual(1);
    expect(of(sw).released).toBeGreaterThanOrEqual(1);
    // The 重办 above reopened 城管局's task only (水利局 had been released).
    expect(of(cg).received).toBe(of(sw).received + 1);
    expect(figures.find((f) => f.departmentId === zj)).toBeUndefined();
  });
});

describe('co-handler deadline', () => {
  it('is N working days before the lead, never before 1 working day after dispatch', async () => {
    const calendar = await loadCalendar(t.db.orm);
    const from = at(MONDAY);
    const lead = (days: number) => at(`2025-03-${String(3 + days + 1).padStart(2, '0')}T00:00:00+08:00`);
    expect(coDueAt(calendar, from, lead(1), 1).end).toEqual(lead(1));
    expect(coDueAt(calendar, from, lead(4), 1).end).toEqual(lead(3));
    expect(coDueAt(calendar, from, lead(4), 0).end).toEqual(lead(4));
    expect(coDueAt(calendar, from, lead(4), 10).end).toEqual(lead(1));
    // Friday with a lead limit of 2 working days: co-handlers due Monday (the weekend does not count).
    const friday = at('2025-03-07T10:00:00+08:00');
    expect(coDueAt(calendar, friday, at('2025-03-12T00:00:00+08:00'), 1).end).toEqual(
      at('2025-03-11T00:00:00+08:00'),
    );
  });
});
