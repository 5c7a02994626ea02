import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { openPglite, openPostgres, type Db } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { syncRepositoryContracts } from '../src/modules/contracts/index.ts';
import { buildMonthlyReport, renderMonthly } from '../src/modules/reports/index.ts';
import { writeSimulation } from '../src/simulation/write-simulation.ts';
import { createBenchDatabase } from './support.ts';

/**
 * The monthly analysis for a month of about 50,000 calls and 5,000 orders: the simulator's city with its
 * traffic scaled up and the share of calls registered as orders scaled down. `tsx bench/reports.ts [pglite|pg]`.
 */
export async function benchReports(kind: 'pglite' | 'pg') {
  let db: Db;
  let drop: () => Promise<void>;
  if (kind === 'pg') {
    const b = await createBenchDatabase('bench_reports');
    db = await openPostgres(b.url);
    drop = b.drop;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reports-'));
    db = await openPglite(dir);
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  try {
    await migrateDatabase(db);
    const now = new Date('2026-03-10T12:00:00+08:00');
    const sim = await writeSimulation(db, {
      from: new Date('2026-02-01T00:00:00+08:00'),
      to: new Date('2026-03-01T00:00:00+08:00'),
      agents: 45,
      seed: 21,
      now,
      parameters: {
        traffic: { baseDailyCalls: 2370 },
        orders: { shareOfAnsweredCalls: 0.094 },
        online: { perDay: 25 },
      },
    });
    await syncRepositoryContracts(db.orm, now);
    const t0 = performance.now();
    const report = await buildMonthlyReport(db.orm, '2026-02', { now });
    const t1 = performance.now();
    const times: Record<string, number> = {};
    const sizes: Record<string, number> = {};
    for (const f of ['docx', 'pdf', 'xlsx'] as const) {
      const s = performance.now();
      const files = await renderMonthly(report, [f]);
      times[f] = performance.now() - s;
      sizes[f] = files[f]!.length;
    }
    return {
      kind,
      calls: report.calls.totals.offered,
      orders: report.orders.total,
      simulatedSeconds: sim.seconds,
      modelMs: t1 - t0,
      times,
      sizes,
    };
  } finally {
    await db.close();
    await drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchReports((process.argv[2] as 'pg' | 'pglite') ?? 'pglite')));
}
