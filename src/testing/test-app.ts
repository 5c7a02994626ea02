import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../app.ts';
import type { Db } from '../db/client.ts';
import { fixedClock } from '../platform/clock.ts';
import { SYSTEM_ACTOR, type Role } from '../platform/actor.ts';
import { createDepartment, createUser } from '../modules/directory/index.ts';
import { createTestDb } from './test-db.ts';

export const TEST_PASSWORD = 'Test-pass-1234';

export interface TestContext {
  db: Db;
  app: FastifyInstance;
  clock: ReturnType<typeof fixedClock>;
  /** Signs a user in and returns the Authorization header for them. */
  as(username: string): Promise<Record<string, string>>;
  addUser(username: string, role: Role, departmentId?: number): Promise<number>;
  addDepartment(code: string, name: string, shortName?: string): Promise<number>;
  close(): Promise<void>;
}

/** An app on a fresh database with a fixed clock; requests go through Fastify's inject (real HTTP semantics). */
export async function createTestContext(
  at = '2025-03-03T10:00:00+08:00',
  extra: Partial<AppDeps> = {},
): Promise<TestContext> {
  const db = await createTestDb();
  const clock = fixedClock(at);
  const app = await buildApp({ db, clock, sessionHours: 24 * 365, ...extra });
  const tokens = new Map<string, string>();
  return {
    db,
    app,
    clock,
    async as(username) {
      let token = tokens.get(username);
      if (!token) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: TEST_PASSWORD },
        });
        if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
        token = res.json().token as string;
        tokens.set(username, token);
      }
      return { authorization: `Bearer ${token}` };
    },
    async addUser(username, role, departmentId) {
      const row = await db.orm.transaction((tx) =>
        createUser(tx, SYSTEM_ACTOR, { username, password: TEST_PASSWORD, role, departmentId }, clock.now()),
      );
      return row.id;
    },
    async addDepartment(code, name, shortName = name) {
      const row = await db.orm.transaction((tx) =>
        createDepartment(tx, SYSTEM_ACTOR, { code, name, shortName, kind: 'municipal' }, clock.now()),
      );
      return row.id;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
