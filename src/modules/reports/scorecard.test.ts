import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { xlsxSheets } from './test-files.ts';

/**
 * 部门考评 end to end: a small March built through the real order actions (dispatch, sign, return and its
 * judgement, reply, callback, the office's reply review), then every figure asserted for the two departments.
 */
let t: TestContext;
let depA: number;
let depB: number;
const o: Record<string, number> = {};
const at = (local: string) => `${local}+08:00`;
const PERIOD = 'from=2025-03-01&to=2025-04-01';

async function call(user: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: await t.as(user), ...(payload ? { payload } : {}) });
}
async function act(user: string, id: number, action: string, payload: object = {}) {
  const res = await call(user, 'POST', `/api/orders/${id}/actions/${action}`, payload);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
}
async function newOrder() {
  const res = await call('agent', 'POST', '/api/orders', {
    channel: 'phone',
    type: 'complaint',
    content: '黄河路与嵩山路交叉口三盏路灯一周不亮，行人过马路危险。希望尽快修复路灯。',
    caller: { name: '王女士', phone: '13912345678' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}
const GOOD_REPLY =
  '王女士您好：经现场核实，黄河路与嵩山路交叉口三盏路灯因线路老化不亮。我局已于2025年3月4日安排路灯管理所' +
  '维修人员更换线路，三盏路灯已恢复照明，行人过马路不再危险。根据《城市道路照明设施管理规定》第十二条，' +
  '路灯故障应在3个工作日内修复。如再有问题请联系路灯管理所，电话0395-1234567。';
const POOR_REPLY = '您好，留言已收悉，已转相关单位办理。感谢您的留言。';

beforeAll(async () => {
  t = await createTestContext(at('2025-03-03T09:00:00'));
  await t.addUser('agent', 'agent');
  await t.addUser('office', 'office');
  await t.addUser('lead', 'team_lead');
  depA = await t.addDepartment('CG', '市城市管理局', '城管局');
  depB = await t.addDepartment('ZJ', '市住房和城乡建设局', '住建局');
  await t.addUser('a', 'department', depA);
  await t.addUser('b', 'department', depB);

  // 03-03 09:00 — four orders: 1, 2, 3 to A, 4 to B (5 working days: due 03-10).
  for (const k of ['o1', 'o2', 'o3', 'o4']) o[k] = await newOrder();
  for (const k of ['o1', 'o2', 'o3'])
    await act('agent', o[k]!, 'dispatch', { departmentId: depA, timeLimitWorkingDays: 5 });
  await act('agent', o.o4!, 'dispatch', { departmentId: depB, timeLimitWorkingDays: 5 });
  // 10:00 — signed within the hour; 11:00 — 3 and 4 returned; 14:00 — judged: 3 the department's, 4 the operator's.
  t.clock.set(at('2025-03-03T10:00:00'));
  await act('a', o.o1!, 'sign');
  await act('a', o.o3!, 'sign');
  await act('b', o.o4!, 'sign');
  t.clock.set(at('2025-03-03T11:00:00'));
  await act('a', o.o3!, 'return', { reasonCode: 'not_our_duty', reason: '不属于本单位职责' });
  await act('b', o.o4!, 'return', { reasonCode: 'not_our_duty', reason: '不属于本单位职责' });
  t.clock.set(at('2025-03-03T14:00:00'));
  await act('office', o.o3!, 'judge-return', { operatorFault: false });
  await act('office', o.o4!, 'judge-return', { operatorFault: true });
  // 15:00 — 3 goes to B for 2 working days (due 03-05); B never signs it.
  t.clock.set(at('2025-03-03T15:00:00'));
  await act('agent', o.o3!, 'dispatch', { departmentId: depB, timeLimitWorkingDays: 2 });
  // 03-04 — A replies to 1 well; the citizen is satisfied. A signs 2 after 31 hours (late).
  t.clock.set(at('2025-03-04T10:00:00'));
  await act('a', o.o1!, 'reply', { reply: GOOD_REPLY });
  await act('agent', o.o1!, 'callback', { reached: true, satisfaction: 'satisfied' });
  t.clock.set(at('2025-03-04T16:00:00'));
  await act('a', o.o2!, 'sign');
  // 03-12 — A replies to 2 after its deadline, poorly; the citizen is unsatisfied; the office rates it fair.
  t.clock.set(at('2025-03-12T10:00:00'));
  await act('a', o.o2!, 'reply', { reply: POOR_REPLY });
  await act('agent', o.o2!, 'callback', { reached: true, satisfaction: 'unsatisfied' });
  const review = await call('office', 'POST', `/api/orders/${o.o2}/reply-quality/review`, {
    verdict: 'fair',
    note: '答复过简，但已电话说明',
  });
  expect(review.statusCode, review.body).toBe(200);
  t.clock.set(at('2025-03-31T12:00:00'));
});
afterAll(() => t.close());

describe('部门考评: each figure from the real actions', () => {
  it('counts department A: received, signed and replied on time, overdue, returns, satisfaction, reply quality', async () => {
    const res = await call('office', 'GET', `/api/departments/scorecards?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json().departments.find((d: { departmentId: number }) => d.departmentId === depA);
    expect(a).toMatchObject({
      name: '市城市管理局',
      received: 3,
      signedOnTime: 2, // 1 and 3 within the hour; 2 after 31 hours
      due: 2, // 1 and 2; 3 was returned
      handledOnTime: 1,
      overdue: 1,
      returned: 1,
      returnedOperatorFault: 0,
      returnedNotOperatorFault: 1,
      returnedUnjudged: 0,
      satisfied: 1,
      unsatisfied: 1,
      satisfactionRate: 0.5,
      repliesScored: 2,
      repliesGood: 1,
      repliesFair: 1, // the office's override of a poor reply
      repliesPoor: 0,
      repliesOverridden: 1,
      replyGoodRate: 0.5,
    });
    expect(a.signedOnTimeRate).toBeCloseTo(2 / 3);
    expect(a.handledOnTimeRate).toBe(0.5);
  });

  it('counts department B: a return judged the operator’s, a re-dispatched order never signed and overdue', async () => {
    const res = await call('lead', 'GET', `/api/departments/scorecards?${PERIOD}`);
    const b = res.json().departments.find((d: { departmentId: number }) => d.departmentId === depB);
    expect(b).toMatchObject({
      received: 2,
      signedOnTime: 1,
      due: 1,
      handledOnTime: 0,
      overdue: 1,
      returned: 1,
      returnedOperatorFault: 1,
      returnedNotOperatorFault: 0,
      repliesScored: 0,
      replyGoodRate: null,
      satisfactionRate: null,
    });
  });

  it('drills down to the orders behind each count', async () => {
    const res = await call('office', 'GET', `/api/departments/scorecards/${depA}?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const { department, drillDown } = res.json();
    expect(department.received).toBe(3);
    const ids = (k: string) => drillDown[k].orderIds;
    expect(ids('received')).toEqual([o.o1, o.o2, o.o3].sort((x, y) => x! - y!));
    expect(ids('signedOnTime')).toEqual([o.o1, o.o3].sort((x, y) => x! - y!));
    expect(ids('handledOnTime')).toEqual([o.o1]);
    expect(ids('overdue')).toEqual([o.o2]);
    expect(ids('returnedNotOperatorFault')).toEqual([o.o3]);
    expect(ids('unsatisfied')).toEqual([o.o2]);
    expect(ids('repliesGood')).toEqual([o.o1]);
    expect(ids('repliesFair')).toEqual([o.o2]);
    expect(drillDown.overdue.orders).toBe(1);
  });

  it('feeds the circular: the same figures, scored and ranked', async () => {
    const cards = (await call('office', 'GET', `/api/departments/scorecards?${PERIOD}`)).json();
    const circular = (await call('office', 'GET', `/api/reports/circular?${PERIOD}`)).json();
    for (const card of cards.departments) {
      const row = circular.departments.find(
        (d: { departmentId: number }) => d.departmentId === card.departmentId,
      );
      expect(row).toMatchObject(card);
      expect(row.rank).toBeGreaterThan(0);
    }
  });
});

describe('部门考评: who sees what', () => {
  it('a department sees only its own card; another department’s is 403', async () => {
    const own = await call('a', 'GET', `/api/departments/scorecards?${PERIOD}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().departments.map((d: { departmentId: number }) => d.departmentId)).toEqual([depA]);
    expect((await call('a', 'GET', `/api/departments/scorecards/${depA}?${PERIOD}`)).statusCode).toBe(200);
    expect((await call('a', 'GET', `/api/departments/scorecards/${depB}?${PERIOD}`)).statusCode).toBe(403);
    const file = await call('a', 'GET', `/api/departments/scorecards.xlsx?${PERIOD}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const sheet = (await xlsxSheets(file.rawPayload))['部门考评']!;
    expect(sheet[0]!.slice(0, 3)).toEqual(['承办单位', '接收', '按时签收']);
    expect(sheet.slice(1)).toEqual([
      [
        '市城市管理局',
        3,
        2,
        2 / 3,
        2,
        1,
        0.5,
        1,
        1,
        0,
        1,
        0,
        0,
        1,
        0,
        1,
        0.5,
        2,
        1,
        1,
        0,
        0.5,
        expect.any(Number),
        // 协办 received, on time, overdue, on-time rate (none: empty); 派单异议 raised, upheld, redirected, joint.
        0,
        0,
        0,
        undefined,
        0,
        0,
        0,
        0,
        // 挂起 requests, approved, paused working hours.
        0,
        0,
        0,
      ],
    ]);
  });

  it('a department’s own card is shown even in an idle period', async () => {
    const idle = await call('b', 'GET', '/api/departments/scorecards?from=2024-01-01&to=2024-02-01');
    expect(idle.json().departments).toMatchObject([
      { departmentId: depB, received: 0, signedOnTimeRate: null },
    ]);
  });

  it('agents may not read scorecards; an unknown department is 404; bad dates name the field', async () => {
    expect((await call('agent', 'GET', `/api/departments/scorecards?${PERIOD}`)).statusCode).toBe(403);
    expect((await call('office', 'GET', `/api/departments/scorecards/999999?${PERIOD}`)).statusCode).toBe(
      404,
    );
    const bad = await call('office', 'GET', '/api/departments/scorecards?from=2025-02-30&to=2025-01-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toContain('from');
    const late = await call('office', 'GET', '/api/departments/scorecards?from=2025-01-01&to=2027-01-01');
    expect(late.json().error.fields.map((f: { field: string }) => f.field)).toEqual(['to']);
  });
});

describe('部门考评: co-handling, dispatch disputes and pauses (April)', () => {
  it('counts a co-handler’s own answers against it, the disputes a department raised and its paused time', async () => {
    const withCo = async () => {
      const id = await newOrder();
      await act('agent', id, 'dispatch', {
        departmentId: depA,
        coDepartmentIds: [depB],
        timeLimitWorkingDays: 5,
      });
      return id;
    };
    // 04-01 (Tue) 09:00 — two orders to A with B co-handling (B's own deadline: 1 working day before A's).
    t.clock.set(at('2025-04-01T09:00:00'));
    const onTime = await withCo();
    const late = await withCo();
    const disputed = await newOrder();
    await act('agent', disputed, 'dispatch', { departmentId: depA, timeLimitWorkingDays: 5 });
    // 04-02 — B answers the first in time; A disputes the third, and the office redirects it to B.
    t.clock.set(at('2025-04-02T10:00:00'));
    await act('b', onTime, 'co-reply', { reply: '本局已配合核查，线路归城管局维护。' });
    await act('a', disputed, 'dispute', { reason: '属住建局职责', proposedDepartmentId: depB });
    await act('office', disputed, 'decide-dispute', { decision: 'redirect' });
    // A asks to pause the first order for the citizen's papers; approved at 11:00, resumed a day later (24 working hours).
    await act('a', onTime, 'request-pause', {
      reasonCode: 'awaiting_materials',
      note: '等待群众补充房产证明',
      expectedResumeOn: '2025-04-10',
    });
    t.clock.set(at('2025-04-02T11:00:00'));
    await act('office', onTime, 'decide-pause', { approve: true });
    t.clock.set(at('2025-04-03T11:00:00'));
    await act('a', onTime, 'resume');
    // 04-15 — B answers the second after its own deadline: overdue, counted against B, not A.
    t.clock.set(at('2025-04-15T10:00:00'));
    await act('b', late, 'co-reply', { reply: '已配合处理。' });

    const res = await call('office', 'GET', '/api/departments/scorecards?from=2025-04-01&to=2025-05-01');
    expect(res.statusCode, res.body).toBe(200);
    const cards = res.json().departments as Record<string, number>[];
    const a = cards.find((d) => d.departmentId === depA)!;
    const b = cards.find((d) => d.departmentId === depB)!;
    expect(b).toMatchObject({
      coReceived: 2,
      coAnsweredOnTime: 1,
      coOverdue: 1,
      coReleased: 0,
      coOnTimeRate: 0.5,
    });
    expect(a).toMatchObject({ coReceived: 0, coOverdue: 0, coOnTimeRate: null });
    expect(a).toMatchObject({
      disputesRaised: 1,
      disputesRedirected: 1,
      disputesUpheld: 0,
      disputesJoint: 0,
    });
    expect(b.disputesRaised).toBe(0);
    expect(a).toMatchObject({ pauseRequests: 1, pausesApproved: 1, pausedWorkingHours: 24 });
    expect(b).toMatchObject({ pauseRequests: 0, pausedWorkingHours: 0 });
    // The same figures in the department's own card and its XLSX columns.
    const own = await call('b', 'GET', `/api/departments/scorecards/${depB}?from=2025-04-01&to=2025-05-01`);
    expect(own.json().department).toMatchObject({ coReceived: 2, coOverdue: 1 });
  });
});
