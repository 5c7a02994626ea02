import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CallRecord, RejectedLine } from '../model.ts';
import { parseCallLog } from './index.ts';

async function parseGeneric(input: string | Buffer) {
  const parsed = parseCallLog('generic', Readable.from([Buffer.from(input)]));
  const records: (CallRecord & { line: number })[] = [];
  const rejected: RejectedLine[] = [];
  for await (const item of parsed.items) {
    if (item.kind === 'record') records.push({ ...item.record, line: item.line });
    else rejected.push(item.rejected);
  }
  return { records, rejected, stats: parsed.stats() };
}

const HEADER =
  'call_id,caller_number,queue,offered_at,answered_at,agent,ended_at,abandoned_at,abandon_reason,ivr_rating,order_numbers';

describe('generic CSV', () => {
  it('maps every column of an answered and an abandoned call', async () => {
    const { records, rejected } = await parseGeneric(
      [
        HEADER,
        'A1,13800000001,hotline,2025-03-04 09:00:00,2025-03-04 09:00:12,1001,2025-03-04 09:05:00,,,5,LH20250304001;LH20250304002',
        'A2,13800000002,hotline,2025-03-04T01:10:00Z,,,,2025-03-04T01:10:40Z,timeout,,',
      ].join('\n'),
    );
    expect(rejected).toEqual([]);
    expect(records).toEqual([
      {
        callId: 'A1',
        source: 'generic',
        callerNumber: '13800000001',
        queue: 'hotline',
        offeredAt: new Date('2025-03-04T01:00:00Z'),
        answeredAt: new Date('2025-03-04T01:00:12Z'),
        agent: '1001',
        endedAt: new Date('2025-03-04T01:05:00Z'),
        abandonedAt: null,
        abandonReason: null,
        ivrRating: 5,
        orderNumbers: ['LH20250304001', 'LH20250304002'],
        line: 2,
      },
      {
        callId: 'A2',
        source: 'generic',
        callerNumber: '13800000002',
        queue: 'hotline',
        offeredAt: new Date('2025-03-04T01:10:00Z'),
        answeredAt: null,
        agent: null,
        endedAt: null,
        abandonedAt: new Date('2025-03-04T01:10:40Z'),
        abandonReason: 'timeout',
        ivrRating: null,
        orderNumbers: [],
        line: 3,
      },
    ]);
  });

  it('takes columns in any order and case, ignores unknown ones, and needs only call_id and offered_at', async () => {
    const { records, rejected } = await parseGeneric(
      'Offered_At,remark,CALL_ID,abandoned_at,order_numbers\n1741050000,夜间,B1,1741050030,"X1 | X2"\n',
    );
    expect(rejected).toEqual([]);
    expect(records[0]).toMatchObject({
      callId: 'B1',
      offeredAt: new Date('2025-03-04T01:00:00Z'),
      abandonedAt: new Date('2025-03-04T01:00:30Z'),
      abandonReason: 'caller_hangup',
      callerNumber: null,
      queue: null,
      orderNumbers: ['X1', 'X2'],
    });
  });

  it('reads a CRLF file with a byte-order mark, as Excel saves "CSV UTF-8"', async () => {
    const { records } = await parseGeneric(
      `\uFEFF${HEADER}\r\nC1,,人工,2025-03-04 09:00:00,2025-03-04 09:00:05,1001,,,,,\r\n`,
    );
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      callId: 'C1',
      queue: '人工',
      answeredAt: new Date('2025-03-04T01:00:05Z'),
    });
  });

  it('rejects each bad row with its line and a reason naming the field, and keeps the good rows after it', async () => {
    const rows = [
      HEADER,
      ',138,q,2025-03-04 09:00:00,,,,,,,',
      'D2,138,q,,,,,,,,',
      'D3,138,q,2025-03-04 9:00,,,,,,,',
      'D4,138,q,2025-03-04 09:00:00,2025-03-04 09:00:10,1001,,2025-03-04 09:00:20,,,',
      'D5,138,q,2025-03-04 09:00:00,2025-03-04 08:59:00,1001,,,,,',
      'D6,138,q,2025-03-04 09:00:00,,,,2025-03-04 08:00:00,,,',
      'D7,138,q,2025-03-04 09:00:00,2025-03-04 09:00:10,1001,2025-03-04 09:00:05,,,,',
      'D8,138,q,2025-03-04 09:00:00,2025-03-04 09:00:10,1001,,,,6,',
      'D9,138,q,2025-03-04 09:00:00,,,,2025-03-04 09:01:00,hung_up,,',
      'D10,138,q,2025-03-04 09:00:00,,,',
      'D11,138,q,2025-03-04 09:00:00,2025-03-04 09:00:10,1001,,,timeout,,',
      'D12,138,q,2025-03-04 09:00:00,2025-03-04 09:00:10,1001,,,,0,',
      'D13,138,q,"2025-03-04 09:00:00,,,,,,,',
      'OK,138,q,2025-03-04 09:00:00,2025-03-04 09:00:10,1001,2025-03-04 09:03:00,,,4,',
    ];
    const { records, rejected, stats } = await parseGeneric(rows.join('\n'));
    expect(rejected).toEqual([
      { line: 2, reason: 'call_id is missing' },
      { line: 3, reason: 'offered_at is missing' },
      { line: 4, reason: "offered_at is not a time: '2025-03-04 9:00'" },
      { line: 5, reason: 'answered_at and abandoned_at are both set' },
      { line: 6, reason: 'answered_at is before offered_at' },
      { line: 7, reason: 'abandoned_at is before offered_at' },
      { line: 8, reason: 'ended_at is before answered_at' },
      { line: 9, reason: "ivr_rating must be 1 to 5, not '6'" },
      {
        line: 10,
        reason: "abandon_reason 'hung_up' is not one of caller_hangup, timeout, no_agents, exit_key, other",
      },
      { line: 11, reason: 'wrong column count: 7, the header has 11' },
      { line: 12, reason: 'abandon_reason is set but abandoned_at is not' },
      { line: 13, reason: "ivr_rating must be 1 to 5, not '0'" },
      { line: 14, reason: 'a quoted field is not closed on its line' },
    ]);
    expect(records.map((r) => [r.callId, r.line, r.ivrRating])).toEqual([['OK', 15, 4]]);
    expect(stats).toMatchObject({ lines: 15, records: 1, rejected: 13, skipped: 0 });
  });

  it('rejects a header without the required columns', async () => {
    const { rejected } = await parseGeneric('id,time\nE1,2025-03-04 09:00:00\n');
    expect(rejected).toEqual([
      { line: 1, reason: 'header lacks column call_id, offered_at' },
      { line: 2, reason: 'call_id is missing' },
    ]);
  });

  it('rejects a row that is not UTF-8 (a GBK export) instead of storing mojibake', async () => {
    const gbkQueue = Buffer.from([0xc8, 0xcb, 0xb9, 0xa4]); // 人工 in GBK
    const file = Buffer.concat([
      Buffer.from('call_id,queue,offered_at\nG1,'),
      gbkQueue,
      Buffer.from(',1741050000\n'),
    ]);
    const { rejected } = await parseGeneric(file);
    expect(rejected).toEqual([{ line: 2, reason: 'the line is not valid UTF-8 (save the file as UTF-8)' }]);
  });

  it('keeps a quoted field holding the delimiter', async () => {
    const { records } = await parseGeneric('call_id,queue,offered_at\n"F,1","a ""b""",1741050000\n');
    expect(records[0]).toMatchObject({ callId: 'F,1', queue: 'a "b"' });
  });
});

