import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeSimulation } from '../../simulation/write-simulation.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { syncRepositoryContracts } from '../contracts/index.ts';
import { reportJobs } from './schema.ts';
import { MAX_JOB_ATTEMPTS, resumeReportJobs } from './jobs-service.ts';
import { instantOfExcelDate } from './xlsx-export.ts';
import { docxText, pdfText } from './test-files.ts';

vi.setConfig({ testTimeout: 180_000 });

let t: TestContext;
const at = (s: string) => new Date(`${s}+08:00`);

async function get(user: string, url: string) {
  return t.app.inject({ method: 'GET', url, headers: await t.as(user) });
}
async function workbook(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
/** A sheet's rows (header first) as plain values. */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
const headerIndex = (rows: unknown[][], h: string) => rows[0]!.indexOf(h);

beforeAll(async () => {
  t = await createTestContext('2026-02-10T10:00:00+08:00');
  await writeSimulation(t.db, {
    from: at('2026-02-02T00:00:00'),
    to: at('2026-02-04T00:00:00'),
    agents: 45,
    seed: 16,
    now: t.clock.now(),
    parameters: { traffic: { baseDailyCalls: 300 }, surges: { perYear: 0 } },
  });
  await syncRepositoryContracts(t.db.orm, t.clock.now());
  await t.addUser('office1', 'office');
  await t.addUser('lead1', 'team_lead');
  await t.addUser('agent1', 'agent');
  await t.addUser('admin1', 'admin');
}, 600_000);
afterAll(() => t.close());

describe('order list export (XLSX)', () => {
  it('has every row the list has with the same filters, typed cells, Chinese headers, a frozen header', async () => {
    const filters = 'from=2026-02-02&to=2026-02-03&sort=number';
    const list = (await get('lead1', `/api/orders?${filters}&pageSize=200`)).json();
    expect(list.total).toBeGreaterThan(0);
    const res = await get('lead1', `/api/orders/export.xlsx?${filters}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await workbook(res.rawPayload);
    const ws = wb.getWorksheet('工单')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual(
      expect.arrayContaining(['工单编号', '受理时间', '来电人', '联系电话', '承办单位']),
    );
    expect(rows.length - 1).toBe(list.total);
    const num = headerIndex(rows, '工单编号');
    const recv = headerIndex(rows, '受理时间');
    const limit = headerIndex(rows, '退回次数');
    // Same rows, same order (sorted by number), and the same figures as the list endpoint.
    for (let i = 0; i < Math.min(list.items.length, 200); i++) {
      const o = list.items[i];
      const r = rows[i + 1]!;
      expect(r[num]).toBe(o.number);
      expect(r[recv]).toBeInstanceOf(Date);
      expect(instantOfExcelDate(r[recv] as Date).toISOString()).toBe(new Date(o.receivedAt).toISOString());
      expect(r[limit]).toBe(o.returnCount);
    }
    expect(ws.getCell(2, recv + 1).numFmt).toBe('yyyy-mm-dd hh:mm');
    // The cover sheet states the filters.
    const cover = rowsOf(wb.getWorksheet('说明')!).flat().join('\n');
    expect(cover).toContain('受理时间起');
    expect(cover).toContain(`共 ${list.total} 件`);
  });

  it('masks personal data as the need-to-know table says: never a full number; the admin sees no address', async () => {
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await t.as('agent1'),
      payload: {
        channel: 'phone',
        type: 'complaint',
        title: '导出脱敏测试',
        content: '文化路路灯不亮，请维修。',
        caller: { name: '张三丰', phone: '13812345678' },
        location: { district: '源汇区', address: '文化路18号院3号楼' },
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const cols = async (user: string) => {
      const res = await get(user, `/api/orders/export.xlsx?q=${encodeURIComponent('导出脱敏测试')}`);
      const rows = rowsOf((await workbook(res.rawPayload)).getWorksheet('工单')!);
      expect(rows.length).toBe(2);
      const r = rows[1]!;
      return {
        name: r[headerIndex(rows, '来电人')],
        phone: r[headerIndex(rows, '联系电话')],
        address: r[headerIndex(rows, '地址')],
      };
    };
    const lead = await cols('lead1');
    expect(lead.phone).toBe('138****5678');
    expect(lead.name).not.toBe('张三丰');
    expect(lead.address).toBe('文化路18号院3号楼');
    const admin = await cols('admin1');
    expect(admin.phone).toBe('138****5678');
    expect(admin.address).toBe('文化路18号****');
    const office = await cols('office1');
    expect(JSON.stringify(office)).not.toContain('13812345678');
    // Each export is audited as a read of personal data, by whom and with which filters.
    const audit = await get('office1', '/api/audit?action=export_personal_data&entity=order&pageSize=200');
    expect(audit.statusCode, audit.body).toBe(200);
    const mine = (audit.json().items as { actorRole: string; after: { rows: number } }[]).filter(
      (i) => i.actorRole === 'admin',
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]!.after.rows).toBe(1);
  });

  it('refuses bad filters naming the field, and roles without the list', async () => {
    const bad = await get('lead1', '/api/orders/export.xlsx?status=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('status');
    const day = await get('lead1', '/api/orders/export.xlsx?from=2026-02-30');
    expect(day.statusCode).toBe(400);
    expect(JSON.stringify(day.json())).toContain('from');
    const nul = await get('lead1', '/api/orders/export.xlsx?q=%00x');
    expect(nul.statusCode).toBe(400);
    await t.addUser('switch1', 'switch');
    expect((await get('switch1', '/api/orders/export.xlsx')).statusCode).toBe(403);
  });
});

describe('call metrics export', () => {
  it('equals GET /api/calls/metrics: totals and each day, numbers as numbers, days as dates', async () => {
    const q = 'from=2026-02-01&to=2026-03-01&granularity=day';
    const m = (await get('agent1', `/api/calls/metrics?${q}`)).json();
    const res = await get('agent1', `/api/calls/metrics/export.xlsx?${q}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const wb = await workbook(res.rawPayload);
    const totals = rowsOf(wb.getWorksheet('合计')!);
    expect(totals[1]![headerIndex(totals, '呼入量')]).toBe(m.totals.offered);
    expect(totals[1]![headerIndex(totals, '接通量')]).toBe(m.totals.answered);
    expect(totals[1]![headerIndex(totals, '接通率')]).toBeCloseTo(m.totals.answerRate, 10);
    const days = rowsOf(wb.getWorksheet('每日明细')!);
    expect(days.length - 1).toBe(m.intervals.length);
    days.slice(1).forEach((r, i) => {
      expect(r[0]).toBeInstanceOf(Date);
      expect(instantOfExcelDate(r[0] as Date).toISOString()).toBe(
        new Date(m.intervals[i].start).toISOString(),
      );
      expect(r[headerIndex(days, '15秒接通量')]).toBe(m.intervals[i].answeredWithin15s);
    });
    expect(wb.getWorksheet('每日明细')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('refuses a period that ends before it starts (naming to) and a department', async () => {
    const r = await get('agent1', '/api/calls/metrics/export.xlsx?from=2026-02-05&to=2026-02-01');
    expect(r.statusCode).toBe(400);
    expect(JSON.stringify(r.json())).toContain('"to"');
    const huge = await get('agent1', '/api/calls/metrics/export.xlsx?from=2026-02-05&to=99999-01-01');
    expect(huge.statusCode).toBe(400);
  });
});

describe('dashboard and indicator drill-down exports', () => {
  it('the dashboard workbook holds the overview endpoint’s tables', async () => {
    const o = (await get('office1', '/api/stats/overview')).json();
    const wb = await workbook((await get('office1', '/api/stats/overview/export.xlsx')).rawPayload);
    const ch = rowsOf(wb.getWorksheet('本月按渠道')!);
    expect(ch.slice(1).reduce((s, r) => s + (r[1] as number), 0)).toBe(
      o.month.byChannel.reduce((s: number, c: { count: number }) => s + c.count, 0),
    );
    const trend = rowsOf(wb.getWorksheet('近30天趋势')!);
    expect(trend.length - 1).toBe(o.trend.length);
    expect(trend[1]![0]).toBeInstanceOf(Date);
  });

  it('an order indicator’s drill-down lists the orders counted, met as the assessment says', async () => {
    const a = (await get('office1', '/api/contracts/luohe-2025/assessment?period=2026-02')).json();
    const ind = a.indicators.find((i: { id: string }) => i.id === 'online_response_rate');
    const res = await get(
      'office1',
      '/api/contracts/luohe-2025/assessment/online_response_rate/export.xlsx?period=2026-02',
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const wb = await workbook(res.rawPayload);
    const figure = rowsOf(wb.getWorksheet('指标')!);
    expect(figure[1]![headerIndex(figure, '分子')]).toBe(ind.numerator);
    expect(figure[1]![headerIndex(figure, '分母')]).toBe(ind.denominator);
    const orders = rowsOf(wb.getWorksheet('工单明细')!);
    expect(orders.length - 1).toBe(ind.denominator);
    const met = headerIndex(orders, '是否达标');
    expect(orders.slice(1).filter((r) => r[met] === '是').length).toBe(ind.numerator);
    // No caller data in a drill-down.
    expect(orders[0]).not.toContain('联系电话');
  });

  it('the assessment carries counts and a drill-down link; the link pages the records (issue 18)', async () => {
    const a = (await get('office1', '/api/contracts/luohe-2025/assessment?period=2026-02')).json();
    const ind = a.indicators.find((i: { id: string }) => i.id === 'online_response_rate');
    expect(ind.denominator).toBeGreaterThan(3);
    // Counts, not records: no id lists anywhere in the answer.
    expect(ind.evidence).toMatchObject({ entity: 'order', counted: ind.denominator, met: ind.numerator });
    for (const i of a.indicators) {
      expect(Array.isArray(i.evidence.counted)).toBe(false);
      for (const e of i.excluded)
        expect(e).toEqual({ reason: expect.any(String), count: expect.any(Number) });
    }
    expect(ind.evidence.drillDown).toBe(
      '/api/contracts/luohe-2025/assessment/online_response_rate/records?period=2026-02&asOf=2026-02-10',
    );
    const answer = a.indicators.find((i: { id: string }) => i.id === 'answer_rate');
    expect(answer.evidence.listPage).toBe('/calls/records?from=2026-02-01&to=2026-02-11');
    // Page by page, the counted records add up to the denominator, the met ones to the numerator.
    const page = async (part: string, n: number, size: number) =>
      (await get('lead1', `${ind.evidence.drillDown}&part=${part}&page=${n}&pageSize=${size}`)).json();
    const size = Math.ceil(ind.denominator / 3);
    const pages = [
      await page('counted', 1, size),
      await page('counted', 2, size),
      await page('counted', 3, size),
    ];
    expect(pages[0]).toMatchObject({ total: ind.denominator, entity: 'order', page: 1, pageSize: size });
    const ids = pages.flatMap((p) => p.items.map((r: { id: number }) => r.id));
    expect(new Set(ids).size).toBe(ind.denominator);
    const metCount = pages.flatMap((p) => p.items).filter((r: { met: boolean }) => r.met).length;
    expect(metCount).toBe(ind.numerator);
    expect((await page('met', 1, 500)).total).toBe(ind.numerator);
    expect((await page('unmet', 1, 500)).total).toBe(ind.denominator - ind.numerator);
    const excluded = await page('excluded', 1, 500);
    expect(excluded.total).toBe(ind.excluded.reduce((s: number, e: { count: number }) => s + e.count, 0));
    // Bounds named; an unknown indicator 404; an agent 403.
    const bad = await get('lead1', `${ind.evidence.drillDown}&pageSize=5000`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('pageSize');
    const nope = '/api/contracts/luohe-2025/assessment/nope/records?period=2026-02';
    expect((await get('lead1', nope)).statusCode).toBe(404);
    expect((await get('agent1', ind.evidence.drillDown)).statusCode).toBe(403);
  });

  it('the answer rate drills down to the days; an unknown indicator is 404; an agent 403', async () => {
    const res = await get(
      'lead1',
      '/api/contracts/luohe-2025/assessment/answer_rate/export.xlsx?period=2026-02',
    );
    expect(res.statusCode).toBe(200);
    expect((await workbook(res.rawPayload)).getWorksheet('每日话务')).toBeDefined();
    expect(
      (await get('lead1', '/api/contracts/luohe-2025/assessment/nope/export.xlsx?period=2026-02')).statusCode,
    ).toBe(404);
    expect(
      (await get('agent1', '/api/contracts/luohe-2025/assessment/answer_rate/export.xlsx?period=2026-02'))
        .statusCode,
    ).toBe(403);
  });
});

describe('the circular as a background job', () => {
  it('answers 202 at once with the job; the job reaches done with files whose figures equal the circular', async () => {
    const headers = await t.as('office1');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/reports/circular/jobs',
      headers,
      payload: { from: '2026-02-01', to: '2026-03-01' },
    });
    expect(res.statusCode, res.body).toBe(202);
    let job = res.json();
    expect(['queued', 'running']).toContain(job.status);
    expect((await get('office1', `/api/reports/jobs/${job.id}/files/pdf`)).statusCode).toBe(409);
    for (let i = 0; i < 900 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      job = (await get('office1', `/api/reports/jobs/${job.id}`)).json();
    }
    expect(job).toMatchObject({ status: 'done', progress: 1, attempts: 1 });
    const circular = (await get('office1', '/api/reports/circular?from=2026-02-01&to=2026-03-01')).json();
    const xlsx = await workbook((await get('office1', `/api/reports/jobs/${job.id}/files/xlsx`)).rawPayload);
    const ranking = rowsOf(xlsx.getWorksheet('通报排名')!);
    expect(ranking.length - 1).toBe(circular.departments.length);
    circular.departments.forEach((d: { name: string; received: number }, i: number) => {
      expect(ranking[i + 1]![1]).toBe(d.name);
      expect(ranking[i + 1]![2]).toBe(d.received);
    });
    const pdf = (await pdfText((await get('office1', `/api/reports/jobs/${job.id}/files/pdf`)).rawPayload))
      .join('')
      // A long name wraps inside its table cell and in running text: the PDF's text has a line break in it.
      .replace(/\n/g, '');
    expect(pdf).toContain('通报');
    if (circular.departments[0]) expect(pdf).toContain(circular.departments[0].name);
    const docx = await docxText((await get('office1', `/api/reports/jobs/${job.id}/files/docx`)).rawPayload);
    expect(docx).toContain('综合得分');
    const list = (await get('lead1', '/api/reports/jobs?kind=circular')).json();
    expect(list.items[0].id).toBe(job.id);
  });

  it('refuses a bad period naming the field; an agent may not queue one', async () => {
    const headers = await t.as('office1');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/reports/circular/jobs',
      headers,
      payload: { from: '2026-03-01', to: '2026-02-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('"to"');
    const impossible = await t.app.inject({
      method: 'POST',
      url: '/api/reports/circular/jobs',
      headers,
      payload: { from: '2026-02-30', to: '2026-03-01' },
    });
    expect(impossible.statusCode).toBe(400);
    const agent = await t.app.inject({
      method: 'POST',
      url: '/api/reports/circular/jobs',
      headers: await t.as('agent1'),
      payload: { from: '2026-02-01', to: '2026-03-01' },
    });
    expect(agent.statusCode).toBe(403);
  });

  it('after a restart: a job left running is resumed by the sweep; one interrupted too often is failed', async () => {
    const now = t.clock.now();
    const old = new Date(now.getTime() - 10 * 60_000);
    const base = {
      kind: 'circular' as const,
      params: { from: '2026-02-01', to: '2026-02-08' },
      status: 'running' as const,
      asOf: old,
      requestedAt: old,
      startedAt: old,
      heartbeatAt: old,
    };
    const [left] = await t.db.orm
      .insert(reportJobs)
      .values({ ...base, attempts: 1 })
      .returning();
    const [worn] = await t.db.orm
      .insert(reportJobs)
      .values({ ...base, attempts: MAX_JOB_ATTEMPTS })
      .returning();
    const [fresh] = await t.db.orm
      .insert(reportJobs)
      .values({ ...base, attempts: 1, heartbeatAt: now })
      .returning();
    const r = await resumeReportJobs(t.db, () => t.clock.now());
    expect(r.resumed).toEqual([left!.id]);
    expect(r.failed).toEqual([worn!.id]);
    expect((await get('office1', `/api/reports/jobs/${left!.id}`)).json()).toMatchObject({
      status: 'done',
      attempts: 2,
    });
    const w = (await get('office1', `/api/reports/jobs/${worn!.id}`)).json();
    expect(w.status).toBe('failed');
    expect(w.error).toContain('interrupted');
    // A job still beating is someone else's, running now: left alone.
    expect((await get('office1', `/api/reports/jobs/${fresh!.id}`)).json().status).toBe('running');
  });
});

describe('the special report preview (专报 screen)', () => {
  it('answers the document the files print: the six sections, the counts, the caller masked', async () => {
    const list = (
      await get('lead1', '/api/orders?from=2026-02-02&to=2026-02-03&sort=number&pageSize=3')
    ).json();
    const numbers = list.items.map((o: { number: string }) => o.number).join(',');
    const res = await get('office1', `/api/reports/special?orders=${numbers}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const doc = res.json();
    expect(doc.sections.map((s: { title: string }) => s.title)).toEqual([
      '基本情况',
      '时间分布',
      '地点分布',
      '代表性诉求',
      '涉及部门',
      '办理状态',
    ]);
    expect(doc.sections[0].blocks[0].text).toContain(`共受理相关诉求 ${list.items.length} 件`);
    const docx = await docxText(
      (await get('office1', `/api/reports/special/docx?orders=${numbers}`)).rawPayload,
    );
    expect(docx).toContain(doc.title);
    expect(docx).toContain(doc.sections[0].blocks[0].text.slice(0, 40));
    expect(JSON.stringify(doc)).not.toMatch(/1[3-9]\d{9}/);
  });

  it('opens the sealed address and name: places as streets (house masked), the name masked in messages', async () => {
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await t.as('agent1'),
      payload: {
        channel: 'phone',
        type: 'complaint',
        title: '专报地址测试',
        content: '我是李四光，住在人民路66号，楼下烧烤油烟扰民，电话13912345678。',
        caller: { name: '李四光', phone: '13912345678' },
        location: { district: '源汇区', address: '人民路66号院2号楼' },
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const doc = (await get('office1', `/api/reports/special?orders=${made.json().number}`)).json();
    const text = JSON.stringify(doc);
    expect(text).not.toContain('sm4:');
    expect(text).toContain('人民路66号****');
    expect(text).not.toContain('人民路66号院2号楼');
    expect(text).toContain('李**');
    expect(text).not.toContain('李四光');
    expect(text).toContain('139****5678');
  });

  it('refuses no orders (naming orders), a bad hot topic, and an agent', async () => {
    const none = await get('office1', '/api/reports/special?orders=');
    expect(none.statusCode).toBe(400);
    expect(JSON.stringify(none.json())).toContain('orders');
    expect((await get('office1', '/api/reports/special?hotTopic=abc')).statusCode).toBe(400);
    expect((await get('office1', '/api/reports/special?hotTopic=99999999999')).statusCode).toBe(400);
    expect((await get('agent1', '/api/reports/special?orders=1')).statusCode).toBe(403);
  });
});
