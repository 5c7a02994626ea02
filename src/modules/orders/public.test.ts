import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let t: TestContext;
let zj: number;
const SUBMISSION = {
  type: 'suggestion',
  title: '建议增设公交站',
  content: '建议在郾城区黄河路增设一个公交站点，方便周边居民出行。',
  caller: { name: '李女士', phone: '13900005678' },
};

beforeAll(async () => {
  // Friday 2025-03-07 16:00: the 1-working-day response clock runs over the weekend to 24:00 Monday.
  t = await createTestContext('2025-03-07T16:00:00+08:00', {
    publicSubmitLimit: { max: 5, windowSeconds: 600 },
    publicTrackLimit: { max: 3, windowSeconds: 600 },
  });
  zj = await t.addDepartment('ZJJ', '市住房和城乡建设局', '住建局');
  await t.addUser('agent', 'agent');
  await t.addUser('zj', 'department', zj);
});
afterAll(() => t.close());

const submit = (payload: object, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/public/orders', payload, remoteAddress: ip });

describe('citizen submission and tracking', () => {
  it('takes a submission without login and returns number and tracking code', async () => {
    const res = await submit(SUBMISSION);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.number).toMatch(/^20250307\d{5}$/);
    expect(body.trackingCode).toMatch(/^[2-9A-Z]{8}$/);
    expect(body.status).toBe('submitted');
    expect(body.responseDueAt).toBe('2025-03-10T16:00:00.000Z');
  });

  it('lets the citizen track it with the code, showing no personal data, and hides it behind a wrong code', async () => {
    const { number, trackingCode } = (await submit(SUBMISSION, '10.0.0.2')).json();
    const ok = await t.app.inject({
      method: 'GET',
      url: `/api/public/orders/${number}?code=${trackingCode}`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).not.toContain('13900005678');
    expect(ok.body).not.toContain('李女士');
    expect(ok.json()).toMatchObject({ number, status: 'submitted', statusLabel: '待受理' });
    expect(ok.json().timeline[0]).toMatchObject({ action: 'submit', label: '提交诉求' });
    const lower = await t.app.inject({
      method: 'GET',
      url: `/api/public/orders/${number}?code=${trackingCode.toLowerCase()}`,
    });
    expect(lower.statusCode).toBe(200);
    const wrong = await t.app.inject({
      method: 'GET',
      url: `/api/public/orders/${number}?code=WRONG${trackingCode}`,
    });
    expect(wrong.statusCode).toBe(404);
    const missing = await t.app.inject({ method: 'GET', url: `/api/public/orders/${number}` });
    expect(missing.statusCode).toBe(400);
  });

  it('shows the department reply to the citizen once the order is handled', async () => {
    const { number, trackingCode } = (await submit(SUBMISSION, '10.0.0.3')).json();
    const headers = await t.as('agent');
    const list = (await t.app.inject({ method: 'GET', url: `/api/orders?q=${number}`, headers })).json();
    const id = list.items[0].id;
    expect(list.items[0].caller.phone).toBe('139****5678');
    await t.app.inject({ method: 'POST', url: `/api/orders/${id}/actions/accept`, payload: {}, headers });
    await t.app.inject({
      method: 'POST',
      url: `/api/orders/${id}/actions/dispatch`,
      payload: { departmentId: zj },
      headers,
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/orders/${id}/actions/reply`,
      payload: { reply: '已协调公交公司调研，拟于下月增设站点。' },
      headers: await t.as('zj'),
    });
    const view = (
      await t.app.inject({ method: 'GET', url: `/api/public/orders/${number}?code=${trackingCode}` })
    ).json();
    expect(view).toMatchObject({
      status: 'replied',
      reply: '已协调公交公司调研，拟于下月增设站点。',
      department: '市住房和城乡建设局',
    });
    expect(view.timeline.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'accept',
      'dispatch',
      'reply',
    ]);
  });

  it('validates the submission and names the bad fields', async () => {
    const res = await submit({ type: 'nonsense', content: '', caller: {} }, '10.0.0.4');
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['type', 'content', 'caller.phone']));
  });

  it('rate-limits one address, not the others', async () => {
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await submit(SUBMISSION, '10.9.9.9')).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await submit(SUBMISSION, '10.9.9.8')).statusCode).toBe(201);
    t.clock.advance(600_000);
    expect((await submit(SUBMISSION, '10.9.9.9')).statusCode).toBe(201);
  });

  it('counts only failed look-ups: past the limit wrong codes get 429 with Retry-After, the right one gets through', async () => {
    const { number, trackingCode } = (await submit(SUBMISSION, '10.7.7.1')).json();
    const track = (code: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/public/orders/${number}?code=${code}`,
        remoteAddress: '10.7.7.2',
      });
    for (let i = 0; i < 5; i++) expect((await track(trackingCode)).statusCode).toBe(200);
    const wrong = [];
    for (let i = 0; i < 4; i++) wrong.push(await track('WRONG234'));
    expect(wrong.map((r) => r.statusCode)).toEqual([404, 404, 404, 429]);
    expect(Number(wrong[3]!.headers['retry-after'])).toBeGreaterThan(0);
    expect((await track(trackingCode)).statusCode).toBe(200);
  });

  it('says when to come back on a refused submission', async () => {
    let last;
    for (let i = 0; i < 6; i++) last = await submit(SUBMISSION, '10.7.7.9');
    expect(last!.statusCode).toBe(429);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
