import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CallRecord, RejectedLine } from '../model.ts';
import { normaliseAgent } from './asterisk-queue-log.ts';
import { parseCallLog, type ParseOptions } from './index.ts';

async function parseQueueLog(input: string | AsyncIterable<string>, options: ParseOptions = {}) {
  const source = typeof input === 'string' ? Readable.from([Buffer.from(input)]) : input;
  const parsed = parseCallLog('asterisk-queue-log', source, options);
  const records: (CallRecord & { line: number })[] = [];
  const rejected: RejectedLine[] = [];
  for await (const item of parsed.items) {
    if (item.kind === 'record') records.push({ ...item.record, line: item.line });
    else rejected.push(item.rejected);
  }
  const byId = (id: string) => records.find((r) => r.callId === id);
  return { records, rejected, stats: parsed.stats(), byId };
}

const seconds = (a: Date | null, b: Date | null) => (a && b ? (b.getTime() - a.getTime()) / 1000 : null);
const T = 1741050000; // 2025-03-04 09:00:00 +08:00
const log = (rows: [number, string, string, string, string, ...string[]][]) =>
  rows.map(([dt, ...rest]) => [T + dt, ...rest].join('|')).join('\n');

/** The queue_log of the calls interface check (/work/shared/checks/calls-interface.sh), lines interleaved. */
function readSample(): string {
  const script = readFileSync('/work/shared/checks/calls-interface.sh', 'utf8');
  return /<<'LOG'\n([\s\S]*?)\nLOG/.exec(script)![1]!;
}

describe('the sample queue_log of the calls interface check', () => {
  it('gives 5 calls, 3 answered, and rejects the stray line', async () => {
    const sample = readSample();
    expect(sample.split('\n')).toHaveLength(14);
    const { records, rejected, byId, stats } = await parseQueueLog(sample);
    expect(records).toHaveLength(5);
    expect(records.filter((r) => r.answeredAt)).toHaveLength(3);
    const c1 = byId('c1')!;
    expect(c1).toMatchObject({
      agent: '1001',
      callerNumber: '13800000001',
      queue: 'hotline',
      source: 'asterisk',
    });
    expect(seconds(c1.offeredAt, c1.answeredAt)).toBe(8);
    expect(seconds(c1.answeredAt, c1.endedAt)).toBe(192);
    const c2 = byId('c2')!;
    expect(c2).toMatchObject({ answeredAt: null, abandonReason: 'caller_hangup' });
    expect(seconds(c2.offeredAt, c2.abandonedAt)).toBe(40);
    expect(byId('c5')).toMatchObject({ answeredAt: null, abandonReason: 'timeout' });
    expect(byId('c3')).toMatchObject({ agent: '1002' });
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.line).toBe(14);
    expect(stats).toMatchObject({ lines: 14, records: 5, rejected: 1, openCalls: 0 });
  });
});

