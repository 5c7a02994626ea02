/**
 * The importing thread's side of a large call import (issue 18): the input is cut into segments of whole
 * lines, parsed, sealed and turned into COPY text by worker threads (import-worker.ts), and the parts come
 * back in input order for the importing thread to write. A generic log is shared between the workers, each
 * segment parsed on its own with the file's header put back in front; a queue_log or CDR file, whose calls
 * span lines, goes through one worker as one stream. Backpressure both ways: at most two segments waiting per
 * worker, and a worker's stream stops at two parts not yet written.
 */
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Keyring } from '../../platform/sm-crypto.ts';
import type { ParsedPart } from './import-batch.ts';
import type { FromWorker, ImportWorkerData, ToWorker } from './import-worker.ts';
import type { ImportFormat } from './model.ts';
import { hasOpenQuote } from './parsers/lines.ts';

/** Bytes per segment: about 10,000 generic rows, one COPY. */
export const SEGMENT_BYTES = 1 << 20;

/** The first segment's worth of an input, read to choose where it is parsed, and the rest after it. */
export interface HeadOfInput {
  /** The input ended within the first segment's size. */
  ended: boolean;
  /** The whole input as bytes, from its start (the head, then what was not read yet). */
  rest(): AsyncIterable<Buffer>;
}

const asBuffer = (chunk: Buffer | string | Uint8Array) =>
  typeof chunk === 'string'
    ? Buffer.from(chunk, 'utf8')
    : Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk);

export async function readHead(input: Readable): Promise<HeadOfInput> {
  const it = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < SEGMENT_BYTES) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    const b = asBuffer(next.value);
    head.push(b);
    size += b.length;
  }
  return {
    ended,
    async *rest() {
      yield* head;
      if (ended) return;
      for (let next = await it.next(); !next.done; next = await it.next()) yield asBuffer(next.value);
    },
  };
}

/** Runs of whole lines of about `SEGMENT_BYTES` (cut after a line feed, which no UTF-8 sequence contains). */
async function* segmentsOf(chunks: AsyncIterable<Buffer>): AsyncGenerator<Uint8Array> {
  let held: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    held.push(chunk);
    size += chunk.length;
    if (size < SEGMENT_BYTES) continue;
    const all = Buffer.concat(held, size);
    const cut = all.lastIndexOf(10) + 1;
    if (cut === 0) {
      held = [all];
      continue;
    }
    // A copy of its own (structured cloning a view would copy the whole buffer behind it).
    yield new Uint8Array(all.subarray(0, cut));
    held = cut < all.length ? [all.subarray(cut)] : [];
    size = all.length - cut;
  }
  if (size > 0) yield new Uint8Array(Buffer.concat(held, size));
}

/**
 * The lines of a generic log up to its first non-blank one (the CSV header, or a JSON Lines file's first
 * record), which every segment after the first is parsed behind; null when segments cannot be parsed apart
 * (no such line in the first segment, or a header with an open quote, which makes the next line the header).
 */
export function preambleOf(first: Uint8Array): { text: string; lines: number } | null {
  const lines = new TextDecoder().decode(first).split(/\r\n|\n|\r/);
  const at = lines.findIndex((l) => l.trim() !== '');
  if (at < 0 || at >= lines.length - 1 || hasOpenQuote(lines[at]!)) return null;
  return { text: `${lines.slice(0, at + 1).join('\n')}\n`, lines: at + 1 };
}

/**
 * A worker thread of the import failed (it crashed, was killed, or threw): the import stops there. The parts
 * written before it stay written, each batch whole (one transaction each), and a re-run of the same file adds
 * only what is missing (the import is idempotent).
 */
export class ImportWorkerFailure extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportWorkerFailure';
  }
}

/**
 * Test only (import-crash.test.ts): with `crashAfterParts` set, each worker started from then on dies (exit code
 * 1) after sending so many parts. Never set in production; unset, it costs one comparison per part.
 */
export const importWorkerTestHooks: { crashAfterParts?: number } = {};

interface PoolOptions {
  ring: Keyring;
  suffix: string;
  workers: number;
  batchSize: number;
  keepRejections: number;
}

/** A worker thread and the answers it owes; a failure of the thread fails every one of them. */
function startWorker(
  data: ImportWorkerData,
  onMessage: (m: FromWorker) => void,
  onFailure: (e: Error) => void,
) {
  const workerData: ImportWorkerData = { ...data, crashAfterParts: importWorkerTestHooks.crashAfterParts };
  const worker = new Worker(new URL('./import-worker-entry.mjs', import.meta.url), { workerData });
  let closing = false;
  worker.on('message', (m: FromWorker) =>
    m.type === 'failed'
      ? onFailure(new ImportWorkerFailure(`call import worker: ${m.message}`))
      : onMessage(m),
  );
  worker.on('error', (e) =>
    onFailure(new ImportWorkerFailure(`call import worker: ${e.message}`, { cause: e })),
  );
  worker.on('exit', (code) => {
    if (!closing) onFailure(new ImportWorkerFailure(`call import worker stopped (exit code ${code})`));
  });
  return {
    post: (m: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer),
    async close() {
      closing = true;
      await worker.terminate();
    },
  };
}

