import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSearchText, searchForCli } from '../../cli/kb.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { createArticle, transitionArticle } from './articles-service.ts';
import { importKbFile } from './import-service.ts';
import { CreateArticleInput } from './model.ts';
import { SAMPLE_CSV, addKbUsers } from './test-fixtures.ts';

let t: TestContext;

async function add(over: Record<string, unknown>) {
  const input = CreateArticleInput.parse({ kind: '热点问答', status: 'published', ...over });
  return t.db.orm.transaction((tx) => createArticle(tx, SYSTEM_ACTOR, input, t.clock.now()));
}

beforeAll(async () => {
  t = await createTestContext('2026-03-03T10:00:00+08:00');
  await addKbUsers(t);
  await importKbFile(t.db.orm, SYSTEM_ACTOR, 'csv', Buffer.from(SAMPLE_CSV), t.clock.now());
  await add({
    title: '职工医疗保险门诊报销比例',
    content: '在职职工门诊费用按70%报销，退休人员按80%报销。',
    categoryPath: '社会保障/医疗保险',
    issuer: '市医疗保障局',
    kind: '政策文件',
  });
  await add({
    title: '城乡低保申请条件',
    content: '家庭人均收入低于本市最低生活保障标准的，可向户籍所在地乡镇（街道）申请。',
    categoryPath: '民政/社会救助',
    issuer: '市民政局',
    kind: '办事指南',
  });
  await add({
    title: '农民工讨薪维权渠道',
    content: '用人单位拖欠农民工工资的，可拨打劳动保障监察举报电话，或到人社局劳动监察大队投诉。',
    categoryPath: '劳动和社会保障/劳动监察',
    issuer: '市人力资源和社会保障局',
  });
  await add({
    title: '夜间施工噪声投诉',
    content: '晚22时至早6时禁止产生噪声污染的建筑施工作业，违者可向生态环境部门投诉。',
    categoryPath: '生态环境',
    issuer: '市生态环境局',
  });
  await add({
    title: '2025年度城乡居民医保缴费标准',
    content: '2025年度个人缴费标准为每人每年380元。',
    categoryPath: '社会保障/医疗保险',
    issuer: '市医疗保障局',
    effectiveFrom: '2025-01-01',
    expiresOn: '2025-12-31',
  });
  await add({ title: '医保新政预告', content: '下月起医保政策调整。', effectiveFrom: '2026-04-01' });
  await add({ title: '医保草稿', content: '医保草稿内容', status: 'draft' });
  const retired = await add({ title: '医保旧规', content: '医保旧规内容' });
  await t.db.orm.transaction((tx) =>
    transitionArticle(tx, SYSTEM_ACTOR, retired.id, 'retire', undefined, t.clock.now()),
  );
  await add({ title: '特殊字符说明', content: '年龄<60岁 & 参保"满一年"的，公积金可以提取。' });
});
afterAll(() => t.close());

