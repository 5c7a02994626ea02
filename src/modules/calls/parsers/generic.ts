/**
 * Our own documented call-log format (docs/calls-formats.md): CSV with a header row, or JSON Lines, one call
 * per row. It is what a switch we have no parser for, or a CTI vendor, is asked to export.
 */
import { ABANDON_REASONS, type AbandonReason, type CallRecord, type ParsedItem } from '../model.ts';
import { type NumberedLine, parseTimestamp, readCsvRows } from './lines.ts';

/** The fields of a row: CSV column (snake_case) and JSONL key (camelCase). */
const FIELDS = {
  callId: 'call_id',
  callerNumber: 'caller_number',
  queue: 'queue',
  offeredAt: 'offered_at',
  answeredAt: 'answered_at',
  agent: 'agent',
  endedAt: 'ended_at',
  abandonedAt: 'abandoned_at',
  abandonReason: 'abandon_reason',
  ivrRating: 'ivr_rating',
  orderNumbers: 'order_numbers',
} as const;
type Field = keyof typeof FIELDS;
const FIELD_KEYS = Object.keys(FIELDS) as Field[];

/** A row's raw values and how to name a field in a rejection (the spelling the file uses). */
interface RawRow {
  values: Partial<Record<Field, unknown>>;
  name(field: Field): string;
}

const TIME_FIELDS = ['offeredAt', 'answeredAt', 'endedAt', 'abandonedAt'] as const;

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

export async function* parseGenericLog(lines: AsyncIterable<NumberedLine>): AsyncGenerator<ParsedItem[]> {
  const iterator = lines[Symbol.asyncIterator]();
  const peeked: NumberedLine[] = [];
  let first: IteratorResult<NumberedLine>;
  while (!(first = await iterator.next()).done) {
    peeked.push(first.value);
    if (first.value.text.trim() !== '') break;
  }
  const all = replay(peeked, iterator);
  const jsonl = !first.done && first.value.text.trimStart().startsWith('{');
  yield* jsonl ? readJsonl(all) : readCsv(all);
}

/** The lines looked at to choose the format, then the rest. */
async function* replay(
  peeked: NumberedLine[],
  rest: AsyncIterator<NumberedLine>,
): AsyncGenerator<NumberedLine> {
  yield* peeked;
  let next: IteratorResult<NumberedLine>;
  while (!(next = await rest.next()).done) yield next.value;
}

const BATCH = 256;
/** Where each field is in a CSV row, from the header. */
type Columns = Record<Field, number | undefined>;
const jsonName = (field: Field) => field;
const csvName = (field: Field) => FIELDS[field];
// Excel in a Chinese locale saves CSV as GBK; decoded as UTF-8 its Chinese turns into U+FFFD.
const NOT_UTF8 = 'the line is not valid UTF-8 (save the file as UTF-8)';

async function* readJsonl(lines: AsyncIterable<NumberedLine>): AsyncGenerator<ParsedItem[]> {
  let out: ParsedItem[] = [];
  for await (const { line, text } of lines) {
    if (text.trim() === '') continue;
    out.push(readJsonLine(line, text));
    if (out.length >= BATCH) {
      yield out;
      out = [];
    }
  }
  yield out;
}

