import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { type Db, openPostgres } from '../../db/client.ts';
import { createTestContext, TEST_PASSWORD, type TestContext } from '../../testing/test-app.ts';
import { kbArticles, kbArticleVersions } from './schema.ts';

/**
 * The browser flake of docs/next-steps.md: a notice completion whose POST never came back on PostgreSQL. Whatever
 * holds what the completion waits for (the audit chain's head row, every connection of the pool), the request
 * must end with a 503 naming the wait, not hang. PostgreSQL only: PGlite has one connection and no lock waits.
 */
const at = (s: string) => new Date(`${s}+08:00`);
const LIMITS = { connectionWaitMs: 500, statementMs: 5_000, lockMs: 500, idleInTransactionMs: 5_000 };

let t: TestContext;
let limited: Db;
let app: FastifyInstance;
let url: string;
let article: number;
const tokens = new Map<string, string>();

async function as(user: string) {
  if (!tokens.has(user)) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user, password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    tokens.set(user, res.json().token);
  }
  return { authorization: `Bearer ${tokens.get(user)}` };
}
const post = async (user: string, path: string, payload: object) =>
  app.inject({ method: 'POST', url: path, payload, headers: await as(user) });

/** A notice linked to an article changed and published after its receipt: ready to complete. */
async function readyNotice(): Promise<number> {
  await as('editor');
  const res = await post('office', '/api/kb/notices', {
    receivedAt: '2026-03-10T08:00:00+08:00',
    source: '市医疗保障局',
    title: '医保缴费标准调整',
    requiredChange: '400元',
    articleIds: [article],
  });
  expect(res.statusCode, res.body).toBe(201);
  await t.db.orm
    .insert(kbArticleVersions)
    .values({
      articleId: article,
      version: 2,
      snapshot: { status: 'published' },
      changedAt: at('2026-03-10T09:00:00'),
    })
    .onConflictDoNothing();
  return res.json().id;
}

/** Runs `fn` while another session holds `lockSql`'s row locks in an open transaction. */
async function whileLocked<T>(lockSql: string, fn: () => Promise<T>): Promise<T> {
  const holder = new pg.Client({ connectionString: url });
  await holder.connect();
  try {
    await holder.query('begin');
    await holder.query(lockSql);
    return await fn();
  } finally {
    await holder.query('rollback').catch(() => undefined);
    await holder.end();
  }
}

describe.skipIf(!process.env.DATABASE_URL)('a notice completion never hangs on PostgreSQL', () => {
  beforeAll(async () => {
    t = await createTestContext('2026-03-10T12:00:00+08:00');
    url = t.db.pool!.options.connectionString!;
    limited = await openPostgres(url, 3, LIMITS);
    app = await buildApp({ db: limited, clock: t.clock, sessionHours: 24 });
    await t.addUser('editor', 'kb_editor');
    await t.addUser('office', 'office');
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
  });
  afterAll(async () => {
    await app?.close();
    await limited?.close();
    await t?.close();
  });

  it('answers 503 when the audit trail stays locked, and completes once it is free', async () => {
    const id = await readyNotice();
    const started = Date.now();
    // Audit rows take no chain lock since issue 18 (the chainer links them later): lock the table itself.
    const stuck = await whileLocked('lock table audit_log in share mode', () =>
      post('editor', `/api/kb/notices/${id}/complete`, {}),
    );
    expect(stuck.statusCode, stuck.body).toBe(503);
    expect(stuck.json().error.code).toBe('database_busy');
    expect(stuck.json().error.message).toContain('lock_timeout');
    expect(stuck.headers['retry-after']).toBe('5');
    expect(Date.now() - started).toBeLessThan(4_000);
    // Rolled back: the notice is still open and completes normally now.
    const done = await post('editor', `/api/kb/notices/${id}/complete`, {});
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('done');
  });

  it('answers 503 when the notice row is held by another transaction', async () => {
    const id = await readyNotice();
    const res = await whileLocked(`select * from kb_notices where id = ${id} for update`, () =>
      post('editor', `/api/kb/notices/${id}/complete`, {}),
    );
    expect(res.statusCode, res.body).toBe(503);
  });

  it('answers 503 when no pool connection frees up in time', async () => {
    const id = await readyNotice();
    await as('editor');
    const held = await Promise.all([1, 2, 3].map(() => limited.pool!.connect()));
    try {
      const res = await post('editor', `/api/kb/notices/${id}/complete`, {});
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json().error.message).toContain('pool wait');
    } finally {
      for (const c of held) c.release();
    }
    expect((await post('editor', `/api/kb/notices/${id}/complete`, {})).statusCode).toBe(200);
  });
});
