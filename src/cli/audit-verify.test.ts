import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type Db, openPglite, openPostgres } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { queryRows } from '../db/rows.ts';
import { createUser } from '../modules/directory/index.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { fixedClock } from '../platform/clock.ts';
import { installKeyring, keyringOf, type KeyFile } from '../platform/keyring.ts';

/**
 * `hotline audit verify --json` as an auditor runs it, in its own process, on the database the application
 * wrote through HTTP: the embedded PGlite in a data directory, or (DATABASE_URL) a fresh database on that
 * PostgreSQL server. Rows are then edited and deleted behind the application's back with plain SQL.
 */
const run = promisify(execFile);
const BIN = path.resolve('bin/hotline.mjs');
const KEY: KeyFile = {
  version: 1,
  current: 'k1',
  keys: { k1: randomBytes(32).toString('base64') },
  index: randomBytes(32).toString('base64'),
};
const server = process.env.DATABASE_URL;
let dataDir: string;
let url: string | undefined;
let dbName: string | undefined;

/** The database, opened for one step and closed again (PGlite admits one process at a time). */
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = url ? await openPostgres(url, 2) : await openPglite(path.join(dataDir, 'pg'));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

async function verifyCli() {
  const env = {
    ...process.env,
    HOTLINE_DATA_DIR: dataDir,
    DATABASE_URL: url ?? '',
    HOTLINE_DATA_KEY: JSON.stringify(KEY),
  };
  let code = 0;
  let stdout: string;
  try {
    ({ stdout } = await run(process.execPath, [BIN, 'audit', 'verify', '--json'], { env }));
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    if (!e.stdout) throw new Error(e.stderr, { cause: err });
    ({ code, stdout } = e);
  }
  const json = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    ok: boolean;
    entries: number;
    firstBroken: { id: number; reason: string } | null;
  };
  return { code, ...json };
}

const auditIds = () =>
  withDb(async (db) =>
    (
      await queryRows<{ id: string | number; action: string }>(
        db.orm,
        sql`select id, action from audit_log order by id`,
      )
    ).map((r) => ({ id: Number(r.id), action: r.action })),
  );

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-audit-verify-'));
  if (server) {
    dbName = `hotline_test_audit_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(server);
    u.pathname = `/${dbName}`;
    url = u.toString();
  }
  installKeyring(keyringOf(KEY));
  await withDb(async (db) => {
    await migrateDatabase(db);
    const clock = fixedClock('2025-03-03T10:00:00+08:00');
    const app = await buildApp({ db, clock, webConsole: false });
    try {
      for (const [username, role] of [
        ['agent1', 'agent'],
        ['office1', 'office'],
      ] as const)
        await createUser(db.orm, SYSTEM_ACTOR, { username, password: 'Test-pass-1234', role }, clock.now());
      const login = async (username: string) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: 'Test-pass-1234' },
        });
        return { authorization: `Bearer ${res.json().token as string}`, 'user-agent': 'verify-test/1' };
      };
      const agent = await login('agent1');
      const office = await login('office1');
      for (const phone of ['13900001111', '13900002222', '13900003333']) {
        const created = await app.inject({
          method: 'POST',
          url: '/api/orders',
          headers: agent,
          payload: {
            channel: 'phone',
            type: 'complaint',
            content: '小区门口路灯不亮',
            caller: { name: '钱女士', phone },
          },
        });
        expect(created.statusCode, created.body).toBe(201);
        const id = (created.json().order ?? created.json()).id as number;
        expect((await app.inject({ url: `/api/orders/${id}`, headers: office })).statusCode).toBe(200);
      }
    } finally {
      await app.close();
    }
  });
}, 120_000);

afterAll(async () => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (dbName && server) {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
});

describe(`hotline audit verify --json on ${server ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('passes the chain the application wrote, names the hand-edited row, then the row after a deleted one', async () => {
    const rows = await auditIds();
    expect(rows.filter((r) => r.action === 'view_personal_data').length, JSON.stringify(rows)).toBe(3);
    const intact = await verifyCli();
    expect(intact).toMatchObject({ code: 0, ok: true, firstBroken: null });
    expect(intact.entries).toBeGreaterThanOrEqual(rows.length);

    // An insider edits the record of a read of personal data: the actor's role and the time.
    const edited = rows.filter((r) => r.action === 'view_personal_data')[1]!;
    const original = await withDb(async (db) => {
      const [o] = await queryRows<{ actor_role: string }>(
        db.orm,
        sql`select actor_role from audit_log where id = ${edited.id}`,
      );
      await db.orm.execute(sql`update audit_log set actor_role = 'agent' where id = ${edited.id}`);
      return o!;
    });
    const afterEdit = await verifyCli();
    expect(afterEdit).toMatchObject({
      code: 1,
      ok: false,
      firstBroken: { id: edited.id, reason: 'edited' },
    });
    expect(afterEdit.entries).toBe(rows.findIndex((r) => r.id === edited.id));

    // Put back exactly, and the chain is whole again up to a row deleted further on.
    const later = rows.at(-2)!;
    const next = rows.at(-1)!;
    await withDb(async (db) => {
      await db.orm.execute(
        sql`update audit_log set actor_role = ${original.actor_role} where id = ${edited.id}`,
      );
      await db.orm.execute(sql`delete from audit_log where id = ${later.id}`);
    });
    const afterDelete = await verifyCli();
    expect(afterDelete).toMatchObject({
      code: 1,
      ok: false,
      firstBroken: { id: next.id, reason: 'deleted_before' },
    });
  }, 180_000);
});
