import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../testing/test-app.ts';

let t: TestContext;
let dept: number;

beforeAll(async () => {
  t = await createTestContext('2025-03-04T09:00:00+08:00');
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
  await t.addUser('lead', 'team_lead');
  dept = await t.addDepartment('CG', '市城市管理局', '城管局');
  await t.addUser('cg', 'department', dept);
});
afterAll(() => t.close());

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: await t.as(user), ...(payload ? { payload } : {}) });
}
async function act(user: string, id: number, action: string, payload: object = {}) {
  const res = await call(user, 'POST', `/api/orders/${id}/actions/${action}`, payload);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}
async function repliedOrder(reply: string) {
  const created = await call('agent', 'POST', '/api/orders', {
    channel: 'phone',
    type: 'complaint',
    content: '黄河路与嵩山路交叉口三盏路灯一周不亮，行人过马路危险。希望尽快修复路灯。',
    caller: { name: '王女士', phone: '13912345678' },
  });
  const o = created.json();
  await act('agent', o.id, 'dispatch', { departmentId: dept, timeLimitWorkingDays: 5 });
  await act('cg', o.id, 'reply', { reply });
  return o.id as number;
}

describe('答复意见评价 and 退回重办', () => {
  it('scores the reply with its evidence for the office and the team lead, not for agents', async () => {
    const id = await repliedOrder('网友：您好！留言已收悉，已转相关单位办理。感谢您的留言。');
    const res = await call('office', 'GET', `/api/orders/${id}/reply-quality`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ orderId: id, verdict: 'poor', review: null });
    expect(res.json().score.reasons).toContain('未引用政策或规定依据');
    expect((await call('lead', 'GET', `/api/orders/${id}/reply-quality`)).statusCode).toBe(200);
    expect((await call('agent', 'GET', `/api/orders/${id}/reply-quality`)).statusCode).toBe(403);
    expect((await call('office', 'GET', '/api/orders/999999/reply-quality')).statusCode).toBe(404);
  });

  it('lets the office override the verdict with a reason, kept beside the computed score', async () => {
    const id = await repliedOrder('路灯已于3月5日修复。');
    const bad = await call('office', 'POST', `/api/orders/${id}/reply-quality/review`, {
      verdict: 'great',
      note: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['verdict', 'note']);
    const ok = await call('office', 'POST', `/api/orders/${id}/reply-quality/review`, {
      verdict: 'good',
      note: '已电话核实路灯修复，答复简短但属实',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ verdict: 'good', review: { verdict: 'good' } });
    expect(
      (await call('lead', 'POST', `/api/orders/${id}/reply-quality/review`, { verdict: 'poor', note: 'x' }))
        .statusCode,
    ).toBe(403);
  });

  it('sends an unsatisfactory reply back to the department with a fresh deadline, before the callback', async () => {
    const id = await repliedOrder('已收悉。');
    const noReason = await call('office', 'POST', `/api/orders/${id}/actions/send-back`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].field).toBe('reason');
    expect(
      (await call('agent', 'POST', `/api/orders/${id}/actions/send-back`, { reason: '未答复' })).statusCode,
    ).toBe(403);
    t.clock.advance(3600_000);
    const back = await act('office', id, 'send-back', { reason: '答复未说明是否修复及修复时间' });
    expect(back.status).toBe('dispatched');
    expect(back.reopenCount).toBe(1);
    const detail = (await call('office', 'GET', `/api/orders/${id}`)).json();
    expect(detail.history.at(-1)).toMatchObject({
      action: 'send-back',
      note: '答复未说明是否修复及修复时间',
    });
    expect(detail.history.at(-1).data.previousReply).toBe('已收悉。');
    // Sent back once it is replied only: a second send-back is refused as an illegal transition.
    expect(
      (await call('office', 'POST', `/api/orders/${id}/actions/send-back`, { reason: '再次' })).statusCode,
    ).toBe(409);
    const again = await act('cg', id, 'reply', {
      reply: '经核查系线路老化，我局已于3月5日更换线路，路灯已修复。',
    });
    expect(again.status).toBe('replied');
  });
});
