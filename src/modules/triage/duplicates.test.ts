import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { compareAddresses, rankDuplicates, type DuplicateCandidate } from './duplicates.ts';
import { insertOrders, type OrderRow } from './test-fixtures.ts';

const NOW = new Date('2026-03-10T10:00:00+08:00');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
const STREETLIGHT = {
  title: '人民路路灯不亮',
  content: '人民路与黄河路交叉口的路灯已经坏了一个星期，晚上一片漆黑，行人过马路很危险，请尽快维修。',
  district: '源汇区',
  address: '人民路与黄河路交叉口',
};

let t: TestContext;
let ids: Record<string, number>;

beforeAll(async () => {
  t = await createTestContext('2026-03-10T10:00:00+08:00');
  await t.addUser('agent', 'agent');
  const handler = await t.addDepartment('H1', '承办单位');
  await t.addUser('handler', 'department', handler);
  const rows: Record<string, OrderRow> = {
    // Same matter, same place, yesterday: the best match.
    same: {
      title: '人民路黄河路口路灯坏了',
      content: '人民路黄河路交叉口路灯坏了好几天了，晚上很黑，过马路危险，希望维修。',
      district: '源汇区',
      address: '人民路黄河路交叉口',
      categoryId: null,
      status: 'dispatched',
      receivedAt: daysAgo(1),
      callerPhone: '13800000001',
    },
    // Same matter, no address given, two weeks ago.
    older: {
      title: '路灯不亮',
      content: '人民路的路灯坏了，晚上漆黑一片，请维修路灯。',
      district: '郾城区',
      categoryId: null,
      status: 'in_progress',
      receivedAt: daysAgo(14),
    },
    // Same place, another matter: not a duplicate.
    samePlace: {
      title: '人民路黄河路口商户占道经营',
      content: '交叉口有商户长期把货物摆到人行道上，影响通行。',
      district: '源汇区',
      address: '人民路与黄河路交叉口',
      categoryId: null,
      status: 'registered',
      receivedAt: daysAgo(1),
    },
    unrelated: {
      title: '孩子入学咨询',
      content: '请问今年小学一年级招生需要哪些材料？',
      district: '源汇区',
      categoryId: null,
      status: 'registered',
      receivedAt: daysAgo(2),
    },
    // Same matter but finished, merged, or out of the window.
    closed: { ...STREETLIGHT, categoryId: null, status: 'closed', receivedAt: daysAgo(3) },
    merged: { ...STREETLIGHT, categoryId: null, status: 'merged', receivedAt: daysAgo(3) },
    stale: { ...STREETLIGHT, categoryId: null, status: 'dispatched', receivedAt: daysAgo(40) },
  };
  const inserted = await insertOrders(t.db.orm, Object.values(rows));
  ids = Object.fromEntries(Object.keys(rows).map((k, i) => [k, inserted[i]!]));
});
afterAll(() => t.close());

async function find(payload: object, user = 'agent') {
  return t.app.inject({ method: 'POST', url: '/api/triage/duplicates', headers: await t.as(user), payload });
}

describe('POST /api/triage/duplicates', () => {
  it('ranks open orders about the same matter first, and leaves out other matters, finished and old orders', async () => {
    const res = await find({ ...STREETLIGHT, phone: '138-0000-0001' });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { orderId: number }) => i.orderId)).toEqual([ids.same, ids.older]);
    expect(items[0]).toMatchObject({
      orderId: ids.same,
      status: 'dispatched',
      district: '源汇区',
      address: '人民路黄河路交叉口',
      reasons: ['similar_text', 'same_address', 'same_caller'],
    });
    expect(Object.keys(items[0]).sort()).toEqual(
      [
        'address',
        'district',
        'number',
        'orderId',
        'reasons',
        'receivedAt',
        'score',
        'status',
        'title',
      ].sort(),
    );
    expect(items[0].receivedAt).toBe(daysAgo(1).toISOString());
    expect(items[0].score).toBeGreaterThan(items[1].score);
    expect(items[1].reasons).toEqual(['similar_text']);
  });

  it('answers an empty list for a matter nobody raised', async () => {
    const res = await find({ content: '医院挂号难，专家号一号难求。', district: '源汇区' });
    expect(res.json()).toEqual({ items: [] });
  });

  it('needs content and an intake role', async () => {
    const res = await find({ title: '路灯' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('content');
    expect((await find(STREETLIGHT, 'handler')).statusCode).toBe(403);
  });
});

describe('rankDuplicates', () => {
  const base: DuplicateCandidate = {
    orderId: 1,
    number: 'A',
    title: STREETLIGHT.title,
    content: STREETLIGHT.content,
    status: 'registered',
    receivedAt: NOW,
    district: null,
    address: null,
    callerPhone: null,
  };

  it('decays with age: the same text scores less the older it is, and keeps at most the limit', () => {
    const candidates = [0, 10, 20, 29].map((d, i) => ({ ...base, orderId: i + 1, receivedAt: daysAgo(d) }));
    const ranked = rankDuplicates(STREETLIGHT, candidates, NOW, {
      windowDays: 30,
      limit: 3,
      minText: 0.25,
      minScore: 0.2,
    });
    expect(ranked.map((r) => r.orderId)).toEqual([1, 2, 3]);
    expect(ranked[0]!.score).toBeGreaterThan(ranked[1]!.score);
  });

  it('compares addresses by their characters', () => {
    expect(compareAddresses('人民路与黄河路交叉口', '人民路黄河路交叉口')).toBeGreaterThan(0.8);
    expect(compareAddresses('源汇区人民路88号', '人民路88号')).toBe(1);
    expect(compareAddresses('人民路88号', '人民路86号')).toBeGreaterThan(0.5);
    expect(compareAddresses('人民路88号', '文化路12号')).toBeLessThan(0.3);
  });
});
