/**
 * Call-log parsers: what a switch recorded about calls offered to the agent queue, as call records. Pure and
 * streaming: input is a stream or an iterable of lines, output an async iterable of records and rejections
 * (docs/calls-formats.md). Memory stays bounded whatever the input's length.
 */
import type { ImportFormat, ParsedItem } from '../model.ts';
import { type AsteriskOptions, parseAsteriskQueueLog } from './asterisk-queue-log.ts';
import { type FreeswitchOptions, parseFreeswitchCdr } from './freeswitch-cdr.ts';
import { parseGenericLog } from './generic.ts';
import { createStats, type LogInput, type NumberedLine, type ParseStats, readLines } from './lines.ts';

export { normaliseAgent } from './asterisk-queue-log.ts';
export { DEFAULT_CDR_TEMPLATE } from './freeswitch-cdr.ts';
export { parseTimestamp, readFileLines, readLines } from './lines.ts';
export type { LogInput, NumberedLine, ParseStats } from './lines.ts';

export type ParseOptions = AsteriskOptions & FreeswitchOptions;

export interface CallLogParse {
  /** Records and rejections; iterate once (this or `batches`). A record's `line` is the line where the call starts. */
  items: AsyncIterable<ParsedItem>;
  /** The same items in the batches the parser makes (one await per batch, not per item: bulk imports). */
  batches: AsyncIterable<ParsedItem[]>;
  /** Counts so far (lines read, records, rejected, skipped non-call lines, open calls); a copy. */
  stats(): ParseStats;
}

export function parseCallLog(
  format: ImportFormat,
  input: LogInput,
  options: ParseOptions = {},
): CallLogParse {
  const stats = createStats();
  const lines = countLines(readLines(input), stats);
  const parsed =
    format === 'generic'
      ? parseGenericLog(lines)
      : format === 'asterisk-queue-log'
        ? parseAsteriskQueueLog(lines, stats, options)
        : parseFreeswitchCdr(lines, stats, options);
  const batches = countBatches(parsed, stats);
  return { items: eachItem(batches), batches, stats: () => ({ ...stats }) };
}

async function* countLines(
  lines: AsyncIterable<NumberedLine>,
  stats: ParseStats,
): AsyncGenerator<NumberedLine> {
  for await (const l of lines) {
    stats.lines = l.line;
    yield l;
  }
}

/** Counts the records and rejections of each batch the parser hands out. */
async function* countBatches(
  batches: AsyncIterable<ParsedItem[]>,
  stats: ParseStats,
): AsyncGenerator<ParsedItem[]> {
  for await (const batch of batches) {
    for (const item of batch) {
      if (item.kind === 'record') stats.records += 1;
      else stats.rejected += 1;
    }
    yield batch;
  }
}

/** The caller gets the items one by one. */
async function* eachItem(batches: AsyncIterable<ParsedItem[]>): AsyncGenerator<ParsedItem> {
  for await (const batch of batches) yield* batch;
}
