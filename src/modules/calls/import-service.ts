import { eq, sql } from 'drizzle-orm';
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import type { Database, DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor } from '../../platform/actor.ts';
import type { CallRecord, ImportFormat, RejectedLine } from './model.ts';
import { parseCallLog } from './parsers/index.ts';
import { openNumber, sealNumber } from './personal-data.ts';
import { activeKeyring } from '../../platform/keyring.ts';
import type { Keyring } from '../../platform/sm-crypto.ts';
import { callImports, calls } from './schema.ts';
import { type CopySession, withCopySession } from '../../db/copy.ts';
import { type ParsedPart, type PreparedBatch, prepareBatch } from './import-batch.ts';
import { type HeadOfInput, ImportWorkerFailure, importInWorkers, readHead } from './import-pool.ts';
import { AppError } from '../../platform/errors.ts';

export interface ImportCounts {
  /** Lines (or data rows) read from the input. */
  read: number;
  /** Calls the input described (a queue_log describes one call in several lines). */
  calls: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
  /** Lines that are not about a call offered to the agent queue (agent logins, non-queue legs). */
  skipped: number;
}

export interface ImportResult extends ImportCounts {
  importId: number;
  /** The first rejections with their line numbers and reasons (all are counted). */
  rejections: RejectedLine[];
}

const KEEP_REJECTIONS = 1000;

/**
 * Writes a batch of call records, skipping those already present (same source and call id), and opens a
 * missed-call callback for each newly imported unanswered call that has a caller number. One statement each.
 */
export async function insertCallBatch(
  db: DbOrTx,
  records: CallRecord[],
  importId: number | null,
  now: Date,
  dueHours: number,
) {
  if (!records.length) return 0;
  const col = <T>(f: (r: CallRecord) => T) => records.map(f);
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  // One statement with a column array per field (unnest): a thousand rows cost 14 parameters, not 14,000.
  const inserted = await queryRows<{
    id: number;
    caller_number: string | null;
    abandoned_at: Date | string | null;
  }>(
    db,
    sql`insert into calls (source, call_id, caller_number, queue, offered_at, answered_at, agent, ended_at,
          abandoned_at, abandon_reason, ivr_rating, order_numbers, import_id, created_at)
        select s, c, n, q, o, a, g, e, b, r, i, coalesce(array(select json_array_elements_text(x::json)), '{}'),
          ${importId}::int, ${now}::timestamptz
        from unnest(${sql.param(col((r) => r.source))}::text[], ${sql.param(col((r) => r.callId))}::text[], ${sql.param(col((r) => sealNumber(r.callerNumber, 'calls')))}::text[],
          ${sql.param(col((r) => r.queue))}::text[], ${sql.param(col((r) => iso(r.offeredAt)))}::timestamptz[], ${sql.param(col((r) => iso(r.answeredAt)))}::timestamptz[],
          ${sql.param(col((r) => r.agent))}::text[], ${sql.param(col((r) => iso(r.endedAt)))}::timestamptz[], ${sql.param(col((r) => iso(r.abandonedAt)))}::timestamptz[],
          ${sql.param(col((r) => r.abandonReason))}::text[], ${sql.param(col((r) => r.ivrRating))}::smallint[], ${sql.param(col((r) => JSON.stringify(r.orderNumbers)))}::text[])
          as t(s, c, n, q, o, a, g, e, b, r, i, x)
        on conflict (source, call_id) do nothing
        returning id, caller_number, abandoned_at`,
  );
  const missed = inserted.filter((c) => c.abandoned_at && c.caller_number);
  if (missed.length) {
    const missedAt = missed.map((c) => new Date(c.abandoned_at!));
    await db.execute(sql`
      insert into call_callbacks (call_pk, caller_number, missed_at, due_at)
      select p, n, m, m + ${`${dueHours} hours`}::interval
      from unnest(${sql.param(missed.map((c) => Number(c.id)))}::bigint[], ${sql.param(missed.map((c) => sealNumber(openNumber(c.caller_number, 'calls'), 'call_callbacks')))}::text[],
        ${sql.param(missedAt.map((d) => d.toISOString()))}::timestamptz[]) as t(p, n, m)
      on conflict (call_pk) do nothing`);
  }
  return inserted.length;
}

/** Rows per COPY: large enough that a round trip is nothing beside the data, small enough to stream. */
const COPY_BATCH = 10_000;

/** The columns a batch line carries, in order: the record's own, then the import's and the time of writing. */
const LINE_COLUMNS = `source, call_id, caller_number, queue, offered_at, answered_at, agent, ended_at, abandoned_at,
  abandon_reason, ivr_rating, order_numbers, import_id, created_at`;

