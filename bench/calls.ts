import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostgres } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { callMetrics, importCallLog, readCallSettings } from '../src/modules/calls/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import { createRandom } from '../src/platform/random.ts';
import { createBenchDatabase } from './support.ts';
import { parseCallLog } from '../src/modules/calls/parsers/index.ts';
import { copyLine } from '../src/modules/calls/import-batch.ts';
import { sealNumber } from '../src/modules/calls/personal-data.ts';
import { copyText, withCopySession } from '../src/db/copy.ts';
import type { Database } from '../src/db/client.ts';

/**
 * The ceiling: the same rows, parsed and sealed beforehand (not timed), by plain COPY into a copy of the calls
 * table with the same indexes. Answers rows per second of the COPY statements alone.
 */
async function rawCopy(orm: Database, csv: string): Promise<{ rows: number; seconds: number }> {
  const parsed = parseCallLog('generic', fs.createReadStream(csv));
  let rows = 0;
  let seconds = 0;
  await withCopySession(orm, async (s) => {
    await s.query('drop table if exists calls_copy');
    await s.query('create table calls_copy (like calls including all)');
    let lines: string[] = [];
    const copy = async () => {
      const text = `${lines.join('\n')}\n`;
      lines = [];
      const t0 = performance.now();
      rows += await s.copyIn(
        'calls_copy (source, call_id, caller_number, queue, offered_at, answered_at, agent, ended_at, abandoned_at, abandon_reason, ivr_rating, order_numbers, import_id, created_at)',
        text,
      );
      seconds += (performance.now() - t0) / 1000;
    };
    const now = new Date().toISOString();
    for await (const item of parsed.items) {
      if (item.kind !== 'record') continue;
      // The import's own line (sealed number included), plus the two columns the import fills itself.
      lines.push(
        `${copyLine(item.record, sealNumber(item.record.callerNumber, 'calls'))}\t${[null, now].map(copyText).join('\t')}`,
      );
      if (lines.length >= 100_000) await copy();
    }
    if (lines.length) await copy();
    await s.query('drop table calls_copy');
  });
  return { rows, seconds };
}

const YEAR_START = Date.parse('2025-11-01T00:00:00+08:00');
const YEAR_MS = 365 * 86_400_000;

