import { eq, sql } from 'drizzle-orm';
import type { Readable } from 'node:stream';
import type { Database, DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor } from '../../platform/actor.ts';
import { readSetting } from '../../platform/settings.ts';
import type { CallRecord, ImportFormat, RejectedLine } from './model.ts';
import { parseCallLog } from './parsers/index.ts';
import { callImports, calls } from './schema.ts';
import { CALLBACK_DUE_HOURS } from './settings.ts';

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

const BATCH = 1000;
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
        from unnest(${sql.param(col((r) => r.source))}::text[], ${sql.param(col((r) => r.callId))}::text[], ${sql.param(col((r) => r.callerNumber))}::text[],
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
      from unnest(${sql.param(missed.map((c) => Number(c.id)))}::bigint[], ${sql.param(missed.map((c) => c.caller_number))}::text[],
        ${sql.param(missedAt.map((d) => d.toISOString()))}::timestamptz[]) as t(p, n, m)
      on conflict (call_pk) do nothing`);
  }
  return inserted.length;
}

/**
 * Imports a call log, streaming: records are written in batches of 1,000 as they are parsed, so memory stays
 * bounded whatever the file's size. Idempotent: a call already present is counted, not written again. Bad lines
 * are counted and kept with their line numbers and reasons; they never stop the good ones.
 */
export async function importCallLog(
  db: Database,
  actor: Actor,
  format: ImportFormat,
  input: Readable,
  options: { fileName?: string; now: Date; onProgress?: (counts: ImportCounts) => void },
): Promise<ImportResult> {
  const { now } = options;
  const [run] = await db
    .insert(callImports)
    .values({ format, fileName: options.fileName ?? null, startedAt: now, importedBy: actor.id })
    .returning({ id: callImports.id });
  const importId = run!.id;
  const dueHours = await readSetting(db, CALLBACK_DUE_HOURS);
  const parsed = parseCallLog(format, input);
  const counts: ImportCounts = { read: 0, calls: 0, imported: 0, alreadyPresent: 0, rejected: 0, skipped: 0 };
  const rejections: RejectedLine[] = [];
  let batch: CallRecord[] = [];
  const flush = async () => {
    const n = await insertCallBatch(db, batch, importId, now, dueHours);
    counts.imported += n;
    counts.alreadyPresent += batch.length - n;
    batch = [];
    Object.assign(counts, pickStats(parsed.stats()));
    options.onProgress?.({ ...counts });
  };
  for await (const item of parsed.items) {
    if (item.kind === 'rejected') {
      counts.rejected++;
      if (rejections.length < KEEP_REJECTIONS) rejections.push(item.rejected);
      continue;
    }
    counts.calls++;
    batch.push(item.record);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
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
