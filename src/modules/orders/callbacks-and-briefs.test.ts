import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

/** 是否解决 on the callback, recorded next to satisfaction, and order briefs for drill-downs (issue 14). */
let t: TestContext;
let zj: number;
let cg: number;

beforeAll(async () => {
  t = await createTestContext('2025-03-03T10:00:00+08:00', { webConsole: false });
  zj = await t.addDepartment('ZJJ', '市住房和城乡建设局', '住建局');
  await t.addUser('agent', 'agent');
  cg = await t.addDepartment('CGJ', '市城市管理局', '城管局');
  await t.addUser('zj', 'department', zj);
  await t.addUser('cg', 'department', cg);
  await t.addUser('office', 'office');
}, 180_000);
afterAll(() => t.close());

async function post(user: string, url: string, payload: unknown = {}) {
  return t.app.inject({ method: 'POST', url, payload: payload as object, headers: await t.as(user) });
}

/** An order replied by 住建局, waiting for the callback. */
async function replied() {
  const res = await post('agent', '/api/orders', {
    channel: 'phone',
    type: 'complaint',
    content: '人民路路灯不亮。',
    caller: { name: '张先生', phone: '13800001234' },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  for (const [who, action, body] of [
    ['agent', 'dispatch', { departmentId: zj }],
    ['zj', 'sign', {}],
    ['zj', 'reply', { reply: '已修复。' }],
  ] as const) {
    const r = await post(who, `/api/orders/${id}/actions/${action}`, body);
    expect(r.statusCode, r.body).toBe(200);
  }
  return id;
}

describe('callback 是否解决', () => {
  it('records resolved = false beside the satisfaction, on the callback row and in the history', async () => {
    const id = await replied();
    const cb = await post('agent', `/api/orders/${id}/actions/callback`, {
      reached: true,
      satisfaction: 'basically_satisfied',
      attitude: 'satisfied',
      resolved: false,
    });
    expect(cb.statusCode, cb.body).toBe(200);
    const o = cb.json();
    expect(o.callbacks.at(-1)).toMatchObject({ satisfaction: 'basically_satisfied', resolved: false });
    expect(o.history.at(-1).data).toMatchObject({ resolved: false });
  });

  it('keeps null when not asked, and refuses it on an unreached attempt naming the field', async () => {
    const id = await replied();
    const miss = await post('agent', `/api/orders/${id}/actions/callback`, {
      reached: false,
      resolved: true,
    });
    expect(miss.statusCode).toBe(400);
    expect(miss.json().error.fields.map((f: { field: string }) => f.field)).toContain('resolved');
    const bad = await post('agent', `/api/orders/${id}/actions/callback`, {
      reached: true,
      satisfaction: 'satisfied',
      resolved: 'yes',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await post('agent', `/api/orders/${id}/actions/callback`, {
      reached: true,
      satisfaction: 'satisfied',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().callbacks.at(-1).resolved).toBeNull();
  });
});

describe('order briefs for drill-downs', () => {
  async function get(user: string, url: string) {
    return t.app.inject({ method: 'GET', url, headers: await t.as(user) });
  }

  it('answers number, title, department and status in the order asked, without personal data', async () => {
    const a = await replied();
    const b = await post('agent', '/api/orders', {
      channel: 'phone',
      type: 'inquiry',
      title: '询问公积金提取需要哪些材料以及办理时限',
      content: '询问公积金提取。',
      caller: { name: '王女士', phone: '13800005678' },
    });
    const res = await get('office', `/api/orders/briefs?ids=${b.json().id},${a},${a},999999`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { id: number }) => i.id)).toEqual([b.json().id, a]);
    expect(items[0]).toMatchObject({ title: '询问公积金提取需要哪些材料以及办理时限', departmentName: null });
    expect(items[1]).toMatchObject({
      departmentName: '市住房和城乡建设局',
      status: 'replied',
      statusLabel: expect.any(String),
    });
    expect(items[1].number).toMatch(/^\d{13}$/);
    expect(res.body).not.toContain('13800001234');
    expect(res.body).not.toContain('张先生');
  });

  it("leaves another department's orders out and refuses hostile id lists naming the field", async () => {
    const a = await replied();
    expect((await get('zj', `/api/orders/briefs?ids=${a}`)).json().items).toHaveLength(1);
    expect((await get('cg', `/api/orders/briefs?ids=${a}`)).json().items).toHaveLength(0);
    for (const ids of [
      '',
      '1,,2',
      '1;drop',
      '99999999999',
      Array.from({ length: 501 }, (_, i) => i + 1).join(','),
    ]) {
      const res = await get('office', `/api/orders/briefs?ids=${encodeURIComponent(ids)}`);
      expect(res.statusCode, ids).toBe(400);
      expect(JSON.stringify(res.json().error.fields)).toContain('ids');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/orders/briefs?ids=1' })).statusCode).toBe(401);
  });
});
