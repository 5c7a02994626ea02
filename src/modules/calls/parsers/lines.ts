/**
 * Reading helpers shared by the call-log parsers: a file or stream as numbered lines, CSV rows over those
 * lines, and the timestamp forms switches write. Nothing here knows what a call is.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';

/** A line of the input without its line break; `line` is 1-based. */
export interface NumberedLine {
  line: number;
  text: string;
}

/** What a parser reads: a byte or text stream, or an async iterable whose items are lines. */
export type LogInput = Readable | AsyncIterable<string>;

/** Counts a parse keeps while it runs; `openCalls` / `maxOpenCalls` show that memory stays bounded. */
export interface ParseStats {
  lines: number;
  records: number;
  rejected: number;
  /** Lines that are not calls offered to the agent queue (agent log-ins, pauses, non-queue CDR legs…). */
  skipped: number;
  /** Lines read and used but yielding nothing of their own (ring attempts, a repeated end of a call). */
  ignored: number;
  /** Calls assembled from several lines that are still waiting for more (Asterisk only). */
  openCalls: number;
  maxOpenCalls: number;
}

export function createStats(): ParseStats {
  return { lines: 0, records: 0, rejected: 0, skipped: 0, ignored: 0, openCalls: 0, maxOpenCalls: 0 };
}

function isReadable(input: LogInput): input is Readable {
  return input instanceof Readable || typeof (input as Partial<Readable>).pipe === 'function';
}

/** Items of a line iterable may still hold line breaks (a whole text given as one item): split them. */
async function* splitItems(items: AsyncIterable<string>): AsyncGenerator<string> {
  for await (const item of items) {
    if (!item.includes('\n')) {
      yield item;
      continue;
    }
    const body = item.endsWith('\n') ? item.slice(0, -1) : item;
    yield* body.split('\n');
  }
}

/**
 * Numbered lines of a stream or of an iterable of lines. readline splits on LF, CRLF and a lone CR; the UTF-8
 * byte-order mark that Windows tools (Excel's "CSV UTF-8") put first is dropped, as is a CR left at the end of
 * an iterable's item.
 */
export async function* readLines(input: LogInput): AsyncGenerator<NumberedLine> {
  const source = isReadable(input) ? createInterface({ input, crlfDelay: Infinity }) : splitItems(input);
  let line = 0;
  for await (let text of source) {
    if (line === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    line += 1;
    yield { line, text };
  }
}

export function readFileLines(path: string): AsyncGenerator<NumberedLine> {
  return readLines(createReadStream(path));
}

/** Beijing time (UTC+8, no daylight saving since 1991): how a switch in Luohe writes local times. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const EPOCH_SECONDS = /^\d{10}(?:\.\d{1,9})?$/;
const EPOCH_MILLIS = /^\d{13}$/;
const DATE_TIME = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d(?::?\d\d)?)?$/;

/**
 * A timestamp as switches and exports write it: ISO 8601 with `Z` or an offset (`+08:00`, `+0800`, `+08`);
 * a bare `YYYY-MM-DD HH:MM:SS` or `YYYY-MM-DDTHH:MM:SS` (fraction allowed) read as Beijing time; Unix epoch
 * seconds (10 digits, fraction allowed) or milliseconds (13 digits). Anything else, or an impossible date
 * such as 02-30 or 24:00, is null.
 */
export function parseTimestamp(text: string): Date | null {
  const s = text.trim();
  if (EPOCH_SECONDS.test(s)) return new Date(Math.round(Number(s) * 1000));
  if (EPOCH_MILLIS.test(s)) return new Date(Number(s));
  if (!DATE_TIME.test(s)) return null;
  // Fixed positions once the pattern matched: reading the digits is much cheaper than regex captures.
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 7);
  const day = digitsAt(s, 8, 10);
  const hour = digitsAt(s, 11, 13);
  const minute = digitsAt(s, 14, 16);
  const second = digitsAt(s, 17, 19);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let zoneAt = 19;
  while (zoneAt < s.length && s[zoneAt] !== 'Z' && s[zoneAt] !== '+' && s[zoneAt] !== '-') zoneAt++;
  const millis = zoneAt > 20 ? Math.round(Number(s.slice(19, zoneAt)) * 1000) : 0;
  const offset = offsetMillis(zoneAt < s.length ? s.slice(zoneAt) : undefined);
  if (Number.isNaN(offset)) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) + millis - offset);
}

