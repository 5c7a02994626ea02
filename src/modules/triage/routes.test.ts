import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { insertHistory, insertOrders, seedTriageCity, type TriageCity } from './test-fixtures.ts';
import { trainFromHistory } from './train-service.ts';

let t: TestContext;
let city: TriageCity;
const TRAFFIC = { title: '源汇区公交车问题', content: '公交车，红绿灯，道路拥堵，公交站台，希望尽快解决。' };

async function post(url: string, payload: unknown, user = 'agent') {
  return t.app.inject({ method: 'POST', url, headers: await t.as(user), payload: payload as object });
}

async function suggest(payload: unknown = TRAFFIC) {
  const res = await post('/api/triage/suggest', payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestContext('2026-03-10T10:00:00+08:00');
  city = await seedTriageCity(t.db.orm, t.clock.now());
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
  const handler = await t.addDepartment('H1', '承办单位');
  await t.addUser('handler', 'department', handler);
});
afterAll(() => t.close());

describe('POST /api/triage/train', () => {
  it('is for the office and admin only', async () => {
    const res = await post('/api/triage/train', {}, 'agent');
    expect(res.statusCode).toBe(403);
  });

  it('refuses too little history (422) with the counts found', async () => {
    const res = await post('/api/triage/train', {}, 'office');
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'triage_too_little_history',
      found: 0,
      categories: 0,
      needed: 200,
    });
  });

  it('checks the options', async () => {
    for (const payload of [{ level: 9 }, { minOrders: 5 }, { holdBack: 0.7 }, { force: 'yes' }]) {
      const res = await post('/api/triage/train', payload, 'office');
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.fields[0].field).toBe(Object.keys(payload)[0]);
    }
  });
});

describe('POST /api/triage/suggest', () => {
  it('answers empty (200) while no model is active', async () => {
    expect(await suggest()).toEqual({
      suggestionId: null,
      modelVersion: null,
      categories: [],
      departments: [],
    });
  });

  it('suggests the top 3 categories and departments of the active model, with probabilities', async () => {
    await insertHistory(t.db.orm, city, 40, t.clock.now());
    const r = await trainFromHistory(t.db.orm, SYSTEM_ACTOR, { minOrders: 50 }, t.clock.now());
    const body = await suggest();
    expect(Object.keys(body)).toEqual(['suggestionId', 'modelVersion', 'categories', 'departments']);
    expect(body.modelVersion).toBe(r.version);
    expect(body.suggestionId).toBeGreaterThan(0);
    expect(body.categories).toHaveLength(3);
    expect(body.categories[0]).toMatchObject({
      id: city.top.get('交通运输'),
      name: '交通运输',
      path: ['交通运输'],
    });
    expect(body.categories[0].probability).toBeGreaterThan(0.5);
    const ps = body.categories.map((c: { probability: number }) => c.probability);
    expect(ps).toEqual([...ps].sort((a, b) => b - a));
    expect(body.departments).toHaveLength(3);
    expect(
      body.departments
        .slice(0, 2)
        .map((d: { name: string }) => d.name)
        .sort(),
    ).toEqual(['交通运输中心', '交通运输局']);
    expect(body.departments[0].probability).toBeLessThanOrEqual(body.categories[0].probability);
  });

  it('works without a title, for any signed-in role', async () => {
    const res = await post('/api/triage/suggest', { content: '学校 老师 招生 幼儿园' }, 'handler');
    expect(res.statusCode).toBe(200);
    expect(res.json().categories[0].name).toBe('教育文体');
  });

  it('refuses empty content naming the field, and anonymous callers', async () => {
    for (const payload of [{ title: '公交' }, { content: '   ' }, { content: '' }]) {
      const res = await post('/api/triage/suggest', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['content']);
    }
    const anon = await t.app.inject({ method: 'POST', url: '/api/triage/suggest', payload: TRAFFIC });
    expect(anon.statusCode).toBe(401);
  });
});

