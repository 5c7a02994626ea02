import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/schema.ts';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../testing/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext('2025-03-03T10:00:00+08:00', { webConsole: false });
  await t.addUser('lock_me', 'agent');
  await t.addUser('si_admin', 'admin');
  await t.addUser('si_agent', 'agent');
  await t.addUser('si_cookie', 'office');
}, 120_000);
afterAll(() => t.close());

const signIn = (username: string, password: string, ip = '10.0.0.1', extra: object = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    headers: { 'user-agent': 'probe/1.0' },
    payload: { username, password, ...extra },
  });

describe('lockout (GB/T 22239-2019 8.1.4.1 b)', () => {
  it('locks an account after 5 failures for 15 minutes, even for the right password, with Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('lock_me', 'wrong-password')).statusCode).toBe(401);
    const locked = await signIn('lock_me', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('locked_out');
    expect(Number(locked.headers['retry-after'])).toBe(15 * 60);
    t.clock.set(new Date(t.clock.now().getTime() + 15 * 60_000 + 1000));
    expect((await signIn('lock_me', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('audits failed sign-ins with the client address and user agent', async () => {
    await signIn('si_agent', 'nope', '10.9.8.7');
    const rows = await t.db.orm
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'login_failed'), eq(auditLog.entity, 'user')));
    const mine = rows.find((r) => (r.after as { ip?: string }).ip === '10.9.8.7');
    expect(mine?.after).toMatchObject({ username: 'si_agent', ip: '10.9.8.7', userAgent: 'probe/1.0' });
  });

  it('locks an address after its own limit, whichever accounts it tries', async () => {
    for (let i = 0; i < 20; i++) await signIn(`nobody${i}`, 'x', '10.6.6.6');
    expect((await signIn('si_agent', TEST_PASSWORD, '10.6.6.6')).statusCode).toBe(429);
    expect((await signIn('si_agent', TEST_PASSWORD, '10.6.6.7')).statusCode).toBe(200);
  });
});

describe('sessions end with the credential or the role', () => {
  it('revokes sessions on a password change and on a role change', async () => {
    const admin = await t.as('si_admin');
    const token = (await signIn('si_agent', TEST_PASSWORD, '10.0.0.2')).json().token as string;
    const me = () =>
      t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    const id = (await me()).json().user.id;
    const patch = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers: admin, payload });
    expect((await patch({ password: 'New-pass-5678' })).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);

    const again = (await signIn('si_agent', 'New-pass-5678', '10.0.0.2')).json().token as string;
    expect((await patch({ role: 'team_lead' })).statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${again}` },
    });
    expect(after.statusCode).toBe(401);
  });
});

describe('the console cookie', () => {
  it('sets an HttpOnly SameSite=Strict cookie, returns no token, and signs requests in by it', async () => {
    const res = await signIn('si_cookie', TEST_PASSWORD, '10.0.0.3', { session: 'cookie' });
    expect(res.statusCode).toBe(200);
    expect(res.json().token).toBeUndefined();
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^hotline_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = setCookie.split(';')[0]!;
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
    // A cross-site write carrying the cookie is refused.
    const cross = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, origin: 'https://evil.example', host: 'hotline.example' },
    });
    expect(cross.statusCode).toBe(403);
  });

  it('marks the cookie Secure behind TLS', async () => {
    const tls = await createTestContext('2025-03-03T10:00:00+08:00', { webConsole: false, trustProxy: true });
    try {
      await tls.addUser('tls_user', 'agent');
      const res = await tls.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { username: 'tls_user', password: TEST_PASSWORD, session: 'cookie' },
      });
      expect(String(res.headers['set-cookie'])).toMatch(/Secure/);
    } finally {
      await tls.close();
    }
  });

  it('no longer takes a token from the URL of a stream', async () => {
    const token = (await signIn('si_cookie', TEST_PASSWORD, '10.0.0.4')).json().token as string;
    const res = await t.app.inject({ method: 'GET', url: `/api/calls/wallboard/stream?token=${token}` });
    expect(res.statusCode).toBe(401);
  });
});

describe('password age and history (GB/T 22239-2019 8.1.4.1 a)', () => {
  it('refuses an expired password until its owner changes it, and refuses going back to an old one', async () => {
    await t.addUser('aging', 'agent');
    await t.addUser('si_office', 'office');
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/auth.passwordPolicy',
      headers: await t.as('si_office'),
      payload: { value: { maxAgeDays: 90, history: 5 } },
    });
    expect(set.statusCode, set.body).toBe(200);
    t.clock.advance(91 * 86_400_000);
    const expired = await signIn('aging', TEST_PASSWORD, '10.0.1.1');
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error.code).toBe('password_expired');

    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        remoteAddress: '10.0.1.1',
        payload: { username: 'aging', currentPassword, newPassword },
      });
    const same = await change(TEST_PASSWORD, TEST_PASSWORD);
    expect(same.statusCode).toBe(400);
    expect(same.json().error.fields[0].field).toBe('password');
    expect((await change(TEST_PASSWORD, 'Fresh-pass-2468')).statusCode).toBe(200);
    expect((await signIn('aging', 'Fresh-pass-2468', '10.0.1.1')).statusCode).toBe(200);
    expect((await change('Fresh-pass-2468', TEST_PASSWORD)).statusCode).toBe(400);
    expect((await change('wrong-one-123', 'Other-pass-1357')).statusCode).toBe(401);
  });
});
