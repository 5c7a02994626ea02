/**
 * The call import's worker thread (issue 18): it parses the log, seals the caller numbers and builds the COPY
 * text, so the importing thread only streams that text to the database. Two ways of working, chosen by the
 * importing thread (import-service.ts):
 * - `segments`: each message is a run of whole lines of a generic log, parsed on its own (with the file's
 *   first non-blank line, the CSV header, put back in front); several workers share a file this way.
 * - `stream`: one continuous parse of the whole input, pulled from the importing thread as it goes (a
 *   queue_log or CDR call spans lines, so it cannot be cut up); a batch every `batchSize` records.
 */
import { Readable } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import type { Keyring } from '../../platform/sm-crypto.ts';
import { type ParsedPart, prepareBatch } from './import-batch.ts';
import type { CallRecord, ImportFormat, RejectedLine } from './model.ts';
import { parseCallLog } from './parsers/index.ts';

export interface ImportWorkerData {
  ring: Keyring;
  format: ImportFormat;
  /** The columns every line ends with (import id, time of writing). */
  suffix: string;
  mode: 'segments' | 'stream';
  batchSize: number;
  keepRejections: number;
  /**
   * Test only (import-crash.test.ts, through `importWorkerTestHooks`): the worker ends its thread with exit code 1,
   * as a crash would, instead of sending its part after this many. Never set in production.
   */
  crashAfterParts?: number;
}

/** Importing thread → worker. */
export type ToWorker =
  | { type: 'segment'; seq: number; data: Uint8Array; preamble: string; preambleLines: number }
  | { type: 'data'; data: Uint8Array }
  | { type: 'end' }
  | { type: 'ack' };

/** Worker → importing thread: a part (in `segments`, with its sequence number), a request for input, the end. */
export type FromWorker =
  | { type: 'part'; seq: number; part: ParsedPart }
  | { type: 'more' }
  | { type: 'done' }
  | { type: 'failed'; message: string };

const data = workerData as ImportWorkerData;
const port = parentPort!;
const decoder = new TextDecoder();

let partsSent = 0;
/** Hands a part to the importing thread (its COPY text moved, not copied). */
function sendPart(seq: number, part: ParsedPart) {
  if (partsSent++ === data.crashAfterParts) process.exit(1);
  port.postMessage({ type: 'part', seq, part } satisfies FromWorker, [part.batch.text.buffer as ArrayBuffer]);
}

/** Collects records and rejections into parts. */
function collector() {
  let records: CallRecord[] = [];
  let rejections: RejectedLine[] = [];
  let rejected = 0;
  return {
    get size() {
      return records.length + rejected;
    },
    add(item: { kind: 'record'; record: CallRecord } | { kind: 'rejected'; rejected: RejectedLine }) {
      if (item.kind === 'record') records.push(item.record);
      else {
        rejected++;
        if (rejections.length < data.keepRejections) rejections.push(item.rejected);
      }
    },
    take(lines: number, skipped: number): ParsedPart {
      const part = {
        batch: prepareBatch(records, data.ring, data.suffix),
        rejections,
        rejected,
        lines,
        skipped,
      };
      records = [];
      rejections = [];
      rejected = 0;
      return part;
    },
  };
}

/** One segment parsed on its own; lines of the preamble (the header put back) give nothing and are not counted. */
async function parseSegment(m: Extract<ToWorker, { type: 'segment' }>): Promise<ParsedPart> {
  const parse = parseCallLog(data.format, Readable.from([m.preamble + decoder.decode(m.data)]));
  const parts = collector();
  for await (const batch of parse.batches)
    for (const item of batch) {
      if (item.kind === 'record') {
        if (item.line > m.preambleLines) parts.add(item);
      } else if (item.rejected.line > m.preambleLines) {
        parts.add({
          kind: 'rejected',
          rejected: { ...item.rejected, line: item.rejected.line - m.preambleLines },
        });
      }
    }
  const stats = parse.stats();
  return parts.take(stats.lines - m.preambleLines, stats.skipped);
}

/** The continuous parse: input pulled by `more`, at most two parts waiting for the writer. */
async function runStream(messages: AsyncIterable<ToWorker>) {
  const inbox = messages[Symbol.asyncIterator]();
  let unacked = 0;
  const waits = { ack: null as (() => void) | null, feed: null as ((m: ToWorker) => void) | null };
  void (async () => {
    for (let m = await inbox.next(); !m.done; m = await inbox.next()) {
      if (m.value.type === 'ack') {
        unacked--;
        waits.ack?.();
        waits.ack = null;
      } else waits.feed?.(m.value);
    }
  })();
  const input = new Readable({
    read() {
      port.postMessage({ type: 'more' } satisfies FromWorker);
    },
  });
  waits.feed = (m) => {
    if (m.type === 'data') input.push(Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength));
    else if (m.type === 'end') input.push(null);
  };
  const parse = parseCallLog(data.format, input);
  const parts = collector();
  const send = async () => {
    const stats = parse.stats();
    sendPart(0, parts.take(stats.lines, stats.skipped));
    unacked++;
    while (unacked >= 2) await new Promise<void>((resolve) => (waits.ack = resolve));
  };
  for await (const batch of parse.batches)
    for (const item of batch) {
      parts.add(item);
      if (parts.size >= data.batchSize) await send();
    }
  await send();
  port.postMessage({ type: 'done' } satisfies FromWorker);
}

async function* messagesOf(): AsyncGenerator<ToWorker> {
  const queue: ToWorker[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (m: ToWorker) => {
    queue.push(m);
    wake?.();
    wake = null;
  });
  for (;;) {
    while (queue.length) yield queue.shift()!;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

async function main() {
  const messages = messagesOf();
  if (data.mode === 'stream') return runStream(messages);
  for await (const m of messages) {
    if (m.type !== 'segment') continue;
    sendPart(m.seq, await parseSegment(m));
  }
}

main().catch((err: Error) => port.postMessage({ type: 'failed', message: err.stack ?? String(err) }));
