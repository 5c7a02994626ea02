import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.ts';

/** The findings, each as a request that once answered 500 or leaked, now a named 400 or a header. */
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext('2025-03-03T10:00:00+08:00', { webConsole: false });
  await t.addUser('sec_agent', 'agent');
}, 120_000);
afterAll(() => t.close());

const fieldsOf = (body: string) =>
  (JSON.parse(body).error.fields as { field: string }[] | undefined)?.map((f) => f.field);

describe('hostile input without signing in', () => {
  it('answers 400 naming the field for a NUL in the sign-in name', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a\u0000b', password: 'x' },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['username']);
  });

  it('answers 400 for a NUL in the public tracking number and a lone surrogate in a submission', async () => {
    const track = await t.app.inject({ method: 'GET', url: '/api/public/orders/%00?code=abc' });
    expect(track.statusCode, track.body).toBe(400);
    expect(fieldsOf(track.body)).toEqual(['number']);
    const submit = await t.app.inject({
      method: 'POST',
      url: '/api/public/orders',
      headers: { 'content-type': 'application/json' },
      payload: '{"content":"\\ud800","caller":{"name":"x","phone":"13900001111"}}',
    });
    expect(submit.statusCode, submit.body).toBe(400);
    expect(fieldsOf(submit.body)).toEqual(['content']);
  });
});

describe('hostile input signed in', () => {
  it('refuses ids past int4, impossible and absurd dates, naming the field', async () => {
    const h = await t.as('sec_agent');
    const big = await t.app.inject({ method: 'GET', url: '/api/orders/2147483648', headers: h });
    expect(big.statusCode, big.body).toBe(400);
    expect(fieldsOf(big.body)).toEqual(['id']);
    for (const bad of ['2026-02-30', '-1', '0000-01-01', '%2B275760-09-13T00:00:00Z']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/orders?from=${bad}`, headers: h });
      expect(res.statusCode, `${bad}: ${res.body}`).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['from']);
    }
    const filter = await t.app.inject({
      method: 'GET',
      url: '/api/orders?departmentId=99999999999',
      headers: h,
    });
    expect(filter.statusCode).toBe(400);
  });

  it('refuses a 1 MB field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await t.as('sec_agent'),
      payload: { channel: 'phone', type: 'inquiry', content: 'x'.repeat(1_000_000) },
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['content']);
  });
});

describe('security headers', () => {
  it('sends CSP without inline script, nosniff, frame and referrer policies, and no-store on the API', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends HSTS only behind TLS (a trusted proxy saying https)', async () => {
    const behind = await createTestContext('2025-03-03T10:00:00+08:00', {
      webConsole: false,
      trustProxy: true,
    });
    try {
      const res = await behind.app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await behind.close();
    }
  });

  it('keeps the API document for signed-in staff', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/docs/json' })).statusCode).toBe(401);
    const res = await t.app.inject({ method: 'GET', url: '/docs/json', headers: await t.as('sec_agent') });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
  });
});
