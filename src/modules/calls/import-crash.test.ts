import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { createTestContext, type TestContext } from '../../testing/test-app.ts';
import { queueLog } from './call-log-fixtures.ts';
import { importCallLog } from './import-service.ts';
import { importWorkerTestHooks } from './import-pool.ts';

/**
 * A worker thread dying mid-import (issue 18; docs/next-steps.md): the import fails at once with a clear error,
 * what was written is whole batches only, a re-run of the same file adds exactly what is missing, and the next
 * import starts workers of its own and succeeds. The crash is forced by the pool's test-only hook.
 */
let ctx: TestContext;
const now = new Date('2025-03-05T04:00:00Z');

beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.addUser('office1', 'office');
}, 300_000);
afterAll(() => ctx?.close());
afterEach(() => {
  importWorkerTestHooks.crashAfterParts = undefined;
});

const HEADER =
  'call_id,caller_number,queue,offered_at,answered_at,agent,ended_at,abandoned_at,abandon_reason,ivr_rating,order_numbers\n';

/** `n` calls, every tenth missed (a callback owed), ids starting with `prefix`: about 75 bytes a line. */
function csv(n: number, prefix: string): string {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.parse('2025-03-04T01:00:00Z') + i * 1000).toISOString();
    const t2 = new Date(Date.parse('2025-03-04T01:00:00Z') + i * 1000 + 20_000).toISOString();
    lines.push(
      i % 10 === 9
        ? `${prefix}m${i},1390000${String(i).padStart(5, '0')},12345,${t},,,,${t2},caller_hangup,,\n`
        : `${prefix}g${i},1380000${String(i).padStart(5, '0')},12345,${t},${t2},1001,${t2},,,,\n`,
    );
  }
  return lines.join('');
}

/** The text as a stream of 64 KiB chunks, as a file or an upload comes (one chunk would be one segment). */
function chunked(text: string): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 65_536) chunks.push(bytes.subarray(at, at + 65_536));
  return Readable.from(chunks);
}

const importWith = (format: 'generic' | 'asterisk-queue-log', text: string, workers: number) =>
  importCallLog(ctx.db.orm, SYSTEM_ACTOR, format, chunked(text), { now, callbackDueHours: 24, workers });

/**
 * Calls and callbacks whose call id starts with `prefix`, the missed calls among them with a number (each owed
 * one callback), and how many keys appear more than once.
 */
async function stored(prefix: string) {
  const [r] = await queryRows<{ calls: number; missed: number; callbacks: number; twice: number }>(
    ctx.db.orm,
    sql`select (select count(*)::int from calls where call_id like ${`${prefix}%`}) as calls,
          (select count(*)::int from calls where call_id like ${`${prefix}%`} and abandoned_at is not null
            and caller_number is not null) as missed,
          (select count(*)::int from call_callbacks cb join calls c on c.id = cb.call_pk
            where c.call_id like ${`${prefix}%`}) as callbacks,
          (select count(*)::int from (select 1 from calls where call_id like ${`${prefix}%`}
            group by source, call_id having count(*) > 1) d) as twice`,
  );
  return {
    calls: Number(r!.calls),
    missed: Number(r!.missed),
    callbacks: Number(r!.callbacks),
    twice: Number(r!.twice),
  };
}

async function importRow(id: number) {
  const [row] = await queryRows<{ finished_at: Date | null; imported: number }>(
    ctx.db.orm,
    sql`select finished_at, imported from call_imports where id = ${id}`,
  );
  return row!;
}

/** The error a promise fails with (the test fails if it does not). */
async function failure(p: Promise<unknown>): Promise<AppError> {
  const outcome = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(AppError);
  return outcome as AppError;
}

describe('a call import worker crashing mid-import', () => {
  it('fails a segmented import with call_import_interrupted; a re-run adds exactly the missing calls', async () => {
    const text = csv(40_000, 'seg'); // about 4 MiB: four segments of 1 MiB, two for each worker
    importWorkerTestHooks.crashAfterParts = 1;
    const err = await failure(importWith('generic', text, 2));
    expect(err).toMatchObject({ code: 'call_import_interrupted', status: 503 });
    expect(err.message).toMatch(/exit code 1/);
    const partial = await stored('seg');
    // Whole batches only (a segment is one batch): each of the two workers sent one part before dying, and only
    // parts in input order are written, so at most those two.
    expect(partial.calls).toBeGreaterThan(0);
    expect(partial.calls).toBeLessThan(40_000);
    expect(partial.callbacks).toBe(partial.missed);
    const { importId, imported } = err.details as { importId: number; imported: number };
    expect(imported).toBe(partial.calls);
    expect(await importRow(importId)).toMatchObject({ finished_at: null, imported: partial.calls });

    importWorkerTestHooks.crashAfterParts = undefined;
    const again = await importWith('generic', text, 2);
    expect(again).toMatchObject({
      calls: 40_000,
      imported: 40_000 - partial.calls,
      alreadyPresent: partial.calls,
      rejected: 0,
    });
    expect(await stored('seg')).toEqual({ calls: 40_000, missed: 4_000, callbacks: 4_000, twice: 0 });
    expect((await importRow(again.importId)).finished_at).not.toBeNull();
  }, 300_000);

  it('fails a streamed queue_log import the same way; the pool starts afresh for the next import', async () => {
    const text = queueLog(25_000, 'q'); // three parts of 10,000 records
    importWorkerTestHooks.crashAfterParts = 1;
    const err = await failure(importWith('asterisk-queue-log', text, 1));
    expect(err).toMatchObject({ code: 'call_import_interrupted', status: 503 });
    // The first part (10,000 calls) is written if it reached the writer before the crash did: whole or nothing.
    const partial = await stored('q');
    expect([0, 10_000]).toContain(partial.calls);
    expect(partial).toMatchObject({ callbacks: partial.missed, twice: 0 });

    importWorkerTestHooks.crashAfterParts = undefined;
    const again = await importWith('asterisk-queue-log', text, 1);
    expect(again).toMatchObject({
      calls: 25_000,
      imported: 25_000 - partial.calls,
      alreadyPresent: partial.calls,
    });
    expect(await stored('q')).toEqual({ calls: 25_000, missed: 2_500, callbacks: 2_500, twice: 0 });
    // The next file, a fresh one, through fresh workers.
    const next = await importWith('asterisk-queue-log', queueLog(12_000, 'n'), 1);
    expect(next).toMatchObject({ calls: 12_000, imported: 12_000 });
  }, 300_000);

  it('answers POST /api/calls/import with 503 call_import_interrupted, not an internal error', async () => {
    const headers = { ...(await ctx.as('office1')), 'content-type': 'text/csv' };
    const text = csv(40_000, 'http');
    importWorkerTestHooks.crashAfterParts = 0;
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/calls/import?format=generic',
      headers,
      payload: text,
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({ code: 'call_import_interrupted', imported: 0 });
    expect(res.json().error.messageZh).toContain('重新导入');
    expect((await stored('http')).calls).toBe(0);

    importWorkerTestHooks.crashAfterParts = undefined;
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/calls/import?format=generic',
      headers,
      payload: text,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ calls: 40_000, imported: 40_000 });
  }, 300_000);
});