/** A generic CSV of `n` calls spread over a year (deterministic). */
function writeGenericCsv(file: string, n: number) {
  const rnd = createRandom(1);
  const out = fs.openSync(file, 'w');
  let chunk =
    'call_id,caller_number,queue,offered_at,answered_at,agent,ended_at,abandoned_at,abandon_reason,ivr_rating\n';
  for (let i = 0; i < n; i++) {
    const offered = YEAR_START + Math.floor((i / n) * YEAR_MS);
    const wait = Math.floor(rnd.next() * 40);
    const answered = rnd.chance(0.96);
    const iso = (ms: number) => new Date(ms).toISOString();
    chunk += answered
      ? `g${i},138${String(i % 1e8).padStart(8, '0')},12345,${iso(offered)},${iso(offered + wait * 1000)},${1001 + (i % 45)},${iso(offered + (wait + 240) * 1000)},,,${i % 3 ? '' : 5}\n`
      : `g${i},139${String(i % 1e8).padStart(8, '0')},12345,${iso(offered)},,,,${iso(offered + wait * 1000)},caller_hangup,\n`;
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

/** An Asterisk queue_log of `n` calls (ENTERQUEUE, CONNECT or ABANDON, COMPLETE…): about 3 lines a call. */
function writeQueueLog(file: string, n: number) {
  const rnd = createRandom(2);
  const out = fs.openSync(file, 'w');
  let chunk = '';
  for (let i = 0; i < n; i++) {
    const t = Math.floor((YEAR_START + Math.floor((i / n) * YEAR_MS)) / 1000);
    const id = `1741${String(i).padStart(8, '0')}.${i % 1000}`;
    const wait = Math.floor(rnd.next() * 40);
    chunk += `${t}|${id}|hotline|NONE|ENTERQUEUE||139${String(i % 1e8).padStart(8, '0')}|1\n`;
    if (rnd.chance(0.96)) {
      const agent = `Local/${1001 + (i % 45)}@agents`;
      chunk += `${t + wait}|${id}|hotline|${agent}|CONNECT|${wait}|${id}b|3\n`;
      chunk += `${t + wait + 240}|${id}|hotline|${agent}|COMPLETECALLER|${wait}|240|1\n`;
    } else {
      chunk += `${t + wait}|${id}|hotline|NONE|ABANDON|1|1|${wait}\n`;
    }
    if (chunk.length > 1 << 20) {
      fs.writeSync(out, chunk);
      chunk = '';
    }
  }
  fs.writeSync(out, chunk);
  fs.closeSync(out);
}

export async function benchCalls(calls = Number(process.env.BENCH_CALLS ?? 1_000_000)) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-bench-calls-'));
  const database = await createBenchDatabase('hotline_bench_calls');
  try {
    const csv = path.join(dir, 'calls.csv');
    const log = path.join(dir, 'queue_log');
    writeGenericCsv(csv, calls);
    writeQueueLog(log, Math.round(calls / 3));
    const db = await openPostgres(database.url, 4);
    await migrateDatabase(db);
    const timed = async <T>(fn: () => Promise<T>) => {
      const t0 = performance.now();
      const r = await fn();
      return { r, seconds: (performance.now() - t0) / 1000 };
    };
    const { callbackDueHours } = await readCallSettings(db.orm);
    const memory: number[] = [];
    const sample = setInterval(() => memory.push(process.memoryUsage().rss), 500);
    const generic = await timed(() =>
      importCallLog(db.orm, SYSTEM_ACTOR, 'generic', fs.createReadStream(csv), {
        now: new Date(),
        callbackDueHours,
        // BENCH_IMPORT_WORKERS=n: worker threads (0: all on the importing thread), to compare.
        workers: process.env.BENCH_IMPORT_WORKERS ? Number(process.env.BENCH_IMPORT_WORKERS) : undefined,
      }),
    );
    const asterisk = await timed(() =>
      importCallLog(db.orm, SYSTEM_ACTOR, 'asterisk-queue-log', fs.createReadStream(log), {
        now: new Date(),
        callbackDueHours,
      }),
    );
    clearInterval(sample);
    const copy = await rawCopy(db.orm, csv);
    // BENCH_CALLS_QUICK: only the imports and the ratio to COPY (before/after comparisons on a shared machine).
    const quick = Boolean(process.env.BENCH_CALLS_QUICK);
    const skipped = { r: { alreadyPresent: NaN }, seconds: NaN };
    const again = quick
      ? skipped
      : await timed(() =>
          importCallLog(db.orm, SYSTEM_ACTOR, 'generic', fs.createReadStream(csv), {
            now: new Date(),
            callbackDueHours,
          }),
        );
    const from = new Date(YEAR_START);
    const to = new Date(YEAR_START + YEAR_MS);
    await db.orm.execute('analyze calls' as never);
    const callSettings = await readCallSettings(db.orm);
    const noMetrics = { r: { intervals: [], totals: { offered: NaN } }, seconds: NaN };
    const metrics = quick
      ? noMetrics
      : await timed(() => callMetrics(db.orm, from, to, 'interval', callSettings));
    const metricsDay = quick
      ? noMetrics
      : await timed(() => callMetrics(db.orm, from, to, 'day', callSettings));
    await db.close();
    return {
      genericRows: generic.r.read - 1,
      genericSeconds: generic.seconds,
      genericPerSecond: (generic.r.read - 1) / generic.seconds,
      rawCopyPerSecond: copy.rows / copy.seconds,
      importShareOfCopy: (generic.r.read - 1) / generic.seconds / (copy.rows / copy.seconds),
      asteriskLines: asterisk.r.read,
      asteriskCalls: asterisk.r.calls,
      asteriskSeconds: asterisk.seconds,
      asteriskLinesPerSecond: asterisk.r.read / asterisk.seconds,
      reimportSeconds: again.seconds,
      reimportAlreadyPresent: again.r.alreadyPresent,
      peakRssMiB: Math.max(...memory) / 1024 / 1024,
      metricsIntervalSeconds: metrics.seconds,
      metricsIntervalBuckets: metrics.r.intervals.length,
      metricsDaySeconds: metricsDay.seconds,
      yearOffered: metrics.r.totals.offered,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
}

// `npx tsx bench/calls.ts` runs this bench alone (BENCH_CALLS rows, default 1,000,000).
if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchCalls());
