import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { createCategory } from '../directory/index.ts';

/**
 * The dashboard's today and month summaries come from one grouping-sets scan (stats-service.ts): each breakdown
 * must be what a query per breakdown counts — sub-categories rolled up to their top level, orders without a
 * category as `none`, today inside the month, a department only its own orders, equal counts ordered by key with `none` last.
 */
let t: TestContext;
let zj: number;

beforeAll(async () => {
  t = await createTestContext('2025-03-05T10:00:00+08:00');
  zj = await t.addDepartment('ZJJ', '住建局');
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
  await t.addUser('zj', 'department', zj);
  const now = t.clock.now();
  const city = await createCategory(
    t.db.orm,
    SYSTEM_ACTOR,
    { code: 'CS', name: '城市管理', sortOrder: 0 },
    now,
  );
  const lamps = await createCategory(
    t.db.orm,
    SYSTEM_ACTOR,
    { code: 'CS01', name: '路灯', parentId: city.id, sortOrder: 0 },
    now,
  );
  const env = await createCategory(
    t.db.orm,
    SYSTEM_ACTOR,
    { code: 'HB', name: '环境保护', sortOrder: 0 },
    now,
  );
  const headers = await t.as('agent');
  const make = async (channel: string, type: string, receivedAt: string, categoryId?: number) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers,
      payload: { channel, type, content: '测试诉求', receivedAt, ...(categoryId ? { categoryId } : {}) },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: number };
  };
  const lamp = await make('phone', 'complaint', '2025-03-05T08:00:00+08:00', lamps.id);
  await make('web', 'inquiry', '2025-03-05T09:00:00+08:00', env.id);
  await make('phone', 'help', '2025-03-05T09:30:00+08:00');
  await make('email', 'complaint', '2025-03-02T09:00:00+08:00', city.id); // this month, not today
  await make('letter', 'complaint', '2025-02-27T09:00:00+08:00', city.id); // last month
  const dispatched = await t.app.inject({
    method: 'POST',
    url: `/api/orders/${lamp.id}/actions/dispatch`,
    headers,
    payload: { departmentId: zj },
  });
  expect(dispatched.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('the dashboard summary in one scan', () => {
  it('gives today and the month each breakdown, categories rolled up to their top level', async () => {
    const s = (
      await t.app.inject({ method: 'GET', url: '/api/stats/overview', headers: await t.as('office') })
    ).json();
    expect(s.today).toEqual({
      total: 3,
      byChannel: [
        { key: 'phone', count: 2 },
        { key: 'web', count: 1 },
      ],
      byType: [
        { key: 'complaint', count: 1 },
        { key: 'help', count: 1 },
        { key: 'inquiry', count: 1 },
      ],
      byStatus: [
        { key: 'registered', count: 2 },
        { key: 'dispatched', count: 1 },
      ],
      byCategory: [
        { key: '城市管理', count: 1 },
        { key: '环境保护', count: 1 },
        { key: 'none', count: 1 },
      ],
    });
    expect(s.month).toEqual({
      total: 4,
      byChannel: [
        { key: 'phone', count: 2 },
        { key: 'email', count: 1 },
        { key: 'web', count: 1 },
      ],
      byType: [
        { key: 'complaint', count: 2 },
        { key: 'help', count: 1 },
        { key: 'inquiry', count: 1 },
      ],
      byStatus: [
        { key: 'registered', count: 3 },
        { key: 'dispatched', count: 1 },
      ],
      byCategory: [
        { key: '城市管理', count: 2 },
        { key: '环境保护', count: 1 },
        { key: 'none', count: 1 },
      ],
    });
  });

  it('counts a department only its own orders, and nothing where it has none', async () => {
    const s = (
      await t.app.inject({ method: 'GET', url: '/api/stats/overview', headers: await t.as('zj') })
    ).json();
    const own = [{ key: 'phone', count: 1 }];
    expect(s.today).toMatchObject({ total: 1, byChannel: own, byCategory: [{ key: '城市管理', count: 1 }] });
    expect(s.month).toMatchObject({ total: 1, byChannel: own, byStatus: [{ key: 'dispatched', count: 1 }] });
    t.clock.set('2025-04-01T10:00:00+08:00'); // a new month: nothing received yet
    const april = (
      await t.app.inject({ method: 'GET', url: '/api/stats/overview', headers: await t.as('office') })
    ).json();
    expect(april.today).toEqual({ total: 0, byChannel: [], byType: [], byStatus: [], byCategory: [] });
    expect(april.month).toEqual(april.today);
  });
});
