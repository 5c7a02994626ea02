import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar, setOverride } from '../calendar/service.ts';
import { type Db, openPostgres } from '../db/client.ts';
import { listDepartments } from '../modules/directory/index.ts';
import { createTestDb } from './test-db.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { cached, enableCaches } from '../platform/cache.ts';
import { readSetting, readSettingsOf, writeSetting, settingDefinitions } from '../platform/settings.ts';
import '../modules/orders/index.ts';

/**
 * The in-process caches answer from memory until a write anywhere (through a service, or straight SQL caught by
 * the tables' triggers) announces the change; on a PostgreSQL server (DATABASE_URL) a second process — here a
 * second pool with its own listener — sees the change too.
 */
let db: Db;
let stop: () => Promise<void>;
const now = new Date('2025-03-03T02:00:00Z');
const until = async (cond: () => Promise<boolean>) => {
  for (let i = 0; i < 200; i++) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
};

beforeAll(async () => {
  db = await createTestDb();
  stop = await enableCaches(db);
}, 300_000);
afterAll(async () => {
  await stop?.();
  await db?.close();
});

describe('in-process caches', () => {
  it('shares one load between readers and keeps it until invalidated', async () => {
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cached(db.orm, 't:x', load), cached(db.orm, 't:x', load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cached(db.orm, 't:x', load)).toBe(1);
    await db.orm.execute(sql`select pg_notify('hotline_cache', 't')`);
    expect(await until(async () => (await cached(db.orm, 't:x', load)) === 2)).toBe(true);
  });

  it('sees a setting written through the service at once', async () => {
    const def = settingDefinitions().find((d) => d.key === 'orders.callbackMaxAttempts')!;
    expect(def).toBeDefined();
    const before = await readSetting(db.orm, def);
    await writeSetting(db.orm, SYSTEM_ACTOR, def.key, (before as number) + 1, now);
    expect(await readSetting(db.orm, def)).toBe((before as number) + 1);
  });

  it('parses settings read together once per load, and reads a written one afresh', async () => {
    const defs = settingDefinitions().filter((d) =>
      ['auth.passwordPolicy', 'orders.callbackMaxAttempts'].includes(d.key),
    );
    expect(defs).toHaveLength(2);
    // Stored, so it is parsed (a default is one object anyway).
    await writeSetting(db.orm, SYSTEM_ACTOR, 'auth.passwordPolicy', { maxAgeDays: 0, history: 5 }, now);
    const first = await readSettingsOf(db.orm, defs);
    const again = await readSettingsOf(db.orm, defs);
    // The same parsed values while the load stays cached (the object setting is not parsed anew)…
    expect(again['auth.passwordPolicy']).toBe(first['auth.passwordPolicy']);
    const attempts = first['orders.callbackMaxAttempts'] as number;
    await writeSetting(db.orm, SYSTEM_ACTOR, 'orders.callbackMaxAttempts', attempts + 1, now);
    // …and the written value at once after a write.
    expect((await readSettingsOf(db.orm, defs))['orders.callbackMaxAttempts']).toBe(attempts + 1);
  });

  it('drops a table cached in memory when plain SQL changes it (the table trigger notifies)', async () => {
    const before = await listDepartments(db.orm);
    await db.orm.execute(
      sql`insert into departments (code, name, short_name, created_at) values ('C1', '缓存测试局', '缓存', now())`,
    );
    expect(await until(async () => (await listDepartments(db.orm)).length === before.length + 1)).toBe(true);
  });

  it('reads a calendar override written through the service', async () => {
    const cal = await loadCalendar(db.orm);
    expect(cal.isWorkday('2025-03-08')).toBe(false);
    await setOverride(db.orm, SYSTEM_ACTOR, { day: '2025-03-08', isWorkday: true, name: '调休' }, now);
    expect((await loadCalendar(db.orm)).isWorkday('2025-03-08')).toBe(true);
  });

  it.runIf(process.env.DATABASE_URL)('keeps a second process consistent through LISTEN/NOTIFY', async () => {
    const other = await openPostgres((db.pool!.options as { connectionString: string }).connectionString, 2);
    const stopOther = await enableCaches(other);
    try {
      const def = settingDefinitions().find((d) => d.key === 'orders.callbackMaxAttempts')!;
      const seen = (await readSetting(other.orm, def)) as number;
      expect(await readSetting(other.orm, def)).toBe(seen); // now cached in the other process
      await writeSetting(db.orm, SYSTEM_ACTOR, def.key, seen + 1, now);
      expect(await until(async () => (await readSetting(other.orm, def)) === seen + 1)).toBe(true);
    } finally {
      await stopOther();
      await other.close();
    }
  });
});
