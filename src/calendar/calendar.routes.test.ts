import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/test-app.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext('2026-11-22T10:00:00+08:00');
  await t.addUser('office', 'office');
  await t.addUser('agent', 'agent');
});
afterAll(() => t.close());

const call = async (user: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: await t.as(user) });

describe('calendar API', () => {
  it('describes days with their kind and holiday name', async () => {
    const res = (await call('agent', 'GET', '/api/calendar/days?from=2025-09-28&to=2025-10-01')).json();
    expect(res.days.map((d: { kind: string }) => d.kind)).toEqual([
      'adjusted_workday',
      'workday',
      'workday',
      'holiday',
    ]);
    expect(res.days[3]).toMatchObject({ name: '国庆节', workday: false, known: true });
  });

  it('warns about 2027 until the office enters the notice, then counts with it', async () => {
    let r = (
      await call('agent', 'GET', '/api/calendar/deadline?from=2026-12-31T10:00:00%2B08:00&days=1')
    ).json();
    expect(r.end).toBe('2027-01-02T00:00:00+08:00');
    expect(r.warnings[0]).toContain('2027');
    expect(
      (await call('agent', 'PUT', '/api/calendar/overrides/2027-01-01', { isWorkday: false, name: '元旦' }))
        .statusCode,
    ).toBe(403);
    const set = await call('office', 'PUT', '/api/calendar/overrides/2027-01-01', {
      isWorkday: false,
      name: '元旦',
      source: '国务院办公厅通知',
    });
    expect(set.statusCode, set.body).toBe(200);
    await call('office', 'POST', '/api/calendar/years', {
      year: 2027,
      source: '国务院办公厅关于2027年部分节假日安排的通知',
    });
    r = (await call('agent', 'GET', '/api/calendar/deadline?from=2026-12-31T10:00:00%2B08:00&days=1')).json();
    expect(r).toEqual({ end: '2027-01-05T00:00:00+08:00', lastDay: '2027-01-04', warnings: [] });
    const list = (await call('agent', 'GET', '/api/calendar/overrides')).json();
    expect(list.items).toHaveLength(1);
    expect(list.declaredYears[0].year).toBe(2027);
    expect((await call('office', 'DELETE', '/api/calendar/overrides/2027-01-01')).statusCode).toBe(200);
    expect((await call('office', 'DELETE', '/api/calendar/overrides/2027-01-01')).statusCode).toBe(404);
  });

  it('rejects a malformed date naming the field', async () => {
    const res = await call('office', 'PUT', '/api/calendar/overrides/2027-02-30', {
      isWorkday: true,
      name: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('day');
  });
});
