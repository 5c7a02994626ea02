import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { payWorkbook } from './pay-xlsx.ts';

let t: TestContext;
let memberId: number;
let rota: { id: number; agents: { agent: string; memberId: number | null }[]; shifts: Shift[] };
interface Shift {
  agent: string;
  start: string;
  end: string;
}

beforeAll(async () => {
  t = await createTestContext('2026-03-20T09:00:00+08:00');
  await t.addUser('lead', 'team_lead');
  await t.addUser('office', 'office');
  await t.addUser('agent', 'agent');
});
afterAll(() => t.close());

const req = async (user: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: user ? await t.as(user) : {} });
const fields = (r: { json(): { error: { fields?: { field: string }[] } } }) =>
  (r.json().error.fields ?? []).map((f) => f.field);
const HEAD = 'agent,date,clockIn,clockOut\n';
const localDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

describe('attendance: import and pay from it', () => {
  it('plans and publishes a week for a member and placeholders', async () => {
    const m = await req('lead', 'POST', '/api/workforce/members', {
      name: '李四',
      role: 'agent',
      startDate: '2026-01-01',
    });
    memberId = m.json().id;
    rota = (
      await req('lead', 'POST', '/api/workforce/rotas', { from: '2026-03-02', weeks: 1, agents: 6 })
    ).json();
    expect((await req('lead', 'POST', `/api/workforce/rotas/${rota.id}/publish`)).statusCode).toBe(200);
  });

  it.each([
    ['an impossible time', `${HEAD}李四,2026-03-02,08:00,16:61`, ['line 2.clockOut']],
    ['an unknown agent', `${HEAD}赵六,2026-03-02,08:00,16:00`, ['line 2.agent']],
    [
      'overlapping records',
      `${HEAD}李四,2026-03-02,08:00,16:00\n李四,2026-03-02,12:00,20:00`,
      ['line 3.clockIn'],
    ],
    ['a huge cell', `${HEAD}${'李'.repeat(200)},2026-03-02,08:00,16:00`, ['line 2.agent']],
    ['a clock-out after now', `${HEAD}李四,2026-03-20,08:00,16:00`, ['line 2.clockOut']],
    ['a NUL character', `${HEAD}李四,2026-03-02,08:00\u0000,16:00`, ['csv']],
    ['no records', HEAD, ['file']],
  ])('refuses %s with a 400 naming the line and field, storing nothing', async (_, csv, named) => {
    const r = await req('lead', 'POST', '/api/workforce/attendance/import', { csv });
    expect(r.statusCode, r.body).toBe(400);
    expect(fields(r)).toEqual(named);
    expect(
      (await req('office', 'GET', '/api/workforce/attendance?from=2026-03-01&to=2026-04-01')).json().items,
    ).toEqual([]);
  });

  it('only the team lead, the office and the administrator import', async () => {
    const csv = `${HEAD}李四,2026-03-02,08:00,16:00`;
    expect((await req('agent', 'POST', '/api/workforce/attendance/import', { csv })).statusCode).toBe(403);
    expect((await req(null, 'POST', '/api/workforce/attendance/import', { csv })).statusCode).toBe(401);
  });

  it('pays from the records where imported and from the rota otherwise, naming each day’s source', async () => {
    const agent = rota.agents.find((a) => a.memberId === memberId)!.agent;
    const mine = rota.shifts.filter((s) => s.agent === agent);
    const workDays = new Set(mine.map((s) => localDay(s.start)));
    const before = (
      await req('office', 'GET', `/api/workforce/rotas/${rota.id}/pay?monthlyWageFen=435000`)
    ).json();
    const line0 = before.lines.find((l: { agent: string }) => l.agent === agent);
    expect(line0).toMatchObject({ attendanceDays: 0, rotaDays: workDays.size });
    // A 10-hour day on the first rota day (instead of its shift) and 8 hours on a day off.
    const first = [...workDays].sort()[0]!;
    const off = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07'].find(
      (d) => !workDays.has(d),
    )!;
    const csv = `${HEAD}member-${memberId},${first},07:00,17:00\n李四,${off},09:00,17:00\n`;
    const r = await req('lead', 'POST', '/api/workforce/attendance/import', { csv });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ imported: 2, repeats: 0, members: 1 });
    // The same file again is a repeat, not a duplicate.
    const again = await req('office', 'POST', '/api/workforce/attendance/import', { csv });
    expect(again.json()).toMatchObject({ imported: 0, repeats: 2 });
    const list = (
      await req('office', 'GET', '/api/workforce/attendance?from=2026-03-01&to=2026-04-01')
    ).json();
    const expected = [
      ['李四', 10],
      ['李四', 8],
    ];
    expect(list.items.map((i: { name: string; hours: number }) => [i.name, i.hours])).toEqual(
      first < off ? expected : expected.reverse(),
    );

    const pay = (
      await req('office', 'GET', `/api/workforce/rotas/${rota.id}/pay?monthlyWageFen=435000`)
    ).json();
    const line = pay.lines.find((l: { agent: string }) => l.agent === agent);
    const shiftHours = (s: Shift) => (Date.parse(s.end) - Date.parse(s.start)) / 3600_000;
    const firstShift = mine.filter((s) => localDay(s.start) === first).reduce((h, s) => h + shiftHours(s), 0);
    expect(line).toMatchObject({ attendanceDays: 2, rotaDays: workDays.size - 1 });
    expect(line.hours).toBe(line0.hours - firstShift + 10 + 8);
    expect(line.days).toContainEqual({ date: first, source: 'attendance', hours: 10 });
    expect(line.days).toContainEqual({ date: off, source: 'attendance', hours: 8 });
    expect(line.days.filter((d: { source: string }) => d.source === 'rota')).toHaveLength(workDays.size - 1);
    expect(line.overtime150).toBeGreaterThanOrEqual(2);
    expect(line.overtimePayFen).toBeGreaterThan(0);
    // Other agents keep the rota.
    expect(pay.lines.filter((l: { attendanceDays: number }) => l.attendanceDays > 0)).toHaveLength(1);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await payWorkbook(pay.lines)) as unknown as ExcelJS.Buffer);
    const days = wb.getWorksheet('每日来源')!;
    const rows = days.getSheetValues().slice(2) as unknown[][];
    expect(rows).toContainEqual([undefined, '李四', first, '考勤记录', 10]);
    expect(rows.filter((x) => x[3] === '排班表').length).toBeGreaterThan(0);
  });

  it('refuses a record overlapping a stored one, naming the stored record', async () => {
    const items = (
      await req('office', 'GET', '/api/workforce/attendance?from=2026-03-01&to=2026-04-01')
    ).json().items;
    const d = items[0].workDate;
    const r = await req('lead', 'POST', '/api/workforce/attendance/import', {
      csv: `${HEAD}李四,${d},16:00,20:00`,
    });
    expect(r.statusCode).toBe(400);
    expect(fields(r)).toEqual(['line 2.clockIn']);
    expect(r.json().error.fields[0].message).toContain('stored record');
  });
});
