/**
 * FreeSWITCH call detail records as mod_cdr_csv writes them: one CSV line per channel (leg) when it hangs up,
 * every value double-quoted, columns in the order of the template in cdr_csv.conf.xml and no header. The queue
 * facts are the channel variables mod_callcenter sets on the caller's ("member") channel: cc_queue,
 * cc_queue_joined_epoch, then cc_queue_answered_epoch and cc_agent, or cc_queue_canceled_epoch and
 * cc_cancel_reason (NONE, TIMEOUT, NO_AGENT_TIMEOUT, BREAK_OUT; EXIT_WITH_KEY in later builds).
 */
import { AppError } from '../../../platform/errors.ts';
import type { AbandonReason, CallRecord, ParsedItem } from '../model.ts';
import { normaliseAgent } from './asterisk-queue-log.ts';
import { type CsvRow, type NumberedLine, type ParseStats, parseTimestamp, readCsvRows } from './lines.ts';

/**
 * The template assumed when the file has no header and none is given: mod_cdr_csv's stock "example" template
 * followed by the mod_callcenter variables and the post-call survey digit. In cdr_csv.conf.xml:
 * `"${caller_id_name}","${caller_id_number}",…,"${cc_agent}","${ivr_rating}"`.
 */
export const DEFAULT_CDR_TEMPLATE = [
  'caller_id_name',
  'caller_id_number',
  'destination_number',
  'context',
  'start_stamp',
  'answer_stamp',
  'end_stamp',
  'duration',
  'billsec',
  'hangup_cause',
  'uuid',
  'bleg_uuid',
  'accountcode',
  'read_codec',
  'write_codec',
  'cc_queue',
  'cc_queue_joined_epoch',
  'cc_queue_answered_epoch',
  'cc_queue_canceled_epoch',
  'cc_cancel_reason',
  'cc_agent',
  'ivr_rating',
] as const;

const REQUIRED = ['uuid', 'cc_queue', 'cc_queue_joined_epoch', 'cc_queue_answered_epoch'];
const TIME_VARIABLES = [
  'cc_queue_joined_epoch',
  'cc_queue_answered_epoch',
  'cc_queue_canceled_epoch',
  'end_stamp',
];

export interface FreeswitchOptions {
  /** The variables of the file's columns, in order (`uuid` or `${uuid}`), when the file has no header. */
  template?: readonly string[];
}

const CANCEL_REASONS: Record<string, AbandonReason> = {
  BREAK_OUT: 'caller_hangup',
  TIMEOUT: 'timeout',
  NO_AGENT_TIMEOUT: 'no_agents',
  EXIT_WITH_KEY: 'exit_key',
};

/** How many member uuids are remembered to drop a repeated leg; legs of one call are written moments apart. */
const DEDUP_WINDOW = 100_000;

interface Columns {
  index: Map<string, number>;
  width: number;
  from: 'header' | 'template';
}

export async function* parseFreeswitchCdr(
  lines: AsyncIterable<NumberedLine>,
  stats: ParseStats,
  options: FreeswitchOptions = {},
): AsyncGenerator<ParsedItem[]> {
  let columns: Columns | null = null;
  const seen = new Set<string>();
  for await (const rows of readCsvRows(lines)) {
    const out: ParsedItem[] = [];
    for (const row of rows) {
      if ('error' in row) {
        out.push(rejected(row.line, row.error));
        continue;
      }
      if (columns === null) {
        if (looksLikeHeader(row.fields)) {
          columns = indexColumns(row.fields, 'header');
          continue;
        }
        columns = indexColumns(options.template ?? DEFAULT_CDR_TEMPLATE, 'template');
      }
      const item = readRow(row, columns, stats, seen);
      if (item) out.push(item);
    }
    yield out;
  }
}

/** `${cc_queue}` or `cc_queue` → `cc_queue`: a header may be the template itself, copied from the config. */
function variableName(text: string): string {
  return text
    .trim()
    .replace(/^\$\{(.*)\}$/, '$1')
    .trim()
    .toLowerCase();
}

function looksLikeHeader(fields: string[]): boolean {
  const names = fields.map(variableName);
  return (
    (names.includes('cc_queue') || names.includes('uuid')) &&
    !fields.some((f) => /^\s*\d{9,}(\.\d+)?\s*$/.test(f))
  );
}

