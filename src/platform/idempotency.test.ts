import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.ts';
import { idempotencyKeys } from './schema.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext('2025-03-03T10:00:00+08:00', { webConsole: false });
  await t.addUser('idem_a', 'agent');
  await t.addUser('idem_b', 'agent');
}, 120_000);
afterAll(() => t.close());

const body = {
  channel: 'phone',
  type: 'inquiry',
  content: '公积金提取需要什么材料？',
  caller: { phone: '13900001111' },
};
const count = async () =>
  (await t.app.inject({ method: 'GET', url: '/api/orders', headers: await t.as('idem_a') })).json().total;

async function intake(user: string, key: string, payload: object = body) {
  return t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { ...(await t.as(user)), 'idempotency-key': key },
    payload,
  });
}

describe('Idempotency-Key on intake, public submission and actions', () => {
  it('answers a repeat with the first answer and registers one order', async () => {
    const before = await count();
    const first = await intake('idem_a', 'k-1');
    const again = await intake('idem_a', 'k-1');
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(before + 1);
    // The stored answer carries the caller's phone: it is sealed at rest, never kept in clear.
    const stored = await t.db.orm.select({ response: idempotencyKeys.response }).from(idempotencyKeys);
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) {
      expect(row.response).toMatch(/^sm4:/);
      expect(row.response).not.toContain('13900001111');
    }
  });

  it('keeps keys per user, refuses the same key for a different request naming the header', async () => {
    const other = await intake('idem_b', 'k-1');
    expect(other.statusCode).toBe(201);
    const changed = await intake('idem_a', 'k-1', { ...body, content: '另一件事' });
    expect(changed.statusCode).toBe(422);
    expect(changed.json().error.fields[0].field).toBe('Idempotency-Key');
  });

  it('releases the key when the first request failed, so a corrected retry goes through', async () => {
    const bad = await intake('idem_a', 'k-2', { ...body, type: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    expect((await intake('idem_a', 'k-2')).statusCode).toBe(201);
  });

  it('refuses a malformed key naming the header', async () => {
    const res = await intake('idem_a', 'x'.repeat(201));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field.toLowerCase()).toBe('idempotency-key');
  });

  it('holds for citizens per address and for order actions', async () => {
    const submit = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/public/orders',
        headers: { 'idempotency-key': 'pub-1' },
        payload: { type: 'help', content: '小区路灯坏了', caller: { name: '李先生', phone: '13900002222' } },
      });
    const a = await submit();
    const b = await submit();
    expect(a.statusCode, a.body).toBe(201);
    expect(b.json().number).toBe(a.json().number);
    expect(b.json().trackingCode).toBe(a.json().trackingCode);

    const id = (await intake('idem_a', 'k-3')).json().id;
    // Actions are signed in; the key is per user, the answer the same.
    const as = await t.as('idem_a');
    const one = await t.app.inject({ ...(await actReq(id, as)) });
    const two = await t.app.inject({ ...(await actReq(id, as)) });
    expect(one.statusCode, one.body).toBe(200);
    expect(two.statusCode).toBe(200);
    expect(two.body).toBe(one.body);
  });
});

async function actReq(id: number, headers: Record<string, string>) {
  return {
    method: 'POST' as const,
    url: `/api/orders/${id}/actions/close-direct`,
    headers: { ...headers, 'idempotency-key': `act-${id}` },
    payload: { answer: '已按政策解答：携带身份证和缴存证明到公积金中心办理。' },
  };
}