type Write = (part: ParsedPart, lines: { read: number; skipped: number }) => Promise<void>;

export async function importInWorkers(
  format: ImportFormat,
  source: HeadOfInput,
  options: PoolOptions,
  write: Write,
): Promise<void> {
  const segments = segmentsOf(source.rest());
  const first = await segments.next();
  if (first.done) return;
  const preamble = format === 'generic' ? preambleOf(first.value) : null;
  const base = {
    ring: options.ring,
    format,
    suffix: options.suffix,
    batchSize: options.batchSize,
    keepRejections: options.keepRejections,
  };
  if (!preamble) return streamed(base, first.value, segments, write);
  return segmented(base, options.workers, first.value, segments, preamble, write);
}

type Base = Omit<ImportWorkerData, 'mode'>;

/** Segments shared round-robin between the workers, each parsed apart; parts written in input order. */
async function segmented(
  base: Base,
  count: number,
  first: Uint8Array,
  segments: AsyncIterator<Uint8Array>,
  preamble: { text: string; lines: number },
  write: Write,
) {
  let failure: Error | null = null;
  const owed = new Map<number, { resolve: (p: ParsedPart) => void; reject: (e: Error) => void }>();
  const fail = (e: Error) => {
    failure ??= e;
    for (const o of owed.values()) o.reject(e);
    owed.clear();
  };
  const workers = Array.from({ length: count }, () =>
    startWorker(
      { ...base, mode: 'segments' },
      (m) => {
        if (m.type !== 'part') return;
        owed.get(m.seq)?.resolve(m.part);
        owed.delete(m.seq);
      },
      fail,
    ),
  );
  try {
    const queue: Promise<ParsedPart>[] = [];
    let seq = 0;
    let pending: Uint8Array | null = first;
    let inputDone = false;
    const send = (data: Uint8Array) => {
      const n = seq++;
      const answer = new Promise<ParsedPart>((resolve, reject) => {
        if (failure) reject(failure);
        else owed.set(n, { resolve, reject });
      });
      answer.catch(() => undefined);
      queue.push(answer);
      const head =
        n === 0
          ? { preamble: '', preambleLines: 0 }
          : { preamble: preamble.text, preambleLines: preamble.lines };
      workers[n % count]!.post({ type: 'segment', seq: n, data, ...head }, [data.buffer as ArrayBuffer]);
    };
    const fill = async () => {
      while (!inputDone && queue.length < 2 * count) {
        if (pending) {
          send(pending);
          pending = null;
          continue;
        }
        const next = await segments.next();
        if (next.done) inputDone = true;
        else send(next.value);
      }
    };
    await fill();
    let read = 0;
    let skipped = 0;
    while (queue.length) {
      const part = await queue.shift()!;
      const filling = fill();
      filling.catch(() => undefined);
      for (const r of part.rejections) r.line += read;
      read += part.lines;
      skipped += part.skipped;
      await write(part, { read, skipped });
      await filling;
    }
    if (failure) throw failure;
  } finally {
    await Promise.all(workers.map((w) => w.close()));
  }
}

/** One worker parsing the whole input as one stream, pulling segments as it needs them. */
async function streamed(base: Base, first: Uint8Array, segments: AsyncIterator<Uint8Array>, write: Write) {
  const parts: ParsedPart[] = [];
  let done = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  let pending: Uint8Array | null = first;
  const worker = startWorker(
    { ...base, mode: 'stream' },
    (m) => {
      if (m.type === 'more') {
        void (async () => {
          try {
            const next = pending ? { done: false as const, value: pending } : await segments.next();
            pending = null;
            if (next.done) worker.post({ type: 'end' });
            else worker.post({ type: 'data', data: next.value }, [next.value.buffer as ArrayBuffer]);
          } catch (err) {
            failure ??= err as Error;
            notify();
          }
        })();
      } else if (m.type === 'part') {
        parts.push(m.part);
        notify();
      } else if (m.type === 'done') {
        done = true;
        notify();
      }
    },
    (e) => {
      failure ??= e;
      notify();
    },
  );
  try {
    for (;;) {
      if (failure) throw failure;
      const part = parts.shift();
      if (part) {
        await write(part, { read: part.lines, skipped: part.skipped });
        worker.post({ type: 'ack' });
        continue;
      }
      if (done) break;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await worker.close();
  }
}