describe('events', () => {
  it('maps each outcome event to its abandon reason', async () => {
    const { byId, rejected } = await parseQueueLog(
      log([
        [0, 'a1', 'q', 'NONE', 'ENTERQUEUE', '', '13900000001', '1'],
        [30, 'a1', 'q', 'NONE', 'ABANDON', '1', '1', '30'],
        [0, 'a2', 'q', 'NONE', 'ENTERQUEUE', '', '13900000002', '2'],
        [60, 'a2', 'q', 'NONE', 'EXITWITHTIMEOUT', '1', '2', '60'],
        [0, 'a3', 'q', 'NONE', 'ENTERQUEUE', '', '13900000003', '3'],
        [5, 'a3', 'q', 'NONE', 'EXITEMPTY', '1', '3', '5'],
        [0, 'a4', 'q', 'NONE', 'ENTERQUEUE', '', '13900000004', '4'],
        [9, 'a4', 'q', 'NONE', 'EXITWITHKEY', '0', '1', '4', '9'],
        [0, 'a5', 'q', 'NONE', 'ENTERQUEUE', '', '13900000005', '5'],
        [7, 'a5', 'q', 'SIP/1003', 'SYSCOMPAT', ''],
      ]),
    );
    expect(rejected).toEqual([]);
    expect(['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => byId(id)?.abandonReason)).toEqual([
      'caller_hangup',
      'timeout',
      'no_agents',
      'exit_key',
      'other',
    ]);
    expect(seconds(byId('a4')!.offeredAt, byId('a4')!.abandonedAt)).toBe(9);
  });

  it('ends an answered call at COMPLETEAGENT, COMPLETECALLER or any transfer, and passes over ring attempts', async () => {
    const ends = ['COMPLETEAGENT', 'COMPLETECALLER', 'TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER'];
    const rows = ends.flatMap((event, i): [number, string, string, string, string, ...string[]][] => [
      [0, `b${i}`, 'q', 'NONE', 'ENTERQUEUE', '', `1390000000${i}`, '1'],
      [2, `b${i}`, 'q', 'PJSIP/1002', 'RINGNOANSWER', '2000'],
      [3, `b${i}`, 'q', 'PJSIP/1003', 'RINGCANCELED', '500'],
      [4, `b${i}`, 'q', 'Agent/1004', 'AGENTDUMP'],
      [10, `b${i}`, 'q', 'PJSIP/1001', 'CONNECT', '10', `b${i}-agent`, '3'],
      [
        100 + i,
        `b${i}`,
        'q',
        'PJSIP/1001',
        event,
        ...(event.includes('TRANSFER') ? ['8000', 'ctx', '10', '90', '1'] : ['10', '90', '1']),
      ],
    ]);
    const { records, rejected, stats } = await parseQueueLog(log(rows));
    expect(rejected).toEqual([]);
    expect(
      records.map((r) => [
        r.callId,
        r.agent,
        seconds(r.offeredAt, r.answeredAt),
        seconds(r.offeredAt, r.endedAt),
      ]),
    ).toEqual(ends.map((_, i) => [`b${i}`, '1001', 10, 100 + i]));
    expect(stats.ignored).toBe(15);
  });

  it('skips agent and queue housekeeping without rejecting it', async () => {
    const { records, rejected, stats } = await parseQueueLog(
      [
        `${T}|NONE|NONE|NONE|QUEUESTART|`,
        `${T}|NONE|NONE|NONE|CONFIGRELOAD|`,
        `${T}|NONE|hotline|PJSIP/1001|ADDMEMBER|`,
        `${T}|NONE|hotline|PJSIP/1001|PAUSE|lunch`,
        `${T}|NONE|NONE|PJSIP/1001|PAUSEALL|`,
        `${T}|NONE|NONE|PJSIP/1001|UNPAUSEALL|`,
        `${T}|NONE|hotline|PJSIP/1001|UNPAUSE|`,
        `${T}|NONE|hotline|PJSIP/1001|PENALTY|2`,
        `${T}|NONE|NONE|Agent/1001|AGENTLOGIN|PJSIP/1001-00000001`,
        `${T}|NONE|NONE|Agent/1001|AGENTLOGOFF|PJSIP/1001-00000001|3600`,
        `${T}|NONE|hotline|PJSIP/1001|REMOVEMEMBER|`,
        `${T}|1741050000.1|NONE|NONE|DID|12345`,
      ].join('\n'),
    );
    expect({ records, rejected }).toEqual({ records: [], rejected: [] });
    expect(stats.skipped).toBe(12);
  });
});