describe('choices and accuracy in use', () => {
  it('records the final choice beside the suggestion; same again is fine, a different one is 409', async () => {
    const s = await suggest();
    const leaf = city.leaves.get('交通运输')![1]!;
    const [orderId] = await insertOrders(t.db.orm, [
      { ...TRAFFIC, categoryId: leaf, status: 'registered', receivedAt: t.clock.now() },
    ]);
    const url = `/api/triage/suggestions/${s.suggestionId}/choice`;
    const choice = { orderId, categoryId: leaf, departmentId: s.departments[0].id };
    const res = await post(url, choice);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ suggestionId: s.suggestionId, ...choice });
    expect((await post(url, choice)).statusCode).toBe(200);
    const other = await post(url, { ...choice, categoryId: city.top.get('教育文体') });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.code).toBe('triage_choice_recorded');
  });

  it("lets only the suggestion's own agent record the choice", async () => {
    const s = await suggest();
    const leaf = city.leaves.get('交通运输')![1]!;
    const res = await post(
      `/api/triage/suggestions/${s.suggestionId}/choice`,
      { categoryId: leaf },
      'office',
    );
    expect(res.statusCode).toBe(403);
  });

  it('refuses an unknown suggestion (404), category or order (400)', async () => {
    const leaf = city.leaves.get('交通运输')![0]!;
    expect((await post('/api/triage/suggestions/99999/choice', { categoryId: leaf })).statusCode).toBe(404);
    const s = await suggest();
    const url = `/api/triage/suggestions/${s.suggestionId}/choice`;
    const bad = await post(url, { categoryId: 99999 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('categoryId');
    expect((await post(url, { categoryId: leaf, orderId: 99999 })).json().error.fields[0].field).toBe(
      'orderId',
    );
    expect((await post(url, {})).json().error.fields[0].field).toBe('categoryId');
  });

  it('measures top-1, top-3 and department hit rates by day', async () => {
    const traffic = city.leaves.get('交通运输')![0]!;
    // Day 1 (12 March): a top-1 hit (a leaf under the first suggestion), with the department too.
    t.clock.set('2026-03-12T09:00:00+08:00');
    const a = await suggest();
    await post(`/api/triage/suggestions/${a.suggestionId}/choice`, {
      categoryId: traffic,
      departmentId: a.departments[0].id,
    });
    // Day 2: the second suggestion chosen (top-3, not top-1), another department; one suggestion left unchosen.
    t.clock.set('2026-03-13T09:00:00+08:00');
    const b = await suggest();
    const second = b.categories[1];
    await post(`/api/triage/suggestions/${b.suggestionId}/choice`, {
      categoryId: second.id,
      departmentId: city.departments.get(second.name),
    });
    await suggest();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/triage/accuracy?from=2026-03-12&to=2026-03-14',
      headers: await t.as('office'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({
      from: '2026-03-12',
      to: '2026-03-14',
      suggestions: 3,
      withChoice: 2,
      top1Hits: 1,
      top3Hits: 2,
      top1Rate: 0.5,
      top3Rate: 1,
      withDepartment: 2,
      departmentHits: 1,
      departmentRate: 0.5,
    });
    expect(
      r.byDay.map((d: { day: string; suggestions: number; top1Rate: number | null }) => [
        d.day,
        d.suggestions,
        d.top1Rate,
      ]),
    ).toEqual([
      ['2026-03-12', 1, 1],
      ['2026-03-13', 2, 0],
      ['2026-03-14', 0, null],
    ]);
  });

  it('checks the period and the role', async () => {
    const office = await t.as('office');
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/triage/accuracy?from=2026-03-12&to=2026-03-01',
      headers: office,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('to');
    const bad2 = await t.app.inject({
      method: 'GET',
      url: '/api/triage/accuracy?from=2026-02-30&to=2026-03-01',
      headers: office,
    });
    expect(bad2.json().error.fields[0].field).toBe('from');
    const handler = await t.app.inject({
      method: 'GET',
      url: '/api/triage/accuracy?from=2026-03-12&to=2026-03-14',
      headers: await t.as('handler'),
    });
    expect(handler.statusCode).toBe(403);
  });

  it('lists the stored models for the office', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/triage/models',
      headers: await t.as('office'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0]).toMatchObject({ version: 1, level: 1, active: true, trainingSize: 128 });
    expect(res.json().items[0]).not.toHaveProperty('model');
  });

  it('trains over HTTP for the office: a new version, kept unless better or forced', async () => {
    const res = await post('/api/triage/train', { minOrders: 50, force: true }, 'office');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, level: 1, activated: true, categories: 4 });
    expect(res.json().decision).toMatch(/^activated by force/);
    const models = await t.app.inject({
      method: 'GET',
      url: '/api/triage/models',
      headers: await t.as('office'),
    });
    const active = models.json().items.filter((m: { active: boolean }) => m.active);
    expect(active.map((m: { version: number }) => m.version)).toEqual([2]);
  });
});
