import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../platform/schema.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';

let t: TestContext;
let rotaId: number;
let agent: string;
let recordId: number;
let day: string;

beforeAll(async () => {
  t = await createTestContext('2026-03-20T09:00:00+08:00');
  await t.addUser('lead', 'team_lead');
  await t.addUser('office', 'office');
  await t.addUser('agent', 'agent');
});
afterAll(() => t.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const req = async (user: string | null, method: Method, url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: user ? await t.as(user) : {} });
const fields = (r: { json(): { error: { fields?: { field: string }[] } } }) =>
  (r.json().error.fields ?? []).map((f) => f.field);
const records = async () =>
  (await req('office', 'GET', '/api/workforce/attendance?from=2026-03-01&to=2026-04-01')).json().items as {
    id: number;
    workDate: string;
    hours: number;
  }[];
const payLine = async () =>
  (await req('office', 'GET', `/api/workforce/rotas/${rotaId}/pay?monthlyWageFen=435000`))
    .json()
    .lines.find((l: { agent: string }) => l.agent === agent);
const at = (d: string, hm: string) => `${d}T${hm}:00+08:00`;

describe('attendance corrections and deletions', () => {
  it('imports two records of a member on a published rota', async () => {
    const m = await req('lead', 'POST', '/api/workforce/members', {
      name: '王五',
      role: 'agent',
      startDate: '2026-01-01',
    });
    const rota = (
      await req('lead', 'POST', '/api/workforce/rotas', { from: '2026-03-02', weeks: 1, agents: 6 })
    ).json();
    rotaId = rota.id;
    expect((await req('lead', 'POST', `/api/workforce/rotas/${rotaId}/publish`)).statusCode).toBe(200);
    agent = rota.agents.find((a: { memberId: number | null }) => a.memberId === m.json().id).agent;
    const csv = `agent,date,clockIn,clockOut\n王五,2026-03-02,08:00,16:00\n王五,2026-03-03,08:00,16:00\n`;
    expect((await req('lead', 'POST', '/api/workforce/attendance/import', { csv })).statusCode).toBe(201);
    const items = await records();
    expect(items).toHaveLength(2);
    recordId = items[0]!.id;
    day = items[0]!.workDate;
  });

  it('a correction changes the record and the pay, and is kept in the history and the audit log', async () => {
    const before = await payLine();
    const r = await req('lead', 'PATCH', `/api/workforce/attendance/${recordId}`, {
      clockIn: at(day, '07:00'),
      clockOut: at(day, '19:00'),
      reason: '打卡机故障，补录实际签到',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ id: recordId, workDate: day, reason: '打卡机故障，补录实际签到' });
    expect((await records()).find((x) => x.id === recordId)!.hours).toBe(12);
    const after = await payLine();
    expect(after.hours).toBe(before.hours + 4);
    expect(after.overtime150).toBeGreaterThan(before.overtime150);
    expect(after.overtimePayFen).toBeGreaterThan(before.overtimePayFen);

    const changes = (
      await req('office', 'GET', '/api/workforce/attendance/changes?from=2026-03-01&to=2026-04-01')
    ).json().items;
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      recordId,
      name: '王五',
      action: 'correct',
      before: { clockIn: '2026-03-02T00:00:00.000Z', clockOut: '2026-03-02T08:00:00.000Z' },
      after: { clockIn: '2026-03-01T23:00:00.000Z', clockOut: '2026-03-02T11:00:00.000Z' },
      reason: '打卡机故障，补录实际签到',
      changedBy: 'lead',
    });
    const audit = await t.db.orm
      .select({ action: auditLog.action, entityId: auditLog.entityId })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'attendance'), eq(auditLog.action, 'correct')));
    expect(audit).toEqual([{ action: 'correct', entityId: String(recordId) }]);
  });

  it.each([
    [
      'a clock-out before the clock-in',
      { clockIn: '2026-03-02T10:00:00+08:00', clockOut: '2026-03-02T09:00:00+08:00' },
      ['clockOut'],
    ],
    [
      'more than 16 hours',
      { clockIn: '2026-03-02T00:00:00+08:00', clockOut: '2026-03-02T17:00:00+08:00' },
      ['clockOut'],
    ],
    [
      'a future clock-out',
      { clockIn: '2026-03-20T08:00:00+08:00', clockOut: '2026-03-20T16:00:00+08:00' },
      ['clockOut'],
    ],
    [
      'an overlap with the member’s other record',
      { clockIn: '2026-03-03T12:00:00+08:00', clockOut: '2026-03-03T20:00:00+08:00' },
      ['clockIn'],
    ],
    [
      'an impossible date',
      { clockIn: '2026-02-30T08:00:00+08:00', clockOut: '2026-03-02T16:00:00+08:00' },
      ['clockIn'],
    ],
    [
      'no reason',
      { clockIn: '2026-03-02T08:00:00+08:00', clockOut: '2026-03-02T16:00:00+08:00', reason: '  ' },
      ['reason'],
    ],
    [
      'a NUL in the reason',
      { clockIn: '2026-03-02T08:00:00+08:00', clockOut: '2026-03-02T16:00:00+08:00', reason: 'a\u0000b' },
      ['reason'],
    ],
    [
      'a 1 MB reason',
      {
        clockIn: '2026-03-02T08:00:00+08:00',
        clockOut: '2026-03-02T16:00:00+08:00',
        reason: 'x'.repeat(1 << 20),
      },
      ['reason'],
    ],
  ])('refuses %s with a 400 naming the field, changing nothing', async (_, body, named) => {
    const r = await req('lead', 'PATCH', `/api/workforce/attendance/${recordId}`, {
      reason: '更正',
      ...body,
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(fields(r).map((f: string) => f.replace(/^body\./, ''))).toEqual(named);
    expect((await records()).find((x) => x.id === recordId)!.hours).toBe(12);
  });

  it('only the team lead, the office and the administrator correct or delete; unknown ids are 404', async () => {
    const body = { clockIn: at(day, '08:00'), clockOut: at(day, '16:00'), reason: '更正' };
    expect((await req('agent', 'PATCH', `/api/workforce/attendance/${recordId}`, body)).statusCode).toBe(403);
    expect(
      (await req('agent', 'DELETE', `/api/workforce/attendance/${recordId}`, { reason: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await req('agent', 'GET', '/api/workforce/attendance/changes?from=2026-03-01&to=2026-04-01'))
        .statusCode,
    ).toBe(403);
    expect((await req(null, 'PATCH', `/api/workforce/attendance/${recordId}`, body)).statusCode).toBe(401);
    expect((await req('office', 'PATCH', '/api/workforce/attendance/999999', body)).statusCode).toBe(404);
    expect(
      (await req('office', 'DELETE', '/api/workforce/attendance/999999', { reason: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (await req('office', 'DELETE', '/api/workforce/attendance/99999999999', { reason: 'x' })).statusCode,
    ).toBe(400);
    expect((await req('office', 'DELETE', `/api/workforce/attendance/${recordId}`, {})).statusCode).toBe(400);
  });

  it('a deletion returns the day to the rota and keeps the history', async () => {
    const r = await req('office', 'DELETE', `/api/workforce/attendance/${recordId}`, {
      reason: '重复打卡，误导入',
    });
    expect(r.statusCode, r.body).toBe(200);
    expect((await records()).map((x) => x.id)).not.toContain(recordId);
    const line = await payLine();
    expect(line.days.find((d: { date: string }) => d.date === day)?.source ?? 'none').not.toBe('attendance');
    expect(
      (await req('office', 'DELETE', `/api/workforce/attendance/${recordId}`, { reason: 'x' })).statusCode,
    ).toBe(404);
    const changes = (
      await req('lead', 'GET', '/api/workforce/attendance/changes?from=2026-03-01&to=2026-04-01')
    ).json().items;
    expect(changes.map((c: { action: string; changedBy: string }) => [c.action, c.changedBy])).toEqual([
      ['delete', 'office'],
      ['correct', 'lead'],
    ]);
    expect(changes[0]).toMatchObject({ after: null, reason: '重复打卡，误导入' });
  });

  it('serves the pay workbook with a Chinese file name', async () => {
    const r = await req('office', 'GET', `/api/workforce/rotas/${rotaId}/pay.xlsx?monthlyWageFen=435000`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('加班工资-2026-03-02至2026-03-08.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('加班工资')!.getRow(1).getCell(1).value).toBe('话务员');
    expect(
      (await req('agent', 'GET', `/api/workforce/rotas/${rotaId}/pay.xlsx?monthlyWageFen=435000`)).statusCode,
    ).toBe(403);
    expect(
      (await req('office', 'GET', `/api/workforce/rotas/${rotaId}/pay.xlsx?monthlyWageFen=0`)).statusCode,
    ).toBe(400);
  });
});
