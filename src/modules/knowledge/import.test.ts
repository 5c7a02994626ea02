import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { importKbFile } from './import-service.ts';
import { kbArticles, kbArticleVersions } from './schema.ts';
import { SAMPLE_CSV, addKbUsers, encodeGbk } from './test-fixtures.ts';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext('2026-03-03T10:00:00+08:00');
  await addKbUsers(t);
});
afterAll(() => t.close());

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(format: 'csv' | 'xlsx', body: Buffer | string, user = 'editor') {
  return t.app.inject({
    method: 'POST',
    url: `/api/kb/import?format=${format}`,
    payload: typeof body === 'string' ? Buffer.from(body) : body,
    headers: { ...(await t.as(user)), 'content-type': format === 'csv' ? 'text/csv' : XLSX_TYPE },
  });
}

const importCsv = (text: string | Buffer) =>
  importKbFile(
    t.db.orm,
    SYSTEM_ACTOR,
    'csv',
    typeof text === 'string' ? Buffer.from(text) : text,
    t.clock.now(),
  );

async function articleByTitle(title: string) {
  const [row] = await t.db.orm.select().from(kbArticles).where(eq(kbArticles.title, title));
  return row;
}

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('知识');
  for (const r of rows) sheet.addRow(r);
  wb.addWorksheet('second sheet').addRow(['ignored']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import', () => {
  it('imports a UTF-8 CSV with a BOM through the API: published, effective from the import date', async () => {
    const res = await upload('csv', `\uFEFF${SAMPLE_CSV}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      read: 3,
      imported: 3,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      rejections: [],
    });
    const a = await articleByTitle('城乡居民医保缴费标准');
    expect(a).toMatchObject({
      status: 'published',
      effectiveFrom: '2026-03-03',
      expiresOn: null,
      categoryPath: ['社会保障', '医疗保险'],
      issuer: '市医疗保障局',
      kind: '办事指南',
      keywords: ['医保', '缴费'],
      version: 1,
    });
  });

  it('finds nothing changed when the same file comes again, and makes a version for a changed row', async () => {
    expect(await importCsv(SAMPLE_CSV)).toMatchObject({ read: 3, imported: 0, updated: 0, unchanged: 3 });
    const changed = SAMPLE_CSV.replace('每人每年400元', '每人每年420元');
    expect(await importCsv(changed)).toMatchObject({ imported: 0, updated: 1, unchanged: 2 });
    const a = (await articleByTitle('城乡居民医保缴费标准'))!;
    expect(a.version).toBe(2);
    expect(a.content).toContain('420元');
    const [v2] = await t.db.orm.select().from(kbArticleVersions).where(eq(kbArticleVersions.version, 2));
    expect(v2).toMatchObject({ articleId: a.id, changedFields: ['content'], changeNote: '导入更新' });
  });

  it('publishes a retired article again when a file brings it back', async () => {
    const a = (await articleByTitle('公交卡办理'))!;
    await t.app.inject({
      method: 'POST',
      url: `/api/kb/articles/${a.id}/retire`,
      headers: await t.as('editor'),
    });
    expect(await importCsv(SAMPLE_CSV.replace('每人每年400元', '每人每年420元'))).toMatchObject({
      updated: 1,
      unchanged: 2,
    });
    expect(await articleByTitle('公交卡办理')).toMatchObject({ status: 'published', version: 3 });
  });

  it('reads a GBK CSV as Excel on Chinese Windows saves it', async () => {
    const csv =
      '标题,内容,类目,材料性质\r\n独生子女父母奖励费,符合条件的独生子女父母每月发放奖励费。,卫生健康/计划生育,政策文件\r\n';
    const bytes = encodeGbk(csv);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(await importCsv(bytes)).toMatchObject({ imported: 1, rejected: 0 });
    expect(await articleByTitle('独生子女父母奖励费')).toMatchObject({
      content: '符合条件的独生子女父母每月发放奖励费。',
      categoryPath: ['卫生健康', '计划生育'],
      kind: '政策文件',
    });
  });

  it('takes the columns in any order, ignores extra ones, and splits keywords on every separator', async () => {
    const csv = [
      '序号,关键字,内容,备注,标题,发文单位,类目,材料性质',
      '1,"医保；报销、门诊 住院,药品，异地",异地就医需先备案。,无,异地就医备案,市医疗保障局,社会保障/医疗保险,',
    ].join('\n');
    expect(await importCsv(csv)).toMatchObject({ imported: 1 });
    expect(await articleByTitle('异地就医备案')).toMatchObject({
      keywords: ['医保', '报销', '门诊', '住院', '药品', '异地'],
      kind: '其他',
      issuer: '市医疗保障局',
    });
  });

  it('reads the first sheet of an XLSX written by exceljs, line breaks kept', async () => {
    const file = await xlsxOf([
      ['标题', '材料性质', '内容', '类目', '关键字', '发文单位'],
      [
        '老年人优待证办理',
        '办事指南',
        '年满60周岁的本市户籍老年人可申请。\n携带身份证、户口簿。',
        '民政/养老服务',
        '优待证;老年人',
        '市民政局',
      ],
    ]);
    const res = await upload('xlsx', file, 'office');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ read: 1, imported: 1 });
    expect((await articleByTitle('老年人优待证办理'))!.content).toBe(
      '年满60周岁的本市户籍老年人可申请。\n携带身份证、户口簿。',
    );
  });

  it('rejects bad rows by their row number and writes the good ones', async () => {
    const csv = [
      '类目,标题,内容,发文单位,材料性质,关键字',
      ',,没有标题的内容,,,',
      ',无内容,,,,',
      `,${'长'.repeat(129)},标题过长,,,`,
      ',重复标题,第一次,,,',
      '',
      ',重复标题,第二次,,,',
      ',含脚本,<script>alert(1)</script>,,,',
      ',好的一行,内容正常,,,',
    ].join('\n');
    const r = await importCsv(csv);
    expect(r).toMatchObject({ read: 7, imported: 2, updated: 0, unchanged: 0, rejected: 5 });
    expect(r.rejections.map((x) => x.row)).toEqual([2, 3, 4, 7, 8]);
    expect(r.rejections[0]!.reason).toContain('标题为空');
    expect(r.rejections[1]!.reason).toContain('内容为空');
    expect(r.rejections[2]!.reason).toContain('128');
    expect(r.rejections[3]!.reason).toContain('第 5 行');
    expect(r.rejections[4]!.reason).toContain('HTML');
    expect(await articleByTitle('好的一行')).toBeDefined();
    expect((await articleByTitle('重复标题'))!.content).toBe('第一次');
  });

  it('refuses a file without the required header columns', async () => {
    const res = await upload('csv', '名称,正文内容\n甲,乙\n');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'missing_columns', missing: ['标题', '内容'] });
  });

  it('refuses a file that is not XLSX', async () => {
    const res = await upload('xlsx', 'not a zip');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('unreadable_file');
  });
});

describe('export', () => {
  it('writes CSV in the import columns that re-imports as unchanged, formula-like cells guarded', async () => {
    await importCsv('标题,内容\n公式样内容,=1+1 不是公式\n');
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/kb/export?format=csv&category=${encodeURIComponent('社会保障')}`,
      headers: await t.as('agent'),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF类目,标题,内容,发文单位,材料性质,关键字\r\n')).toBe(true);
    expect(res.body).toContain('社会保障/医疗保险,城乡居民医保缴费标准');
    expect(res.body).not.toContain('公交卡办理');
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/kb/export?format=csv',
      headers: await t.as('editor'),
    });
    expect(all.body).toContain(",公式样内容,'=1+1 不是公式,");
    const again = await importCsv(all.rawPayload);
    expect(again).toMatchObject({ imported: 0, updated: 0, rejected: 0 });
    expect(again.unchanged).toBe(again.read);
  });

  it('writes XLSX with the same columns', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/kb/export?format=xlsx&kind=${encodeURIComponent('办事指南')}&status=published`,
      headers: await t.as('editor'),
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([
      '类目',
      '标题',
      '内容',
      '发文单位',
      '材料性质',
      '关键字',
    ]);
    const titles = sheet.getColumn(2).values.slice(2);
    expect(titles).toEqual(expect.arrayContaining(['城乡居民医保缴费标准', '老年人优待证办理']));
    expect(titles).not.toContain('物业服务投诉受理渠道');
  });
});

describe('batch size', () => {
  it('refuses more than 1,000 rows whole, naming the limit', async () => {
    const before = (await t.db.orm.select().from(kbArticles)).length;
    const rows = Array.from({ length: 1001 }, (_, i) => `,批量标题${i},批量内容${i},,,`);
    const res = await upload('csv', ['类目,标题,内容,发文单位,材料性质,关键字', ...rows].join('\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'import_too_large', limit: 1000, rows: 1001 });
    expect(res.json().error.message).toContain('at most 1,000 rows');
    expect((await t.db.orm.select().from(kbArticles)).length).toBe(before);
    const ok = await upload('csv', ['类目,标题,内容,发文单位,材料性质,关键字', ...rows.slice(1)].join('\n'));
    expect(ok.json()).toMatchObject({ read: 1000, imported: 1000 });
  });
});
