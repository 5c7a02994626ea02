import { syncRepositoryContracts } from '../src/modules/contracts/index.ts';
import { buildMonthlyReport, renderMonthly } from '../src/modules/reports/index.ts';
import { BENCH_NOW, withSimulatedFebruary } from './simulated-month.ts';

/**
 * The monthly analysis for a month of about 50,000 calls and 5,000 orders: the simulator's city with its
 * traffic scaled up and the share of calls registered as orders scaled down. `tsx bench/reports.ts [pglite|pg]`.
 */
export async function benchReports(kind: 'pglite' | 'pg') {
  return withSimulatedFebruary(kind, 'bench_reports', async (db, sim) => {
    const now = BENCH_NOW;
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
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchReports((process.argv[2] as 'pg' | 'pglite') ?? 'pglite')));
}