function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function offsetMillis(zone: string | undefined): number {
  if (zone === undefined) return BEIJING_OFFSET_MS;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || 0)];
  // UTC offsets run from -12:00 to +14:00.
  return hours > 14 || minutes > 59 ? NaN : sign * (hours * 60 + minutes) * 60_000;
}

/** One CSV record: its fields, or why the line could not be read as CSV. */
export type CsvRow = { line: number; fields: string[] } | { line: number; error: string };

/** Stands in for a line that must not reach csv-parse; it comes back as a one-field record. */
const UNREADABLE = '\u0001';
const BATCH_LINES = 256;
const BLANK_BATCH = '\n'.repeat(BATCH_LINES);

/**
 * Whether a line leaves a quoted field open, as csv-parse (with `relax_quotes`) would see it. Call logs are one
 * record per line, so an open quote is a broken line: caught here, it costs one row instead of swallowing the
 * rest of the file into one field.
 */
export function hasOpenQuote(line: string): boolean {
  let i = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      i += 1;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) return true;
        i = close + 1;
        if (line.charCodeAt(i) !== 34) break;
        i += 1;
      }
    }
    const comma = line.indexOf(',', i);
    if (comma < 0) return false;
    i = comma + 1;
  }
}

/**
 * CSV records over numbered lines with csv-parse's stream parser, one record per line (RFC 4180 quoting,
 * `""` inside quotes), in batches (one await per batch, not per row). Blank lines are passed over. The lines
 * must be consecutive, as `readLines` gives them.
 */
export async function* readCsvRows(lines: AsyncIterable<NumberedLine>): AsyncGenerator<CsvRow[]> {
  let firstLine = 0;
  // Each non-blank line given to the parser comes back as one record or one skipped error, in order; keeping
  // their numbers here is much cheaper than csv-parse's per-record `info`.
  const given: number[] = [];
  let next = 0;
  const failed = new Map<number, string>();
  const parser = parse({
    record_delimiter: '\n',
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      const line = firstLine - 1 + Number(err?.lines ?? 0);
      if (!failed.has(line)) failed.set(line, err?.message ?? 'unreadable CSV');
    },
  });
  const takeFailed = (rows: CsvRow[]) => {
    for (let line = given[next]; line !== undefined && failed.has(line); line = given[++next]) {
      rows.push({ line, error: failed.get(line) as string });
      failed.delete(line);
    }
  };
  const takeRecord = (record: string[], rows: CsvRow[]) => {
    takeFailed(rows);
    const line = given[next++] as number;
    rows.push(
      record.length === 1 && record[0] === UNREADABLE
        ? { line, error: 'a quoted field is not closed on its line' }
        : { line, fields: record },
    );
  };
  let batch = '';
  let count = 0;
  // Lines of the batch with no quote at all: their fields are the text between commas, as csv-parse would
  // give them, so a batch of only such lines is split here without the parser (issue 18: most call logs).
  let plain: CsvRow[] = [];
  let quoted = false;
  for await (const { line, text } of lines) {
    if (firstLine === 0) firstLine = line;
    const blank = text.trim() === '';
    if (!blank) {
      given.push(line);
      if (!quoted && text.indexOf('"') < 0) plain.push({ line, fields: text.split(',') });
      else quoted = true;
    }
    batch += (blank ? '' : text.indexOf('"') >= 0 && hasOpenQuote(text) ? UNREADABLE : text) + '\n';
    if (++count % BATCH_LINES !== 0) continue;
    if (!quoted && next === 0 && given.length === plain.length && failed.size === 0) {
      // Nothing of an earlier batch is still inside the parser: these rows can go out in their place.
      // csv-parse still sees the (blank) lines so that its line count, used for error lines, stays right.
      parser.write(BLANK_BATCH);
      batch = '';
      given.length = 0;
      const rows = plain;
      plain = [];
      if (rows.length > 0) yield rows;
      continue;
    }
    plain = [];
    quoted = false;
    parser.write(batch);
    batch = '';
    const rows: CsvRow[] = [];
    let record: string[] | null;
    while ((record = parser.read() as string[] | null) !== null) takeRecord(record, rows);
    given.splice(0, next);
    next = 0;
    if (rows.length > 0) yield rows;
  }
  parser.end(batch);
  const rows: CsvRow[] = [];
  for await (const record of parser as AsyncIterable<string[]>) takeRecord(record, rows);
  takeFailed(rows);
  yield rows;
}