function readJsonLine(line: number, text: string): ParsedItem {
  if (text.includes('\uFFFD')) return rejected(line, NOT_UTF8);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return rejected(line, `not valid JSON: ${(err as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return rejected(line, 'line is not a JSON object');
  }
  return buildRecord({ values: value as Partial<Record<Field, unknown>>, name: jsonName }, line);
}

async function* readCsv(lines: AsyncIterable<NumberedLine>): AsyncGenerator<ParsedItem[]> {
  let columns: Columns | null = null;
  let width = 0;
  for await (const rows of readCsvRows(lines)) {
    const out: ParsedItem[] = [];
    for (const row of rows) {
      if ('error' in row) {
        out.push(rejected(row.line, row.error));
      } else if (columns === null) {
        const header = row.fields.map((column) => column.trim().toLowerCase());
        columns = Object.fromEntries(FIELD_KEYS.map((f) => [f, indexOf(header, FIELDS[f])])) as Columns;
        width = header.length;
        const missing = (['callId', 'offeredAt'] as const)
          .filter((f) => columns![f] === undefined)
          .map(csvName);
        if (missing.length > 0) out.push(rejected(row.line, `header lacks column ${missing.join(', ')}`));
      } else if (row.fields.length !== width) {
        out.push(rejected(row.line, `wrong column count: ${row.fields.length}, the header has ${width}`));
      } else if (row.fields.some((f) => f.includes('\uFFFD'))) {
        out.push(rejected(row.line, NOT_UTF8));
      } else {
        const values: RawRow['values'] = {};
        for (const field of FIELD_KEYS) {
          const i = columns[field];
          if (i !== undefined) values[field] = row.fields[i];
        }
        out.push(buildRecord({ values, name: csvName }, row.line));
      }
    }
    yield out;
  }
}

function indexOf(header: string[], column: string): number | undefined {
  const i = header.indexOf(column);
  return i < 0 ? undefined : i;
}

function rejected(line: number, reason: string): ParsedItem {
  return { kind: 'rejected', rejected: { line, reason } };
}

/** Validates one row into a call record; the first problem found names its field. */
function buildRecord(row: RawRow, line: number): ParsedItem {
  const strings: Partial<Record<Field, string | null>> = {};
  for (const field of FIELD_KEYS) {
    if (field === 'orderNumbers') continue;
    const checked = readString(row, field);
    if (!checked.ok) return rejected(line, checked.reason);
    strings[field] = checked.value;
  }
  const callId = strings.callId;
  if (!callId) return rejected(line, `${row.name('callId')} is missing`);
  if (!strings.offeredAt) return rejected(line, `${row.name('offeredAt')} is missing`);
  const times: Partial<Record<'offeredAt' | 'answeredAt' | 'endedAt' | 'abandonedAt', Date | null>> = {};
  for (const field of TIME_FIELDS) {
    const text = strings[field];
    const time = text ? parseTimestamp(text) : null;
    if (text && !time) return rejected(line, `${row.name(field)} is not a time: '${text}'`);
    times[field] = time;
  }
  const { offeredAt, answeredAt = null, endedAt = null, abandonedAt = null } = times;
  const problem = checkOrder(row, offeredAt!, answeredAt, endedAt, abandonedAt);
  if (problem) return rejected(line, problem);
  const reason = readReason(row, strings.abandonReason ?? null, abandonedAt);
  if (!reason.ok) return rejected(line, reason.reason);
  const rating = readRating(row, strings.ivrRating ?? null);
  if (!rating.ok) return rejected(line, rating.reason);
  const orders = readOrderNumbers(row);
  if (!orders.ok) return rejected(line, orders.reason);
  const record: CallRecord = {
    callId,
    source: 'generic',
    callerNumber: strings.callerNumber ?? null,
    queue: strings.queue ?? null,
    offeredAt: offeredAt!,
    answeredAt,
    agent: strings.agent ?? null,
    endedAt,
    abandonedAt,
    abandonReason: reason.value,
    ivrRating: rating.value,
    orderNumbers: orders.value,
  };
  return { kind: 'record', record, line };
}

/** A text field: trimmed, empty as null; JSON numbers are accepted (call ids and numbers often are). */
function readString(row: RawRow, field: Field): Checked<string | null> {
  const value = row.values[field];
  if (value === undefined || value === null) return { ok: true, value: null };
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value) };
  if (typeof value !== 'string') return { ok: false, reason: `${row.name(field)} must be a string` };
  const trimmed = value.trim();
  return { ok: true, value: trimmed === '' ? null : trimmed };
}

function checkOrder(
  row: RawRow,
  offered: Date,
  answered: Date | null,
  ended: Date | null,
  abandoned: Date | null,
) {
  const [o, a, e, x] = [offered.getTime(), answered?.getTime(), ended?.getTime(), abandoned?.getTime()];
  const before = (later: Field, earlier: Field) => `${row.name(later)} is before ${row.name(earlier)}`;
  if (a !== undefined && x !== undefined)
    return `${row.name('answeredAt')} and ${row.name('abandonedAt')} are both set`;
  if (a !== undefined && a < o) return before('answeredAt', 'offeredAt');
  if (x !== undefined && x < o) return before('abandonedAt', 'offeredAt');
  if (e !== undefined && a !== undefined && e < a) return before('endedAt', 'answeredAt');
  if (e !== undefined && e < o) return before('endedAt', 'offeredAt');
  return null;
}

function readReason(
  row: RawRow,
  text: string | null,
  abandonedAt: Date | null,
): Checked<AbandonReason | null> {
  if (text === null) return { ok: true, value: abandonedAt ? 'caller_hangup' : null };
  if (!(ABANDON_REASONS as readonly string[]).includes(text)) {
    return {
      ok: false,
      reason: `${row.name('abandonReason')} '${text}' is not one of ${ABANDON_REASONS.join(', ')}`,
    };
  }
  if (!abandonedAt)
    return { ok: false, reason: `${row.name('abandonReason')} is set but ${row.name('abandonedAt')} is not` };
  return { ok: true, value: text as AbandonReason };
}

function readRating(row: RawRow, text: string | null): Checked<number | null> {
  if (text === null) return { ok: true, value: null };
  const rating = Number(text);
  if (!/^\d$/.test(text) || rating < 1 || rating > 5) {
    return { ok: false, reason: `${row.name('ivrRating')} must be 1 to 5, not '${text}'` };
  }
  return { ok: true, value: rating };
}

/** Order numbers separated by `;` or `|` (never `,`, the CSV delimiter), or in JSONL an array. */
function readOrderNumbers(row: RawRow): Checked<string[]> {
  const value = row.values.orderNumbers;
  if (value === undefined || value === null) return { ok: true, value: [] };
  if (typeof value === 'string') {
    return { ok: true, value: cleanList(value.split(/[;|]/)) };
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return { ok: true, value: cleanList(value) };
  }
  return { ok: false, reason: `${row.name('orderNumbers')} must be a list of order numbers` };
}

function cleanList(items: (string | number)[]): string[] {
  const out: string[] = [];
  for (const item of items) {
    const s = String(item).trim();
    if (s !== '') out.push(s);
  }
  return out;
}
