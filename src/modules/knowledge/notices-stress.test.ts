import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { type Db, openPostgres } from '../../db/client.ts';
import { runDeadlineSweep } from '../orders/index.ts';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../testing/test-app.ts';
import { kbArticles, kbArticleVersions } from './schema.ts';

/**
 * The browser flake of docs/next-steps.md, looked for as a client-side deadlock: notice completions (row lock, then
 * the audit chain head), audited reads (the audit batching outside transactions, issue 18), plain reads and the
 * deadline sweep all at once on the server's pool of 10 with no limits, so a wait that never ends shows as a
 * request that never answers. PostgreSQL only.
 */
const at = (s: string) => new Date(`${s}+08:00`);
const ROUNDS = Number(process.env.STRESS_ROUNDS ?? 3);
const ANSWER_WITHIN_MS = 20_000;

let t: TestContext;
let pooled: Db;
let app: FastifyInstance;
let article: number;
const headers = new Map<string, Record<string, string>>();

async function login(user: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user, password: TEST_PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  headers.set(user, { authorization: `Bearer ${res.json().token}` });
}
const call = (user: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, payload, headers: headers.get(user) });

/** Resolves with the answer's status, or rejects naming the request that did not answer in time. */
function answered(what: string, p: Promise<{ statusCode: number }>) {
  return Promise.race([
    p.then((r) => r.statusCode),
    new Promise<number>((_, reject) =>
      setTimeout(
        () => reject(new Error(`${what}: no answer in ${ANSWER_WITHIN_MS} ms`)),
        ANSWER_WITHIN_MS,
      ).unref(),
    ),
  ]);
}

describe.skipIf(!process.env.DATABASE_URL)('notice completions under parallel load on PostgreSQL', () => {
  beforeAll(async () => {
    t = await createTestContext('2026-03-10T12:00:00+08:00');
    pooled = await openPostgres(t.db.pool!.options.connectionString!, 10);
    app = await buildApp({ db: pooled, clock: t.clock, sessionHours: 24 });
    await t.addUser('editor', 'kb_editor');
    await t.addUser('office', 'office');
    await Promise.all(['editor', 'office'].map(login));
    const [a] = await t.db.orm
      .insert(kbArticles)
      .values({
        title: '城乡居民医保缴费标准',
        content: '400元',
        kind: '办事指南',
        status: 'published',
        version: 2,
        createdAt: at('2026-03-01T09:00:00'),
        updatedAt: at('2026-03-10T09:00:00'),
      })
      .returning();
    article = a!.id;
    await t.db.orm.insert(kbArticleVersions).values({
      articleId: article,
      version: 2,
      snapshot: { status: 'published' },
      changedAt: at('2026-03-10T09:00:00'),
    });
  });
  afterAll(async () => {
    await app?.close();
    await pooled?.close();
    await t?.close();
  });

  it('answers every request while completions, audited reads and the sweep run together', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const ids: number[] = [];
      for (let i = 0; i < 15; i++) {
        const res = await call('office', 'POST', '/api/kb/notices', {
          receivedAt: '2026-03-10T08:00:00+08:00',
          source: '市医疗保障局',
          title: `通知 ${round}-${i}`,
          requiredChange: '400元',
          articleIds: [article],
        });
        ids.push(res.json().id);
      }
      const work: Promise<number>[] = [];
      for (const id of ids) {
        work.push(answered(`complete ${id}`, call('editor', 'POST', `/api/kb/notices/${id}/complete`, {})));
        work.push(
          answered(`complete ${id} again`, call('editor', 'POST', `/api/kb/notices/${id}/complete`, {})),
        );
        work.push(answered('audit verify', call('office', 'GET', '/api/audit/verify')));
        work.push(answered('notices', call('editor', 'GET', '/api/kb/notices?status=open')));
        work.push(answered('me', call('editor', 'GET', '/api/auth/me')));
      }
      work.push(
        answered(
          'sweep',
          runDeadlineSweep(pooled.orm, t.clock.now()).then(() => ({ statusCode: 200 })),
        ),
      );
      const statuses = await Promise.all(work);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
    }
    const verify = await call('office', 'GET', '/api/audit/verify');
    expect(verify.json().ok).toBe(true);
  }, 120_000);
});
