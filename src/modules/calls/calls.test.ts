import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { insertCallBatch } from './import-service.ts';
import type { CallRecord } from './model.ts';

let t: TestContext;
const at = (s: string) => new Date(`${s}+08:00`);

function call(
  id: string,
  offered: string,
  opts: Partial<CallRecord> & { wait?: number; talk?: number; abandonAfter?: number } = {},
): CallRecord {
  const offeredAt = at(offered);
  const answeredAt = opts.wait != null ? new Date(offeredAt.getTime() + opts.wait * 1000) : null;
  const abandonedAt =
    opts.abandonAfter != null ? new Date(offeredAt.getTime() + opts.abandonAfter * 1000) : null;
  return {
    callId: id,
    source: 'generic',
    callerNumber: opts.callerNumber === undefined ? `1380000${id.padStart(4, '0')}` : opts.callerNumber,
    queue: '12345',
    offeredAt,
    answeredAt,
    agent: answeredAt ? (opts.agent ?? '1001') : null,
    endedAt: answeredAt && opts.talk != null ? new Date(answeredAt.getTime() + opts.talk * 1000) : null,
    abandonedAt,
    abandonReason: abandonedAt ? (opts.abandonReason ?? 'caller_hangup') : null,
    ivrRating: opts.ivrRating ?? null,
    orderNumbers: [],
  };
}

beforeAll(async () => {
  t = await createTestContext('2025-03-05T12:00:00+08:00');
  await t.addUser('office', 'office');
  await t.addUser('lead', 'team_lead');
  await t.addUser('agent', 'agent');
  await t.addUser('pbx', 'switch');
  await t.addUser('zj', 'department', await t.addDepartment('ZJJ', '住建局'));
  await insertCallBatch(
    t.db.orm,
    [
      call('1', '2025-03-04T09:00:05', { wait: 8, talk: 192, ivrRating: 5 }),
      call('2', '2025-03-04T09:10:00', { abandonAfter: 40 }),
      call('3', '2025-03-04T09:40:00', { wait: 30, talk: 170, agent: '1002' }),
      call('4', '2025-03-04T10:00:00', { wait: 5, talk: 95, ivrRating: 2 }),
      call('5', '2025-03-04T10:05:00', { abandonAfter: 100, abandonReason: 'timeout' }),
      call('6', '2025-03-04T10:06:00', { abandonAfter: 3 }),
      call('7', '2025-03-03T23:50:00', { wait: 15, talk: 60 }),
    ],
    null,
    t.clock.now(),
    24,
  );
});
afterAll(() => t.close());

const get = async (user: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: await t.as(user) });
const post = async (user: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, payload, headers: await t.as(user) });
const put = async (user: string, url: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, payload, headers: await t.as(user) });

describe('call metrics', () => {
  it('counts a day in Beijing time with the answer rate, 15-second answers, ASA and AHT', async () => {
    const res = await get('office', '/api/calls/metrics?from=2025-03-04&to=2025-03-05&granularity=day');
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.totals).toMatchObject({
      offered: 6,
      answered: 3,
      abandoned: 3,
      abandonedByCaller: 2,
      answerRate: 0.5,
      answeredWithin15s: 2,
      asaSeconds: 14.3,
      ahtSeconds: 152.3,
      longestWaitSeconds: 100,
    });
    expect(m.intervals).toHaveLength(1);
    expect(m.intervals[0].start).toBe('2025-03-03T16:00:00.000Z');
  });

  it('buckets by 30-minute intervals and leaves out short abandons when the setting says so', async () => {
    const m = (
      await get('office', '/api/calls/metrics?from=2025-03-04&to=2025-03-05&granularity=interval')
    ).json();
    expect(m.intervals.map((i: { start: string; offered: number }) => [i.start, i.offered])).toEqual([
      ['2025-03-04T01:00:00.000Z', 2],
      ['2025-03-04T01:30:00.000Z', 1],
      ['2025-03-04T02:00:00.000Z', 3],
    ]);
    expect((await put('agent', '/api/settings/calls.shortAbandonSeconds', { value: 5 })).statusCode).toBe(
      403,
    );
    const bad = await put('office', '/api/settings/calls.shortAbandonSeconds', { value: -1 });
    expect(bad.statusCode).toBe(400);
    expect((await put('office', '/api/settings/calls.shortAbandonSeconds', { value: 5 })).statusCode).toBe(
      200,
    );
    const after = (await get('office', '/api/calls/metrics?from=2025-03-04&to=2025-03-05')).json();
    expect(after.totals).toMatchObject({
      offered: 5,
      answered: 3,
      answerRate: 0.6,
      excluded: { shortAbandoned: 1 },
    });
    expect(after.settings.shortAbandonSeconds).toBe(5);
    await put('office', '/api/settings/calls.shortAbandonSeconds', { value: 0 });
  });

  it('leaves approved exemption windows out and shows them separately', async () => {
    const req = await post('lead', '/api/calls/exemptions', {
      startsAt: '2025-03-04T10:00:00+08:00',
      endsAt: '2025-03-04T10:30:00+08:00',
      reason: '暴雨导致话务激增',
    });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json().status).toBe('pending');
    let m = (await get('office', '/api/calls/metrics?from=2025-03-04&to=2025-03-05')).json();
    expect(m.totals.offered).toBe(6);
    expect(
      (await post('lead', `/api/calls/exemptions/${req.json().id}/decide`, { approve: true })).statusCode,
    ).toBe(403);
    expect(
      (await post('office', `/api/calls/exemptions/${req.json().id}/decide`, { approve: true })).statusCode,
    ).toBe(200);
    m = (await get('office', '/api/calls/metrics?from=2025-03-04&to=2025-03-05')).json();
    expect(m.totals).toMatchObject({
      offered: 3,
      answered: 2,
      excluded: { exemptedOffered: 3, exemptedAnswered: 1 },
    });
    expect(m.exemptions).toHaveLength(1);
    expect(
      (await post('office', `/api/calls/exemptions/${req.json().id}/decide`, { approve: false })).statusCode,
    ).toBe(409);
  });

  it('refuses a bad period naming the field, and departments', async () => {
    const res = await get('office', '/api/calls/metrics?from=2025-03-05&to=2025-03-04');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('to');
    expect(
      (await get('office', '/api/calls/metrics?from=yesterday&to=2025-03-04')).json().error.fields[0].field,
    ).toBe('from');
    expect((await get('zj', '/api/calls/metrics?from=2025-03-04&to=2025-03-05')).statusCode).toBe(403);
  });
});

