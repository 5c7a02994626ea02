import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import type { CallRecord, RejectedLine } from '../model.ts';
import { DEFAULT_CDR_TEMPLATE } from './freeswitch-cdr.ts';
import { parseCallLog, type ParseOptions } from './index.ts';

async function parseCdr(input: string, options: ParseOptions = {}) {
  const parsed = parseCallLog('freeswitch', Readable.from([Buffer.from(input)]), options);
  const records: (CallRecord & { line: number })[] = [];
  const rejected: RejectedLine[] = [];
  for await (const item of parsed.items) {
    if (item.kind === 'record') records.push({ ...item.record, line: item.line });
    else rejected.push(item.rejected);
  }
  return { records, rejected, stats: parsed.stats() };
}

type Vars = Partial<
  Record<(typeof DEFAULT_CDR_TEMPLATE)[number] | 'cc_side' | 'cc_cause' | 'cc_member_session_uuid', string>
>;
const T = 1741050000; // 2025-03-04 09:00:00 +08:00

/** A line as mod_cdr_csv writes it: every value double-quoted, in the template's order. */
function cdrLine(vars: Vars, template: readonly string[] = DEFAULT_CDR_TEMPLATE): string {
  return template.map((name) => `"${(vars[name as keyof Vars] ?? '').replaceAll('"', '""')}"`).join(',');
}

const base: Vars = {
  caller_id_name: '张三',
  caller_id_number: '13800000001',
  destination_number: '12345',
  context: 'public',
  start_stamp: '2025-03-04 08:59:40',
  answer_stamp: '2025-03-04 08:59:41',
  hangup_cause: 'NORMAL_CLEARING',
  bleg_uuid: '',
  read_codec: 'PCMA',
  write_codec: 'PCMA',
  cc_queue: 'hotline@default',
  cc_queue_joined_epoch: String(T),
};
const answered = (uuid: string, more: Vars = {}): Vars => ({
  ...base,
  uuid,
  cc_queue_answered_epoch: String(T + 8),
  cc_agent: '1001@default',
  end_stamp: '2025-03-04 09:03:20',
  ...more,
});
const canceled = (uuid: string, reason: string, more: Vars = {}): Vars => ({
  ...base,
  uuid,
  cc_queue_canceled_epoch: String(T + 40),
  cc_cancel_reason: reason,
  end_stamp: '2025-03-04 09:00:40',
  ...more,
});

