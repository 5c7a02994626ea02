import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { seedDemoRoster } from '../../demo/roster.ts';
import { headcountEvidence, staffingRate } from './index.ts';

let t: TestContext;
let leadUser: number;
let agentUsers: number[];
/** Roster member ids of the seeded team, in order. */
let team: { id: number; role: string; userId: number | null; name: string }[];

beforeAll(async () => {
  t = await createTestContext('2026-01-10T09:00:00+08:00');
  await t.addUser('office', 'office');
  await t.addUser('admin', 'admin');
  leadUser = await t.addUser('lead', 'team_lead');
  agentUsers = [await t.addUser('a1', 'agent'), await t.addUser('a2', 'agent')];
  await t.addUser('kb', 'kb_editor');
  team = await seedDemoRoster(t.db.orm, { start: '2025-10-01', agreed: 45, now: t.clock.now() });
});
afterAll(() => t.close());

const req = async (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: await t.as(user) });
const Q4 = 'from=2025-10-01&to=2026-01-01';
const SANMENXIA = 'fillDays=15&replacementDays=3&noticeDays=7';

describe('the demo roster', () => {
  it('seeds 45 members from the contract start, linking the agent and team-lead users', async () => {
    expect(team).toHaveLength(45);
    expect(team.every((m) => (m as { startDate?: string }).startDate === '2025-10-01')).toBe(true);
    const linked = team.filter((m) => m.userId !== null).map((m) => m.userId);
    expect(linked.sort()).toEqual([leadUser, ...agentUsers].sort());
    expect(new Set(team.map((m) => m.name)).size).toBe(45);
    expect(team.filter((m) => m.role === 'team_lead')).toHaveLength(4);
    expect(await seedDemoRoster(t.db.orm, { start: '2025-10-01', now: t.clock.now() })).toEqual([]);
  });
});