async function search(q: string, extra = '', user = 'agent') {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/kb/search?q=${encodeURIComponent(q)}${extra}`,
    headers: await t.as(user),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    results: { id: number; title: string; snippet: string; score: number; expired: boolean }[];
    query: { tokens: string[]; expanded: string[] };
  };
}
const titles = async (q: string, extra = '') => (await search(q, extra)).results.map((r) => r.title);

describe('search', () => {
  it('ranks the 医保 payment article first for a spoken question about 医疗保险', async () => {
    const r = await search('医疗保险一年交多少钱');
    expect(r.results[0]!.title).toBe('城乡居民医保缴费标准');
    expect(r.query).toEqual({
      tokens: ['医疗保险', '一年', '交多少钱'],
      expanded: ['医疗保险', '医保', '医疗保障', '一年', '交多少钱', '缴费', '交费', '交钱', '缴多少钱'],
    });
    expect(r.results[0]).toMatchObject({
      kind: '办事指南',
      issuer: '市医疗保障局',
      categoryPath: ['社会保障', '医疗保险'],
    });
  });

  it('expands synonyms both ways', async () => {
    expect(await titles('医保报销')).toContain('职工医疗保险门诊报销比例');
    expect(await titles('医疗保障缴费')).toContain('城乡居民医保缴费标准');
    expect((await titles('最低生活保障'))[0]).toBe('城乡低保申请条件');
    expect((await titles('低保'))[0]).toBe('城乡低保申请条件');
    expect((await titles('欠薪'))[0]).toBe('农民工讨薪维权渠道');
    expect((await titles('噪音'))[0]).toBe('夜间施工噪声投诉');
  });

  it('finds a title from part of it or a misspelling', async () => {
    expect((await titles('公交卡'))[0]).toBe('公交卡办理');
    expect((await titles('公交卡办里'))[0]).toBe('公交卡办理');
    expect((await titles('物业服务投述'))[0]).toBe('物业服务投诉受理渠道');
  });

  it('answers a whole registered request', async () => {
    const request =
      '市民来电反映：其在源汇区一建筑工地务工，包工头拖欠工资两个月，多次讨要未果。诉求：请相关部门协调尽快支付工资。';
    expect((await titles(request))[0]).toBe('农民工讨薪维权渠道');
    const noise =
      '市民来电反映：{community}小区旁工地每天夜里十二点还在施工，噪音很大，影响休息。诉求：制止夜间施工。';
    expect((await titles(noise))[0]).toBe('夜间施工噪声投诉');
  });

  it('never returns an expired, future, draft or retired article as current', async () => {
    const current = await search('医保');
    const names = current.results.map((r) => r.title);
    for (const hidden of ['2025年度城乡居民医保缴费标准', '医保新政预告', '医保草稿', '医保旧规']) {
      expect(names).not.toContain(hidden);
    }
    expect(current.results.every((r) => !r.expired)).toBe(true);
  });

  it('lists expired articles on request, flagged and after the current ones', async () => {
    const r = await search('医保缴费标准', '&includeExpired=true');
    const expiredAt = r.results.findIndex((x) => x.title === '2025年度城乡居民医保缴费标准');
    expect(expiredAt).toBeGreaterThan(0);
    expect(r.results[expiredAt]!.expired).toBe(true);
    expect(r.results.slice(0, expiredAt).every((x) => !x.expired)).toBe(true);
    expect(r.results.map((x) => x.title)).not.toContain('医保新政预告');
  });

  it('filters by kind, category and issuer', async () => {
    expect(await titles('医保', `&kind=${encodeURIComponent('政策文件')}`)).toEqual([
      '职工医疗保险门诊报销比例',
    ]);
    expect(await titles('投诉', `&category=${encodeURIComponent('生态环境')}`)).toEqual(['夜间施工噪声投诉']);
    expect(await titles('投诉', `&issuer=${encodeURIComponent('住房和城乡建设')}`)).toEqual([
      '物业服务投诉受理渠道',
    ]);
  });

  it('marks the query words in the snippet and escapes the rest', async () => {
    const [first] = (await search('公积金提取')).results.filter((r) => r.title === '特殊字符说明');
    expect(first!.snippet).toBe(
      '年龄&lt;60岁 &amp; 参保&quot;满一年&quot;的，<mark>公积金</mark>可以<mark>提取</mark>。',
    );
    expect((await search('公交卡')).results[0]!.snippet).toContain('办理<mark>公交卡</mark>');
  });

  it('scores best first and honours the limit', async () => {
    const r = await search('医保', '&limit=2');
    expect(r.results).toHaveLength(2);
    expect(r.results[0]!.score).toBeGreaterThanOrEqual(r.results[1]!.score);
  });

  it('answers 400 naming q when the query is empty, and refuses a limit over 50', async () => {
    for (const url of ['/api/kb/search?q=', '/api/kb/search?q=%20%20', '/api/kb/search']) {
      const res = await t.app.inject({ method: 'GET', url, headers: await t.as('agent') });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe('q');
    }
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/kb/search?q=x&limit=51',
      headers: await t.as('agent'),
    });
    expect(res.json().error.fields[0].field).toBe('limit');
  });

  it('ranks alike on the CLI and the API', async () => {
    for (const q of ['医疗保险一年交多少钱', '公交卡', '拖欠工资怎么办', '噪音']) {
      const api = await search(q, '&limit=5');
      const cli = await searchForCli(t.db, q, { limit: 5 }, t.clock.now());
      expect(cli).toEqual({ results: api.results });
    }
    const text = await formatSearchText(
      (await searchForCli(t.db, '公交卡', { limit: 1 }, t.clock.now())).results,
    );
    expect(text).toMatch(/^1\. \d\.\d{4} {2}公交卡办理\n {3}.*办理【公交卡】/u);
  });
});
