import { eq, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Database, DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor } from '../../platform/actor.ts';
import type { CallRecord, ImportFormat, RejectedLine } from './model.ts';
import { parseCallLog } from './parsers/index.ts';
import { openNumber, sealNumber } from './personal-data.ts';
import { callImports, calls } from './schema.ts';
import { arrayLiteral, copyText, type CopySession, withCopySession } from '../../db/copy.ts';

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

/** The staging table a batch is copied into before the merge; temporary, so it lives on the one connection. */
const STAGE = `create temp table if not exists call_stage (source text, call_id text, caller_number text, queue text,
  offered_at timestamptz, answered_at timestamptz, agent text, ended_at timestamptz, abandoned_at timestamptz,
  abandon_reason text, ivr_rating smallint, order_numbers text[])`;

/** One record as a line of COPY's text format, the caller number sealed as it is stored. */
export function copyLine(r: CallRecord): string {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return [
    r.source,
    r.callId,
    sealNumber(r.callerNumber, 'calls'),
    r.queue,
    iso(r.offeredAt),
    iso(r.answeredAt),
    r.agent,
    iso(r.endedAt),
    iso(r.abandonedAt),
    r.abandonReason,
    r.ivrRating,
    arrayLiteral(r.orderNumbers),
  ]
    .map(copyText)
    .join('\t');
}

/**
 * Writes one staged batch: COPY into the staging table, then an idempotent merge (a call already present, same
 * source and call id, is skipped) and the missed-call callbacks of the calls it added, in one transaction.
 */
async function writeStaged(
  s: CopySession,
  text: string,
  importId: number,
  now: Date,
  dueHours: number,
): Promise<number> {
  return s.transaction(async (s) => {
    await s.query('truncate call_stage');
    await s.copyIn('call_stage', text);
    const [merged] = await s.query<{
      result: { n: number; missed: { id: number; n: string; at: string }[] };
    }>(
      `with ins as (
         insert into calls (source, call_id, caller_number, queue, offered_at, answered_at, agent, ended_at,
           abandoned_at, abandon_reason, ivr_rating, order_numbers, import_id, created_at)
         select source, call_id, caller_number, queue, offered_at, answered_at, agent, ended_at, abandoned_at,
           abandon_reason, ivr_rating, coalesce(order_numbers, '{}'), $1::int, $2::timestamptz
         from call_stage
         on conflict (source, call_id) do nothing
         returning id, caller_number, abandoned_at)
       select json_build_object('n', (select count(*) from ins), 'missed', coalesce((select json_agg(
         json_build_object('id', id, 'n', caller_number, 'at', abandoned_at)) from ins
         where abandoned_at is not null and caller_number is not null), '[]'::json)) as result`,
      [importId, now.toISOString()],
    );
    const result = typeof merged!.result === 'string' ? JSON.parse(merged!.result) : merged!.result;
    const missed = result.missed as { id: number; n: string; at: string }[];
    if (missed.length)
      await s.query(
        `insert into call_callbacks (call_pk, caller_number, missed_at, due_at)
         select p, n, m, m + $4::interval
         from unnest($1::bigint[], $2::text[], $3::timestamptz[]) as t(p, n, m)
         on conflict (call_pk) do nothing`,
        [
          missed.map((c) => c.id),
          missed.map((c) => sealNumber(openNumber(c.n, 'calls'), 'call_callbacks')),
          missed.map((c) => new Date(c.at).toISOString()),
          `${dueHours} hours`,
        ],
      );
    return Number(result.n);
  });
}

/**
 * Imports a call log, streaming: records go 10,000 at a time by COPY into a staging table and are merged from
 * there (issue 18: the speed of COPY, not of a statement per thousand rows), with one batch written while the
 * next is parsed, so memory stays bounded whatever the file's size. Idempotent: a call already present is
 * counted, not written again. Bad lines are counted and kept with their line numbers and reasons; they never
 * stop the good ones.
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
  },
): Promise<ImportResult> {
  const { now } = options;
  const [run] = await db
    .insert(callImports)
    .values({ format, fileName: options.fileName ?? null, startedAt: now, importedBy: actor.id })
    .returning({ id: callImports.id });
  const importId = run!.id;
  const dueHours = options.callbackDueHours;
  const parsed = parseCallLog(format, input);
  const counts: ImportCounts = { read: 0, calls: 0, imported: 0, alreadyPresent: 0, rejected: 0, skipped: 0 };
  const rejections: RejectedLine[] = [];
  await withCopySession(db, async (session) => {
    await session.query(STAGE);
    let lines: string[] = [];
    let inFlight: Promise<void> = Promise.resolve();
    const flush = async () => {
      const size = lines.length;
      const text = lines.length ? `${lines.join('\n')}\n` : '';
      lines = [];
      const stats = pickStats(parsed.stats());
      // The previous batch must be in before this one starts (one connection); parsing went on meanwhile.
      await inFlight;
      inFlight = (async () => {
        const n = size ? await writeStaged(session, text, importId, now, dueHours) : 0;
        counts.imported += n;
        counts.alreadyPresent += size - n;
        Object.assign(counts, stats);
        options.onProgress?.({ ...counts });
      })();
      // A failed batch must surface even if no later flush awaits it.
      inFlight.catch(() => undefined);
    };
    for await (const item of parsed.items) {
      if (item.kind === 'rejected') {
        counts.rejected++;
        if (rejections.length < KEEP_REJECTIONS) rejections.push(item.rejected);
        continue;
      }
      counts.calls++;
      lines.push(copyLine(item.record));
      if (lines.length >= COPY_BATCH) await flush();
    }
    await flush();
    await inFlight;
    Object.assign(counts, pickStats(parsed.stats()));
  });
  await db
    .update(callImports)
    .set({ ...counts, finishedAt: new Date(), rejections })
    .where(eq(callImports.id, importId));
  return { ...counts, importId, rejections };
}

function pickStats(s: { lines: number; skipped: number }) {
  return { read: s.lines, skipped: s.skipped };
}

/** Calls whose switch record names this order number (CTI integration writes them), for the order view. */
export async function callsOfOrder(db: DbOrTx, orderNumber: string) {
  return db
    .select()
    .from(calls)
    .where(sql`${orderNumber} = any(${calls.orderNumbers})`);
}