function indexColumns(names: readonly string[], from: Columns['from']): Columns {
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    const key = variableName(name);
    if (!index.has(key)) index.set(key, i);
  });
  const missing = REQUIRED.filter((name) => !index.has(name));
  if (missing.length > 0) {
    const list = missing.join(', ');
    throw new AppError(
      'calls_cdr_columns_missing',
      400,
      `The CDR ${from} lacks ${list}: queue calls cannot be read from it`,
      `话单${from === 'header' ? '表头' : '模板'}缺少 ${list}，无法识别进入人工队列的呼叫`,
      { missing },
    );
  }
  return { index, width: names.length, from };
}

function rejected(line: number, reason: string): ParsedItem {
  return { kind: 'rejected', rejected: { line, reason } };
}

function readRow(
  row: Extract<CsvRow, { fields: string[] }>,
  columns: Columns,
  stats: ParseStats,
  seen: Set<string>,
) {
  const { line, fields } = row;
  if (fields.length !== columns.width) {
    return rejected(line, `wrong column count: ${fields.length}, the ${columns.from} has ${columns.width}`);
  }
  const get = (name: string) => {
    const i = columns.index.get(name);
    return i === undefined ? '' : (fields[i] as string).trim();
  };
  const uuid = get('uuid');
  const member = get('cc_member_session_uuid');
  // Only the member (caller) leg is an offered call; mod_callcenter marks the agent leg cc_side=agent and gives
  // it the member's uuid in cc_member_session_uuid. Without those columns the agent leg lacks the joined epoch.
  const agentLeg = get('cc_side') === 'agent' || (member !== '' && member !== uuid);
  if (get('cc_queue') === '' || get('cc_queue_joined_epoch') === '' || agentLeg || seen.has(uuid)) {
    stats.skipped += 1;
    return null;
  }
  if (uuid === '') return rejected(line, 'uuid is empty');
  const item = buildRecord(line, uuid, get);
  if (item.kind === 'record') {
    seen.add(uuid);
    if (seen.size > DEDUP_WINDOW) seen.delete(seen.values().next().value as string);
  }
  return item;
}

function buildRecord(line: number, uuid: string, get: (name: string) => string): ParsedItem {
  const times: Record<string, Date | null> = {};
  for (const name of TIME_VARIABLES) {
    const text = get(name);
    const time = text === '' ? null : parseTimestamp(text);
    if (text !== '' && time === null) return rejected(line, `${name} is not a time: '${text}'`);
    times[name] = time;
  }
  const offeredAt = times.cc_queue_joined_epoch as Date;
  const endedAt = times.end_stamp ?? null;
  // A channel that visited two queues keeps the variables of both visits, the joined epoch of the last one:
  // an answer or cancel before it belongs to the earlier visit.
  let answeredAt =
    times.cc_queue_answered_epoch && times.cc_queue_answered_epoch >= offeredAt
      ? times.cc_queue_answered_epoch
      : null;
  let canceledAt =
    times.cc_queue_canceled_epoch && times.cc_queue_canceled_epoch >= offeredAt
      ? times.cc_queue_canceled_epoch
      : null;
  if (answeredAt && canceledAt) {
    const cause = get('cc_cause');
    if (cause === 'answered') canceledAt = null;
    else if (cause === 'cancel') answeredAt = null;
    else
      return rejected(
        line,
        'cc_queue_answered_epoch and cc_queue_canceled_epoch are both set after cc_queue_joined_epoch',
      );
  }
  if (endedAt && endedAt < offeredAt) return rejected(line, 'end_stamp is before cc_queue_joined_epoch');
  if (endedAt && answeredAt && endedAt < answeredAt)
    return rejected(line, 'end_stamp is before cc_queue_answered_epoch');
  // The CDR is written at hang-up, so a member leg with neither outcome left the queue unanswered (when it hung up).
  const abandonedAt = answeredAt ? null : (canceledAt ?? endedAt);
  if (!answeredAt && !abandonedAt) return rejected(line, 'neither answered nor canceled, and no end_stamp');
  const cancelReason = canceledAt ? (CANCEL_REASONS[get('cc_cancel_reason')] ?? 'other') : 'other';
  const rating = get('ivr_rating');
  const record: CallRecord = {
    callId: uuid,
    source: 'freeswitch',
    callerNumber: get('caller_id_number') || null,
    queue: get('cc_queue'),
    offeredAt,
    answeredAt,
    agent: answeredAt ? normaliseAgent(get('cc_agent')) : null,
    endedAt,
    abandonedAt,
    abandonReason: abandonedAt ? cancelReason : null,
    // The survey digit is whatever the caller pressed; only 1–5 is a rating.
    ivrRating: /^[1-5]$/.test(rating) ? Number(rating) : null,
    orderNumbers: [],
  };
  return { kind: 'record', record, line };
}
