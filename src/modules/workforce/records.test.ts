import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/schema.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let t: TestContext;
let agentUser: number;

beforeAll(async () => {
  t = await createTestContext('2025-12-10T09:00:00+08:00');
  await t.addUser('office', 'office');
  await t.addUser('admin', 'admin');
  await t.addUser('lead', 'team_lead');
  agentUser = await t.addUser('agent', 'agent');
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

describe('the roster’s records', () => {
  it('ends, corrects and re-opens a membership, auditing every change', async () => {
    const m = await addMember({ name: '李四', userId: agentUser });
    const twice = await req('lead', 'POST', '/api/workforce/members', {
      name: '李四',
      role: 'agent',
      startDate: '2025-11-01',
      userId: agentUser,
    });
    expect(twice.statusCode).toBe(409);
    expect(fields(twice)).toEqual(['userId']);
    const ended = await req('lead', 'POST', `/api/workforce/members/${m.id}/end`, {
      endDate: '2025-11-30',
      endReason: 'transferred',
    });
    expect(ended.json()).toMatchObject({
      endDate: '2025-11-30',
      endReason: 'transferred',
      endReasonLabel: '调岗',
    });
    expect(
      (
        await req('lead', 'POST', `/api/workforce/members/${m.id}/end`, {
          endDate: '2025-12-01',
          endReason: 'other',
        })
      ).statusCode,
    ).toBe(409);
    // After the end the same user may join again.
    const back = await req('lead', 'POST', '/api/workforce/members', {
      name: '李四',
      role: 'team_lead',
      startDate: '2025-12-01',
      userId: agentUser,
    });
    expect(back.statusCode, back.body).toBe(201);
    const reopened = await req('office', 'PATCH', `/api/workforce/members/${m.id}`, { endDate: null });
    expect(reopened.statusCode).toBe(409);
    const fixed = await req('office', 'PATCH', `/api/workforce/members/${m.id}`, { endDate: '2025-11-29' });
    expect(fixed.json()).toMatchObject({ endDate: '2025-11-29', endReason: 'transferred' });
    const audit = await t.db.orm
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'roster_member'), eq(auditLog.entityId, String(m.id))));
    expect(audit.map((a) => a.action)).toEqual(['add', 'end', 'update']);
    expect(audit[2]!.before).toMatchObject({ endDate: '2025-11-30' });
    const onDay = (await req('lead', 'GET', '/api/workforce/members?on=2025-11-30')).json().items;
    expect(onDay.some((x: { id: number }) => x.id === m.id)).toBe(false);
  });

  it('keeps absences apart and cancels rather than deletes', async () => {
    const m = await addMember();
    const a = (
      await req('lead', 'POST', '/api/workforce/absences', {
        memberId: m.id,
        kind: 'leave',
        fromDate: '2025-11-03',
        toDate: '2025-11-07',
      })
    ).json();
    const overlap = await req('lead', 'POST', '/api/workforce/absences', {
      memberId: m.id,
      kind: 'sick_leave',
      fromDate: '2025-11-07',
      toDate: '2025-11-08',
    });
    expect(overlap.statusCode).toBe(409);
    expect(
      (await req('lead', 'PATCH', `/api/workforce/absences/${a.id}`, { toDate: '2025-11-05' })).json().toDate,
    ).toBe('2025-11-05');
    expect(
      (await req('lead', 'POST', `/api/workforce/absences/${a.id}/cancel`)).json().cancelledAt,
    ).not.toBeNull();
    expect((await req('lead', 'POST', `/api/workforce/absences/${a.id}/cancel`)).statusCode).toBe(409);
    const listed = (await req('lead', 'GET', `/api/workforce/absences?memberId=${m.id}`)).json().items;
    expect(listed).toHaveLength(1);
  });

  it('checks replacement requests and their fulfilment', async () => {
    const unfit = await addMember({ name: '王五' });
    const future = await req('office', 'POST', '/api/workforce/replacement-requests', {
      memberId: unfit.id,
      requestedOn: '2025-12-11',
      reason: 'x',
    });
    expect(fields(future)).toEqual(['requestedOn']);
    const r = (
      await req('office', 'POST', '/api/workforce/replacement-requests', {
        memberId: unfit.id,
        requestedOn: '2025-12-08',
        reason: '业务不熟',
      })
    ).json();
    expect(
      (
        await req('office', 'POST', '/api/workforce/replacement-requests', {
          memberId: unfit.id,
          requestedOn: '2025-12-09',
          reason: 'y',
        })
      ).statusCode,
    ).toBe(409);
    const early = await addMember({ name: '老员工', startDate: '2025-11-01' });
    const url = `/api/workforce/replacement-requests/${r.id}/fulfil`;
    expect(
      fields(await req('lead', 'POST', url, { replacementMemberId: early.id, endDate: '2025-12-09' })),
    ).toEqual(['replacementMemberId']);
    const successor = await addMember({ name: '赵六', startDate: '2025-12-10' });
    expect(fields(await req('lead', 'POST', url, { replacementMemberId: successor.id }))).toEqual([
      'endDate',
    ]);
    const tooEarly = await req('lead', 'POST', url, {
      replacementMemberId: successor.id,
      endDate: '2025-12-07',
    });
    expect(fields(tooEarly)).toEqual(['endDate']);
    const done = await req('lead', 'POST', url, { replacementMemberId: successor.id, endDate: '2025-12-09' });
    expect(done.json()).toMatchObject({ status: 'fulfilled', replacementMemberId: successor.id });
    expect((await req('lead', 'POST', url, { replacementMemberId: successor.id })).statusCode).toBe(409);
    const list = (await req('lead', 'GET', '/api/workforce/replacement-requests?replacementDays=3')).json()
      .items;
    expect(list[0]).toMatchObject({
      id: r.id,
      replacedOn: '2025-12-10',
      days: 2,
      late: false,
      memberName: '王五',
    });
  });

  it('withdraws an open request, which is then not judged', async () => {
    const m = await addMember({ name: '孙七' });
    const r = (
      await req('office', 'POST', '/api/workforce/replacement-requests', {
        memberId: m.id,
        requestedOn: '2025-12-01',
        reason: 'z',
      })
    ).json();
    const w = await req('office', 'POST', `/api/workforce/replacement-requests/${r.id}/withdraw`, {
      note: '经复核可以胜任',
    });
    expect(w.json().status).toBe('withdrawn');
    const list = (await req('office', 'GET', '/api/workforce/replacement-requests?replacementDays=3')).json()
      .items;
    expect(list.find((x: { id: number }) => x.id === r.id)).toMatchObject({ late: null, days: null });
  });
});
