import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext('2025-12-10T09:00:00+08:00');
  await t.addUser('office', 'office');
  await t.addUser('admin', 'admin');
  await t.addUser('lead', 'team_lead');
  await t.addUser('agent', 'agent');
});
afterAll(() => t.close());

const req = async (user: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: user ? await t.as(user) : {} });
const fields = (r: { json(): { error: { fields?: { field: string }[] } } }) =>
  (r.json().error.fields ?? []).map((f) => f.field);
const addMember = async (body: object = {}) =>
  (
    await req('lead', 'POST', '/api/workforce/members', {
      name: '张三',
      role: 'agent',
      startDate: '2025-10-01',
      ...body,
    })
  ).json();

describe('permissions', () => {
  it.each([
    ['anonymous', null, 'GET', '/api/workforce/members', 401],
    ['an agent reads nothing', 'agent', 'GET', '/api/workforce/members', 403],
    ['an agent writes nothing', 'agent', 'POST', '/api/workforce/members', 403],
    [
      'an agent sees no evidence',
      'agent',
      'GET',
      '/api/workforce/evidence?from=2025-10-01&to=2025-11-01',
      403,
    ],
    [
      'the operator does not record Party A’s requests',
      'lead',
      'POST',
      '/api/workforce/replacement-requests',
      403,
    ],
    ['nor withdraws them', 'lead', 'POST', '/api/workforce/replacement-requests/1/withdraw', 403],
  ] as const)('%s', async (_, user, method, url, status) => {
    expect((await req(user, method, url, {})).statusCode).toBe(status);
  });

  it('lets the team lead, the office and the admin keep the roster', async () => {
    for (const user of ['lead', 'office', 'admin']) {
      const r = await req(user, 'POST', '/api/workforce/members', {
        name: user,
        role: 'agent',
        startDate: '2025-10-01',
      });
      expect(r.statusCode, r.body).toBe(201);
      expect((await req(user, 'GET', '/api/workforce/members')).statusCode).toBe(200);
    }
  });

  it('lets the operator ask for a headcount change but only the office record consent', async () => {
    const asked = await req('lead', 'POST', '/api/workforce/headcount-changes', {
      effectiveOn: '2026-01-01',
      agreed: 40,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().consented).toBe(false);
    const byLead = await req('lead', 'PATCH', `/api/workforce/headcount-changes/${asked.json().id}`, {
      consented: true,
      consentedOn: '2025-12-09',
    });
    expect(byLead.statusCode).toBe(403);
    expect(
      (
        await req('lead', 'POST', '/api/workforce/headcount-changes', {
          effectiveOn: '2026-02-01',
          agreed: 40,
          consented: true,
          consentedOn: '2025-12-01',
        })
      ).statusCode,
    ).toBe(403);
    const byOffice = await req('office', 'PATCH', `/api/workforce/headcount-changes/${asked.json().id}`, {
      consented: true,
      consentedOn: '2025-12-09',
      consentRef: '漯政办函〔2025〕8号',
    });
    expect(byOffice.json()).toMatchObject({ consented: true, consentedOn: '2025-12-09', agreed: 40 });
    const again = await req('office', 'POST', '/api/workforce/headcount-changes', {
      effectiveOn: '2026-01-01',
      agreed: 41,
      consented: true,
      consentedOn: '2025-12-09',
    });
    expect(again.statusCode).toBe(409);
    expect(fields(again)).toEqual(['effectiveOn']);
  });
});

describe('400s name the fields', () => {
  it.each([
    [
      'role and startDate',
      '/api/workforce/members',
      { name: 'x', role: 'boss', startDate: '2025-13-01' },
      ['role', 'startDate'],
    ],
    ['name', '/api/workforce/members', { role: 'agent', startDate: '2025-10-01' }, ['name']],
    [
      'an unknown user',
      '/api/workforce/members',
      { name: 'x', role: 'agent', startDate: '2025-10-01', userId: 9999 },
      ['userId'],
    ],
    [
      'consent without its date',
      '/api/workforce/headcount-changes',
      { effectiveOn: '2026-03-01', agreed: 44, consented: true },
      ['consentedOn'],
    ],
    [
      'a notice in the future',
      '/api/workforce/headcount-changes',
      { effectiveOn: '2026-03-01', agreed: 44, noticeGivenOn: '2025-12-11' },
      ['noticeGivenOn'],
    ],
    [
      'a bad agreed number',
      '/api/workforce/headcount-changes',
      { effectiveOn: '2026-03-01', agreed: -1 },
      ['agreed'],
    ],
  ])('%s', async (_, url, body, expected) => {
    const r = await req('office', 'POST', url, body);
    expect(r.statusCode, r.body).toBe(400);
    expect(fields(r)).toEqual(expected);
  });

  it('on the roster’s own rules', async () => {
    const m = await addMember();
    const end = await req('lead', 'POST', `/api/workforce/members/${m.id}/end`, {
      endDate: '2025-09-30',
      endReason: 'resigned',
    });
    expect(fields(end)).toEqual(['endDate']);
    const noReason = await req('lead', 'PATCH', `/api/workforce/members/${m.id}`, { endDate: '2025-11-30' });
    expect(fields(noReason)).toEqual(['endReason']);
    const absence = await req('lead', 'POST', '/api/workforce/absences', {
      memberId: m.id,
      kind: 'leave',
      fromDate: '2025-11-05',
      toDate: '2025-11-01',
    });
    expect(fields(absence)).toEqual(['toDate']);
    const before = await req('lead', 'POST', '/api/workforce/absences', {
      memberId: m.id,
      kind: 'leave',
      fromDate: '2025-09-05',
      toDate: '2025-09-06',
    });
    expect(fields(before)).toEqual(['fromDate']);
    const kind = await req('lead', 'POST', '/api/workforce/absences', {
      memberId: m.id,
      kind: 'holiday',
      fromDate: '2025-11-05',
      toDate: '2025-11-06',
    });
    expect(fields(kind)).toEqual(['kind']);
  });

  it('on the evidence query', async () => {
    const bad = [
      ['from=2025-10-01&to=2025-10-01', ['to']],
      ['from=2025-10-01', ['to']],
      ['from=2025-10-01&to=2025-11-01&agreed=x', ['agreed']],
      ['from=2025-10-01&to=2025-11-01&presentMeans=sometimes', ['presentMeans']],
      ['from=2025-10-01&to=2025-11-01&roles=agent,boss', ['roles.1']],
      ['from=2025-10-01&to=2030-11-01', ['to']],
    ] as const;
    for (const [query, expected] of bad) {
      const r = await req('office', 'GET', `/api/workforce/evidence?${query}`);
      expect(r.statusCode, query).toBe(400);
      expect(fields(r), query).toEqual(expected);
    }
  });
});