describe('malformed lines', () => {
  it('rejects them with line and reason and keeps the calls around them', async () => {
    const { records, rejected } = await parseQueueLog(
      [
        `${T}|m1|q|NONE|ENTERQUEUE||13900000001|1`,
        `${T + 5}|m1|q|NONE`,
        `yesterday|m1|q|NONE|CONNECT|5|m1-b|1`,
        `${T + 5}|m1|q|SIP/1001|SMILE|5`,
        `${T + 5}|NONE|q|SIP/1001|CONNECT|5|x|1`,
        `${T}|m1|q|NONE|ENTERQUEUE||1|2|3|4|5|6`,
        `${T + 6}|m1|q|SIP/1001|CONNECT|6|m1-b|1`,
        `${T + 60}|m1|q|SIP/1001|COMPLETEAGENT|6|54|1`,
      ].join('\n'),
    );
    expect(rejected).toEqual([
      {
        line: 2,
        reason: '4 |-separated field(s); a queue_log line has 5 to 10 (time|callid|queue|agent|event|data…)',
      },
      { line: 3, reason: "time 'yesterday' is not a Unix epoch" },
      { line: 4, reason: 'unknown event SMILE' },
      { line: 5, reason: 'CONNECT without a call id' },
      {
        line: 6,
        reason: '12 |-separated field(s); a queue_log line has 5 to 10 (time|callid|queue|agent|event|data…)',
      },
    ]);
    expect(records.map((r) => [r.callId, r.agent, seconds(r.offeredAt, r.answeredAt)])).toEqual([
      ['m1', '1001', 6],
    ]);
  });

  it('reads realtime-style lines with all ten fields and a trailing CR', async () => {
    const { records } = await parseQueueLog(
      `${T}|r1|q|NONE|ENTERQUEUE||13900000001|1||\r\n${T + 4}|r1|q|Local/1001@from-queue/n|CONNECT|4|r1-b|2||\r\n${T + 9}|r1|q|Local/1001@from-queue/n|COMPLETECALLER|4|5|1||\r\n`,
    );
    expect(records[0]).toMatchObject({ callId: 'r1', agent: '1001', callerNumber: '13900000001' });
  });

  it('rejects lines for a call that contradict what it already did', async () => {
    const { records, rejected, stats } = await parseQueueLog(
      log([
        [0, 'x1', 'q', 'NONE', 'ENTERQUEUE', '', '139', '1'],
        [5, 'x1', 'q', 'SIP/1001', 'CONNECT', '5', 'x1-b', '1'],
        [6, 'x1', 'q', 'NONE', 'ABANDON', '1', '1', '6'],
        [50, 'x1', 'q', 'SIP/1001', 'COMPLETEAGENT', '5', '45', '1'],
        [51, 'x1', 'q', 'SIP/1001', 'COMPLETECALLER', '5', '46', '1'],
        [20, 'x1', 'q', 'NONE', 'EXITWITHTIMEOUT', '1', '1', '20'],
      ]),
    );
    expect(records).toHaveLength(1);
    expect(rejected).toEqual([
      { line: 3, reason: 'ABANDON for a call that was answered already' },
      { line: 6, reason: 'EXITWITHTIMEOUT after the call had already left the queue' },
    ]);
    expect(stats.ignored).toBe(1);
  });
});

