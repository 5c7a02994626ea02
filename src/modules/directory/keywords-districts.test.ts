import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { createDepartment } from './departments-service.ts';

/** Category keywords (烧烤 → 餐饮油烟) and the public list of districts (issue 14). */
let t: TestContext;

beforeAll(async () => {
  t = await createTestContext('2025-03-03T10:00:00+08:00', { webConsole: false });
  await t.addUser('admin', 'admin');
  await t.addUser('agent', 'agent');
  await t.db.orm.transaction(async (tx) => {
    for (const [code, name, shortName, kind] of [
      ['YHQ', '源汇区人民政府', '源汇区', 'district'],
      ['YCQ', '郾城区人民政府', '郾城区', 'district'],
      ['CGJ', '漯河市城市管理局', '市城管局', 'municipal'],
    ] as const)
      await createDepartment(tx, SYSTEM_ACTOR, { code, name, shortName, kind }, t.clock.now());
  });
}, 180_000);
afterAll(() => t.close());

async function send(method: 'POST' | 'PATCH', user: string, url: string, payload: unknown) {
  return t.app.inject({ method, url, payload: payload as object, headers: await t.as(user) });
}

describe('category keywords', () => {
  it('keeps the words citizens use, without duplicates, and a PATCH without them leaves them alone', async () => {
    const parent = await send('POST', 'admin', '/api/categories', { code: 'HJBH', name: '环境保护' });
    expect(parent.statusCode, parent.body).toBe(201);
    const leaf = await send('POST', 'admin', '/api/categories', {
      code: 'HJBH.CYYY',
      name: '餐饮油烟',
      parentId: parent.json().id,
      keywords: ['烧烤', ' 油烟 ', '烧烤'],
    });
    expect(leaf.statusCode, leaf.body).toBe(201);
    expect(leaf.json().keywords).toEqual(['烧烤', '油烟']);
    const renamed = await send('PATCH', 'admin', `/api/categories/${leaf.json().id}`, {
      name: '餐饮油烟污染',
    });
    expect(renamed.json().keywords).toEqual(['烧烤', '油烟']);
    const list = await t.app.inject({ method: 'GET', url: '/api/categories', headers: await t.as('agent') });
    const found = list.json().items.find((c: { code: string }) => c.code === 'HJBH.CYYY');
    expect(found.keywords).toEqual(['烧烤', '油烟']);
    const cleared = await send('PATCH', 'admin', `/api/categories/${leaf.json().id}`, { keywords: [] });
    expect(cleared.json().keywords).toEqual([]);
  });

  it('refuses empty, overlong, too many and NUL keywords naming the field', async () => {
    for (const keywords of [
      [''],
      ['字'.repeat(21)],
      Array.from({ length: 31 }, (_, i) => `k${i}`),
      ['a\u0000b'],
    ]) {
      const res = await send('POST', 'admin', '/api/categories', { code: 'X1', name: '某类', keywords });
      expect(res.statusCode).toBe(400);
      expect(JSON.stringify(res.json().error.fields)).toContain('keywords');
    }
  });
});

describe('public districts', () => {
  it('lists the district governments by short name, to anyone, and nothing else of the directory', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/districts' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: ['源汇区', '郾城区'] });
  });
});