describe('generic JSONL', () => {
  it('is chosen when the first non-empty line starts with {, and maps camelCase keys', async () => {
    const { records, rejected } = await parseGeneric(
      [
        '',
        '{"callId":"J1","callerNumber":"13800000001","queue":"hotline","offeredAt":"2025-03-04T09:00:00+08:00","answeredAt":1741050008,"agent":"1001","endedAt":"2025-03-04 09:03:20","ivrRating":3,"orderNumbers":["LH1","LH2"]}',
        '{"callId":42,"offeredAt":1741050000000,"abandonedAt":"2025-03-04T01:00:40Z","abandonReason":"exit_key","orderNumbers":"LH3;LH4","extra":{"a":1}}',
      ].join('\n'),
    );
    expect(rejected).toEqual([]);
    expect(records).toEqual([
      {
        callId: 'J1',
        source: 'generic',
        callerNumber: '13800000001',
        queue: 'hotline',
        offeredAt: new Date('2025-03-04T01:00:00Z'),
        answeredAt: new Date('2025-03-04T01:00:08Z'),
        agent: '1001',
        endedAt: new Date('2025-03-04T01:03:20Z'),
        abandonedAt: null,
        abandonReason: null,
        ivrRating: 3,
        orderNumbers: ['LH1', 'LH2'],
        line: 2,
      },
      expect.objectContaining({
        callId: '42',
        abandonedAt: new Date('2025-03-04T01:00:40Z'),
        abandonReason: 'exit_key',
        orderNumbers: ['LH3', 'LH4'],
        line: 3,
      }),
    ]);
  });

  it('rejects bad lines with their numbers and reasons in camelCase, and keeps the good ones', async () => {
    const lines = [
      '{"callId":"K1","offeredAt":"2025-03-04T09:00:00+08:00"}',
      '{"callId":"K2","offeredAt":',
      '["K3"]',
      '{"offeredAt":"2025-03-04T09:00:00+08:00"}',
      '{"callId":"K5","offeredAt":"2025-03-04T09:00:00+08:00","agent":{"id":1}}',
      '{"callId":"K6","offeredAt":"2025-03-04T09:00:00+08:00","orderNumbers":{"a":1}}',
      '{"callId":"K7","offeredAt":"2025-03-04T09:00:00+08:00","abandonedAt":"2025-03-04T09:00:10+08:00","answeredAt":"2025-03-04T09:00:05+08:00"}',
      '{"callId":"K8","offeredAt":"2025-03-04T09:00:00+08:00","ivrRating":4.5}',
      '{"callId":"K9","offeredAt":"2025-03-04T09:00:00+08:00","abandonedAt":"2025-03-04T09:00:10+08:00"}',
    ];
    const { records, rejected } = await parseGeneric(lines.join('\r\n'));
    expect(rejected.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(rejected[0]!.reason).toMatch(/^not valid JSON: /);
    expect(rejected.slice(1).map((r) => r.reason)).toEqual([
      'line is not a JSON object',
      'callId is missing',
      'agent must be a string',
      'orderNumbers must be a list of order numbers',
      'answeredAt and abandonedAt are both set',
      "ivrRating must be 1 to 5, not '4.5'",
    ]);
    expect(records.map((r) => [r.callId, r.abandonReason])).toEqual([
      ['K1', null],
      ['K9', 'caller_hangup'],
    ]);
  });
});
