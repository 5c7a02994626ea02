import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { auditLog } from '../../platform/schema.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { createArticle } from './articles-service.ts';
import { loadDictionary } from './dictionary.ts';
import { CreateArticleInput } from './model.ts';
import { kbTerms } from './schema.ts';
import { addKbUsers } from './test-fixtures.ts';

let t: TestContext;
let estateArticle: number;

beforeAll(async () => {
  t = await createTestContext('2026-03-03T10:00:00+08:00');
  await addKbUsers(t);
  const add = (title: string, content: string) =>
    t.db.orm.transaction((tx) =>
      createArticle(
        tx,
        SYSTEM_ACTOR,
        CreateArticleInput.parse({ title, content, status: 'published' }),
        t.clock.now(),
      ),
    );
  estateArticle = (
    await add('沙澧春天小区物业服务', '沙澧春天小区物业服务由鑫源物业提供，报修电话见小区公告栏。')
  ).id;
  await add('电动自行车充电安全', '电动自行车应在集中充电场所充电，禁止飞线充电。');
});
afterAll(() => t.close());

const call = async (user: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, payload, headers: await t.as(user) });
const searchJson = async (q: string) =>
  (await call('agent', 'GET', `/api/kb/search?q=${encodeURIComponent(q)}`)).json();

/** Whether the stored vector of the article holds the lexeme (what the index actually contains). */
async function indexed(id: number, lexeme: string): Promise<boolean> {
  const [row] = await queryRows<{ hit: boolean }>(
    t.db.orm,
    sql`select search @@ to_tsquery('simple', ${lexeme}) as hit from kb_articles where id = ${id}`,
  );
  return row!.hit;
}

describe('user dictionary', () => {
  it('cuts an estate name into pieces until the editor adds it', async () => {
    expect(await indexed(estateArticle, '沙澧春天')).toBe(false);
    expect((await searchJson('沙澧春天')).query.tokens).not.toEqual(['沙澧春天']);
  });

  it('adds a term, re-indexes every article in the same request, and audits it', async () => {
    const res = await call('editor', 'POST', '/api/kb/terms', { word: '沙澧春天', kind: 'place' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      term: { word: '沙澧春天', kind: 'place' },
      reindexed: { articles: 2 },
    });
    expect(res.json().reindexed.ms).toBeGreaterThanOrEqual(0);
    expect(await indexed(estateArticle, '沙澧春天')).toBe(true);
    const r = await searchJson('沙澧春天');
    expect(r.query.tokens).toEqual(['沙澧春天']);
    expect(r.results[0].title).toBe('沙澧春天小区物业服务');
    const audit = await t.db.orm
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'kb_term'), eq(auditLog.entityId, '沙澧春天')));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('lists terms to any reader and refuses a duplicate', async () => {
    expect(
      (await call('agent', 'GET', '/api/kb/terms')).json().items.map((x: { word: string }) => x.word),
    ).toEqual(['沙澧春天']);
    expect((await call('editor', 'POST', '/api/kb/terms', { word: '沙澧春天' })).statusCode).toBe(409);
    expect((await call('editor', 'POST', '/api/kb/terms', { word: '两 个词' })).statusCode).toBe(400);
  });

  it('removes a term and re-indexes again', async () => {
    const res = await call('office', 'DELETE', `/api/kb/terms/${encodeURIComponent('沙澧春天')}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().reindexed.articles).toBe(2);
    expect(await indexed(estateArticle, '沙澧春天')).toBe(false);
    expect(
      (await call('office', 'DELETE', `/api/kb/terms/${encodeURIComponent('沙澧春天')}`)).statusCode,
    ).toBe(404);
  });

  it("sees another process's edits on the next use, even when the count stays the same", async () => {
    const before = await loadDictionary(t.db.orm);
    await t.db.orm.insert(kbTerms).values({ word: '金色港湾', createdAt: t.clock.now() });
    const added = await loadDictionary(t.db.orm);
    expect(added.fingerprint).not.toBe(before.fingerprint);
    expect(added.segmenter.cut('金色港湾小区')).toEqual(['金色港湾', '小区']);
    await t.db.orm.delete(kbTerms).where(eq(kbTerms.word, '金色港湾'));
    await t.db.orm.insert(kbTerms).values({ word: '翠柳湾花苑', createdAt: t.clock.now() });
    const swapped = await loadDictionary(t.db.orm);
    expect(swapped.fingerprint).not.toBe(added.fingerprint);
    expect(swapped.segmenter.cut('金色港湾小区')).not.toContain('金色港湾');
    expect(swapped.segmenter.cut('翠柳湾花苑')).toEqual(['翠柳湾花苑']);
  });
});

describe('synonyms', () => {
  let id: number;

  it('adds a group that widens queries both ways, audited', async () => {
    expect((await searchJson('电瓶车')).results).toEqual([]);
    const res = await call('editor', 'POST', '/api/kb/synonyms', {
      words: ['电瓶车', '电动自行车', '电瓶车'],
    });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json().words).toEqual(['电瓶车', '电动自行车']);
    expect((await searchJson('电瓶车')).results[0].title).toBe('电动自行车充电安全');
    const audit = await t.db.orm.select().from(auditLog).where(eq(auditLog.entity, 'kb_synonym'));
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('lists the editor groups with the built-in ones', async () => {
    const body = (await call('agent', 'GET', '/api/kb/synonyms')).json();
    expect(body.items).toHaveLength(1);
    expect(body.builtIn).toContainEqual(['医保', '医疗保险', '医疗保障']);
  });

  it('refuses a group of fewer than two different words', async () => {
    const res = await call('editor', 'POST', '/api/kb/synonyms', { words: ['电瓶车', '电瓶车'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('words');
  });

  it('removes a group', async () => {
    expect((await call('editor', 'DELETE', `/api/kb/synonyms/${id}`)).statusCode).toBe(200);
    expect((await searchJson('电瓶车')).results).toEqual([]);
    expect((await call('editor', 'DELETE', `/api/kb/synonyms/${id}`)).statusCode).toBe(404);
  });
});
