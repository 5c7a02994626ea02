import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { auditLog } from '../../platform/schema.ts';
import { writeSetting } from '../../platform/settings.ts';
import { isSealed } from '../../platform/sm-crypto.ts';
import { totpCode } from '../../platform/totp.ts';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../testing/test-app.ts';
import { users } from './schema.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext('2025-03-03T10:00:00+08:00', { webConsole: false });
  for (const [name, role] of [
    ['tf_office', 'office'],
    ['tf_admin', 'admin'],
    ['tf_agent', 'agent'],
    ['tf_lock', 'office'],
    ['tf_reset', 'office'],
    ['tf_count', 'office'],
    ['tf_req', 'admin'],
    ['tf_old', 'office'],
    ['tf_old2', 'agent'],
    ['tf_told', 'agent'],
  ] as const)
    await t.addUser(name, role);
}, 400_000);
afterAll(() => t.close());

const later = (seconds: number) => t.clock.set(new Date(t.clock.now().getTime() + seconds * 1000));
const signIn = (username: string, extra: object = {}, ip = '10.1.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    payload: { username, password: TEST_PASSWORD, ...extra },
  });
const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload && { payload }) });

/** Enrols `username` and returns its secret and recovery codes. */
async function enrol(username: string) {
  const h = await t.as(username);
  const started = await call('POST', '/api/auth/totp/enrol', h);
  expect(started.statusCode, started.body).toBe(200);
  const { secret, otpauthUri } = started.json() as { secret: string; otpauthUri: string };
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]+/);
  const confirmed = await call('POST', '/api/auth/totp/confirm', h, {
    code: await totpCode(secret, t.clock.now()),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  later(31);
  return { secret, recovery: confirmed.json().recoveryCodes as string[] };
}

describe('TOTP enrolment', () => {
  it('hands out a secret as an otpauth URI, confirms with a code, and keeps the secret sealed', async () => {
    const h = await t.as('tf_office');
    expect((await call('GET', '/api/auth/totp', h)).json()).toMatchObject({ enabled: false, pending: false });
    const started = (await call('POST', '/api/auth/totp/enrol', h)).json();
    const [pending] = await t.db.orm.select().from(users).where(eq(users.username, 'tf_office'));
    expect(isSealed(pending!.totpPendingSecret)).toBe(true);
    expect(pending!.totpPendingSecret).not.toContain(started.secret);

    const wrong = await call('POST', '/api/auth/totp/confirm', h, { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields[0].field).toBe('code');
    const ok = await call('POST', '/api/auth/totp/confirm', h, {
      code: await totpCode(started.secret, t.clock.now()),
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().recoveryCodes).toHaveLength(10);
    const [row] = await t.db.orm.select().from(users).where(eq(users.username, 'tf_office'));
    expect(isSealed(row!.totpSecret)).toBe(true);
    expect(row!.totpPendingSecret).toBeNull();
    expect(JSON.stringify(row)).not.toContain(started.secret);
    expect(row!.totpRecoveryCodes.join()).not.toContain(ok.json().recoveryCodes[0]);
    expect((await call('GET', '/api/auth/totp', h)).json()).toMatchObject({
      enabled: true,
      recoveryCodesLeft: 10,
    });
    // Enrolling again over a working factor is refused: an administrator resets it first.
    expect((await call('POST', '/api/auth/totp/enrol', h)).statusCode).toBe(409);
  });

  it('is for the office and the administrator only', async () => {
    const h = await t.as('tf_agent');
    expect((await call('POST', '/api/auth/totp/enrol', h)).statusCode).toBe(403);
  });

  it('refuses to confirm without an enrolment started', async () => {
    const h = await t.as('tf_admin');
    const res = await call('POST', '/api/auth/totp/confirm', h, { code: '123456' });
    expect(res.statusCode).toBe(409);
  });
});

describe('sign-in with the second factor', () => {
  it('asks for the code, accepts it once, and accepts a recovery code once', async () => {
    const { secret, recovery } = await enrol('tf_admin');
    const bare = await signIn('tf_admin');
    expect(bare.statusCode).toBe(401);
    expect(bare.json().error.code).toBe('totp_required');
    expect(bare.headers['set-cookie']).toBeUndefined();

    const code = await totpCode(secret, t.clock.now());
    const ok = await signIn('tf_admin', { code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().token).toBeTruthy();
    // The same code again (a replay within its 30 seconds) is refused.
    const replay = await signIn('tf_admin', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('totp_invalid');

    const withRecovery = await signIn('tf_admin', { code: recovery[0]!.toUpperCase() });
    expect(withRecovery.statusCode).toBe(200);
    expect((await signIn('tf_admin', { code: recovery[0] })).statusCode).toBe(401);
    const used = await t.db.orm.select().from(auditLog).where(eq(auditLog.action, 'totp_recovery_used'));
    expect(used.length).toBe(1);
  });

  it('locks the account after 5 wrong codes, even for the right code, and audits each', async () => {
    const { secret } = await enrol('tf_lock');
    for (let i = 0; i < 5; i++) {
      const res = await signIn('tf_lock', { code: `99999${i}` }, '10.1.0.9');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('totp_invalid');
    }
    const locked = await signIn('tf_lock', { code: await totpCode(secret, t.clock.now()) }, '10.1.0.9');
    expect(locked.statusCode).toBe(429);
    const failed = await t.db.orm.select().from(auditLog).where(eq(auditLog.action, 'login_failed'));
    const mine = failed.filter((r) => (r.after as { username?: string }).username === 'tf_lock');
    expect(mine.filter((r) => (r.after as { factor?: string }).factor === 'totp').length).toBe(5);
    later(15 * 60 + 1);
    expect((await signIn('tf_lock', { code: await totpCode(secret, t.clock.now()) })).statusCode).toBe(200);
  });

  it('a correct password does not clear the wrong codes counted before it', async () => {
    const { secret } = await enrol('tf_count');
    for (let i = 0; i < 4; i++) await signIn('tf_count', { code: '111111' }, '10.1.0.8');
    expect((await signIn('tf_count', {}, '10.1.0.8')).statusCode).toBe(401);
    await signIn('tf_count', { code: '222222' }, '10.1.0.8');
    expect(
      (await signIn('tf_count', { code: await totpCode(secret, t.clock.now()) }, '10.1.0.8')).statusCode,
    ).toBe(429);
    later(15 * 60 + 1);
  });

  it('an administrator resets a lost factor: sessions end, the password alone signs in again', async () => {
    const { secret } = await enrol('tf_reset');
    const signed = await signIn('tf_reset', { code: await totpCode(secret, t.clock.now()) });
    const token = signed.json().token as string;
    const admin = await t.as('tf_admin');
    const [row] = await t.db.orm.select().from(users).where(eq(users.username, 'tf_reset'));
    const agent = await t.as('tf_agent');
    expect((await call('POST', `/api/users/${row!.id}/totp/reset`, agent)).statusCode).toBe(403);
    const reset = await call('POST', `/api/users/${row!.id}/totp/reset`, admin);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().enabled).toBe(false);
    expect((await call('GET', '/api/auth/me', { authorization: `Bearer ${token}` })).statusCode).toBe(401);
    expect((await signIn('tf_reset')).statusCode).toBe(200);
    expect(
      (await t.db.orm.select().from(auditLog).where(eq(auditLog.action, 'totp_reset'))).length,
    ).toBeGreaterThan(0);
    expect((await call('POST', '/api/users/999999/totp/reset', admin)).statusCode).toBe(404);
  });

  it('new recovery codes need a current code and replace the old ones', async () => {
    const h = await t.as('tf_office');
    const bad = await call('POST', '/api/auth/totp/recovery-codes', h, { code: '000000' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('a compulsory second factor (setting auth.totp)', () => {
  it('lets an unenrolled admin only set it up, then everything', async () => {
    await t.db.orm.transaction((tx) =>
      writeSetting(tx, SYSTEM_ACTOR, 'auth.totp', { requiredRoles: ['admin'] }, t.clock.now()),
    );
    const res = await signIn('tf_req');
    expect(res.statusCode).toBe(200);
    expect(res.json().restriction).toBe('totp_enrolment');
    const h = { authorization: `Bearer ${res.json().token}` };
    const me = await call('GET', '/api/auth/me', h);
    expect(me.json()).toMatchObject({
      restriction: 'totp_enrolment',
      secondFactor: { enabled: false, required: true },
    });
    const refused = await call('GET', '/api/users', h);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('totp_enrolment_required');
    const started = (await call('POST', '/api/auth/totp/enrol', h)).json();
    await call('POST', '/api/auth/totp/confirm', h, { code: await totpCode(started.secret, t.clock.now()) });
    expect((await call('GET', '/api/users', h)).statusCode).toBe(200);
    expect((await call('GET', '/api/auth/me', h)).json().restriction).toBeNull();
    await t.db.orm.transaction((tx) =>
      writeSetting(tx, SYSTEM_ACTOR, 'auth.totp', { requiredRoles: [] }, t.clock.now()),
    );
  });

  it('refuses a role outside office and admin in the setting', async () => {
    const admin = await t.as('tf_office');
    const res = await call('PUT' as 'POST', '/api/settings/auth.totp', admin, {
      value: { requiredRoles: ['agent'] },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('an expired password (setting auth.passwordPolicy)', () => {
  it('is refused at sign-in, changed with the current one, and the change signs in at once', async () => {
    await t.db.orm.transaction((tx) =>
      writeSetting(tx, SYSTEM_ACTOR, 'auth.passwordPolicy', { maxAgeDays: 90, history: 5 }, t.clock.now()),
    );
    const before = await signIn('tf_old2');
    expect(before.statusCode).toBe(200);
    const h = { authorization: `Bearer ${before.json().token}` };
    later(91 * 86_400);
    // A session opened before the password expired may now only change it.
    const me = await call('GET', '/api/auth/me', h);
    expect(me.json().restriction).toBe('password_expired');
    const refused = await call('GET', '/api/orders', h);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('password_expired');

    const expired = await signIn('tf_old2');
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error).toMatchObject({ code: 'password_expired', secondFactor: false });
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { username: 'tf_old2', currentPassword: TEST_PASSWORD, newPassword: 'abcdefgh' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].field).toBe('newPassword');
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { username: 'tf_old2', currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
    });
    expect(same.statusCode).toBe(400);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: {
        username: 'tf_old2',
        currentPassword: TEST_PASSWORD,
        newPassword: 'Fresh-pass-2468',
        session: 'cookie',
      },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().token).toBeUndefined();
    expect(changed.json().user.username).toBe('tf_old2');
    const cookie = String(changed.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(/^hotline_session=/);
    expect((await call('GET', '/api/orders', { cookie })).statusCode).toBe(200);
    // The session opened before the change has ended.
    expect((await call('GET', '/api/auth/me', h)).statusCode).toBe(401);
  });

  it('with a second factor, the change needs the code too (asked after the password, not spent before)', async () => {
    await t.db.orm.transaction((tx) =>
      writeSetting(tx, SYSTEM_ACTOR, 'auth.passwordPolicy', { maxAgeDays: 0, history: 5 }, t.clock.now()),
    );
    const { secret } = await enrol('tf_old');
    await t.db.orm.transaction((tx) =>
      writeSetting(tx, SYSTEM_ACTOR, 'auth.passwordPolicy', { maxAgeDays: 90, history: 5 }, t.clock.now()),
    );
    later(91 * 86_400);
    const expired = await signIn('tf_old');
    expect(expired.statusCode).toBe(403);
    expect(expired.json().error).toMatchObject({ code: 'password_expired', secondFactor: true });
    const payload = { username: 'tf_old', currentPassword: TEST_PASSWORD, newPassword: 'Fresh-pass-1357' };
    const noCode = await t.app.inject({ method: 'POST', url: '/api/auth/password', payload });
    expect(noCode.json().error.code).toBe('totp_required');
    const withCode = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { ...payload, code: await totpCode(secret, t.clock.now()), session: 'token' },
    });
    expect(withCode.statusCode, withCode.body).toBe(200);
    expect(withCode.json().token).toBeTruthy();
    await t.db.orm.transaction((tx) =>
      writeSetting(tx, SYSTEM_ACTOR, 'auth.passwordPolicy', { maxAgeDays: 0, history: 5 }, t.clock.now()),
    );
  });

  it('an administrator expires a password now: the open session may only change it, whatever the age rule', async () => {
    const h = await t.as('tf_told');
    const admin = await t.as('tf_admin');
    const [row] = await t.db.orm.select().from(users).where(eq(users.username, 'tf_told'));
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${row!.id}`,
      headers: admin,
      payload: { expirePassword: true },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    const refused = await call('GET', '/api/orders', h);
    expect(refused.json().error.code).toBe('password_expired');
    expect((await signIn('tf_told')).json().error.code).toBe('password_expired');
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { username: 'tf_told', currentPassword: TEST_PASSWORD, newPassword: 'Fresh-pass-8642' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await signIn('tf_told', { password: 'Fresh-pass-8642' })).statusCode).toBe(200);
  });
});