describe('assembling by callid', () => {
  it('assembles lines in any order', async () => {
    const rows: [number, string, string, string, string, ...string[]][] = [
      [0, 'o1', 'q', 'NONE', 'ENTERQUEUE', '', '13900000001', '1'],
      [12, 'o1', 'q', 'SIP/1001-0000000a', 'CONNECT', '12', 'o1-b', '4'],
      [80, 'o1', 'q', 'SIP/1001-0000000a', 'COMPLETECALLER', '12', '68', '1'],
      [1, 'o2', 'q', 'NONE', 'ENTERQUEUE', '', '13900000002', '2'],
      [21, 'o2', 'q', 'NONE', 'ABANDON', '2', '2', '20'],
    ];
    const { records, rejected, stats } = await parseQueueLog(log(rows.reverse()));
    expect(rejected).toEqual([]);
    expect(
      records.map((r) => [r.callId, r.line, r.agent, seconds(r.offeredAt, r.answeredAt), r.abandonReason]),
    ).toEqual([
      ['o2', 2, null, null, 'caller_hangup'],
      ['o1', 5, '1001', 12, null],
    ]);
    expect(stats.openCalls).toBe(0);
  });

  it('keeps the lines of a call that come before its ENTERQUEUE until it arrives', async () => {
    const { records, rejected } = await parseQueueLog(
      log([
        [6, 's1', 'q', 'SIP/1001', 'CONNECT', '6', 's1-b', '2'],
        [3, 's1', 'q', 'SIP/1002', 'RINGNOANSWER', '2000'],
        [99, 's1', 'q', 'SIP/1001', 'COMPLETEAGENT', '6', '93', '1'],
        [0, 's1', 'q', 'NONE', 'ENTERQUEUE', '', '139', '1'],
      ]),
    );
    expect(rejected).toEqual([]);
    expect(
      records.map((r) => [
        r.callId,
        r.line,
        seconds(r.offeredAt, r.answeredAt),
        seconds(r.offeredAt, r.endedAt),
      ]),
    ).toEqual([['s1', 4, 6, 99]]);
  });

  it('makes a second offered call of a re-entry into a queue (overflow), numbered #2', async () => {
    const { records, rejected } = await parseQueueLog(
      log([
        [0, 'e1', 'first', 'NONE', 'ENTERQUEUE', '', '13900000001', '1'],
        [60, 'e1', 'first', 'NONE', 'EXITWITHTIMEOUT', '1', '1', '60'],
        [61, 'e1', 'overflow', 'NONE', 'ENTERQUEUE', '', '13900000001', '1'],
        [70, 'e1', 'overflow', 'PJSIP/2001-00000002', 'CONNECT', '9', 'e1-b', '2'],
        [90, 'e1', 'overflow', 'NONE', 'EXITWITHKEY', '5', '1', '1', '29'],
        [200, 'e1', 'overflow', 'PJSIP/2001-00000002', 'COMPLETEAGENT', '9', '130', '1'],
        [300, 'e1', 'third', 'NONE', 'ENTERQUEUE', '', '13900000001', '1'],
        [310, 'e1', 'third', 'NONE', 'ABANDON', '1', '1', '10'],
      ]),
    );
    expect(rejected).toEqual([{ line: 5, reason: 'EXITWITHKEY for a call that was answered already' }]);
    expect(records.map((r) => [r.callId, r.queue, r.agent, r.abandonReason])).toEqual([
      ['e1', 'first', null, 'timeout'],
      ['e1#2', 'overflow', '2001', null],
      ['e1#3', 'third', null, 'caller_hangup'],
    ]);
  });

  it('gives each line to the visit that had entered by its time, not to the last one read', async () => {
    const { records, rejected } = await parseQueueLog(
      log([
        [0, 'e2', 'first', 'NONE', 'ENTERQUEUE', '', '139', '1'],
        [61, 'e2', 'overflow', 'NONE', 'ENTERQUEUE', '', '139', '1'],
        [200, 'e2', 'overflow', 'SIP/2001', 'COMPLETEAGENT', '9', '130', '1'],
        [60, 'e2', 'first', 'NONE', 'EXITWITHTIMEOUT', '1', '1', '60'],
        [70, 'e2', 'overflow', 'SIP/2001', 'CONNECT', '9', 'e2-b', '2'],
      ]),
    );
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.callId, r.queue, r.agent, r.abandonReason])).toEqual([
      ['e2', 'first', null, 'timeout'],
      ['e2#2', 'overflow', '2001', null],
    ]);
  });
});

describe('what the end of the file leaves open', () => {
  it('emits an answered call without its end line, with endedAt null', async () => {
    const { records } = await parseQueueLog(
      log([
        [0, 'u1', 'q', 'NONE', 'ENTERQUEUE', '', '139', '1'],
        [3, 'u1', 'q', 'SIP/1001', 'CONNECT', '3', 'u1-b', '1'],
      ]),
    );
    expect(records[0]).toMatchObject({ callId: 'u1', agent: '1001', endedAt: null });
  });

  it('keeps a call still waiting within 2 hours of the last line and rejects one left longer', async () => {
    const { records, rejected } = await parseQueueLog(
      log([
        [0, 'w1', 'q', 'NONE', 'ENTERQUEUE', '', '139', '1'],
        [3100, 'w2', 'q', 'NONE', 'ENTERQUEUE', '', '139', '1'],
        [7200, 'w3', 'q', 'NONE', 'ENTERQUEUE', '', '139', '1'],
        [10200, 'w4', 'q', 'NONE', 'ENTERQUEUE', '', '139', '1'],
        [10201, 'w4', 'q', 'SIP/1001', 'RINGNOANSWER', '1000'],
      ]),
    );
    expect(rejected).toEqual([{ line: 1, reason: 'call never left the queue in this file' }]);
    expect(records.map((r) => [r.callId, r.answeredAt, r.abandonedAt])).toEqual([
      ['w2', null, null],
      ['w3', null, null],
      ['w4', null, null],
    ]);
  });

  it('takes the answer time from the hold time of an end line whose CONNECT is missing', async () => {
    const { records, rejected } = await parseQueueLog(
      log([
        [0, 'n1', 'q', 'NONE', 'ENTERQUEUE', '', '139', '1'],
        [95, 'n1', 'q', 'SIP/1001', 'COMPLETEAGENT', '15', '80', '1'],
        [0, 'n2', 'q', 'NONE', 'ENTERQUEUE', '', '139', '1'],
        [95, 'n2', 'q', 'SIP/1001', 'COMPLETEAGENT', '', '', ''],
      ]),
    );
    expect(records.map((r) => [r.callId, seconds(r.offeredAt, r.answeredAt), r.agent])).toEqual([
      ['n1', 15, '1001'],
    ]);
    expect(rejected).toEqual([{ line: 3, reason: 'COMPLETEAGENT without CONNECT and without a hold time' }]);
  });

  it('rejects lines of a call whose ENTERQUEUE is not in the file (the previous file has it)', async () => {
    const { records, rejected } = await parseQueueLog(
      log([
        [0, 'p1', 'q', 'SIP/1001', 'COMPLETECALLER', '10', '200', '1'],
        [1, 'p2', 'q', 'NONE', 'ENTERQUEUE', '', '139', '1'],
        [9, 'p2', 'q', 'NONE', 'ABANDON', '1', '1', '8'],
      ]),
    );
    expect(records.map((r) => r.callId)).toEqual(['p2']);
    expect(rejected).toEqual([
      { line: 1, reason: 'COMPLETECALLER for call p1, which has no ENTERQUEUE in this file' },
    ]);
  });
});

