import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  type CsvRow,
  hasOpenQuote,
  type NumberedLine,
  parseTimestamp,
  readCsvRows,
  readLines,
} from './lines.ts';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function collectRows(batches: AsyncIterable<CsvRow[]>): Promise<CsvRow[]> {
  return (await collect(batches)).flat();
}

async function* fromArray(items: string[]): AsyncGenerator<string> {
  yield* items;
}

describe('readLines', () => {
  it('numbers the lines of a stream from 1, dropping CRLF and the UTF-8 byte-order mark', async () => {
    const bytes = Buffer.from('\uFEFFa,b\r\n\r\nc,d\re,f\ng', 'utf8');
    expect(await collect(readLines(Readable.from([bytes])))).toEqual([
      { line: 1, text: 'a,b' },
      { line: 2, text: '' },
      { line: 3, text: 'c,d' },
      { line: 4, text: 'e,f' },
      { line: 5, text: 'g' },
    ]);
  });

  it('reads a UTF-8 character split across two chunks', async () => {
    const bytes = Buffer.from('队列\n', 'utf8');
    const lines = await collect(readLines(Readable.from([bytes.subarray(0, 2), bytes.subarray(2)])));
    expect(lines).toEqual([{ line: 1, text: '队列' }]);
  });

  it('takes each item of an iterable as a line, splitting items that hold line breaks', async () => {
    const lines = await collect(readLines(fromArray(['\uFEFFone\r', 'two\nthree\n', 'four'])));
    expect(lines.map((l) => `${l.line}:${l.text}`)).toEqual(['1:one', '2:two', '3:three', '4:four']);
  });
});

describe('parseTimestamp', () => {
  const iso = (text: string) => parseTimestamp(text)?.toISOString() ?? null;
  it.each([
    ['2025-03-04T09:00:00+08:00', '2025-03-04T01:00:00.000Z'],
    ['2025-03-04T09:00:00.250+08:00', '2025-03-04T01:00:00.250Z'],
    ['2025-03-04T01:00:00Z', '2025-03-04T01:00:00.000Z'],
    ['2025-03-04 09:00:00+0800', '2025-03-04T01:00:00.000Z'],
    ['2025-03-04T09:00:00+08', '2025-03-04T01:00:00.000Z'],
    ['2025-03-03T20:00:00-05:00', '2025-03-04T01:00:00.000Z'],
    ['2025-03-04T05:30:00+04:30', '2025-03-04T01:00:00.000Z'],
    ['2025-03-04 09:00:00', '2025-03-04T01:00:00.000Z'],
    ['2025-03-04T09:00:00', '2025-03-04T01:00:00.000Z'],
    ['2025-03-04 09:00:00.5', '2025-03-04T01:00:00.500Z'],
    ['2025-03-04 00:30:00', '2025-03-03T16:30:00.000Z'],
    ['1741050000', '2025-03-04T01:00:00.000Z'],
    ['1741050000.75', '2025-03-04T01:00:00.750Z'],
    ['1741050000123', '2025-03-04T01:00:00.123Z'],
    [' 1741050000 ', '2025-03-04T01:00:00.000Z'],
  ])('%s → %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    '',
    'yesterday',
    '2025-03-04',
    '2025-02-29 10:00:00',
    '2025-03-04 24:00:00',
    '2025-03-04 09:60:00',
    '2025-13-01 09:00:00',
    '2025/03/04 09:00:00',
    '174105000',
    '17410500001',
    '174105000012',
    '1741050000.',
    '-1741050000',
    '2025-03-04T09:00:00+25:00',
    '2025-03-04T09:00:00+08:75',
    '2025-03-04T09:00:00+8',
  ])('rejects %j', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });

  it('accepts 29 February in a leap year', () => {
    expect(iso('2024-02-29 08:00:00')).toBe('2024-02-29T00:00:00.000Z');
  });
});

describe('hasOpenQuote', () => {
  it.each([
    ['a,b,c', false],
    ['"a","b ""quoted""",c', false],
    ['a"b,c', false],
    ['"a"x,"b"', false],
    ['"a,b', true],
    ['a,"b', true],
    ['"a""', true],
    ['"a","b"",c', true],
  ])('%j → %s', (line, open) => {
    expect(hasOpenQuote(line)).toBe(open);
  });
});

describe('readCsvRows', () => {
  async function* numbered(texts: string[]): AsyncGenerator<NumberedLine> {
    for (const [i, text] of texts.entries()) yield { line: i + 1, text };
  }

  it('gives each record with its line, passing over blank lines', async () => {
    const got = await collectRows(readCsvRows(numbered(['a,b', '', '  ', '"x, y","say ""hi"""', 'c'])));
    expect(got).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['x, y', 'say "hi"'] },
      { line: 5, fields: ['c'] },
    ]);
  });

  it('costs a line with an unclosed quote one row, not the rest of the file', async () => {
    const got = await collectRows(readCsvRows(numbered(['a,b', '"broken,c', 'd,e'])));
    expect(got).toEqual<CsvRow[]>([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, error: 'a quoted field is not closed on its line' },
      { line: 3, fields: ['d', 'e'] },
    ]);
  });

  it('keeps line numbers right across batches', async () => {
    const texts = Array.from({ length: 1000 }, (_, i) => (i % 7 === 3 ? '' : `${i + 1},x`));
    const got = await collectRows(readCsvRows(numbered(texts)));
    expect(got.length).toBe(texts.filter((t) => t !== '').length);
    for (const row of got) expect('fields' in row && row.fields[0]).toBe(String(row.line));
  });

  it('splits batches without quotes itself as csv-parse would, in order with the batches that have some', async () => {
    // Plain batches (split here) before, between and after batches with quotes (through csv-parse).
    const plain = (i: number) => [`${i},a b, c ,,`, `${i},,`, ` ${i}`, `${i},x\ty;z|w`][i % 4]!;
    const texts = Array.from({ length: 1400 }, (_, i) =>
      i % 97 === 5 ? '' : i >= 300 && i < 520 && i % 50 === 0 ? `${i + 1},"q, ""r""",s` : plain(i + 1),
    );
    texts[700] = '"broken,701';
    const got = await collectRows(readCsvRows(numbered(texts)));
    const want = texts.flatMap((text, i): CsvRow[] =>
      text.trim() === ''
        ? []
        : hasOpenQuote(text)
          ? [{ line: i + 1, error: 'a quoted field is not closed on its line' }]
          : [{ line: i + 1, fields: parse(text, { relax_quotes: true, relax_column_count: true })[0]! }],
    );
    expect(got).toEqual(want);
  });

  it('numbers from the first line it is given', async () => {
    async function* later(): AsyncGenerator<NumberedLine> {
      yield { line: 7, text: 'a' };
      yield { line: 8, text: '"b' };
      yield { line: 9, text: 'c' };
    }
    expect((await collectRows(readCsvRows(later()))).map((r) => r.line)).toEqual([7, 8, 9]);
    expect(await collectRows(readCsvRows(numbered([])))).toEqual([]);
  });
});
