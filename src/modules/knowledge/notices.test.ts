import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import type { ArticleStatus } from './model.ts';
import { kbArticles, kbArticleVersions } from './schema.ts';

let t: TestContext;
let article: number;
const at = (s: string) => new Date(`${s}+08:00`);

/** Writes an article version directly (the article service is tested on its own). */
async function changeArticle(when: string, status: ArticleStatus = 'published') {
  const [row] = await t.db.orm.select().from(kbArticles);
  const version = (row?.version ?? 0) + 1;
  if (!row) {
    const [a] = await t.db.orm
      .insert(kbArticles)
      .values({
        title: '城乡居民医保缴费标准',
        content: '400元',
        kind: '办事指南',
        status,
        createdAt: at(when),
        updatedAt: at(when),
      })
      .returning();
    article = a!.id;
  } else {
    const { eq } = await import('drizzle-orm');
    await t.db.orm
      .update(kbArticles)
      .set({ version, status, updatedAt: at(when) })
      .where(eq(kbArticles.id, article));
  }
  await t.db.orm
    .insert(kbArticleVersions)
    .values({ articleId: article, version, snapshot: { status }, changedAt: at(when) });
}

beforeAll(async () => {
  t = await createTestContext('2026-03-10T12:00:00');
  t.clock.set(at('2026-03-10T12:00:00'));
  await t.addUser('editor', 'kb_editor');
  await t.addUser('office', 'office');
  await t.addUser('agent', 'agent');
  await changeArticle('2026-03-01T09:00:00');
});
afterAll(() => t.close());

const post = async (user: string, url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, payload, headers: await t.as(user) });
const get = async (user: string, url: string) =>
  t.app.inject({ method: 'GET', url, headers: await t.as(user) });

describe('knowledge update notices (KPI 9)', () => {
  it('are due 24 hours after receipt and close only when the linked article changed and is published', async () => {
    expect((await post('agent', '/api/kb/notices', {})).statusCode).toBe(403);
    // The time of receipt is Party A's record: the operator's editor may not set it (issue 12).
    expect((await post('editor', '/api/kb/notices', {})).statusCode).toBe(403);
    const res = await post('office', '/api/kb/notices', {
      receivedAt: '2026-03-09T15:00:00+08:00',
      source: '市医疗保障局',
      title: '2026年度城乡居民医保缴费标准调整',
      requiredChange: '个人缴费标准由380元调整为400元',
    });
    expect(res.statusCode, res.body).toBe(201);
    const n = res.json();
    expect(new Date(n.dueAt).toISOString()).toBe(at('2026-03-10T15:00:00').toISOString());
    const noLink = await post('editor', `/api/kb/notices/${n.id}/complete`, {});
    expect(noLink.statusCode).toBe(400);
    expect(noLink.json().error.fields[0].field).toBe('articleIds');
    await post('editor', `/api/kb/notices/${n.id}/articles`, { articleIds: [article] });
    // the article has not changed since the notice arrived
    expect((await post('editor', `/api/kb/notices/${n.id}/complete`, {})).statusCode).toBe(409);
    await changeArticle('2026-03-10T09:30:00');
    const done = await post('editor', `/api/kb/notices/${n.id}/complete`, { note: '已更新' });
    expect(done.json()).toMatchObject({ status: 'done' });
    expect(new Date(done.json().completedAt).toISOString()).toBe(at('2026-03-10T09:30:00').toISOString());
    expect((await post('editor', `/api/kb/notices/${n.id}/complete`, {})).statusCode).toBe(409);
  });

  it('refuses an unknown article and a receipt in the future', async () => {
    const bad = await post('office', '/api/kb/notices', {
      receivedAt: '2026-03-11T10:00:00+08:00',
      source: 'x',
      title: 'x',
      requiredChange: 'x',
      articleIds: [999],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { field: string }) => f.field)).toContain('receivedAt');
  });

  it('computes the month’s timeliness with late and pending notices and their evidence', async () => {
    const late = (
      await post('office', '/api/kb/notices', {
        receivedAt: '2026-03-05T10:00:00+08:00',
        source: '市人社局',
        title: '失业保险金标准调整',
        requiredChange: '更新标准',
        articleIds: [article],
      })
    ).json();
    // changed on 03-10 09:30 (already): more than 24 h after 03-05 → late
    await post('editor', `/api/kb/notices/${late.id}/complete`, {});
    const overdue = (
      await post('office', '/api/kb/notices', {
        receivedAt: '2026-03-08T10:00:00+08:00',
        source: 'x',
        title: '逾期未办',
        requiredChange: 'x',
      })
    ).json();
    const pending = (
      await post('office', '/api/kb/notices', {
        receivedAt: '2026-03-10T11:00:00+08:00',
        source: 'x',
        title: '未到期',
        requiredChange: 'x',
      })
    ).json();
    const r = (await get('office', '/api/kb/notices/timeliness?from=2026-03-01&to=2026-04-01')).json();
    expect(r.denominator).toBe(3);
    expect(r.numerator).toBe(1);
    expect(r.value).toBeCloseTo(1 / 3);
    expect(r.evidence.counted).toEqual(expect.arrayContaining([late.id, overdue.id]));
    expect(r.excluded).toEqual([{ reason: 'not yet due', ids: [pending.id] }]);
    const list = (await get('agent', '/api/kb/notices')).json().items;
    expect(list.find((x: { id: number }) => x.id === late.id).state).toBe('late');
    expect(list.find((x: { id: number }) => x.id === overdue.id).state).toBe('overdue');
  });

  it('counts exactly 24 hours as in time and one second more as late, by the city’s month, not UTC’s', async () => {
    t.clock.set(at('2026-04-03T10:00:00'));
    // 07:30 on 1 April in Beijing is still 31 March in UTC: these belong to April's figure.
    const mk = async (receivedAt: string, title: string) =>
      (
        await post('office', '/api/kb/notices', {
          receivedAt: `${receivedAt}+08:00`,
          source: '市医保局',
          title,
          requiredChange: '更新',
          articleIds: [article],
        })
      ).json();
    const exact = await mk('2026-04-01T07:30:00', '恰好24小时');
    const over = await mk('2026-04-01T07:29:59', '超出1秒');
    expect(new Date(exact.dueAt).toISOString()).toBe(at('2026-04-02T07:30:00').toISOString());
    await changeArticle('2026-04-02T07:30:00');
    for (const n of [exact, over])
      expect((await post('editor', `/api/kb/notices/${n.id}/complete`, {})).statusCode).toBe(200);
    const april = (await get('office', '/api/kb/notices/timeliness?from=2026-04-01&to=2026-05-01')).json();
    expect(april).toMatchObject({ numerator: 1, denominator: 2 });
    expect(april.evidence.met).toEqual([exact.id]);
    const march = (await get('office', '/api/kb/notices/timeliness?from=2026-03-01&to=2026-04-01')).json();
    expect(march.evidence.counted).not.toContain(exact.id);
    expect(march.evidence.counted).not.toContain(over.id);
  });
});