describe('FreeSWITCH mod_cdr_csv', () => {
  it('reads the default template: an answered member leg', async () => {
    const { records, rejected } = await parseCdr(cdrLine(answered('m-1', { ivr_rating: '5' })) + '\n');
    expect(rejected).toEqual([]);
    expect(records).toEqual([
      {
        callId: 'm-1',
        source: 'freeswitch',
        callerNumber: '13800000001',
        queue: 'hotline@default',
        offeredAt: new Date('2025-03-04T01:00:00Z'),
        answeredAt: new Date('2025-03-04T01:00:08Z'),
        agent: '1001',
        endedAt: new Date('2025-03-04T01:03:20Z'),
        abandonedAt: null,
        abandonReason: null,
        ivrRating: 5,
        orderNumbers: [],
        line: 1,
      },
    ]);
  });

  it('maps each cancel reason', async () => {
    const reasons = ['BREAK_OUT', 'TIMEOUT', 'NO_AGENT_TIMEOUT', 'EXIT_WITH_KEY', 'NONE', ''];
    const { records } = await parseCdr(reasons.map((r, i) => cdrLine(canceled(`c-${i}`, r))).join('\n'));
    expect(records.map((r) => r.abandonReason)).toEqual([
      'caller_hangup',
      'timeout',
      'no_agents',
      'exit_key',
      'other',
      'other',
    ]);
    expect(records[0]).toMatchObject({
      abandonedAt: new Date('2025-03-04T01:00:40Z'),
      answeredAt: null,
      agent: null,
    });
  });

  it('skips legs that never joined a queue and agent legs, keeping one record per member uuid', async () => {
    const { records, rejected, stats } = await parseCdr(
      [
        cdrLine({
          ...base,
          uuid: 'ivr-only',
          cc_queue: '',
          cc_queue_joined_epoch: '',
          end_stamp: '2025-03-04 09:00:10',
        }),
        cdrLine(answered('m-2', { bleg_uuid: 'a-2' })),
        // The agent leg mod_callcenter originated: cc_queue and cc_agent, no joined epoch.
        cdrLine({
          ...base,
          uuid: 'a-2',
          cc_queue_joined_epoch: '',
          cc_agent: '1001@default',
          end_stamp: '2025-03-04 09:03:20',
        }),
        cdrLine(answered('m-2', { bleg_uuid: 'a-2' })),
      ].join('\n'),
    );
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.callId, r.line])).toEqual([['m-2', 2]]);
    expect(stats).toMatchObject({ lines: 4, records: 1, skipped: 3 });
  });

  it('reads a header line naming the variables, and tells the agent leg by cc_side or cc_member_session_uuid', async () => {
    const template = [
      'uuid',
      'cc_side',
      'cc_member_session_uuid',
      ...DEFAULT_CDR_TEMPLATE.filter((v) => v !== 'uuid'),
    ];
    const header = template.map((v) => `"\${${v}}"`).join(',');
    const { records, rejected, stats } = await parseCdr(
      [
        header,
        cdrLine(answered('m-3', { cc_side: 'member' }), template),
        cdrLine(answered('a-3', { cc_side: 'agent', cc_member_session_uuid: 'm-3' }), template),
        cdrLine(answered('a-4', { cc_member_session_uuid: 'm-4' }), template),
      ].join('\r\n'),
    );
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.callId, r.line])).toEqual([['m-3', 2]]);
    expect(stats.skipped).toBe(2);
  });

  it('takes the column order from a template option when the file has no header', async () => {
    const template = [
      'uuid',
      'caller_id_number',
      'cc_queue',
      'cc_queue_joined_epoch',
      'cc_queue_answered_epoch',
      'cc_agent',
    ];
    const { records } = await parseCdr(`"t-1","13800000009","hotline","${T}","${T + 3}","1002@default"\n`, {
      template,
    });
    expect(records[0]).toMatchObject({
      callId: 't-1',
      agent: '1002',
      callerNumber: '13800000009',
      endedAt: null,
    });
  });

  it('refuses a header or template that cannot show queue calls', async () => {
    await expect(parseCdr(`"uuid","caller_id_number"\n"x","1"\n`)).rejects.toBeInstanceOf(AppError);
    await expect(parseCdr(`"x","1"\n`, { template: ['uuid', 'caller_id_number'] })).rejects.toThrow(
      /lacks cc_queue, cc_queue_joined_epoch, cc_queue_answered_epoch/,
    );
  });

  it('rejects bad rows with their line numbers and keeps the good rows after them', async () => {
    const { records, rejected } = await parseCdr(
      [
        cdrLine(answered('b-1', { cc_queue_joined_epoch: 'soon' })),
        cdrLine(answered('b-2')).replace(/,"[^"]*"$/, ''),
        cdrLine(answered('b-3', { end_stamp: '2025-03-04 08:00:00' })),
        cdrLine(
          answered('b-4', { cc_queue_answered_epoch: String(T + 8), end_stamp: '2025-03-04 09:00:05' }),
        ),
        cdrLine(answered('', {})),
        cdrLine(answered('b-6', { end_stamp: '04/03/2025 09:03' })),
        cdrLine(answered('b-7', { cc_queue_canceled_epoch: String(T + 20) })),
        '"b-8","unclosed',
        cdrLine({ ...base, uuid: 'b-9' }),
        cdrLine(answered('ok')),
      ].join('\n'),
    );
    expect(rejected).toEqual([
      { line: 1, reason: "cc_queue_joined_epoch is not a time: 'soon'" },
      { line: 2, reason: 'wrong column count: 21, the template has 22' },
      { line: 3, reason: 'end_stamp is before cc_queue_joined_epoch' },
      { line: 4, reason: 'end_stamp is before cc_queue_answered_epoch' },
      { line: 5, reason: 'uuid is empty' },
      { line: 6, reason: "end_stamp is not a time: '04/03/2025 09:03'" },
      {
        line: 7,
        reason:
          'cc_queue_answered_epoch and cc_queue_canceled_epoch are both set after cc_queue_joined_epoch',
      },
      { line: 8, reason: 'a quoted field is not closed on its line' },
      { line: 9, reason: 'neither answered nor canceled, and no end_stamp' },
    ]);
    expect(records.map((r) => [r.callId, r.line])).toEqual([['ok', 10]]);
  });

  it('ignores an outcome left from an earlier queue visit of the same channel', async () => {
    // Timed out of the first queue at T-10, joined the overflow queue at T, answered there at T+8.
    const { records } = await parseCdr(
      cdrLine(answered('v-1', { cc_queue_canceled_epoch: String(T - 10), cc_cancel_reason: 'TIMEOUT' })),
    );
    expect(records).toEqual([
      expect.objectContaining({ callId: 'v-1', agent: '1001', abandonedAt: null, abandonReason: null }),
    ]);
  });

  it('decides by cc_cause when the header has it, and reads an unanswered leg without cancel epoch as abandoned', async () => {
    const template = [...DEFAULT_CDR_TEMPLATE, 'cc_cause'];
    const header = template.join(',');
    const { records, rejected } = await parseCdr(
      [
        header,
        cdrLine(
          answered('w-1', {
            cc_queue_canceled_epoch: String(T + 20),
            cc_cancel_reason: 'BREAK_OUT',
            cc_cause: 'cancel',
          }),
          template,
        ),
        cdrLine(answered('w-2', { cc_queue_canceled_epoch: String(T + 20), cc_cause: 'answered' }), template),
        cdrLine({ ...base, uuid: 'w-3', end_stamp: '2025-03-04 09:00:30' }, template),
      ].join('\n'),
    );
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.callId, r.answeredAt !== null, r.abandonReason])).toEqual([
      ['w-1', false, 'caller_hangup'],
      ['w-2', true, null],
      ['w-3', false, 'other'],
    ]);
  });

  it('keeps ivr_rating only when it is 1 to 5', async () => {
    const { records } = await parseCdr(
      ['1', '5', '0', '9', '', 'x'].map((r, i) => cdrLine(answered(`r-${i}`, { ivr_rating: r }))).join('\n'),
    );
    expect(records.map((r) => r.ivrRating)).toEqual([1, 5, null, null, null, null]);
  });
});
