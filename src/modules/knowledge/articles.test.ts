import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { kbArticleVersions } from './schema.ts';
import { addKbUsers } from './test-fixtures.ts';

let t: TestContext;

beforeAll(async () => {
  t = await createTestContext('2026-03-03T10:00:00+08:00');
  await addKbUsers(t);
});
afterAll(() => t.close());

const call = async (
  user: string | null,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => t.app.inject({ method, url, payload, headers: user ? await t.as(user) : {} });

const article = (over: Record<string, unknown> = {}) => ({
  categoryPath: '社会保障/住房公积金',
  title: '住房公积金提取条件',
  content: '职工购买、建造自住住房的，可以提取住房公积金。\n\n## 所需材料\n- 身份证\n- 购房合同',
  issuer: '市住房公积金管理中心',
  kind: '办事指南',
  keywords: '公积金；提取、购房',
  ...over,
});

async function versionsOf(id: number) {
  return t.db.orm.select().from(kbArticleVersions).where(eq(kbArticleVersions.articleId, id));
}

describe('article rules', () => {
  let id: number;

  it('creates a draft, trimming the title and splitting the category and keywords', async () => {
    const res = await call('editor', 'POST', '/api/kb/articles', article({ title: '  住房公积金提取条件 ' }));
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    id = a.id;
    expect(a).toMatchObject({
      title: '住房公积金提取条件',
      categoryPath: ['社会保障', '住房公积金'],
      keywords: ['公积金', '提取', '购房'],
      status: 'draft',
      version: 1,
      current: false,
    });
    expect(a.content).toContain('\n\n## 所需材料\n- 身份证');
    const versions = await versionsOf(id);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.changedFields).toEqual(expect.arrayContaining(['title', 'content', 'status']));
  });

  it('refuses a title that exists, naming the field', async () => {
    const res = await call('editor', 'POST', '/api/kb/articles', article());
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'duplicate_title', fields: [{ field: 'title' }] });
  });

  it.each([
    ['a title over 128 characters', { title: '长'.repeat(129) }, 'title'],
    ['an empty title', { title: '   ' }, 'title'],
    ['empty content', { title: '空内容', content: ' \n ' }, 'content'],
    ['raw HTML', { title: '含脚本', content: '<script>alert(1)</script>' }, 'content'],
    ['a kind over 20 characters', { title: '性质太长', kind: '类'.repeat(21) }, 'kind'],
    ['a date that is not YYYY-MM-DD', { title: '日期', effectiveFrom: '2026/03/01' }, 'effectiveFrom'],
    [
      'an expiry before the start',
      { title: '日期倒置', effectiveFrom: '2026-03-01', expiresOn: '2026-02-28' },
      'expiresOn',
    ],
  ])('refuses %s', async (_what, over, field) => {
    const res = await call('editor', 'POST', '/api/kb/articles', article(over));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('accepts a title of exactly 128 characters', async () => {
    const res = await call('editor', 'POST', '/api/kb/articles', article({ title: '长'.repeat(128) }));
    expect(res.statusCode, res.body).toBe(201);
  });

  it('writes a new version for a change, with the fields, the note, who and when', async () => {
    const res = await call('office', 'PATCH', `/api/kb/articles/${id}`, {
      content: '职工购买自住住房的，可以提取住房公积金。',
      keywords: ['公积金', '提取'],
      changeNote: '依据新办法修订',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, changedFields: ['content', 'keywords'] });
    const v2 = (await versionsOf(id)).find((v) => v.version === 2)!;
    expect(v2).toMatchObject({ changedFields: ['content', 'keywords'], changeNote: '依据新办法修订' });
    expect(v2.changedBy).not.toBeNull();
    expect(v2.changedAt.toISOString()).toBe('2026-03-03T02:00:00.000Z');
  });

  it('writes nothing for an edit that changes nothing', async () => {
    const res = await call('editor', 'PATCH', `/api/kb/articles/${id}`, {
      title: '住房公积金提取条件',
      keywords: '公积金,提取',
    });
    expect(res.json()).toMatchObject({ version: 2, changedFields: [] });
    expect(await versionsOf(id)).toHaveLength(2);
  });

  it('checks the dates of an edit against the stored ones', async () => {
    await call('editor', 'PATCH', `/api/kb/articles/${id}`, { effectiveFrom: '2026-03-01' });
    const res = await call('editor', 'PATCH', `/api/kb/articles/${id}`, { expiresOn: '2026-02-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('expiresOn');
  });

  it('refuses renaming to a title another article has', async () => {
    const other = (
      await call('editor', 'POST', '/api/kb/articles', article({ title: '公积金贷款额度' }))
    ).json();
    const res = await call('editor', 'PATCH', `/api/kb/articles/${other.id}`, {
      title: '住房公积金提取条件',
    });
    expect(res.statusCode).toBe(409);
  });

  it('publishes, retires and publishes again, each a version; refuses what the table does not allow', async () => {
    const pub = await call('editor', 'POST', `/api/kb/articles/${id}/publish`);
    expect(pub.json()).toMatchObject({ status: 'published', current: true });
    expect((await call('editor', 'POST', `/api/kb/articles/${id}/publish`)).statusCode).toBe(409);
    const ret = await call('editor', 'POST', `/api/kb/articles/${id}/retire`, { changeNote: '政策废止' });
    expect(ret.json()).toMatchObject({ status: 'retired', current: false });
    const again = await call('editor', 'POST', `/api/kb/articles/${id}/retire`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_transition');
    expect((await call('editor', 'POST', `/api/kb/articles/${id}/publish`)).json().status).toBe('published');
    const got = (await call('agent', 'GET', `/api/kb/articles/${id}`)).json();
    expect(got.versions.map((v: { changedFields: string[] }) => v.changedFields.join())).toEqual([
      expect.stringContaining('title'),
      'content,keywords',
      'effectiveFrom',
      'status',
      'status',
      'status',
    ]);
    expect(got.versions[4].changeNote).toBe('政策废止');
    // An agent reading the article sees who changed it, by name.
    expect(got.versions[4].changedByName).toBe('editor');
  });

  it('re-indexes on an edit: the new title is found', async () => {
    await call('editor', 'PATCH', `/api/kb/articles/${id}`, { title: '住房公积金提取办理指南' });
    const res = await call('agent', 'GET', `/api/kb/search?q=${encodeURIComponent('办理指南')}`);
    expect(res.json().results[0].title).toBe('住房公积金提取办理指南');
  });
});

describe('article lists', () => {
  beforeAll(async () => {
    const make = async (over: Record<string, unknown>) =>
      (await call('editor', 'POST', '/api/kb/articles', article({ status: 'published', ...over }))).json();
    await make({ title: '医保异地就医备案', categoryPath: '社会保障/医疗保险', kind: '办事指南' });
    await make({
      title: '2025年医保缴费通知',
      categoryPath: '社会保障/医疗保险',
      kind: '通知公告',
      expiresOn: '2025-12-31',
    });
    await make({ title: '噪声污染防治法要点', categoryPath: '生态环境', kind: '法律法规' });
  });

  const list = async (user: string, query: string) =>
    (await call(user, 'GET', `/api/kb/articles?${query}`)).json();

  it('filters by title, kind, status, category prefix and expiry', async () => {
    expect(
      (await list('editor', `q=${encodeURIComponent('医保')}`)).items
        .map((a: { title: string }) => a.title)
        .sort(),
    ).toEqual(['2025年医保缴费通知', '医保异地就医备案']);
    expect((await list('editor', `kind=${encodeURIComponent('法律法规')}`)).total).toBe(1);
    expect(
      (await list('editor', 'status=draft')).items.every((a: { status: string }) => a.status === 'draft'),
    ).toBe(true);
    expect((await list('editor', `category=${encodeURIComponent('社会保障/医疗保险')}`)).total).toBe(2);
    expect((await list('editor', `category=${encodeURIComponent('社会')}`)).total).toBe(0);
    const expired = await list('editor', 'expired=yes');
    expect(expired.items.map((a: { title: string }) => a.title)).toEqual(['2025年医保缴费通知']);
    expect(expired.items[0]).toMatchObject({ expired: true, current: false });
    expect((await list('editor', 'expired=no')).items.some((a: { expired: boolean }) => a.expired)).toBe(
      false,
    );
  });

  it('pages', async () => {
    const all = await list('editor', 'pageSize=200');
    const page2 = await list('editor', 'pageSize=2&page=2');
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(page2.items.map((a: { id: number }) => a.id)).toEqual(
      all.items.slice(2, 4).map((a: { id: number }) => a.id),
    );
  });

  it('shows agents what is published only', async () => {
    const items = (await list('agent', 'pageSize=200')).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((a: { status: string }) => a.status === 'published')).toBe(true);
    const draft = (await list('editor', 'status=draft')).items[0];
    expect((await call('agent', 'GET', `/api/kb/articles/${draft.id}`)).statusCode).toBe(404);
    expect((await call('editor', 'GET', `/api/kb/articles/${draft.id}`)).statusCode).toBe(200);
  });
});

describe('permissions', () => {
  it('refuses writes by agents and team leads with 403, before validating the body', async () => {
    for (const user of ['agent', 'lead']) {
      expect((await call(user, 'POST', '/api/kb/articles', {})).statusCode).toBe(403);
      expect((await call(user, 'PATCH', '/api/kb/articles/1', {})).statusCode).toBe(403);
      expect((await call(user, 'POST', '/api/kb/articles/1/publish')).statusCode).toBe(403);
      expect((await call(user, 'POST', '/api/kb/terms', { word: '沙澧春天' })).statusCode).toBe(403);
      expect((await call(user, 'DELETE', '/api/kb/synonyms/1')).statusCode).toBe(403);
      expect((await call(user, 'POST', '/api/kb/import?format=csv')).statusCode).toBe(403);
    }
  });

  it('answers 401 to anyone not signed in', async () => {
    for (const url of [
      '/api/kb/search?q=x',
      '/api/kb/articles',
      '/api/kb/export?format=csv',
      '/api/kb/terms',
    ]) {
      expect((await call(null, 'GET', url)).statusCode).toBe(401);
    }
    expect((await call(null, 'POST', '/api/kb/articles', article())).statusCode).toBe(401);
  });
});