describe('scenario: two agents short for three weeks', () => {
  let leaving: number[];
  it('records two departures and two successors three weeks later', async () => {
    leaving = team
      .filter((m) => m.role === 'agent' && m.userId === null)
      .slice(0, 2)
      .map((m) => m.id);
    for (const id of leaving) {
      const r = await req('lead', 'POST', `/api/workforce/members/${id}/end`, {
        endDate: '2025-10-31',
        endReason: 'resigned',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    for (const name of ['新人甲', '新人乙']) {
      const r = await req('lead', 'POST', '/api/workforce/members', {
        name,
        role: 'agent',
        startDate: '2025-11-22',
      });
      expect(r.statusCode, r.body).toBe(201);
    }
  });

  it('shows the per-day headcount and shortfall', async () => {
    const r = await req('office', 'GET', `/api/workforce/headcount?from=2025-10-30&to=2025-11-24&agreed=45`);
    expect(r.statusCode, r.body).toBe(200);
    const days = r.json().days as { day: string; headcount: number; agreed: number; shortfall: number }[];
    expect(days).toHaveLength(25);
    expect(days.find((d) => d.day === '2025-10-31')).toMatchObject({ headcount: 45, shortfall: 0 });
    expect(days.find((d) => d.day === '2025-11-01')).toMatchObject({
      headcount: 43,
      agreed: 45,
      shortfall: 2,
    });
    expect(days.find((d) => d.day === '2025-11-22')).toMatchObject({ headcount: 45, shortfall: 0 });
  });

  it('gives the shortfall period, the staffing rate and two late vacancies', async () => {
    const r = await req('office', 'GET', `/api/workforce/evidence?${Q4}&agreed=45&${SANMENXIA}`);
    expect(r.statusCode, r.body).toBe(200);
    const e = r.json();
    expect(e.shortfallPeriods).toEqual([
      { from: '2025-11-01', to: '2025-11-22', days: 21, shortfall: 2, personDays: 42 },
    ]);
    expect(e.shortfall).toEqual({ days: 21, personDays: 42, max: 2 });
    expect(e.staffingRate).toMatchObject({ numerator: 4098, denominator: 4140 });
    expect(e.staffingRate.value).toBeCloseTo(4098 / 4140, 12);
    expect(e.staffingRate.evidence.counted).toHaveLength(47);
    expect(e.vacancies.map((v: { memberId: number }) => v.memberId)).toEqual(leaving);
    expect(e.vacancies[0]).toMatchObject({
      cause: 'left',
      openedOn: '2025-11-01',
      filledOn: '2025-11-22',
      days: 21,
      dueOn: '2025-11-16',
      late: true,
      endReason: 'resigned',
    });
  });

  it('answers the same through the service functions the assessment calls', async () => {
    const e = await headcountEvidence(t.db.orm, {
      from: '2025-10-01',
      to: '2026-01-01',
      agreed: 45,
      presentMeans: 'employed',
    });
    expect(e.days).toHaveLength(92);
    expect(e.shortfallPeriods).toHaveLength(1);
    const rate = await staffingRate(t.db.orm, '2025-10-01', '2026-01-01', 45, 'employed');
    expect(rate).toMatchObject({ numerator: 4098, denominator: 4140, evidence: { entity: 'roster_member' } });
  });

  it('is no shortfall once Party A consents to 43 for those weeks', async () => {
    const cut = await req('office', 'POST', '/api/workforce/headcount-changes', {
      effectiveOn: '2025-11-01',
      agreed: 43,
      consented: true,
      consentedOn: '2025-10-20',
      consentRef: '三政办函〔2025〕12号',
      noticeGivenOn: '2025-10-20',
    });
    expect(cut.statusCode, cut.body).toBe(201);
    const back = await req('office', 'POST', '/api/workforce/headcount-changes', {
      effectiveOn: '2025-11-22',
      agreed: 45,
      consented: true,
      consentedOn: '2025-11-18',
      noticeGivenOn: '2025-11-18',
    });
    const e = (await req('office', 'GET', `/api/workforce/evidence?${Q4}&${SANMENXIA}`)).json();
    expect(e.shortfallPeriods).toEqual([]);
    expect(e.staffingRate).toMatchObject({ numerator: 4098, denominator: 4098, value: 1 });
    expect(e.vacancies).toEqual([]);
    expect(e.headcountChanges.map((c: { notice: { status: string } }) => c.notice.status)).toEqual([
      'on_time',
      'late',
    ]);

    // Consent withdrawn: the shortfall is back.
    const withdrawn = await req('office', 'PATCH', `/api/workforce/headcount-changes/${cut.json().id}`, {
      consented: false,
    });
    expect(withdrawn.json()).toMatchObject({ consented: false, consentedOn: null });
    const again = (await req('office', 'GET', `/api/workforce/evidence?${Q4}`)).json();
    expect(again.shortfallPeriods).toHaveLength(1);
    expect(back.statusCode).toBe(201);
  });

  it('counts only the roles asked for, and absences under the "not absent" reading', async () => {
    const agentsOnly = (
      await req('office', 'GET', `/api/workforce/headcount?from=2025-10-01&to=2025-10-02&roles=agent`)
    ).json();
    expect(agentsOnly.days[0].headcount).toBe(45 - 4 - 7);
    expect(agentsOnly.reading.roles).toEqual(['agent']);

    const member = team[10]!.id;
    const a = await req('lead', 'POST', '/api/workforce/absences', {
      memberId: member,
      kind: 'sick_leave',
      fromDate: '2025-12-01',
      toDate: '2025-12-20',
    });
    expect(a.statusCode, a.body).toBe(201);
    const employed = (await req('office', 'GET', `/api/workforce/evidence?${Q4}`)).json();
    const present = (
      await req(
        'office',
        'GET',
        `/api/workforce/evidence?${Q4}&presentMeans=employed_not_absent&${SANMENXIA}`,
      )
    ).json();
    expect(present.staffingRate.numerator).toBe(employed.staffingRate.numerator - 20);
    expect(present.staffingRate.excluded[0].ids).toEqual([member]);
    expect(present.vacancies.find((v: { cause: string }) => v.cause === 'absent')).toMatchObject({
      memberId: member,
      openedOn: '2025-12-01',
      filledOn: '2025-12-21',
      days: 20,
      late: true,
    });
    await req('lead', 'POST', `/api/workforce/absences/${a.json().id}/cancel`);
    const cancelled = (
      await req('office', 'GET', `/api/workforce/evidence?${Q4}&presentMeans=employed_not_absent`)
    ).json();
    expect(cancelled.staffingRate.numerator).toBe(employed.staffingRate.numerator);
  });
});

describe('replacement at Party A’s request (Sanmenxia art. 12.2)', () => {
  it('flags a replacement complete on day 4 as late', async () => {
    const unfit = team[20]!.id;
    const asked = await req('office', 'POST', '/api/workforce/replacement-requests', {
      memberId: unfit,
      requestedOn: '2025-12-01',
      reason: '多次服务态度投诉',
      documentRef: '三门峡12345〔2025〕3号',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const successor = (
      await req('lead', 'POST', '/api/workforce/members', {
        name: '接替者',
        role: 'agent',
        startDate: '2025-12-05',
      })
    ).json();
    const done = await req('lead', 'POST', `/api/workforce/replacement-requests/${asked.json().id}/fulfil`, {
      replacementMemberId: successor.id,
      endDate: '2025-12-04',
    });
    expect(done.statusCode, done.body).toBe(200);
    const old = (await req('lead', 'GET', `/api/workforce/members/${unfit}`)).json();
    expect(old).toMatchObject({ endDate: '2025-12-04', endReason: 'replaced_at_request' });
    const e = (await req('office', 'GET', `/api/workforce/evidence?${Q4}&${SANMENXIA}`)).json();
    expect(e.replacementRequests).toEqual([
      expect.objectContaining({
        memberId: unfit,
        status: 'fulfilled',
        replacementMemberId: successor.id,
        replacedOn: '2025-12-05',
        days: 4,
        dueOn: '2025-12-04',
        late: true,
      }),
    ]);
    // The day between is no vacancy: the successor started the day after the last day.
    expect(e.vacancies.filter((v: { memberId: number }) => v.memberId === unfit)).toEqual([]);
  });
});
