/**
 * Each indicator of the year's assessment timed alone (issue 18), on a kept growth database:
 *   ASSESS_DB=postgres://…/hotline_bench_growth_XXXX npx tsx bench/assessment-indicators.ts
 * The records mode (what the drill-down measures), the counts mode where this tree has one (what the answer
 * measures), and the whole answer — medians of 3, milliseconds. Reads only; applies no migrations.
 */
import { openPostgres } from '../src/db/client.ts';
import * as assessment from '../src/modules/contracts/assessment.ts';
import { getContract, readingsOf } from '../src/modules/contracts/contracts-service.ts';
import { assessmentAnswer, resolveAsOf } from '../src/modules/contracts/index.ts';
import { parsePeriod } from '../src/modules/contracts/periods.ts';
import { clipTo } from '../src/modules/contracts/as-of.ts';

const url = process.env.ASSESS_DB;
if (!url) throw new Error('ASSESS_DB=<postgres url> of a kept growth database');
const now = new Date('2026-11-01T02:00:00Z'); // growth.ts's clock
const db = await openPostgres(url, 4);
const median3 = async (f: () => Promise<unknown>) => {
  const ms: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return ms.sort((a, b) => a - b)[1]!.toFixed(0);
};
try {
  const asOf = resolveAsOf(undefined, now);
  const c = await getContract(db.orm, 'luohe-2025');
  const readings = await readingsOf(db.orm, 'luohe-2025');
  const p = parsePeriod('term', c, readings);
  const period = { ...p, to: clipTo(p.to, asOf) };
  const counts = (assessment as Record<string, unknown>).assessIndicatorCounts as
    typeof assessment.assessIndicator | undefined;
  for (const ind of c.indicators) {
    const records = await median3(() =>
      assessment.assessIndicator(db.orm, ind, period, c, readings, now, new Map()),
    );
    const counted = counts
      ? await median3(() => counts(db.orm, ind, period, c, readings, now, new Map()))
      : '-';
    console.log(`${ind.id}: records ${records} ms, counts ${counted} ms`);
  }
  console.log(
    `answer (service): ${await median3(() => assessmentAnswer(db.orm, 'luohe-2025', 'term', asOf))} ms`,
  );
} finally {
  await db.close();
}
