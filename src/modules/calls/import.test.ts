import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { createTestDb } from '../../testing/test-db.ts';
import { SYSTEM_ACTOR } from '../../platform/actor.ts';
import { sql } from 'drizzle-orm';
import { queueLog } from './call-log-fixtures.ts';
import { importCallLog } from './import-service.ts';
import { openNumber } from './personal-data.ts';

/** The streaming import through COPY and a staging table (issue 18), on PGlite or the server (DATABASE_URL). */
let db: Db;
const now = new Date('2025-03-05T04:00:00Z');

beforeAll(async () => {
  db = await createTestDb();
}, 300_000);
afterAll(() => db?.close());

const HEADER =
  'call_id,caller_number,queue,offered_at,answered_at,agent,ended_at,abandoned_at,abandon_reason,ivr_rating,order_numbers\n';

function csv(n: number, prefix = ''): string {
  let out = HEADER;
  for (let i = 0; i < n; i++) {
    const t = new Date(Date.parse('2025-03-04T01:00:00Z') + i * 1000).toISOString();
    const t2 = new Date(Date.parse('2025-03-04T01:00:00Z') + i * 1000 + 20_000).toISOString();
    out +=
      i % 10 === 9
        ? `${prefix}m${i},1390000${String(i).padStart(4, '0')},12345,${t},,,,${t2},caller_hangup,,\n`
        : `${prefix}g${i},1380000${String(i).padStart(4, '0')},12345,${t},${t2},"10\\0${i % 3}\tx",${t2},,,${i % 5 === 0 ? 5 : ''},"2025030400${String(i).padStart(3, '0')};A""B\\C"\n`;
  }
  return out;
}

const run = (text: string) =>
  importCallLog(db.orm, SYSTEM_ACTOR, 'generic', Readable.from([text]), {
    now,
    callbackDueHours: 24,
    onProgress: () => undefined,
  });

describe('call import by COPY', () => {
  it('writes every call in batches, with awkward characters intact, and opens callbacks for missed calls', async () => {
    const text = `${csv(25_000)}bad,line\n`;
    const r = await run(text);
    expect(r).toMatchObject({ calls: 25_000, imported: 25_000, alreadyPresent: 0, rejected: 1 });
    const [row] = await queryRows<{ agent: string; order_numbers: string[]; ivr_rating: number | null }>(
      db.orm,
      sql`select agent, order_numbers, ivr_rating from calls where call_id = 'g5'`,
    );
    expect(row).toMatchObject({
      agent: '10\\02\tx',
      order_numbers: ['2025030400005', 'A"B\\C'],
      ivr_rating: 5,
    });
    const callbacks = await queryRows<{ n: string; caller_number: string }>(
      db.orm,
      sql`select count(*)::int as n, min(caller_number) as caller_number from call_callbacks`,
    );
    expect(Number(callbacks[0]!.n)).toBe(2_500);
    expect(openNumber(callbacks[0]!.caller_number, 'call_callbacks')).toMatch(/^1390000\d{4,5}$/);
  }, 300_000);

  it('adds nothing on a second run and counts the calls already present', async () => {
    const r = await run(csv(25_000));
    expect(r).toMatchObject({ calls: 25_000, imported: 0, alreadyPresent: 25_000 });
    const [n] = await queryRows<{ n: number }>(db.orm, sql`select count(*)::int as n from calls`);
    expect(Number(n!.n)).toBe(25_000);
  }, 300_000);

  it('adds only the new calls of a file overlapping an earlier one, with their callbacks once', async () => {
    // The first batch is all present (merged through the stage), the last two are new (copied straight in).
    const r = await run(csv(32_000));
    expect(r).toMatchObject({ calls: 32_000, imported: 7_000, alreadyPresent: 25_000 });
    const [c] = await queryRows<{ calls: number; callbacks: number; sealed: string }>(
      db.orm,
      sql`select (select count(*)::int from calls) as calls, (select count(*)::int from call_callbacks) as callbacks,
            (select cb.caller_number from call_callbacks cb join calls c on c.id = cb.call_pk where c.call_id = 'm31999') as sealed`,
    );
    expect(c).toMatchObject({ calls: 32_000, callbacks: 3_200 });
    expect(openNumber(c!.sealed, 'call_callbacks')).toBe('139000031999');
  }, 300_000);
});

describe('parsing in worker threads (issue 18)', () => {
  const importWith = (format: 'generic' | 'asterisk-queue-log', text: string, workers: number) =>
    importCallLog(db.orm, SYSTEM_ACTOR, format, Readable.from([text]), {
      now,
      callbackDueHours: 24,
      workers,
    });

  it('gives a generic file cut into segments the counts and line numbers of a parse on one thread', async () => {
    // Over two segments of 1 MiB: bad lines in the first and in the last, a blank line, a JSON-looking line.
    const withBad = (prefix: string) => {
      const lines = csv(12_000, prefix).split('\n');
      lines.splice(3, 0, 'bad,line');
      lines.splice(11_000, 0, '', `${prefix}x,1,2`, '{"callId": 1}');
      return lines.join('\n');
    };
    const here = await importWith('generic', withBad('h'), 0);
    const split = await importWith('generic', withBad('w'), 2);
    expect(split.rejections).toEqual(here.rejections);
    expect(split.rejections.map((r) => r.line)).toEqual([4, 11_002, 11_003]);
    const counts = (r: typeof here) => [r.read, r.calls, r.imported, r.alreadyPresent, r.rejected, r.skipped];
    expect(counts(split)).toEqual(counts(here));
    expect(split).toMatchObject({ calls: 12_000, imported: 12_000, rejected: 3 });
    const [c] = await queryRows<{ calls: number; callbacks: number; sealed: string }>(
      db.orm,
      sql`select (select count(*)::int from calls where call_id like 'w%') as calls,
            (select count(*)::int from call_callbacks cb join calls c on c.id = cb.call_pk where c.call_id like 'w%') as callbacks,
            (select caller_number from calls where call_id = 'wg11998') as sealed`,
    );
    expect(c).toMatchObject({ calls: 12_000, callbacks: 1_200 });
    expect(openNumber(c!.sealed, 'calls')).toBe('138000011998');
  }, 300_000);

  it('streams a queue_log through one worker with the counts of a parse on one thread, and adds nothing again', async () => {
    const here = await importWith('asterisk-queue-log', queueLog(12_000, 'h', 7000), 0);
    const worker = await importWith('asterisk-queue-log', queueLog(12_000, 'w', 7000), 1);
    const { importId: _a, ...a } = here;
    const { importId: _b, ...b } = worker;
    expect(b).toEqual(a);
    expect(worker).toMatchObject({ calls: 12_000, imported: 12_000 });
    expect(worker.rejections.map((r) => r.line)).toEqual([here.rejections[0]!.line]);
    const again = await importWith('asterisk-queue-log', queueLog(12_000, 'w', 7000), 1);
    expect(again).toMatchObject({ calls: 12_000, imported: 0, alreadyPresent: 12_000 });
  }, 300_000);
});
