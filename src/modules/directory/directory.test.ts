import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await t.addUser('admin', 'admin');
  await t.addUser('office', 'office');
  await t.addUser('agent', 'agent');
});
afterAll(() => t.close());

const call = async (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: await t.as(user) });

describe('departments', () => {
  it('creates a tree and refuses duplicate codes, unknown parents and cycles', async () => {
    const city = await call('office', 'POST', '/api/departments', {
      code: 'YHQ',
      name: '源汇区人民政府',
      shortName: '源汇区',
      kind: 'district',
    });
    expect(city.statusCode, city.body).toBe(201);
    const street = await call('office', 'POST', '/api/departments', {
      code: 'YHQ-MJ',
      name: '源汇区马路街街道办事处',
      shortName: '马路街街道',
      parentId: city.json().id,
      kind: 'township',
      contactName: '王主任',
      contactPhone: '0395-1234567',
    });
    expect(street.statusCode).toBe(201);
    expect(street.json()).toMatchObject({ parentId: city.json().id, contactName: '王主任' });
    const dup = await call('office', 'POST', '/api/departments', { code: 'YHQ', name: 'x', shortName: 'x' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].field).toBe('code');
    const orphan = await call('office', 'POST', '/api/departments', {
      code: 'ZZ',
      name: 'x',
      shortName: 'x',
      parentId: 999,
    });
    expect(orphan.statusCode).toBe(400);
    const cycle = await call('office', 'PATCH', `/api/departments/${city.json().id}`, {
      parentId: street.json().id,
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.fields[0]).toMatchObject({ field: 'parentId', message: 'would make a cycle' });
    const list = (await call('agent', 'GET', '/api/departments')).json();
    expect(list.items.map((d: { code: string }) => d.code)).toEqual(['YHQ', 'YHQ-MJ']);
  });
});

describe('categories (dispatch catalogue)', () => {
  it('carries paths and inherits the lead department and time limits from ancestors', async () => {
    const zj = (
      await call('admin', 'POST', '/api/departments', { code: 'ZJJ', name: '住建局', shortName: '住建局' })
    ).json();
    const root = (
      await call('office', 'POST', '/api/categories', {
        code: 'CXJS',
        name: '城乡建设',
        departmentId: zj.id,
        timeLimitDays: 10,
        urgentTimeLimitDays: 2,
      })
    ).json();
    const leaf = await call('office', 'POST', '/api/categories', {
      code: 'CXJS-WY',
      name: '物业管理',
      parentId: root.id,
      timeLimitDays: 5,
    });
    expect(leaf.statusCode, leaf.body).toBe(201);
    expect(leaf.json()).toMatchObject({
      path: ['城乡建设', '物业管理'],
      isLeaf: true,
      effective: { departmentId: zj.id, timeLimitDays: 5, urgentTimeLimitDays: 2 },
    });
    const bad = await call('office', 'POST', '/api/categories', {
      code: 'BAD',
      name: 'x',
      departmentId: 777,
      timeLimitDays: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toContain('timeLimitDays');
    expect((await call('agent', 'POST', '/api/categories', { code: 'A', name: 'a' })).statusCode).toBe(403);
  });
});

describe('users', () => {
  it('lets only admins create users, hashes passwords, binds department handlers', async () => {
    const dept = (
      await call('admin', 'POST', '/api/departments', { code: 'CGJ', name: '城管局', shortName: '城管局' })
    ).json();
    expect(
      (await call('office', 'POST', '/api/users', { username: 'x', password: 'Abcdefg-1', role: 'agent' }))
        .statusCode,
    ).toBe(403);
    const noDept = await call('admin', 'POST', '/api/users', {
      username: 'cg1',
      password: 'Abcdefg-1',
      role: 'department',
    });
    expect(noDept.statusCode).toBe(400);
    expect(noDept.json().error.fields[0].field).toBe('departmentId');
    const weak = await call('admin', 'POST', '/api/users', {
      username: 'weak',
      password: 'abcdefgh',
      role: 'agent',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].field).toBe('password');
    const ok = await call('admin', 'POST', '/api/users', {
      username: 'cg1',
      password: 'Abcdefg-1',
      role: 'department',
      departmentId: dept.id,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.body).not.toContain('Abcdefg-1');
    expect(ok.json()).not.toHaveProperty('passwordHash');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'cg1', password: 'Abcdefg-1' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ username: 'cg1', role: 'department', departmentId: dept.id });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${login.json().token}` },
    });
    expect(me.json().user.username).toBe('cg1');
    expect(
      (await call('admin', 'POST', '/api/users', { username: 'cg1', password: 'Abcdefg-1', role: 'agent' }))
        .statusCode,
    ).toBe(409);
  });

  it('signs a disabled user out and revokes a logged-out token', async () => {
    const u = (
      await call('admin', 'POST', '/api/users', { username: 'temp', password: 'Abcdefg-1', role: 'agent' })
    ).json();
    const token = (
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'temp', password: 'Abcdefg-1' },
      })
    ).json().token;
    const auth = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/orders', headers: auth })).statusCode).toBe(200);
    await call('admin', 'PATCH', `/api/users/${u.id}`, { active: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/orders', headers: auth })).statusCode).toBe(401);
    await call('admin', 'PATCH', `/api/users/${u.id}`, { active: true });
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: auth });
    expect((await t.app.inject({ method: 'GET', url: '/api/orders', headers: auth })).statusCode).toBe(401);
  });
});
