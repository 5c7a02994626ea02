import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeSimulation } from '../../simulation/write-simulation.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { syncRepositoryContracts } from '../contracts/index.ts';
import { formatCell } from './document.ts';
import { pct } from './labels.ts';
import type { MonthlyReport } from './model.ts';
import { docxText, pdfText, xlsxSheets } from './test-files.ts';

// Generating a month's files takes seconds, more on a loaded machine.
vi.setConfig({ testTimeout: 180_000 });

let t: TestContext;
let office: Record<string, string>;
let report: MonthlyReport;
let assessment: {
  indicators: {
    no: number;
    name: string;
    numerator: number;
    denominator: number;
    value: number | null;
    met: boolean;
  }[];
};
let metrics: { totals: Record<string, number | null>; intervals: Record<string, number | null>[] };
const files: Record<string, Buffer> = {};

async function get(url: string, headers = office) {
  return t.app.inject({ method: 'GET', url, headers });
}

beforeAll(async () => {
  t = await createTestContext('2026-03-10T10:00:00+08:00');
  await writeSimulation(t.db, {
    from: new Date('2026-02-02T00:00:00+08:00'),
    to: new Date('2026-02-04T00:00:00+08:00'),
    agents: 45,
    seed: 5,
    now: t.clock.now(),
    parameters: { traffic: { baseDailyCalls: 400 }, surges: { perYear: 0 } },
  });
  await syncRepositoryContracts(t.db.orm, t.clock.now());
  await t.addUser('office1', 'office');
  await t.addUser('lead1', 'team_lead');
  await t.addUser('agent1', 'agent');
  office = await t.as('office1');
  report = (await get('/api/reports/monthly?month=2026-02')).json();
  assessment = (await get('/api/contracts/luohe-2025/assessment?period=2026-02')).json();
  metrics = (await get('/api/calls/metrics?from=2026-02-01&to=2026-03-01&granularity=day')).json();
  for (const f of ['docx', 'pdf', 'xlsx']) {
    const res = await get(`/api/reports/monthly/2026-02.${f}`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    files[f] = res.rawPayload;
  }
}, 600_000);
afterAll(() => t.close());

describe('the monthly analysis model', () => {
  it('takes its call figures from the call metrics and its indicators from the assessment', () => {
    expect(report.contract?.id).toBe('luohe-2025');
    for (const k of ['offered', 'answered', 'abandoned', 'answerRate', 'answeredWithin15sRate', 'asaSeconds'])
      expect(report.calls.totals[k as keyof MonthlyReport['calls']['totals']]).toEqual(metrics.totals[k]);
    expect(report.calls.totals.offered).toBeGreaterThan(500);
    expect(report.calls.days.map((d) => d.offered)).toEqual(metrics.intervals.map((i) => i.offered));
    expect(report.calls.slots).toHaveLength(48);
    expect(report.calls.slots.reduce((s, x) => s + x.offered, 0)).toBe(report.calls.totals.offered);
    expect(report.indicators.map((i) => [i.no, i.numerator, i.denominator, i.value, i.met])).toEqual(
      assessment.indicators.map((i) => [i.no, i.numerator, i.denominator, i.value, i.met]),
    );
    expect(report.indicators).toHaveLength(12);
  });

  it('adds up: orders by channel, type and district to the total; departments to the handling totals', () => {
    const sum = (rows: { count: number }[]) => rows.reduce((s, r) => s + r.count, 0);
    expect(report.orders.total).toBeGreaterThan(100);
    expect(sum(report.orders.byChannel)).toBe(report.orders.total);
    expect(sum(report.orders.byType)).toBe(report.orders.total);
    expect(sum(report.orders.byDistrict)).toBe(report.orders.total);
    expect(report.handling.departments.reduce((s, d) => s + d.received, 0)).toBe(
      report.handling.totals.received,
    );
    expect(report.handling.totals.handledOnTime + report.handling.totals.overdue).toBeLessThanOrEqual(
      report.handling.totals.due,
    );
  });

  it('writes a summary only from its figures', () => {
    const text = report.summary.join('');
    expect(text).toContain(report.calls.totals.offered.toLocaleString('en-US'));
    expect(text).toContain(pct(report.calls.totals.answerRate));
    expect(text).toContain(report.orders.total.toLocaleString('en-US'));
  });
});

describe('the three files', () => {
  it('DOCX: the title, numbered sections, the figures and every indicator with met or missed', async () => {
    const text = await docxText(files.docx!);
    expect(text).toContain('12345政务服务便民热线2026年2月常规业务数据分析');
    for (const h of ['一、总体情况', '二、话务接听情况', '八、合同考核指标']) expect(text).toContain(h);
    expect(text).toContain(`人工接通率 ${pct(metrics.totals.answerRate as number)}`);
    expect(text).toContain(`15 秒接通率 ${pct(metrics.totals.answeredWithin15sRate as number)}`);
    for (const i of assessment.indicators) expect(text).toContain(i.name);
    const missed = assessment.indicators.filter((i) => i.value != null && !i.met).length;
    expect(text.match(/未达标/g)?.length ?? 0).toBeGreaterThanOrEqual(missed);
  });

  it('DOCX: styled in the official fonts', async () => {
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(files.docx!)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:drawing>');
  });

  it('PDF: Chinese text extracts, with the same figures', async () => {
    const pages = await pdfText(files.pdf!);
    const text = pages.join('\n').replace(/\s+/g, '');
    expect(pages.length).toBeGreaterThan(2);
    expect(text).toContain('常规业务数据分析');
    expect(text).toContain(`人工接通率${pct(metrics.totals.answerRate as number)}`);
    expect(text).toContain(`接听${(metrics.totals.answered as number).toLocaleString('en-US')}个`);
    for (const i of assessment.indicators) expect(text).toContain(i.name.replace(/\s+/g, ''));
    expect(files.pdf!.toString('latin1')).toMatch(/NotoSansHans-Regular/);
  });

  it('XLSX: the daily rows equal the metrics by day, the indicator rows equal the assessment', async () => {
    const sheets = await xlsxSheets(files.xlsx!);
    const daily = sheets['每日话务']!;
    expect(daily[0]).toEqual(['日期', '呼入', '接听', '放弃', '接通率', '15秒接通率', 'ASA(秒)']);
    expect(daily.slice(1).map((r) => [r[1], r[2], r[4]])).toEqual(
      metrics.intervals.map((i) => [i.offered, i.answered, i.answerRate]),
    );
    const ind = sheets['考核指标']!.slice(1);
    expect(ind.map((r) => [r[0], r[2], r[3]])).toEqual(
      assessment.indicators.map((i) => [i.no, i.numerator, i.denominator]),
    );
    expect(ind.map((r) => String(r[6]).startsWith('达标') || r[6] === '无数据')).toEqual(
      assessment.indicators.map((i) => i.met || i.value == null),
    );
    const channels = sheets['渠道']!.slice(1);
    expect(channels.reduce((s, r) => s + Number(r[1]), 0)).toBe(report.orders.total);
    expect(Object.keys(sheets)).toEqual(
      expect.arrayContaining(['说明', '分时段话务', '类型', '领域', '区县', '热点事项', '承办单位']),
    );
  });
});

describe('refusals', () => {
  it('400 naming month for bad months, format for a bad extension', async () => {
    for (const bad of ['2026-13', '2026-00', '2026-2', '26-02', '2026-02-30', 'x%00y', '9999-01']) {
      const res = await get(`/api/reports/monthly/${bad}.pdf`);
      expect(res.statusCode, bad).toBe(400);
      // A NUL is refused by the platform's input guard before the route reads the month: it names the path part.
      expect(res.json().error.fields[0].field).toBe(bad.includes('%00') ? 'file' : 'month');
    }
    const res = await get('/api/reports/monthly?month=2026-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('month');
    const ext = await get('/api/reports/monthly/2026-02.doc');
    expect(ext.statusCode).toBe(400);
    expect(ext.json().error.fields[0].field).toBe('format');
    expect((await get(`/api/reports/monthly/${'9'.repeat(100_000)}.pdf`)).statusCode).toBeLessThan(500);
  });

  it('only the office, team leads and admins read reports; an unknown contract is 404', async () => {
    expect((await get('/api/reports/monthly/2026-02.xlsx', await t.as('agent1'))).statusCode).toBe(403);
    expect((await get('/api/reports/monthly?month=2026-02', await t.as('lead1'))).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/reports/monthly/2026-02.pdf' })).statusCode).toBe(
      401,
    );
    expect((await get('/api/reports/monthly?month=2026-02&contract=nope-2030')).statusCode).toBe(404);
  });

  it('a month with no contract in force says 无, and --contract none does the same', async () => {
    const none = (await get('/api/reports/monthly?month=2024-01')).json() as MonthlyReport;
    expect(none.contract).toBeNull();
    expect(none.indicators).toEqual([]);
    const res = await get('/api/reports/monthly/2026-02.docx?contract=none');
    expect(await docxText(res.rawPayload)).toContain('考核合同：无');
    expect(formatCell(null)).toBe('—');
  });
});

describe('the department circular (通报)', () => {
  it('ranks the departments on the same handling figures as the monthly report, in three formats', async () => {
    const c = (await get('/api/reports/circular?from=2026-02-01&to=2026-03-01')).json();
    expect(c.departments.reduce((s: number, d: { received: number }) => s + d.received, 0)).toBe(
      report.handling.totals.received,
    );
    const ranked = c.departments.filter((d: { rank: number | null }) => d.rank != null);
    expect(ranked[0].rank).toBe(1);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].score).toBeLessThanOrEqual(ranked[i - 1].score);
    const docx = await docxText(
      (await get('/api/reports/circular/docx?from=2026-02-01&to=2026-03-01')).rawPayload,
    );
    expect(docx).toContain('各承办单位工单办理情况的通报');
    expect(docx).toContain(ranked[0].name);
    const pdf = (
      await pdfText((await get('/api/reports/circular/pdf?from=2026-02-01&to=2026-03-01')).rawPayload)
    ).join('');
    expect(pdf.replace(/\s+/g, '')).toContain('综合得分');
    const xlsx = await xlsxSheets(
      (await get('/api/reports/circular/xlsx?from=2026-02-01&to=2026-03-01')).rawPayload,
    );
    expect(xlsx['通报排名']!.slice(1).map((r) => r[1])).toEqual(
      c.departments.map((d: { name: string }) => d.name),
    );
  });

  it('refuses a bad period naming the field', async () => {
    const res = await get('/api/reports/circular?from=2026-02-30&to=2026-03-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('from');
    const back = await get('/api/reports/circular?from=2026-03-01&to=2026-02-01');
    expect(back.json().error.fields[0].field).toBe('to');
    expect((await get('/api/reports/circular/doc?from=2026-02-01&to=2026-03-01')).statusCode).toBe(400);
    expect(
      (await get('/api/reports/circular?from=2026-02-01&to=2026-03-01', await t.as('agent1'))).statusCode,
    ).toBe(403);
  });
});

describe('the special report (专报)', () => {
  it('on chosen orders: counts, places, departments, status, and the messages with personal data masked', async () => {
    const { items } = (
      await get('/api/orders?from=2026-02-02&to=2026-02-03&pageSize=5&type=complaint')
    ).json();
    const numbers = items.map((o: { number: string }) => o.number);
    expect(numbers.length).toBeGreaterThan(0);
    const res = await get(`/api/reports/special/docx?orders=${numbers.join(',')}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    const text = await docxText(res.rawPayload);
    expect(text).toContain('的专报');
    for (const h of ['一、基本情况', '三、地点分布', '四、代表性诉求', '六、办理状态'])
      expect(text).toContain(h);
    expect(text).toContain(`共受理相关诉求 ${numbers.length} 件`);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    const pdf = (await pdfText((await get(`/api/reports/special/pdf?orders=${numbers[0]}`)).rawPayload)).join(
      '',
    );
    expect(pdf.replace(/\s+/g, '')).toContain('代表性诉求');
  });

  it('refuses no orders, unknown orders and a bad hot topic without a 5xx', async () => {
    expect((await get('/api/reports/special/docx?orders=')).json().error.fields[0].field).toBe('orders');
    expect((await get('/api/reports/special/docx?orders=nope')).statusCode).toBe(400);
    expect((await get('/api/reports/special/docx?hotTopic=99999')).statusCode).toBe(404);
    expect((await get('/api/reports/special/docx?hotTopic=99999999999')).statusCode).toBe(400);
  });
});
