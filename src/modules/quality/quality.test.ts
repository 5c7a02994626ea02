import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { countsOf } from '../../platform/indicator.ts';
import { insertCallBatch } from '../calls/index.ts';
import {
  attitudeSatisfaction,
  attitudeSatisfactionCounts,
  readSatisfactionSettings,
} from './satisfaction.ts';

let t: TestContext;
let zj: number;
let agentA: number;
let agentB: number;
const at = (s: string) => new Date(`${s}+08:00`);

beforeAll(async () => {
  t = await createTestContext('2026-03-02T09:00:00+08:00');
  zj = await t.addDepartment('ZJJ', '住建局');
  await t.addUser('admin', 'admin');
  await t.addUser('office', 'office');
  await t.addUser('lead', 'team_lead');
  await t.addUser('zj', 'department', zj);
  agentA = await t.addUser('agentA', 'agent');
  agentB = await t.addUser('agentB', 'agent');
  const headers = await t.as('admin');
  await t.app.inject({
    method: 'PATCH',
    url: `/api/users/${agentA}`,
    headers,
    payload: { agentCode: '1001', team: '一班' },
  });
  await t.app.inject({
    method: 'PATCH',
    url: `/api/users/${agentB}`,
    headers,
    payload: { agentCode: '1002', team: '二班' },
  });
});
afterAll(() => t.close());

const req = async (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: await t.as(user) });

/** An order registered by `agent`, dispatched and replied at the clock's time. */
async function repliedOrder(
  agent: string,
  caller: object = { name: '王', phone: '13800000000', callbackWanted: true },
) {
  const o = (
    await req(agent, 'POST', '/api/orders', {
      channel: 'phone',
      type: 'complaint',
      content: '路灯不亮',
      caller,
    })
  ).json();
  await req(agent, 'POST', `/api/orders/${o.id}/actions/dispatch`, { departmentId: zj });
  await req('zj', 'POST', `/api/orders/${o.id}/actions/reply`, { reply: '已修复' });
  return o.id as number;
}

