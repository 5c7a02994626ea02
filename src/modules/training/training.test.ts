import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let t: TestContext;
const agents: number[] = [];

beforeAll(async () => {
  t = await createTestContext('2026-03-10T09:00:00+08:00');
  await t.addUser('lead', 'team_lead');
  await t.addUser('office', 'office');
  for (const name of ['a1', 'a2', 'a3']) agents.push(await t.addUser(name, 'agent'));
});
afterAll(() => t.close());

const post = async (user: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, payload, headers: await t.as(user) });
const get = async (user: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: await t.as(user) });

describe('hot-topic training (KPI 8)', () => {
  it('snapshots the frontline roster at confirmation and tracks each agent to the 24-hour deadline', async () => {
    const topic = (
      await post('lead', '/api/hot-topics', { title: '源汇区多个小区停水', keywords: ['停水'] })
    ).json();
    expect(topic.status).toBe('candidate');
    expect((await post('a1', `/api/hot-topics/${topic.id}/confirm`, { brief: 'x' })).statusCode).toBe(403);
    const confirmed = (
      await post('office', `/api/hot-topics/${topic.id}/confirm`, {
        brief: '自来水公司管网抢修，预计明日恢复',
      })
    ).json();
    expect(confirmed.trainingDueAt).toBe('2026-03-11T01:00:00.000Z');
    expect(confirmed.trainees.map((x: { agentId: number }) => x.agentId).sort()).toEqual([...agents].sort());
    expect((await post('office', `/api/hot-topics/${topic.id}/confirm`, { brief: 'again' })).statusCode).toBe(
      409,
    );
    // a new agent after confirmation is not owed this training
    await t.addUser('a4', 'agent');

    t.clock.set('2026-03-10T17:00:00+08:00');
    const s = await post('lead', '/api/training/sessions', {
      title: '停水问题口径培训',
      hotTopicId: topic.id,
      heldAt: '2026-03-10T16:00:00+08:00',
      attendeeIds: [agents[0], agents[1]],
    });
    expect(s.statusCode, s.body).toBe(201);
    await post('lead', `/api/hot-topics/${topic.id}/trainees/${agents[2]}/note`, { note: '休假至3月12日' });
    let view = (await get('a1', `/api/hot-topics/${topic.id}`)).json();
    expect(view.trainees.map((x: { state: string }) => x.state).sort()).toEqual([
      'outstanding',
      'trained_on_time',
      'trained_on_time',
    ]);
    expect(view.trainees.find((x: { agentId: number }) => x.agentId === agents[2]).note).toBe(
      '休假至3月12日',
    );

    // still within 24 h: left out of the KPI, not failed
    let kpi = (await get('office', '/api/training/indicators?from=2026-03-01&to=2026-04-01')).json()
      .hotTopicTraining;
    expect(kpi).toMatchObject({
      numerator: 0,
      denominator: 0,
      excluded: [{ reason: 'training not yet due', ids: [topic.id] }],
    });

    t.clock.set('2026-03-12T10:00:00+08:00');
    await post('lead', '/api/training/sessions', {
      title: '补训',
      hotTopicId: topic.id,
      heldAt: '2026-03-12T09:00:00+08:00',
      attendeeIds: [agents[2], agents[0]],
    });
    view = (await get('a1', `/api/hot-topics/${topic.id}`)).json();
    expect(view.trainees.map((x: { state: string }) => x.state).sort()).toEqual([
      'trained_late',
      'trained_on_time',
      'trained_on_time',
    ]);
    kpi = (await get('office', '/api/training/indicators?from=2026-03-01&to=2026-04-01')).json()
      .hotTopicTraining;
    expect(kpi).toMatchObject({
      numerator: 0,
      denominator: 1,
      value: 0,
      evidence: { counted: [topic.id], met: [] },
    });
  });

  it('refuses a session on an unconfirmed topic, unknown attendees, a future date', async () => {
    const cand = (await post('lead', '/api/hot-topics', { title: '候选' })).json();
    const r1 = await post('lead', '/api/training/sessions', {
      title: 'x',
      hotTopicId: cand.id,
      heldAt: '2026-03-12T09:00:00+08:00',
      attendeeIds: [agents[0]],
    });
    expect(r1.json().error.fields[0].field).toBe('hotTopicId');
    const r2 = await post('lead', '/api/training/sessions', {
      title: 'x',
      heldAt: '2026-03-12T09:00:00+08:00',
      attendeeIds: [9999],
    });
    expect(r2.json().error.fields[0].field).toBe('attendeeIds');
    const r3 = await post('lead', '/api/training/sessions', {
      title: 'x',
      heldAt: '2026-04-12T09:00:00+08:00',
      attendeeIds: [agents[0]],
    });
    expect(r3.json().error.fields[0].field).toBe('heldAt');
    // The operator proposes; only the office (Party A) decides (issue 12).
    expect((await post('lead', `/api/hot-topics/${cand.id}/dismiss`, {})).statusCode).toBe(403);
    expect((await post('office', `/api/hot-topics/${cand.id}/dismiss`, {})).json().status).toBe('dismissed');
  });
});

