import { buildCircular } from '../src/modules/reports/index.ts';
import { buildScorecards, scorecardDetail } from '../src/modules/reports/scorecard-service.ts';
import { BENCH_NOW, withSimulatedFebruary } from './simulated-month.ts';

/**
 * 部门考评 for a month of about 5,000 orders (the simulator's city, as bench/reports.ts): every department's
 * scorecards with the replies scored, one department's detail with its drill-down, and the circular.
 * `tsx bench/scorecards.ts [pglite|pg]`.
 */
export async function benchScorecards(kind: 'pglite' | 'pg') {
  return withSimulatedFebruary(kind, 'bench_scorecards', async (db) => {
    const now = BENCH_NOW;
    const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
      const s = performance.now();
      const r = await f();
      return [r, Math.round(performance.now() - s)];
    };
    const [cards, allMs] = await time(() => buildScorecards(db.orm, '2026-02-01', '2026-03-01', now));
    const [, handlingOnlyMs] = await time(() =>
      buildScorecards(db.orm, '2026-02-01', '2026-03-01', now, { replyQuality: false }),
    );
    const busiest = [...cards.departments].sort((a, b) => b.received - a.received)[0]!;
    const [, detailMs] = await time(() =>
      scorecardDetail(db.orm, busiest.departmentId, '2026-02-01', '2026-03-01', now),
    );
    const [, circularMs] = await time(() => buildCircular(db.orm, '2026-02-01', '2026-03-01', now));
    const sum = (k: 'received' | 'repliesScored') => cards.departments.reduce((s, d) => s + d[k], 0);
    return {
      kind,
      departments: cards.departments.length,
      dispatches: sum('received'),
      repliesScored: sum('repliesScored'),
      allMs,
      handlingOnlyMs,
      detailMs: { department: busiest.name, received: busiest.received, ms: detailMs },
      circularMs,
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchScorecards((process.argv[2] as 'pg' | 'pglite') ?? 'pglite')));
}
