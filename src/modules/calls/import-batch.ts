/**
 * A batch of call records as `COPY … FROM STDIN` text, caller numbers sealed: the work of a call import that
 * runs in the import's worker threads (issue 18), or on the importing thread for a small input. No database.
 */
import { arrayLiteral, copyText } from '../../db/copy-text.ts';
import { type Keyring, sealMany } from '../../platform/sm-crypto.ts';
import type { CallRecord, RejectedLine } from './model.ts';

export const CALLS_NUMBER_CONTEXT = 'calls.caller_number';
export const CALLBACKS_NUMBER_CONTEXT = 'call_callbacks.caller_number';

/** A missed call of the batch that is owed a callback if the batch adds it: the number already sealed for it. */
export interface MissedCall {
  source: string;
  callId: string;
  /** The caller number sealed for `call_callbacks` (not opened and sealed again from the calls row). */
  sealedNumber: string;
  at: string;
}

/** A batch ready to write: COPY text, the records it holds, the missed calls among them. */
export interface PreparedBatch {
  text: Uint8Array;
  size: number;
  missed: MissedCall[];
}

/** What a worker (or the inline path) hands the writer: a batch, and what parsing found up to its end. */
export interface ParsedPart {
  batch: PreparedBatch;
  /** Rejections in this part (the first ones, with line numbers), and how many there were. */
  rejections: RejectedLine[];
  rejected: number;
  /** Lines read by the end of this part (in a segment, lines of the segment), and non-call lines skipped. */
  lines: number;
  skipped: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : '\\N');
/** Text that needs no COPY escape: most values do, and then `copyText`'s replace is not run at all. */
const PLAIN = /^[^\\\t\n\r]*$/;
const text = (v: string | null) => (v == null ? '\\N' : PLAIN.test(v) ? v : copyText(v));

/**
 * One record as a line of COPY's text format (the columns `LINE_COLUMNS` of the import, without the last two),
 * the caller number sealed as it is stored, or given sealed.
 */
export function copyLine(r: CallRecord, sealedNumber: string | null): string {
  // Times are ISO strings and sealed values base64url: nothing in them to escape.
  return `${text(r.source)}\t${text(r.callId)}\t${sealedNumber ?? '\\N'}\t${text(r.queue)}\t${iso(r.offeredAt)}\t${iso(
    r.answeredAt,
  )}\t${text(r.agent)}\t${iso(r.endedAt)}\t${iso(r.abandonedAt)}\t${text(r.abandonReason)}\t${
    r.ivrRating == null ? '\\N' : r.ivrRating
  }\t${r.orderNumbers.length ? copyText(arrayLiteral(r.orderNumbers)) : '{}'}`;
}

const encoder = new TextEncoder();

/**
 * The batch's COPY text (each line ending with `suffix`, the columns the import fills itself) and its missed
 * calls, their numbers sealed for the callbacks. `ring` is passed in: a worker has no active key ring of its own.
 */
export function prepareBatch(records: CallRecord[], ring: Keyring, suffix: string): PreparedBatch {
  const sealed = sealMany(
    ring,
    records.map((r) => r.callerNumber),
    CALLS_NUMBER_CONTEXT,
  );
  const missedRecords = records.filter((r) => r.abandonedAt && r.callerNumber);
  const forCallbacks = sealMany(
    ring,
    missedRecords.map((r) => r.callerNumber),
    CALLBACKS_NUMBER_CONTEXT,
  );
  const missed = missedRecords.map((r, i) => ({
    source: r.source,
    callId: r.callId,
    sealedNumber: forCallbacks[i]!,
    at: r.abandonedAt!.toISOString(),
  }));
  let out = '';
  for (let i = 0; i < records.length; i++) out += `${copyLine(records[i]!, sealed[i] ?? null)}${suffix}\n`;
  return { text: encoder.encode(out), size: records.length, missed };
}
