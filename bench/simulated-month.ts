import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { openPglite, openPostgres, type Db } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { writeSimulation } from '../src/simulation/write-simulation.ts';
import { createBenchDatabase } from './support.ts';

/** The benchmarks' `now`: early March, February's report period closed. */
export const BENCH_NOW = new Date('2026-03-10T12:00:00+08:00');

/**
 * A fresh database (embedded, or on the PostgreSQL server) holding February 2026 of the simulator's city with
 * about 50,000 calls and 5,000 orders; `run` gets it, and the database is removed after.
 */
export async function withSimulatedFebruary<T>(
  kind: 'pglite' | 'pg',
  name: string,
  run: (db: Db, sim: Awaited<ReturnType<typeof writeSimulation>>) => Promise<T>,
): Promise<T> {
  let db: Db;
  let drop: () => Promise<void>;
  if (kind === 'pg') {
    const b = await createBenchDatabase(name);
    db = await openPostgres(b.url);
    drop = b.drop;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
    db = await openPglite(dir);
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  try {
    await migrateDatabase(db);
    const sim = await writeSimulation(db, {
      from: new Date('2026-02-01T00:00:00+08:00'),
      to: new Date('2026-03-01T00:00:00+08:00'),
      agents: 45,
      seed: 21,
      now: BENCH_NOW,
      parameters: {
        traffic: { baseDailyCalls: 2370 },
        orders: { shareOfAnsweredCalls: 0.094 },
        online: { perDay: 25 },
      },
    });
    return await run(db, sim);
  } finally {
    await db.close();
    await drop();
  }
}