describe('memory', () => {
  /** Calls one after another, as a day's queue_log has them: ENTERQUEUE, a missed ring, CONNECT, end. */
  async function* dayOfCalls(lines: number): AsyncGenerator<string> {
    for (let n = 0; n * 4 < lines; n++) {
      const t = T + n * 20;
      const id = `${t}.${n}`;
      yield `${t}|${id}|hotline|NONE|ENTERQUEUE||1380000${String(n % 10000).padStart(4, '0')}|1`;
      yield `${t + 2}|${id}|hotline|PJSIP/1002|RINGNOANSWER|2000`;
      yield `${t + 5}|${id}|hotline|PJSIP/1001|CONNECT|5|${id}-b|3`;
      yield `${t + 18}|${id}|hotline|PJSIP/1001|${n % 2 ? 'COMPLETEAGENT' : 'COMPLETECALLER'}|5|13|1`;
    }
  }

  it('keeps only open calls: a 200,000-line queue_log never holds more than two', async () => {
    const { records, rejected, stats } = await parseQueueLog(dayOfCalls(200_000));
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(50_000);
    expect(stats.lines).toBe(200_000);
    expect(stats.maxOpenCalls).toBeLessThanOrEqual(2);
  });

  it('settles calls left untouched for longer than settleAfterMs while reading', async () => {
    async function* lines(): AsyncGenerator<string> {
      yield `${T}|lost|q|NONE|ENTERQUEUE||139|1`;
      yield `${T + 1}|lost|q|SIP/1001|CONNECT|1|lost-b|1`;
      yield* dayOfCalls(4000);
    }
    const { records, stats } = await parseQueueLog(lines(), { settleAfterMs: 3_600_000 });
    const lost = records.findIndex((r) => r.callId === 'lost');
    expect(records[lost]).toMatchObject({ agent: '1001', endedAt: null });
    expect(lost).toBeLessThan(records.length - 1);
    expect(stats.maxOpenCalls).toBeLessThanOrEqual(3);
  });
});

describe('normaliseAgent', () => {
  it.each([
    ['Local/1001@agents', '1001'],
    ['Local/1001@from-queue/n', '1001'],
    ['SIP/1001', '1001'],
    ['SIP/1001-0000000a', '1001'],
    ['PJSIP/1001-000001f3', '1001'],
    ['PJSIP/1001', '1001'],
    ['IAX2/1001-3172', '1001'],
    ['Agent/1001', '1001'],
    ['1001@default', '1001'],
    ['Zhang Wei', 'Zhang Wei'],
    ['NONE', null],
    ['', null],
  ])('%j → %j', (name, expected) => {
    expect(normaliseAgent(name)).toBe(expected);
  });
});
