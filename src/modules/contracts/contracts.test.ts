import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { syncRepositoryContracts } from './contracts-service.ts';
import { checkServiceStarted } from './risks-service.ts';

let t: TestContext;

const req = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: await t.as(user) });

beforeAll(async () => {
  t = await createTestContext('2026-03-02T10:00:00+08:00');
  await t.addUser('office', 'office');
  await t.addUser('admin', 'admin');
  await t.addUser('lead', 'team_lead');
  await t.addUser('agent', 'agent');
  await syncRepositoryContracts(t.db.orm, t.clock.now());
});
afterAll(() => t.close());

describe('contracts as data', () => {
  it('lists both repository contracts and shows Luohe’s schedule to the fen', async () => {
    const list = (await req('office', 'GET', '/api/contracts')).json().items;
    expect(list.map((c: { id: string }) => c.id).sort()).toEqual(['luohe-2025', 'sanmenxia-2024']);
    const c = (await req('lead', 'GET', '/api/contracts/luohe-2025')).json();
    expect(c).toMatchObject({ totalFen: 327828964, bondFen: 16391448, bondReturnBy: '2026-11-10' });
    expect(c.payments.map((p: { baseFen: number }) => p.baseFen)).toEqual([
      131131585, 65565793, 65565793, 65565793,
    ]);
  });

  it('keeps contracts from agents and citizens', async () => {
    expect((await req('agent', 'GET', '/api/contracts')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/contracts' })).statusCode).toBe(401);
  });

  it('loads a new city’s contract as a new file, and refuses one that does not add up, naming the field', async () => {
    const luohe = JSON.parse(readFileSync('contracts/luohe-2025.json', 'utf8'));
    const city = { ...luohe, id: 'testcity-2026', name: '测试市12345热线服务合同', city: '测试市' };
    const ok = await req('office', 'POST', '/api/contracts', city);
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await req('office', 'GET', '/api/contracts/testcity-2026')).statusCode).toBe(200);
    const bad = await req('office', 'POST', '/api/contracts', {
      ...city,
      id: 'badcity-2026',
      payments: { ...city.payments, shares: [4000, 2000, 2000] },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.fields)).toContain('payments');
    const missing = await req('office', 'POST', '/api/contracts', { id: 'x' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.length).toBeGreaterThan(0);
    expect((await req('lead', 'POST', '/api/contracts', city)).statusCode).toBe(403);
  });
});

describe('readings', () => {
  it('changes a reading with the office’s say-so, shows it on the statement, refuses a bad value', async () => {
    const bad = await req('office', 'PUT', '/api/contracts/luohe-2025/readings/secondIncidentDeduction', {
      value: 'both',
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error)).toContain('value');
    const unknown = await req('office', 'PUT', '/api/contracts/luohe-2025/readings/noSuchReading', {
      value: 1,
    });
    expect(unknown.statusCode).toBe(404);
    expect(
      (
        await req('lead', 'PUT', '/api/contracts/luohe-2025/readings/secondIncidentDeduction', {
          value: 'additional',
        })
      ).statusCode,
    ).toBe(403);
    const ok = await req('office', 'PUT', '/api/contracts/luohe-2025/readings/secondIncidentDeduction', {
      value: 'additional',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const s = (await req('office', 'GET', '/api/contracts/luohe-2025/settlements/1')).json().current;
    expect(s.readings.find((r: { key: string }) => r.key === 'secondIncidentDeduction')).toMatchObject({
      value: 'additional',
      isDefault: false,
    });
    await req('office', 'PUT', '/api/contracts/luohe-2025/readings/secondIncidentDeduction', {
      value: 'cumulative',
    });
  });
});

describe('assessment', () => {
  it('gives every indicator with its figure, target and evidence for a month', async () => {
    const r = await req('office', 'GET', '/api/contracts/luohe-2025/assessment?period=2026-02');
    expect(r.statusCode, r.body).toBe(200);
    const a = r.json();
    expect(a.indicators).toHaveLength(12);
    for (const i of a.indicators)
      for (const k of [
        'id',
        'name',
        'numerator',
        'denominator',
        'value',
        'target',
        'met',
        'excluded',
        'evidence',
      ])
        expect(i).toHaveProperty(k);
  });

  it('refuses a period it cannot read, naming the field', async () => {
    const r = await req('office', 'GET', '/api/contracts/luohe-2025/assessment?period=2026-13');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[0].field).toBe('period');
    expect((await req('office', 'GET', '/api/contracts/nowhere/assessment?period=2026')).statusCode).toBe(
      404,
    );
  });
});

describe('settlement statements', () => {
  it('exports a statement to XLSX with its deductions and readings', async () => {
    const r = await req(
      'office',
      'GET',
      '/api/contracts/luohe-2025/settlements/1/export.xlsx?asOf=2026-02-01',
    );
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toContain('luohe-2025-Q1-2026-02-01.xlsx');
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const text = wb.worksheets
      .flatMap((ws) => ws.getSheetValues().flat())
      .map((v) => String(v ?? ''))
      .join(' ');
    expect(text).toContain('1311315.85');
    // In Chinese where a person reads (issue 12): readings by label, clauses as 第十一条, targets as ≥ 100%.
    expect(text).toContain('未达标扣减计次');
    expect(text).toContain('每季度每项指标至多扣一次');
    expect(text).toContain('第十一条');
    expect(text).toContain('≥ 100%');
    expect(text).toContain('截至日');
    for (const english of ['missedIndicatorCounting', 'per_quarter', 'missed_indicator', 'art. 11', '>= '])
      expect(text).not.toContain(english);
    // A figure with nothing to measure reads 无数据, never 达标.
    const rows = wb.getWorksheet('考核指标')!.getSheetValues().slice(2) as unknown[][];
    const empty = rows.filter((row) => String(row[4]) === '无数据');
    expect(empty.length).toBeGreaterThan(0);
    for (const row of empty) expect(String(row[6])).toMatch(/^无数据/);
  });

  it('lets only the office confirm, and refuses an unknown quarter', async () => {
    expect(
      (await req('lead', 'POST', '/api/contracts/luohe-2025/settlements/1/confirm', {})).statusCode,
    ).toBe(403);
    expect((await req('office', 'GET', '/api/contracts/luohe-2025/settlements/9')).statusCode).toBe(404);
  });
});

describe('rectification notices (art. 5.4)', () => {
  it('runs issue → answer → verify, flags an overdue one and prints it', async () => {
    t.clock.set('2026-03-02T10:00:00+08:00');
    const empty = await req('office', 'POST', '/api/contracts/luohe-2025/rectifications', { items: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].field).toBe('items');
    const n = (
      await req('office', 'POST', '/api/contracts/luohe-2025/rectifications', {
        items: [{ text: '二月知识库更新超时，请完善更新流程', basis: 'art. 11 #9' }],
      })
    ).json();
    expect(n.number).toMatch(/^ZG-2026-\d{3}$/);
    expect(new Date(n.dueAt).toISOString()).toBe('2026-03-09T16:00:00.000Z'); // 24:00 on 9 March, Beijing
    const r1 = await req('lead', 'POST', `/api/contracts/rectifications/${n.id}/respond`, {
      response: '已增设夜班知识编辑岗',
    });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(
      (await req('lead', 'POST', `/api/contracts/rectifications/${n.id}/verify`, { accept: true, note: 'x' }))
        .statusCode,
    ).toBe(403);
    const v = await req('office', 'POST', `/api/contracts/rectifications/${n.id}/verify`, {
      accept: true,
      note: '整改到位',
    });
    expect(v.statusCode, v.body).toBe(200);

    const late = (
      await req('office', 'POST', '/api/contracts/luohe-2025/rectifications', {
        items: [{ text: '回访不及时' }],
      })
    ).json();
    const answered = (
      await req('office', 'POST', '/api/contracts/luohe-2025/rectifications', {
        items: [{ text: '质检抽样不足' }],
      })
    ).json();
    t.clock.set('2026-03-08T10:00:00+08:00');
    await req('lead', 'POST', `/api/contracts/rectifications/${answered.id}/respond`, { response: '已补抽' });
    t.clock.set('2026-03-12T10:00:00+08:00');
    const list = (await req('office', 'GET', '/api/contracts/luohe-2025/rectifications')).json().items;
    expect(list.find((x: { id: number }) => x.id === late.id)).toMatchObject({
      state: 'overdue',
      thirdPartyAllowed: true,
    });
    // Answered in time, the office has not verified yet: the office's delay, not the operator's failure.
    expect(list.find((x: { id: number }) => x.id === answered.id)).toMatchObject({
      state: 'responded',
      thirdPartyAllowed: false,
    });
    expect(list.find((x: { id: number }) => x.id === n.id).state).toBe('closed');
    const print = await req('office', 'GET', `/api/contracts/rectifications/${late.id}/print`);
    expect(print.statusCode).toBe(200);
    expect(print.headers['content-type']).toContain('text/html');
    expect(print.body).toContain('整改通知书');
    expect(print.body).toContain('回访不及时');
  });
});

describe('the invoice gate (art. 2.2)', () => {
  it('records no payment without a valid invoice received first', async () => {
    const url = '/api/contracts/luohe-2025/payments/2';
    const paid = { paidOn: '2026-05-08', paidFen: 65_565_793 };
    const refused = await req('office', 'PUT', url, paid);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('invoice_required');
    const late = await req('office', 'PUT', url, { ...paid, invoiceReceivedOn: '2026-05-09' });
    expect(late.statusCode).toBe(409);
    expect(
      (await req('office', 'PUT', url, { invoiceReceivedOn: '2026-05-06', invoiceRef: 'FP-2' })).statusCode,
    ).toBe(200);
    const ok = await req('office', 'PUT', url, paid);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ invoiceReceivedOn: '2026-05-06', paidOn: '2026-05-08' });
    expect((await req('lead', 'PUT', url, paid)).statusCode).toBe(403);
  });
});