/** The staging table a batch is merged from when some of it is already present; temporary (one connection). */
const STAGE = `create temp table if not exists call_import_stage (source text, call_id text, caller_number text,
  queue text, offered_at timestamptz, answered_at timestamptz, agent text, ended_at timestamptz,
  abandoned_at timestamptz, abandon_reason text, ivr_rating smallint, order_numbers text[], import_id int,
  created_at timestamptz)`;

const UNIQUE_VIOLATION = '23505';

/**
 * Writes one batch in one transaction. First straight into `calls` by COPY, in a savepoint: a fresh import, the
 * usual case, goes at COPY's own speed (issue 18). When a call of the batch is already there (the unique key on
 * source and call id refuses the COPY), back to the savepoint and an idempotent merge through the staging
 * table: what is present is skipped. Then the missed-call callbacks of the calls this batch added.
 */
async function writeBatch(s: CopySession, batch: PreparedBatch, dueHours: number): Promise<number> {
  return s.transaction(async (s) => {
    let added: number;
    let missedIds: { id: number; source: string; call_id: string }[];
    await s.query('savepoint direct');
    try {
      added = await s.copyIn(`calls (${LINE_COLUMNS})`, batch.text);
      missedIds = batch.missed.length
        ? await s.query(
            `select c.id, c.source, c.call_id from calls c
             join unnest($1::text[], $2::text[]) as t(s, k) on c.source = t.s and c.call_id = t.k`,
            [batch.missed.map((m) => m.source), batch.missed.map((m) => m.callId)],
          )
        : [];
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
      await s.query('rollback to savepoint direct');
      ({ added, missedIds } = await mergeStaged(s, batch.text));
    }
    if (missedIds.length) {
      const byKey = new Map(batch.missed.map((m) => [`${m.source}\u0000${m.callId}`, m]));
      const owed = missedIds.map((c) => ({ id: c.id, m: byKey.get(`${c.source}\u0000${c.call_id}`)! }));
      await s.query(
        `insert into call_callbacks (call_pk, caller_number, missed_at, due_at)
         select p, n, m, m + $4::interval
         from unnest($1::bigint[], $2::text[], $3::timestamptz[]) as t(p, n, m)
         on conflict (call_pk) do nothing`,
        [
          owed.map((c) => c.id),
          owed.map((c) => c.m.sealedNumber),
          owed.map((c) => c.m.at),
          `${dueHours} hours`,
        ],
      );
    }
    return added;
  });
}

/** The batch through the staging table: only calls not yet present are added (and answered with their keys). */
async function mergeStaged(s: CopySession, text: Uint8Array) {
  await s.query('truncate call_import_stage');
  await s.copyIn(`call_import_stage (${LINE_COLUMNS})`, text);
  const [merged] = await s.query<{
    result: { n: number; missed: { id: number; source: string; call_id: string }[] };
  }>(
    `with ins as (
       insert into calls (${LINE_COLUMNS})
       select source, call_id, caller_number, queue, offered_at, answered_at, agent, ended_at, abandoned_at,
         abandon_reason, ivr_rating, coalesce(order_numbers, '{}'), import_id, created_at
       from call_import_stage
       on conflict (source, call_id) do nothing
       returning id, source, call_id, caller_number, abandoned_at)
     select json_build_object('n', (select count(*) from ins), 'missed', coalesce((select json_agg(
       json_build_object('id', id, 'source', source, 'call_id', call_id)) from ins
       where abandoned_at is not null and caller_number is not null), '[]'::json)) as result`,
  );
  const result = typeof merged!.result === 'string' ? JSON.parse(merged!.result) : merged!.result;
  return {
    added: Number(result.n),
    missedIds: result.missed as { id: number; source: string; call_id: string }[],
  };
}

/**
 * Imports a call log, streaming: 10,000 records or so at a time by COPY (issue 18: the speed of COPY, not of a
 * statement per thousand rows), memory bounded whatever the file's size. A large input is parsed, sealed and
 * turned into COPY text in worker threads (import-pool.ts) while this thread only writes; a small one (under
 * a segment, 1 MiB) here. Idempotent: a call already present is counted, not written again. Bad lines are
 * counted and kept with their line numbers and reasons; they never stop the good ones.
 */