describe('operating standards (KPI 12)', () => {
  it('keeps a register with revisions and computes the year’s completion rate', async () => {
    // The plan is Party A's (KPI 12's denominator): the operator may not plan its own standards (issue 12).
    expect(
      (await post('lead', '/api/standards', { code: 'OPS-09', title: '自拟', plannedOn: '2026-03-31' }))
        .statusCode,
    ).toBe(403);
    const a = (
      await post('office', '/api/standards', {
        code: 'OPS-01',
        title: '话务受理规范',
        plannedOn: '2026-03-31',
      })
    ).json();
    const b = (
      await post('office', '/api/standards', {
        code: 'OPS-02',
        title: '工单派发规范',
        plannedOn: '2026-06-30',
      })
    ).json();
    await post('office', '/api/standards', { code: 'OPS-03', title: '回访规范', plannedOn: '2027-01-31' });
    expect(
      (await post('office', '/api/standards', { code: 'OPS-01', title: 'dup', plannedOn: '2026-03-31' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await post('lead', `/api/standards/${a.id}/revisions`, {
          version: '1.1',
          revisedOn: '2026-04-01',
          summary: 'x',
        })
      ).statusCode,
    ).toBe(400);
    await post('lead', `/api/standards/${a.id}/complete`, { completedOn: '2026-03-20' });
    // Completing again would move the date KPI 12 is judged on: refused, a revision is the way.
    const again = await post('lead', `/api/standards/${a.id}/complete`, { completedOn: '2026-03-25' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('standard_completed');
    const rev = await post('lead', `/api/standards/${a.id}/revisions`, {
      version: '1.1',
      revisedOn: '2026-05-01',
      summary: '增加网络工单受理要求',
    });
    expect(rev.json().version).toBe('1.1');
    const list = (await get('a1', '/api/standards')).json().items;
    expect(list.find((s: { id: number }) => s.id === a.id).revisions).toHaveLength(1);
    const kpi = (await get('office', '/api/training/indicators?from=2026-01-01&to=2027-01-01')).json()
      .standardsCompletion;
    expect(kpi).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 0.5,
      evidence: { counted: [a.id, b.id], met: [a.id] },
    });
  });
});

describe('hot-topic detection from orders', () => {
  it('puts a burst of similar requests on the board once, and updates it on the next run', async () => {
    const { detectFromOrders } = await import('./detect-service.ts');
    t.clock.set('2026-03-20T09:00:00+08:00');
    const headers = await t.as('lead');
    await t.addUser('intake', 'agent').catch(() => undefined);
    const agent = await t.as('a1');
    const streets = ['人民路', '交通路', '黄河路', '嵩山路', '太行山路', '淞江路', '滨河路', '长江路'];
    for (const [i, road] of streets.entries()) {
      await t.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: agent,
        payload: {
          channel: 'phone',
          type: 'complaint',
          title: `源汇区${road}停水`,
          content: `源汇区${road}一带从昨天起停水，没有任何通知，居民生活受影响，请自来水公司尽快恢复供水。`,
          caller: { phone: `1390000${String(i).padStart(4, '0')}` },
          location: { district: '源汇区' },
          receivedAt: `2026-03-19T${String(8 + i).padStart(2, '0')}:00:00+08:00`,
        },
      });
    }
    for (const [i, text] of [
      '咨询公积金提取条件',
      '反映小区路灯不亮',
      '建议增设公交站点',
      '投诉商户占道经营',
    ].entries()) {
      await t.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: agent,
        payload: {
          channel: 'phone',
          type: 'inquiry',
          content: text,
          receivedAt: `2026-03-18T1${i}:00:00+08:00`,
        },
      });
    }
    const first = await detectFromOrders(t.db.orm, t.clock.now());
    expect(first.created).toBeGreaterThanOrEqual(1);
    const board = (
      await t.app.inject({ method: 'GET', url: '/api/hot-topics?status=candidate', headers })
    ).json().items;
    const water = board.find((x: { keywords: string[] }) => x.keywords.includes('停水'));
    expect(water).toBeDefined();
    expect(water.district).toBe('源汇区');
    expect(water.orderIds).toHaveLength(8);
    const again = await detectFromOrders(t.db.orm, t.clock.now());
    expect(again.created).toBe(0);
    expect(again.updated).toBeGreaterThanOrEqual(1);
  });
});

describe('the frontline roster a hot topic is owed to', () => {
  it('is the agents on the workforce roster that day: not those who left, still those on leave', async () => {
    t.clock.set('2026-03-21T09:00:00+08:00');
    const member = async (userId: number, name: string) =>
      (
        await post('lead', '/api/workforce/members', { name, role: 'agent', startDate: '2026-01-01', userId })
      ).json().id as number;
    await member(agents[0]!, '话务员甲');
    const leaver = await member(agents[1]!, '话务员乙');
    await member(agents[2]!, '话务员丙');
    const ended = await post('lead', `/api/workforce/members/${leaver}/end`, {
      endDate: '2026-03-15',
      endReason: 'resigned',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const topic = (
      await post('lead', '/api/hot-topics', { title: '医保卡激活', keywords: ['医保卡'] })
    ).json();
    const confirmed = (
      await post('office', `/api/hot-topics/${topic.id}/confirm`, { brief: '统一口径：线上激活' })
    ).json();
    // a2 left on 15 March; a4 has an account but is not on the roster.
    expect(confirmed.trainees.map((x: { agentId: number }) => x.agentId).sort()).toEqual(
      [agents[0], agents[2]].sort(),
    );
  });
});