describe('users carry a switch agent code and a team', () => {
  it('refuses a second user with the same agent code', async () => {
    const dup = await req('admin', 'POST', '/api/users', {
      username: 'agentC',
      password: 'Abcdefg-1',
      role: 'agent',
      agentCode: '1001',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields[0].field).toBe('agentCode');
  });
});

describe('callbacks (KPI 4) and attitude satisfaction (KPI 7)', () => {
  let reached: number;
  let exhausted: number;
  let pending: number;
  let declined: number;

  it('queues replied orders that require a callback, by the rule', async () => {
    reached = await repliedOrder('agentA');
    exhausted = await repliedOrder('agentA');
    declined = await repliedOrder('agentB', { name: '李', phone: '13900000000', callbackWanted: false });
    t.clock.set('2026-03-04T10:00:00+08:00');
    pending = await repliedOrder('agentB');
    const queue = (await req('agentA', 'GET', '/api/quality/callbacks')).json().items;
    expect(queue.map((x: { id: number }) => x.id).sort()).toEqual([reached, exhausted, pending].sort());
    const first = queue.find((x: { id: number }) => x.id === reached);
    // replied Mon 03-02 09:00 + 2 working days → 24:00 Wed 03-04
    expect(first).toMatchObject({ overdue: false });
    expect(new Date(first.dueAt).toISOString()).toBe(at('2026-03-05T00:00:00').toISOString());
    expect(queue.some((x: { id: number }) => x.id === declined)).toBe(false);
  });

  it('keeps handling and attitude satisfaction apart, and counts exhausted attempts as called back', async () => {
    const cb = await req('agentB', 'POST', `/api/orders/${reached}/actions/callback`, {
      reached: true,
      satisfaction: 'basically_satisfied',
      attitude: 'satisfied',
    });
    expect(cb.statusCode, cb.body).toBe(200);
    for (let i = 0; i < 3; i++)
      await req('agentB', 'POST', `/api/orders/${exhausted}/actions/callback`, {
        reached: false,
        note: '无人接听',
      });
    t.clock.set('2026-03-05T12:00:00+08:00');
    const figures = (
      await req('office', 'GET', '/api/quality/indicators?from=2026-03-01&to=2026-04-01')
    ).json();
    // reached ✓, exhausted ✓ (reading setting), pending (replied 03-04, due 03-06) left out
    expect(figures.callbackRate).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
    expect(figures.callbackRate.excluded).toEqual([{ reason: 'callback not yet due', ids: [pending] }]);
    expect((await req('office', 'PATCH', '/api/users/1', {})).statusCode).toBe(403);
    await t.app.inject({
      method: 'PUT',
      url: '/api/settings/quality.callbackExhaustedCounts',
      payload: { value: false },
      headers: await t.as('office'),
    });
    const strict = (
      await req('office', 'GET', '/api/quality/indicators?from=2026-03-01&to=2026-04-01')
    ).json();
    expect(strict.callbackRate).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('combines callback attitude ratings and IVR ratings by agent, team and overall', async () => {
    await insertCallBatch(
      t.db.orm,
      [5, 4, 2].map((rating, i) => ({
        callId: `ivr-${i}`,
        source: 'generic',
        callerNumber: null,
        queue: '12345',
        offeredAt: at('2026-03-03T10:00:00'),
        answeredAt: at('2026-03-03T10:00:05'),
        agent: i === 2 ? '1002' : '1001',
        endedAt: at('2026-03-03T10:03:00'),
        abandonedAt: null,
        abandonReason: null,
        ivrRating: rating,
        orderNumbers: [],
      })),
      null,
      t.clock.now(),
      24,
    );
    const figures = (
      await req('office', 'GET', '/api/quality/indicators?from=2026-03-01&to=2026-04-01')
    ).json();
    // callback attitude (satisfied, agent A) + IVR 5, 4 (agent A) + IVR 2 (agent B)
    expect(figures.attitudeSatisfaction).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    const s = (await req('office', 'GET', '/api/quality/satisfaction?from=2026-03-01&to=2026-04-01')).json();
    expect(s.attitude.agents.find((a: { agentId: number }) => a.agentId === agentA)).toMatchObject({
      satisfied: 3,
      total: 3,
      team: '一班',
    });
    expect(s.attitude.teams.find((x: { team: string }) => x.team === '二班')).toMatchObject({
      satisfied: 0,
      total: 1,
    });
    expect(s.departments[0]).toMatchObject({ departmentId: zj, basically: 1, total: 1, value: 1 });
    await t.app.inject({
      method: 'PUT',
      url: '/api/settings/quality.ivrSatisfiedMinRating',
      payload: { value: 5 },
      headers: await t.as('office'),
    });
    const stricter = (
      await req('office', 'GET', '/api/quality/indicators?from=2026-03-01&to=2026-04-01')
    ).json();
    expect(stricter.attitudeSatisfaction).toMatchObject({ numerator: 2, denominator: 4 });
    // The assessment's counts mode counts exactly the ratings the drill-down lists (issue 18), under both settings.
    for (const basicallySatisfiedCounts of [true, false]) {
      const settings = { ...(await readSatisfactionSettings(t.db.orm)), basicallySatisfiedCounts };
      const [from, to] = [at('2026-03-01T00:00:00'), at('2026-04-01T00:00:00')];
      expect(await attitudeSatisfactionCounts(t.db.orm, from, to, settings)).toEqual(
        countsOf(await attitudeSatisfaction(t.db.orm, from, to, settings)),
      );
    }
  });
});

describe('service complaints (KPI 5) and public-opinion incidents (KPI 6)', () => {
  it('confirms or dismisses complaints with reasons, per answered call', async () => {
    const c1 = (
      await req('lead', 'POST', '/api/quality/complaints', {
        receivedAt: '2026-03-03T11:00:00+08:00',
        source: '市民来电',
        description: '话务员态度生硬',
        kind: 'attitude',
        agentId: agentB,
      })
    ).json();
    const c2 = (
      await req('lead', 'POST', '/api/quality/complaints', {
        receivedAt: '2026-03-03T12:00:00+08:00',
        source: '市民来电',
        description: '派单错误',
        kind: 'error',
      })
    ).json();
    expect(
      (await req('lead', 'POST', `/api/quality/complaints/${c1.id}/decide`, { confirm: true, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await req('office', 'POST', `/api/quality/complaints/${c1.id}/decide`, { confirm: true })).statusCode,
    ).toBe(400);
    await req('office', 'POST', `/api/quality/complaints/${c1.id}/decide`, {
      confirm: true,
      reason: '录音核实，态度确有问题',
    });
    // Founded, but about the waiting music: not the agents' attitude nor a business error (art. 11 #5).
    const c3 = (
      await req('lead', 'POST', '/api/quality/complaints', {
        receivedAt: '2026-03-03T13:00:00+08:00',
        source: '市民来电',
        description: '等待音乐音量过大',
        kind: 'other',
      })
    ).json();
    await req('office', 'POST', `/api/quality/complaints/${c3.id}/decide`, { confirm: true, reason: '属实' });
    const f = (await req('office', 'GET', '/api/quality/indicators?from=2026-03-01&to=2026-04-01')).json()
      .complaintRate;
    expect(f).toMatchObject({ numerator: 1, denominator: 3, evidence: { counted: [c1.id] } });
    expect(f.excluded).toEqual([
      { reason: 'under investigation', ids: [c2.id] },
      { reason: 'confirmed, but neither attitude nor a business error', ids: [c3.id] },
    ]);
  });

  it('counts only serious incidents caused by the service, and alerts at the second in a contract year', async () => {
    const mk = async (day: string) =>
      (
        await req('lead', 'POST', '/api/quality/incidents', {
          occurredOn: day,
          source: '某都市报',
          cause: '话务员态度恶劣被曝光',
          severity: 'serious',
        })
      ).json();
    const a = await mk('2026-01-10');
    const b = await mk('2026-02-20');
    const c = await mk('2026-03-01');
    await req('office', 'POST', `/api/quality/incidents/${a.id}/decide`, {
      serious: true,
      causedByService: true,
    });
    await req('office', 'POST', `/api/quality/incidents/${b.id}/decide`, {
      serious: true,
      causedByService: false,
      note: '系部门原因',
    });
    expect(
      (await req('office', 'GET', '/api/alerts'))
        .json()
        .items.filter((x: { kind: string }) => x.kind === 'second_serious_incident'),
    ).toHaveLength(0);
    await req('office', 'POST', `/api/quality/incidents/${c.id}/decide`, {
      serious: true,
      causedByService: true,
    });
    const alerts = (await req('office', 'GET', '/api/alerts'))
      .json()
      .items.filter((x: { kind: string }) => x.kind === 'second_serious_incident');
    expect(alerts).toHaveLength(1);
    expect(alerts[0].subject).toBe('incidents:2025-11-01');
    const f = (await req('office', 'GET', '/api/quality/indicators?from=2025-11-01&to=2026-11-01')).json()
      .seriousIncidents;
    expect(f).toMatchObject({ count: 2, ids: [a.id, c.id] });
  });
});

describe('quality inspection and the two-months rule', () => {
  it('draws samples per agent, scores with weights and fatal errors, takes appeals, flags two failed months', async () => {
    const sheet = await req('lead', 'POST', '/api/quality/sheets', {
      name: '话务质检表',
      passScore: 80,
      criteria: [
        { key: 'greeting', label: '规范用语', weight: 30 },
        { key: 'accuracy', label: '答复准确', weight: 50 },
        { key: 'attitude', label: '服务态度', weight: 20, fatal: true },
      ],
    });
    expect(sheet.statusCode, sheet.body).toBe(201);
    const badSheet = await req('lead', 'POST', '/api/quality/sheets', {
      name: 'x',
      passScore: 80,
      criteria: [{ key: 'a', label: 'a', weight: 50 }],
    });
    expect(badSheet.json().error.fields[0].field).toBe('criteria');
    const mkCalls = (month: string) =>
      insertCallBatch(
        t.db.orm,
        [0, 1, 2].map((i) => ({
          callId: `qa-${month}-${i}`,
          source: 'generic',
          callerNumber: null,
          queue: '12345',
          offeredAt: at(`${month}-10T10:0${i}:00`),
          answeredAt: at(`${month}-10T10:0${i}:05`),
          agent: '1001',
          endedAt: at(`${month}-10T10:0${i}:50`),
          abandonedAt: null,
          abandonReason: null,
          ivrRating: null,
          orderNumbers: [],
        })),
        null,
        t.clock.now(),
        24,
      );
    await mkCalls('2026-01');
    await mkCalls('2026-02');
    for (const month of ['2026-01', '2026-02']) {
      const d = (
        await req('lead', 'POST', '/api/quality/samples/draw', {
          sheetId: sheet.json().id,
          month,
          perAgent: 2,
        })
      ).json();
      expect(d.drawn).toBe(2);
      expect(
        (
          await req('lead', 'POST', '/api/quality/samples/draw', {
            sheetId: sheet.json().id,
            month,
            perAgent: 2,
          })
        ).json().drawn,
      ).toBe(0);
      const samples = (await req('lead', 'GET', `/api/quality/samples?month=${month}`)).json().items;
      for (const s of samples) {
        const r = await req('lead', 'POST', `/api/quality/samples/${s.id}/score`, {
          scores: { greeting: 1, accuracy: 0.5, attitude: 1 },
          comment: '答复不完整',
        });
        expect(r.json().total).toBe(75);
      }
    }
    const feb = (await req('office', 'GET', '/api/quality/monthly?month=2026-02')).json();
    expect(feb.results).toEqual([
      expect.objectContaining({ agentId: agentA, average: 75, passed: false, scored: 2 }),
    ]);
    expect(feb.twoMonthsFailed).toEqual([
      expect.objectContaining({ agentId: agentA, previousMonth: '2026-01' }),
    ]);

    // the agent appeals one February score; the lead revises it, and February passes
    const mine = (await req('agentA', 'GET', '/api/quality/samples?month=2026-02')).json().items;
    expect((await req('agentB', 'GET', '/api/quality/samples?month=2026-02')).json().items).toHaveLength(0);
    await req('agentA', 'POST', `/api/quality/samples/${mine[0].id}/appeal`, {
      reason: '市民问题已在知识库范围外，已如实告知',
    });
    expect(
      (await req('agentA', 'POST', `/api/quality/samples/${mine[0].id}/appeal`, { reason: 'again' }))
        .statusCode,
    ).toBe(409);
    await req('lead', 'POST', `/api/quality/samples/${mine[0].id}/appeal/decide`, {
      uphold: false,
      revisedTotal: 90,
      note: '申诉成立',
    });
    await req('lead', 'POST', `/api/quality/samples/${mine[1].id}/appeal/decide`, {
      uphold: false,
      revisedTotal: 90,
      note: 'x',
    }).then((r) => expect(r.statusCode).toBe(409));
    const after = (await req('office', 'GET', '/api/quality/monthly?month=2026-02')).json();
    expect(after.results[0]).toMatchObject({ average: 82.5, passed: true });
    expect(after.twoMonthsFailed).toEqual([]);
  });
});

describe('assistance tasks (KPI 10)', () => {
  it('computes the quarter’s completion rate, leaving out tasks not yet due', async () => {
    const mk = async (dueOn: string) =>
      (
        await req('office', 'POST', '/api/quality/tasks', {
          title: '协助督办',
          description: '核查超期工单',
          dueOn,
        })
      ).json();
    const a = await mk('2026-03-03');
    const b = await mk('2026-03-04');
    const c = await mk('2026-03-20');
    expect(
      (await req('lead', 'POST', '/api/quality/tasks', { title: 'x', description: 'x', dueOn: '2026-03-03' }))
        .statusCode,
    ).toBe(403);
    await req('lead', 'POST', `/api/quality/tasks/${a.id}/complete`, { result: '已核查 23 件' });
    const f = (await req('office', 'GET', '/api/quality/indicators?from=2026-01-01&to=2026-04-01')).json()
      .assistanceCompletion;
    // now 03-05: a done on 03-05 after due 03-03 → late; b open past due; c not yet due
    expect(f).toMatchObject({ numerator: 0, denominator: 2, evidence: { counted: [a.id, b.id] } });
    expect(f.excluded).toEqual([{ reason: 'not yet due', ids: [c.id] }]);
  });
});