export async function importCallLog(
  db: Database,
  actor: Actor,
  format: ImportFormat,
  input: Readable,
  options: {
    fileName?: string;
    now: Date;
    /** The setting `calls.callbackDueHours`, read by the caller. */
    callbackDueHours: number;
    onProgress?: (counts: ImportCounts) => void;
    /** Worker threads for a large input (default: 1 on up to three cores, else 2); 0: all on this thread. */
    workers?: number;
  },
): Promise<ImportResult> {
  const { now } = options;
  const [run] = await db
    .insert(callImports)
    .values({ format, fileName: options.fileName ?? null, startedAt: now, importedBy: actor.id })
    .returning({ id: callImports.id });
  const importId = run!.id;
  const dueHours = options.callbackDueHours;
  const counts: ImportCounts = { read: 0, calls: 0, imported: 0, alreadyPresent: 0, rejected: 0, skipped: 0 };
  const rejections: RejectedLine[] = [];
  // The two columns the import fills itself, the same on every line of this run.
  const suffix = `\t${importId}\t${now.toISOString()}`;
  const ring = activeKeyring();
  const importing = withCopySession(db, async (session) => {
    await session.query(STAGE);
    // Parts come in input order; each is written (one transaction) before the next, while workers go on.
    const write = async (part: ParsedPart, lines: { read: number; skipped: number }) => {
      const n = part.batch.size ? await writeBatch(session, part.batch, dueHours) : 0;
      counts.calls += part.batch.size;
      counts.imported += n;
      counts.alreadyPresent += part.batch.size - n;
      counts.rejected += part.rejected;
      for (const r of part.rejections) if (rejections.length < KEEP_REJECTIONS) rejections.push(r);
      Object.assign(counts, lines);
      options.onProgress?.({ ...counts });
    };
    const source = await readHead(input);
    // One worker on two cores: the other is the database's (two workers measured slower there, 49 % of
    // COPY against 67 %); two where there are four cores or more.
    const workers = options.workers ?? Math.max(1, Math.min(2, availableParallelism() - 1));
    if (source.ended || workers === 0) {
      await importHere(format, source, ring, suffix, write);
    } else {
      await importInWorkers(
        format,
        source,
        { ring, suffix, workers, batchSize: COPY_BATCH, keepRejections: KEEP_REJECTIONS },
        write,
      );
    }
  });
  try {
    await importing;
  } catch (err) {
    if (!(err instanceof ImportWorkerFailure)) throw err;
    await interrupted(db, importId, counts, rejections, err);
  }
  await db
    .update(callImports)
    .set({ ...counts, finishedAt: new Date(), rejections })
    .where(eq(callImports.id, importId));
  return { ...counts, importId, rejections };
}

/**
 * A worker failed mid-import: what was written so far is recorded on the import (left unfinished: no
 * `finishedAt`) and the caller is told to send the same file again — whole batches only were written, and a
 * re-run adds just the calls still missing. 503: the server's failure, not the file's.
 */
async function interrupted(
  db: Database,
  importId: number,
  counts: ImportCounts,
  rejections: RejectedLine[],
  err: ImportWorkerFailure,
): Promise<never> {
  await db
    .update(callImports)
    .set({ ...counts, rejections })
    .where(eq(callImports.id, importId));
  throw new AppError(
    'call_import_interrupted',
    503,
    `The call import stopped after ${counts.imported} calls were added (${err.message}); send the same file again: calls already added are not added twice`,
    `话务导入中断（已新增 ${counts.imported} 条）；请重新导入同一文件，已导入的通话不会重复`,
    { importId, imported: counts.imported },
  );
}

/** A small input on this thread: parsed, sealed and written a batch at a time. */
async function importHere(
  format: ImportFormat,
  source: HeadOfInput,
  ring: Keyring,
  suffix: string,
  write: (part: ParsedPart, lines: { read: number; skipped: number }) => Promise<void>,
) {
  const parsed = parseCallLog(format, Readable.from(source.rest()));
  let records: CallRecord[] = [];
  let found: RejectedLine[] = [];
  let rejected = 0;
  const flush = async () => {
    const stats = parsed.stats();
    const part: ParsedPart = {
      batch: prepareBatch(records, ring, suffix),
      rejections: found,
      rejected,
      lines: stats.lines,
      skipped: stats.skipped,
    };
    records = [];
    found = [];
    rejected = 0;
    await write(part, { read: stats.lines, skipped: stats.skipped });
  };
  for await (const batch of parsed.batches)
    for (const item of batch) {
      if (item.kind === 'rejected') {
        rejected++;
        if (found.length < KEEP_REJECTIONS) found.push(item.rejected);
      } else records.push(item.record);
      if (records.length + rejected >= COPY_BATCH) await flush();
    }
  await flush();
}

/** Calls whose switch record names this order number (CTI integration writes them), for the order view. */
export async function callsOfOrder(db: DbOrTx, orderNumber: string) {
  return db
    .select()
    .from(calls)
    .where(sql`${orderNumber} = any(${calls.orderNumbers})`);
}