describe('missed-call callbacks', () => {
  it('opens one per unanswered call with a number, and closes it when reached or after the attempts', async () => {
    const open = (await get('agent', '/api/calls/callbacks?status=open')).json();
    expect(open.total).toBe(3);
    expect(open.items[0].callerNumber).toBe('13800000002');
    expect((await get('office', '/api/calls/callbacks?status=open')).json().items[0].callerNumber).toBe(
      '138****0002',
    );
    const [first, second] = open.items;
    const done = await post('agent', `/api/calls/callbacks/${first.id}/attempts`, {
      reached: true,
      note: '已回拨，登记工单',
    });
    expect(done.json()).toMatchObject({ status: 'done', attempts: 1 });
    expect(
      (await post('agent', `/api/calls/callbacks/${first.id}/attempts`, { reached: true })).statusCode,
    ).toBe(409);
    for (let i = 0; i < 3; i++)
      await post('agent', `/api/calls/callbacks/${second.id}/attempts`, { reached: false });
    const after = (await get('agent', '/api/calls/callbacks?status=unreachable')).json();
    expect(after.items.map((c: { id: number }) => c.id)).toEqual([second.id]);
    const stats = (await get('office', '/api/calls/callbacks/stats?from=2025-03-04&to=2025-03-05')).json();
    expect(stats).toMatchObject({ missed: 3, done: 1, unreachable: 1, open: 1 });
  });
});

describe('live events from the switch', () => {
  it('feeds the same rows: offered, answered, ended, rated; replays change nothing; contradictions are refused', async () => {
    const ev = (payload: object) => post('pbx', '/api/calls/events', payload);
    expect(
      (
        await post('agent', '/api/calls/events', {
          type: 'offered',
          callId: 'L1',
          at: '2025-03-05T11:59:00+08:00',
        })
      ).statusCode,
    ).toBe(403);
    expect((await ev({ type: 'answered', callId: 'L9', at: '2025-03-05T11:59:00+08:00' })).statusCode).toBe(
      409,
    );
    expect(
      (
        await ev({
          type: 'offered',
          callId: 'L1',
          at: '2025-03-05T11:59:00+08:00',
          callerNumber: '13900001111',
        })
      ).statusCode,
    ).toBe(200);
    const wall = (await get('lead', '/api/calls/wallboard')).json();
    expect(wall).toMatchObject({ waiting: 1, talking: 0 });
    expect(wall.longestWaitingSeconds).toBe(60);
    await ev({ type: 'answered', callId: 'L1', at: '2025-03-05T11:59:12+08:00', agent: '1003' });
    await ev({ type: 'answered', callId: 'L1', at: '2025-03-05T11:59:40+08:00', agent: '1009' });
    expect((await get('lead', '/api/calls/wallboard')).json()).toMatchObject({
      waiting: 0,
      talking: 1,
      agentsTalking: 1,
    });
    expect((await ev({ type: 'abandoned', callId: 'L1', at: '2025-03-05T11:59:50+08:00' })).statusCode).toBe(
      409,
    );
    await ev({ type: 'ended', callId: 'L1', at: '2025-03-05T12:03:12+08:00' });
    const rated = await ev({ type: 'rated', callId: 'L1', at: '2025-03-05T12:03:30+08:00', rating: 4 });
    expect(rated.json()).toMatchObject({ agent: '1003', ivrRating: 4, source: 'live' });
    expect(new Date(rated.json().answeredAt).toISOString()).toBe('2025-03-05T03:59:12.000Z');
    const today = (await get('lead', '/api/calls/wallboard')).json().today;
    expect(today).toMatchObject({ offered: 1, answered: 1, answerRate: 1 });
    await ev({ type: 'offered', callId: 'L2', at: '2025-03-05T11:58:00+08:00', callerNumber: '13900002222' });
    await ev({ type: 'abandoned', callId: 'L2', at: '2025-03-05T11:58:30+08:00' });
    expect(
      (await get('agent', '/api/calls/callbacks?status=open'))
        .json()
        .items.map((c: { callerNumber: string }) => c.callerNumber),
    ).toContain('13900002222');
  });
});

