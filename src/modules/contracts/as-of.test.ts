/**
 * Statements as of a day, and missing evidence as a warning (issue 12): each case here gave money neither party
 * would sign before — a −45 % deduction on an empty roster, the start-up period charged, planned future days
 * read as evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { seedDemoRoster } from '../../demo/roster.ts';
import { resolveAsOf } from './as-of.ts';
import { syncRepositoryContracts } from './contracts-service.ts';

let t: TestContext;
const S = '/api/contracts/luohe-2025/settlements';

const req = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: await t.as(user) });
const statement = async (q: number, asOf: string) => {
  const res = await req('office', 'GET', `${S}/${q}?asOf=${asOf}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().current;
};
const headcount = (s: { deductions: { kind: string; bp: number }[] }) =>
  s.deductions.filter((d) => d.kind === 'headcount').map((d) => d.bp);

beforeAll(async () => {
  t = await createTestContext('2026-03-02T10:00:00+08:00');
  await t.addUser('office', 'office');
  await t.addUser('lead', 'team_lead');
  await syncRepositoryContracts(t.db.orm, t.clock.now());
});
afterAll(() => t.close());

describe('the as-of day', () => {
  it('refuses an impossible or malformed day, naming asOf', async () => {
    for (const bad of ['2026-02-30', '2026-13-01', '20260201', '2026-02-01T00:00', '2026-02-01%00']) {
      for (const url of [
        `${S}/1?asOf=${bad}`,
        `${S}/1/export.xlsx?asOf=${bad}`,
        `/api/contracts/luohe-2025/assessment?period=2026-01&asOf=${bad}`,
      ]) {
        const res = await req('office', 'GET', url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(res.body).toContain('asOf');
      }
    }
    expect(() => resolveAsOf('2026-02-29', new Date())).toThrow();
  });

  it('defaults to today and never judges past the clock', () => {
    const now = new Date('2026-03-02T10:00:00+08:00');
    expect(resolveAsOf(undefined, now)).toMatchObject({ day: '2026-03-02', until: '2026-03-03', now });
    expect(resolveAsOf('2027-01-01', now).now).toEqual(now);
    expect(resolveAsOf('2026-02-01', now).now).toEqual(new Date('2026-02-01T23:59:59.999+08:00'));
  });

  it('marks a quarter not ended by the as-of day provisional', async () => {
    expect((await statement(2, '2026-03-01')).provisional).toBe(true);
    expect((await statement(1, '2026-02-01')).provisional).toBe(false);
    const a = (
      await req('office', 'GET', '/api/contracts/luohe-2025/assessment?period=2026-03&asOf=2026-03-01')
    ).json();
    expect(a).toMatchObject({ asOf: '2026-03-01', provisional: true });
  });
});

describe('missing evidence is a warning, not a deduction', () => {
  it('deducts nothing for headcount with no roster, and says roster_missing in Chinese', async () => {
    const s = await statement(1, '2026-02-01');
    expect(headcount(s)).toEqual([]);
    // Only the monthly reports, due and not delivered (the register is evidence), cost 1 %.
    expect(s.deductions.map((d: { indicatorId: string }) => d.indicatorId)).toEqual(['reports_on_time']);
    expect(s.payableFen).toBe(131_131_585 - 3_278_290);
    const w = s.warnings.find((x: { code: string }) => x.code === 'roster_missing');
    expect(w).toMatchObject({ code: 'roster_missing', acknowledged: null });
    expect(w.messageZh).toMatch(/名册/);
  });

  it('refuses to confirm until the office acknowledges each warning', async () => {
    const confirm = await req('office', 'POST', `${S}/1/confirm`, {});
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.code).toBe('statement_has_warnings');
    const ack = `${S}/1/warnings/roster_missing/acknowledge`;
    expect((await req('lead', 'POST', ack, { note: '乙方自认' })).statusCode).toBe(403);
    expect((await req('office', 'POST', ack, { note: '' })).statusCode).toBe(400);
    expect((await req('office', 'POST', ack, { note: 'x'.repeat(1001) })).statusCode).toBe(400);
    expect(
      (await req('office', 'POST', `${S}/1/warnings/no_such/acknowledge`, { note: '核对' })).statusCode,
    ).toBe(404);
    const ok = await req('office', 'POST', ack, { note: '已电话核实团队在岗，名册稍后补录' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await req('office', 'POST', ack, { note: '再次' })).statusCode).toBe(409);
    const s = (await req('lead', 'GET', `${S}/1`)).json().current;
    expect(s.warnings[0].acknowledged).toMatchObject({ note: '已电话核实团队在岗，名册稍后补录' });
    const done = await req('office', 'POST', `${S}/1/confirm`, { note: '确认' });
    expect(done.statusCode, done.body).toBe(200);
  });
});

describe('the start-up period and planned days (art. 1.4, 7.2)', () => {
  it('does not charge the start-up period: a full team in place on 2025-11-21', async () => {
    t.clock.set('2025-11-21T09:00:00+08:00');
    await seedDemoRoster(t.db.orm, { start: '2025-11-21', agreed: 45, now: t.clock.now() });
    t.clock.set('2026-03-02T10:00:00+08:00');
    const s = await statement(1, '2026-02-01');
    expect(headcount(s)).toEqual([]);
    expect(s.warnings).toEqual([]);
    expect(s.readings.find((r: { key: string }) => r.key === 'rampUp')).toMatchObject({
      value: 'after_service_start',
      isDefault: true,
      labelZh: '组建期人员考核',
    });
    // Charged from the term's start by the other reading: 45 short from 11-01 to 11-20.
    const set = await req('office', 'PUT', '/api/contracts/luohe-2025/readings/rampUp', {
      value: 'from_term_start',
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(headcount(await statement(1, '2026-02-01'))).toEqual([4500]);
    await req('office', 'PUT', '/api/contracts/luohe-2025/readings/rampUp', { value: 'after_service_start' });
  });

  it('does not read planned days after the as-of day as evidence', async () => {
    t.clock.set('2026-01-20T09:00:00+08:00');
    const members = (await req('lead', 'GET', '/api/workforce/members')).json().items as {
      id: number;
      role: string;
    }[];
    const leaver = members.filter((m) => m.role === 'agent').at(-1)!;
    const end = await req('lead', 'POST', `/api/workforce/members/${leaver.id}/end`, {
      endDate: '2026-01-30',
      endReason: 'resigned',
    });
    expect(end.statusCode, end.body).toBe(200);
    t.clock.set('2026-03-02T10:00:00+08:00');
    // As of 02-01 one agent has been gone two days (01-31, 02-01): under 7, nothing.
    expect(headcount(await statement(2, '2026-02-01'))).toEqual([]);
    expect(headcount(await statement(1, '2026-02-01'))).toEqual([]);
    // As of 02-10 the run began in C1 and lasted 11 days: one person, deducted in C1.
    expect(headcount(await statement(1, '2026-02-10'))).toEqual([100]);
  });
});

describe('charges Party A records (Luohe art. 5.4, Sanmenxia art. 19)', () => {
  it('deducts a third party’s cost from the next payment, and Sanmenxia’s 10 % subcontracting penalty', async () => {
    const url = '/api/contracts/luohe-2025/charges';
    const cost = {
      kind: 'third_party_cost',
      occurredOn: '2026-02-20',
      amountFen: 1_234_500,
      note: '第三方整改服务',
    };
    expect((await req('lead', 'POST', url, cost)).statusCode).toBe(403);
    const noAmount = await req('office', 'POST', url, { ...cost, amountFen: undefined });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.body).toContain('amountFen');
    expect((await req('office', 'POST', url, { ...cost, amountFen: 2 ** 31 })).statusCode).toBe(400);
    expect((await req('office', 'POST', url, { ...cost, occurredOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await req('office', 'POST', url, { ...cost, kind: 'subcontracting' })).statusCode).toBe(400);
    const r = await req('office', 'POST', url, cost);
    expect(r.statusCode, r.body).toBe(201);
    // 2026-02-20 falls after C1's window opened (02-01): deducted from C2's payment, due from 2026-05-01.
    // Recorded on 2026-03-02: a statement as of 03-01 does not know it yet; as of 03-02 it does.
    expect(
      (await statement(2, '2026-03-01')).deductions.some(
        (d: { kind: string }) => d.kind === 'third_party_cost',
      ),
    ).toBe(false);
    const c2 = await statement(2, '2026-03-02');
    expect(c2.deductions.filter((d: { kind: string }) => d.kind === 'third_party_cost')).toMatchObject([
      { amountFen: 1_234_500 },
    ]);
    expect(
      (await statement(2, '2026-02-19')).deductions.some(
        (d: { kind: string }) => d.kind === 'third_party_cost',
      ),
    ).toBe(false);
    const s = await req('office', 'POST', '/api/contracts/sanmenxia-2024/charges', {
      kind: 'subcontracting',
      occurredOn: '2025-03-10',
      note: '未经同意将夜班外包',
    });
    expect(s.statusCode, s.body).toBe(201);
    // 10 % of ¥2,091,733.33 = 20,917,333.3 fen → 20,917,333.
    expect(s.json().amountFen).toBe(20_917_333);
  });
});
