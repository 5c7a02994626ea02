import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let t: TestContext;
let agentUserId: number;

beforeAll(async () => {
  t = await createTestContext('2026-02-20T09:00:00+08:00');
  await t.addUser('lead', 'team_lead');
  await t.addUser('office', 'office');
  agentUserId = await t.addUser('agent', 'agent');
});
afterAll(() => t.close());

const req = async (user: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: user ? await t.as(user) : {} });
const fields = (r: { json(): { error: { fields?: { field: string }[] } } }) =>
  (r.json().error.fields ?? []).map((f) => f.field);

describe('rotas', () => {
  let rotaId: number;

  it('the team lead plans a rota for the roster’s agent and placeholders on a database without calls', async () => {
    const m = await req('lead', 'POST', '/api/workforce/members', {
      name: '李四',
      role: 'agent',
      startDate: '2026-01-01',
      userId: agentUserId,
    });
    expect(m.statusCode).toBe(201);
    const r = await req('lead', 'POST', '/api/workforce/rotas', { from: '2026-03-02', weeks: 1, agents: 6 });
    expect(r.statusCode).toBe(201);
    const rota = r.json();
    rotaId = rota.id;
    expect(rota.status).toBe('draft');
    expect(rota.agents).toHaveLength(6);
    expect(rota.agents.filter((a: { memberId: number | null }) => a.memberId == null)).toHaveLength(5);
    expect(rota.coverage).toHaveLength(7 * 48);
    expect(rota.coverage.every((c: { scheduled: number }) => c.scheduled >= 1)).toBe(true);
    expect(rota.violations).toEqual([]);
  });

  it.each([
    ['an agent may not plan', 'agent', { from: '2026-03-02' }, 403, []],
    ['an impossible date', 'lead', { from: '2026-02-30' }, 400, ['from']],
    ['too many weeks', 'lead', { from: '2026-03-02', weeks: 9 }, 400, ['weeks']],
    ['agents above 2^31', 'lead', { from: '2026-03-02', agents: 2 ** 31 }, 400, ['agents']],
  ])('%s', async (_, user, body, status, named) => {
    const r = await req(user, 'POST', '/api/workforce/rotas', body);
    expect(r.statusCode).toBe(status);
    if (named.length) expect(fields(r)).toEqual(named);
  });

  it('an edit is checked: an unknown agent is refused, a second shift the same day is a finding', async () => {
    const rota = (await req('lead', 'GET', `/api/workforce/rotas/${rotaId}`)).json();
    const bad = await req('lead', 'PUT', `/api/workforce/rotas/${rotaId}/shifts`, {
      shifts: [{ agent: 'nobody', start: '2026-03-02T08:00:00+08:00', end: '2026-03-02T16:00:00+08:00' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(['shifts.0.agent']);
    const first = rota.shifts[0];
    const doubled = [
      ...rota.shifts,
      {
        agent: first.agent,
        start: first.end,
        end: new Date(Date.parse(first.end) + 4 * 3600_000).toISOString(),
      },
    ];
    const r = await req('lead', 'PUT', `/api/workforce/rotas/${rotaId}/shifts`, { shifts: doubled });
    expect(r.statusCode).toBe(200);
    expect(r.json().violations.map((v: { code: string }) => v.code)).toContain('short_rest');
    const refused = await req('lead', 'POST', `/api/workforce/rotas/${rotaId}/publish`);
    expect(refused.statusCode).toBe(409);
    expect(
      (await req('lead', 'PUT', `/api/workforce/rotas/${rotaId}/shifts`, { shifts: rota.shifts })).statusCode,
    ).toBe(200);
  });

  it('publishing shows the agent their own shifts, and only theirs', async () => {
    expect(
      (await req('agent', 'GET', '/api/workforce/my-shifts?from=2026-03-02&to=2026-03-09')).json().items,
    ).toEqual([]);
    const p = await req('lead', 'POST', `/api/workforce/rotas/${rotaId}/publish`);
    expect(p.statusCode).toBe(200);
    expect(p.json().status).toBe('published');
    expect((await req('lead', 'POST', `/api/workforce/rotas/${rotaId}/publish`)).statusCode).toBe(409);
    const mine = (await req('agent', 'GET', '/api/workforce/my-shifts?from=2026-03-02&to=2026-03-09')).json();
    const rota = (await req('office', 'GET', `/api/workforce/rotas/${rotaId}`)).json();
    const memberAgent = rota.agents.find((a: { userId: number | null }) => a.userId === agentUserId).agent;
    expect(mine.items).toHaveLength(
      rota.shifts.filter((s: { agent: string }) => s.agent === memberAgent).length,
    );
    expect(mine.items.length).toBeGreaterThan(0);
  });

  it('pays overtime from the published rota (art. 44), refuses a draft, names a bad wage', async () => {
    const r = await req('office', 'GET', `/api/workforce/rotas/${rotaId}/pay?monthlyWageFen=435000`);
    expect(r.statusCode).toBe(200);
    const lines = r.json().lines;
    expect(lines.length).toBeGreaterThan(0);
    // A rota of at most 40 h a week and no holiday in it owes no premium.
    expect(lines.every((l: { overtimePayFen: number }) => l.overtimePayFen === 0)).toBe(true);
    const bad = await req('office', 'GET', `/api/workforce/rotas/${rotaId}/pay?monthlyWageFen=-1`);
    expect(fields(bad)).toEqual(['monthlyWageFen']);
    const draft = (
      await req('lead', 'POST', '/api/workforce/rotas', { from: '2026-04-06', weeks: 1, agents: 4 })
    ).json();
    expect(
      (await req('office', 'GET', `/api/workforce/rotas/${draft.id}/pay?monthlyWageFen=435000`)).statusCode,
    ).toBe(409);
  });

  it('answers the forecast for the chart, zero without history', async () => {
    const r = await req('office', 'GET', '/api/workforce/forecast?from=2026-03-02&to=2026-03-03');
    expect(r.statusCode).toBe(200);
    expect(r.json().intervals).toHaveLength(48);
    expect(
      (await req('office', 'GET', '/api/workforce/forecast?from=2026-03-02&to=2026-03-01')).statusCode,
    ).toBe(400);
    expect(
      (await req('agent', 'GET', '/api/workforce/forecast?from=2026-03-02&to=2026-03-03')).statusCode,
    ).toBe(403);
  });

  it('404 for a rota that does not exist; the OpenAPI document still builds', async () => {
    expect((await req('lead', 'GET', '/api/workforce/rotas/999999')).statusCode).toBe(404);
    expect((await req('lead', 'GET', '/api/workforce/rotas/99999999999')).statusCode).toBe(400);
    expect((await req('lead', 'GET', '/docs/json')).statusCode).toBe(200);
  });
});