describe('outages', () => {
  it('flags an outage past 6 continuous hours with a termination-risk alert, once', async () => {
    const short = await post('lead', '/api/calls/outages', {
      startedAt: '2025-03-05T01:00:00+08:00',
      endedAt: '2025-03-05T02:00:00+08:00',
      cause: '线路故障',
    });
    expect(short.statusCode, short.body).toBe(201);
    const long = await post('office', '/api/calls/outages', {
      startedAt: '2025-03-05T03:00:00+08:00',
      cause: '机房断电',
    });
    const list = (await get('agent', '/api/calls/outages')).json().items;
    expect(list.find((o: { id: number }) => o.id === long.json().id)).toMatchObject({
      hours: 9,
      overLimit: true,
    });
    expect(list.find((o: { id: number }) => o.id === short.json().id)).toMatchObject({
      hours: 1,
      overLimit: false,
    });
    const alerts = (await get('office', '/api/alerts')).json().items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'outage_over_limit',
      severity: 'critical',
      subject: `outage:${long.json().id}`,
    });
    expect(alerts[0].messageZh).toContain('6 小时');
    expect(alerts[0].messageZh).toContain('原因尚未认定');
    // An outage the office has ruled not the operator's cause is a warning, not a ground to terminate.
    const notOurs = await post('office', '/api/calls/outages', {
      startedAt: '2025-03-04T00:00:00+08:00',
      endedAt: '2025-03-04T08:00:00+08:00',
      cause: '市政施工挖断光缆',
      operatorFault: false,
    });
    expect(notOurs.statusCode, notOurs.body).toBe(201);
    const notOursAlert = (await get('office', '/api/alerts'))
      .json()
      .items.find((a: { subject: string }) => a.subject === `outage:${notOurs.json().id}`);
    expect(notOursAlert).toMatchObject({ severity: 'warning' });
    expect(notOursAlert.messageZh).toContain('不构成解除合同事由');
    await post('office', `/api/calls/outages/${long.json().id}/end`, {
      endedAt: '2025-03-05T11:00:00+08:00',
    });
    expect((await get('office', '/api/alerts')).json().items).toHaveLength(2);
    const bad = await post('office', '/api/calls/outages', {
      startedAt: '2025-03-05T03:00:00+08:00',
      endedAt: '2025-03-05T02:00:00+08:00',
      cause: 'x',
    });
    expect(bad.json().error.fields[0].field).toBe('endedAt');
  });
});

describe('wallboard stream', () => {
  it('sends a snapshot at once and another after a call event, over real HTTP', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as { port: number }).port;
    const token = (await t.as('lead')).authorization!.slice('Bearer '.length);
    const controller = new AbortController();
    // The console's EventSource sends the HttpOnly session cookie, like any same-origin request.
    const res = await fetch(`http://127.0.0.1:${port}/api/calls/wallboard/stream`, {
      signal: controller.signal,
      headers: { cookie: `hotline_session=${token}` },
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    const nextSnapshot = async () => {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (event.startsWith('event: snapshot')) return JSON.parse(event.split('\ndata: ')[1]!);
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    };
    const first = await nextSnapshot();
    const before = first.waiting;
    await post('pbx', '/api/calls/events', {
      type: 'offered',
      callId: 'S1',
      at: '2025-03-05T11:59:30+08:00',
    });
    const second = await nextSnapshot();
    expect(second.waiting).toBe(before + 1);
    controller.abort();
    const anonymous = await fetch(`http://127.0.0.1:${port}/api/calls/wallboard/stream`);
    expect(anonymous.status).toBe(401);
  });
});