describe('the rectification period from each contract (issue 12)', () => {
  it('gives Luohe’s 7 days from its file, Sanmenxia none unless the office sets one', async () => {
    t.clock.set('2026-03-02T10:00:00+08:00');
    const issue = async (id: string) =>
      (
        await req('office', 'POST', `/api/contracts/${id}/rectifications`, { items: [{ text: '整改事项' }] })
      ).json();
    expect((await issue('luohe-2025')).dueAt).toBe('2026-03-09T16:00:00.000Z');
    const none = await issue('sanmenxia-2024');
    expect(none.dueAt).toBeNull();
    t.clock.set('2026-06-02T10:00:00+08:00');
    const listed = (await req('office', 'GET', '/api/contracts/sanmenxia-2024/rectifications')).json().items;
    expect(listed.find((n: { id: number }) => n.id === none.id)).toMatchObject({
      state: 'issued',
      thirdPartyAllowed: false,
    });
    const print = await req('office', 'GET', `/api/contracts/rectifications/${none.id}/print`);
    expect(print.body).not.toContain('第三方');
    const set = await req('office', 'PUT', '/api/contracts/sanmenxia-2024/readings/rectificationDays', {
      value: 10,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await issue('sanmenxia-2024')).dueAt).toBe('2026-06-12T16:00:00.000Z');
    const bad = await req('office', 'PUT', '/api/contracts/sanmenxia-2024/readings/rectificationDays', {
      value: 2 ** 31,
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('termination risks', () => {
  it('alerts on a confirmed major data leak', async () => {
    const s = (
      await req('office', 'POST', '/api/contracts/luohe-2025/security-incidents', {
        occurredAt: '2026-03-10T08:00:00+08:00',
        description: '来电人信息被外泄',
      })
    ).json();
    const c = await req('office', 'POST', `/api/contracts/security-incidents/${s.id}/confirm`, {
      major: true,
    });
    expect(c.statusCode, c.body).toBe(200);
    const alerts = (await req('office', 'GET', '/api/alerts')).json().items;
    expect(alerts.some((a: { kind: string }) => a.kind === 'major_data_leak')).toBe(true);
    expect(
      (await req('office', 'POST', `/api/contracts/security-incidents/${s.id}/confirm`, { major: false }))
        .statusCode,
    ).toBe(409);
  });

  it('alerts when no call or order is recorded 15 days after signing, once', async () => {
    // Nothing has been recorded in this database since the term began.
    expect(await checkServiceStarted(t.db.orm, new Date('2025-11-25T10:00:00+08:00'))).toBeGreaterThanOrEqual(
      1,
    );
    expect(await checkServiceStarted(t.db.orm, new Date('2025-11-26T10:00:00+08:00'))).toBe(0);
  });
});

describe('monthly analysis reports (KPI 11)', () => {
  it('counts a report the operator delivered only once the office has checked it', async () => {
    t.clock.set('2026-03-12T10:00:00+08:00');
    const reports = (await req('office', 'GET', '/api/contracts/luohe-2025/reports')).json().items as {
      id: number;
      dueAt: string;
    }[];
    const feb = reports.find((r) => r.dueAt.startsWith('2026-03'))!;
    expect(feb).toBeDefined();
    const delivered = await req('lead', 'POST', `/api/contracts/reports/${feb.id}/delivery`, {
      deliveredAt: '2026-03-05T16:00:00+08:00',
      complete: true,
    });
    expect(delivered.statusCode, delivered.body).toBe(200);
    const period = 'period=2026-03';
    const kpi = async () =>
      (await req('office', 'GET', `/api/contracts/luohe-2025/assessment?${period}`))
        .json()
        .indicators.find((i: { id: string }) => i.id === 'reports_on_time');
    const waiting = await kpi();
    expect(waiting.excluded).toContainEqual({ reason: 'delivered, awaiting the office’s check', count: 1 });
    // The report itself comes from the drill-down link, not inside the assessment (issue 18).
    const left = (await req('office', 'GET', `${waiting.evidence.drillDown}&part=excluded`)).json();
    expect(left.items).toContainEqual({
      id: feb.id,
      met: null,
      reason: 'delivered, awaiting the office’s check',
    });
    await req('office', 'POST', `/api/contracts/reports/${feb.id}/delivery`, {
      deliveredAt: '2026-03-05T16:00:00+08:00',
      complete: true,
    });
    expect(await kpi()).toMatchObject({ numerator: 1, denominator: 1, met: true });
  });
});
