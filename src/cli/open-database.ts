import fs from 'node:fs';
import path from 'node:path';
import type { Settings } from '../config.ts';
import { type Db, NO_LIMITS, openPglite, openPostgres } from '../db/client.ts';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { chainPendingAuditRows } from '../platform/audit.ts';
import { installKeyring, loadKeyring } from '../platform/keyring.ts';

/**
 * Opens the configured database and brings its schema up to date: the PostgreSQL server when DATABASE_URL is
 * set, else the embedded PGlite in the data directory, which this process then holds exclusively.
 */
export async function openDatabase(settings: Settings, command: string): Promise<Db> {
  let db: Db;
  if (settings.databaseUrl) {
    // Only the server limits its waits: a CLI command (an import, the demo build, a report, a key rotation) is
    // long legitimate work with nobody waiting on an answer, and a stuck one can be interrupted.
    db = await openPostgres(settings.databaseUrl, 10, command === 'serve' ? settings.dbLimits : NO_LIMITS);
  } else {
    const release = lockDataDir(settings.dataDir, command);
    const pglite = await openPglite(path.join(settings.dataDir, 'pg'));
    db = { ...pglite, close: async () => (await pglite.close(), release()) };
  }
  await migrateDatabase(db);
  const ring = loadKeyring({ inline: settings.dataKey, file: settings.dataKeyFile }, (file) =>
    console.error(`generated the data key file ${file}: keep it apart from the data and back it up`),
  );
  installKeyring(ring);
  // Audit rows not linked into the chain yet (left by a process that stopped, or written before the chain and
  // before encryption at rest) join it now.
  await chainPendingAuditRows(db.orm);
  const { resealPersonalData } = await import('./reseal-personal-data.ts');
  await resealPersonalData(db.orm, ring, 'plain');
  // The repository's contract files (contracts/*.json) are loaded as they change: a new file is a new contract.
  const { syncRepositoryContracts } = await import('../modules/contracts/index.ts');
  await syncRepositoryContracts(db.orm, new Date());
  return db;
}

/**
 * For read-only helpers (the calendar commands) that can answer without the database: the database if it
 * exists and is free, else null with the reason, so the caller can say what it could not read.
 */
export async function openDatabaseIfAvailable(
  settings: Settings,
  command: string,
): Promise<{ db: Db | null; why?: string }> {
  if (!settings.databaseUrl && !fs.existsSync(path.join(settings.dataDir, 'pg', 'PG_VERSION'))) {
    return { db: null, why: `no database in ${settings.dataDir}` };
  }
  try {
    return { db: await openDatabase(settings, command) };
  } catch (err) {
    if (err instanceof DataDirLockedError) return { db: null, why: err.message };
    throw err;
  }
}

/** Runs `fn` with the database open and closes it afterwards, whatever happens. */
export async function withDatabase<T>(
  settings: Settings,
  command: string,
  fn: (db: Db) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(settings, command);
  try {
    return await fn(db);
  } finally {
    // The audit rows the command wrote leave linked (a server would link them too, PGlite has none meanwhile).
    await chainPendingAuditRows(db.orm).catch((err: unknown) => console.error('audit chainer failed:', err));
    await db.close();
  }
}
