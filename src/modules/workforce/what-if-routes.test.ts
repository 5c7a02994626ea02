import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { writeSimulation } from '../../simulation/write-simulation.ts';

/** The what-if API (人力测算) over a week of simulated calls: Erlang A beside the simulator, the 96 % line. */
let t: TestContext;

beforeAll(async () => {
  t = await createTestContext('2026-03-09T09:00:00+08:00');
  await writeSimulation(t.db, {
    from: new Date('2026-02-23T00:00:00+08:00'),
    to: new Date('2026-03-02T00:00:00+08:00'),
    agents: 45,
    seed: 5,
    now: new Date('2026-03-02T00:00:00+08:00'),
    withOrders: false,
  });
  await t.addUser('wf_lead', 'team_lead');
  await t.addUser('wf_agent', 'agent');
}, 300_000);
afterAll(() => t.close());

const get = async (user: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: await t.as(user) });
const fields = (r: { json(): { error: { fields?: { field: string }[] } } }) =>
  (r.json().error.fields ?? []).map((f) => f.field);

describe('GET /api/workforce/what-if', () => {
  it('values head counts by Erlang A per half-hour and by the simulator, with the 96 % line', async () => {
    const r = await get('wf_lead', '/api/workforce/what-if?from=2026-03-02&weeks=1&agents=20,45');
    expect(r.statusCode).toBe(200);
    const w = r.json();
    expect(w.line).toBe(0.96);
    expect(w.rows.map((x: { agents: number }) => x.agents)).toEqual([20, 45]);
    const [few, many] = w.rows;
    for (const row of w.rows) {
      expect(row.erlangAnswerRate).toBeGreaterThan(0);
      expect(row.erlangAnswerRate).toBeLessThanOrEqual(1);
      expect(row.simulatedAnswerRate).toBeGreaterThan(0);
      expect(row.simulatedOffered).toBeGreaterThan(1000);
      expect(row.days).toHaveLength(7);
      expect(row.erlang.meets).toBe(row.erlangAnswerRate >= 0.96);
    }
    // Fewer agents answer fewer calls, by both measures.
    expect(few.erlangAnswerRate).toBeLessThan(many.erlangAnswerRate);
    expect(few.simulatedAnswerRate).toBeLessThan(many.simulatedAnswerRate);
    expect(few.erlang.meets).toBe(false);
  }, 300_000);

  it('values a stored rota as edited', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/workforce/rotas',
      payload: { from: '2026-03-02', weeks: 1, agents: 45 },
      headers: await t.as('wf_lead'),
    });
    expect(created.statusCode).toBe(201);
    const rota = created.json();
    const r = await get('wf_lead', `/api/workforce/what-if?rota=${rota.id}`);
    expect(r.statusCode).toBe(200);
    const [row] = r.json().rows;
    expect(row.rotaId).toBe(rota.id);
    expect(row.agents).toBe(45);
    expect(row.coverage).toBeCloseTo(rota.summary.coverage, 6);
    // Half the shifts gone: the rota answers fewer calls by Erlang A.
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/workforce/rotas/${rota.id}/shifts`,
      payload: { shifts: rota.shifts.filter((_: unknown, k: number) => k % 2 === 0) },
      headers: await t.as('wf_lead'),
    });
    expect(put.statusCode).toBe(200);
    const after = (await get('wf_lead', `/api/workforce/what-if?rota=${rota.id}`)).json().rows[0];
    expect(after.erlangAnswerRate).toBeLessThan(row.erlangAnswerRate);
  }, 300_000);

  it.each([
    ['no from and no rota', '', ['from']],
    ['a head count of 0', 'from=2026-03-02&agents=0', ['agents']],
    ['a head count above 500', 'from=2026-03-02&agents=45,501', ['agents']],
    ['six head counts', 'from=2026-03-02&agents=1,2,3,4,5,6', ['agents']],
    ['words for head counts', 'from=2026-03-02&agents=forty', ['agents']],
    ['an impossible date', 'from=2026-02-30', ['from']],
    ['nine weeks', 'from=2026-03-02&weeks=9', ['weeks']],
    ['both a rota and head counts', 'rota=1&agents=45', ['agents']],
    ['a rota id above 2^31', 'rota=9999999999', ['rota']],
    ['a NUL in the head counts', 'from=2026-03-02&agents=45%00', ['agents']],
  ])('400 naming the field: %s', async (_, query, named) => {
    const r = await get('wf_lead', `/api/workforce/what-if?${query}`);
    expect(r.statusCode).toBe(400);
    expect(fields(r)).toEqual(named);
  });

  it('404 for a rota that does not exist; 403 for an agent (and for the forecast, a read route)', async () => {
    expect((await get('wf_lead', '/api/workforce/what-if?rota=99999')).statusCode).toBe(404);
    expect((await get('wf_agent', '/api/workforce/what-if?from=2026-03-02')).statusCode).toBe(403);
    expect((await get('wf_agent', '/api/workforce/forecast?from=2026-03-02&to=2026-03-03')).statusCode).toBe(
      403,
    );
    expect((await get('wf_agent', '/api/workforce/rotas')).statusCode).toBe(403);
  });
});
