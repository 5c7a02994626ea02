/**
 * Asterisk's queue_log (Asterisk 1.8–20, FreePBX, Issabel): `time|callid|queue|agent|event|data…`, one line per
 * event, several lines per call. Event names and data fields follow the "Queue Logs" page of the Asterisk
 * documentation and the ast_queue_log() calls in apps/app_queue.c; a file written through realtime
 * (data1…data5) splits the same `|`-separated data, so both read alike.
 */
import type { AbandonReason, CallRecord, ParsedItem } from '../model.ts';
import { type NumberedLine, type ParseStats, parseTimestamp } from './lines.ts';

interface EventRule {
  kind: 'enter' | 'connect' | 'exit' | 'end' | 'attempt' | 'skip';
  reason?: AbandonReason;
  /** Which data field holds the caller's hold time (seconds), for a call whose CONNECT line is missing. */
  holdField?: number;
}

const EVENTS: Record<string, EventRule> = {
  ENTERQUEUE: { kind: 'enter' }, // url|callerid|position
  CONNECT: { kind: 'connect' }, // holdtime|bridged channel uniqueid|ringtime
  ABANDON: { kind: 'exit', reason: 'caller_hangup' }, // position|origposition|waittime
  EXITWITHTIMEOUT: { kind: 'exit', reason: 'timeout' }, // position|origposition|waittime
  EXITEMPTY: { kind: 'exit', reason: 'no_agents' }, // position|origposition|waittime
  EXITWITHKEY: { kind: 'exit', reason: 'exit_key' }, // key|position|origposition|waittime
  // An agent answered but the channels could not be bridged: the caller left the queue unserved.
  SYSCOMPAT: { kind: 'exit', reason: 'other' },
  COMPLETEAGENT: { kind: 'end', holdField: 0 }, // holdtime|calltime|origposition
  COMPLETECALLER: { kind: 'end', holdField: 0 },
  TRANSFER: { kind: 'end', holdField: 2 }, // extension|context|holdtime|calltime|origposition
  BLINDTRANSFER: { kind: 'end', holdField: 2 }, // extension|context|holdtime|calltime|origposition (12+)
  ATTENDEDTRANSFER: { kind: 'end', holdField: 2 }, // method|method-data|holdtime|calltime|origposition (12+)
  // One ring of one agent; the call stays in the queue.
  RINGNOANSWER: { kind: 'attempt' },
  RINGCANCELED: { kind: 'attempt' },
  AGENTDUMP: { kind: 'attempt' },
};
// Agent and queue housekeeping (callid NONE), FreePBX's DID line, and the refusals some builds (Wazo) log for
// a caller who never entered the queue: none is a call offered to the agents.
const NOT_CALLS =
  'ADDMEMBER REMOVEMEMBER PAUSE UNPAUSE PAUSEALL UNPAUSEALL PENALTY AGENTLOGIN AGENTLOGOFF AGENTCALLBACKLOGIN ' +
  'AGENTCALLBACKLOGOFF QUEUESTART CONFIGRELOAD DID JOINEMPTY JOINUNAVAIL FULL';
for (const name of NOT_CALLS.split(' ')) EVENTS[name] = { kind: 'skip' };

export interface AsteriskOptions {
  /** A call with no outcome is kept as still waiting if the file's latest line is at most this much later. */
  waitingHorizonMs?: number;
  /** Calls and stray lines untouched for this long (file time) are settled early, so memory stays bounded. */
  settleAfterMs?: number;
}

const HOUR = 3_600_000;
const FIELD_COUNT =
  '|-separated field(s); a queue_log line has 5 to 10 (time|callid|queue|agent|event|data…)';

/**
 * The extension behind a queue member as app_queue names it: `Local/1001@agents`, `SIP/1001`,
 * `PJSIP/1001-0000002a`, `IAX2/1001-7`, `Agent/1001` → `1001`; FreeSWITCH's `1001@default` → `1001`. Other
 * member names (FreePBX may log a display name) are kept as written; `NONE` or empty is null.
 */
export function normaliseAgent(name: string | null | undefined): string | null {
  const s = (name ?? '').trim();
  if (s === '' || s === 'NONE') return null;
  const m = /^(Local|SIP|PJSIP|IAX2|Agent)\/([^@/]+)/i.exec(s);
  if (m)
    return /^(Local|Agent)$/i.test(m[1] as string)
      ? (m[2] as string)
      : (m[2] as string).replace(/-[0-9a-f]+$/i, '');
  if (!s.includes('/') && s.includes('@')) return s.slice(0, s.indexOf('@'));
  return s;
}

interface Line {
  line: number;
  at: number;
  event: string;
  rule: EventRule;
  agent: string;
  queue: string;
  data: string[];
}

/** One visit of a call to a queue: ENTERQUEUE until its outcome (and, if answered, its end). */
interface Visit {
  callId: string;
  line: number;
  queue: string | null;
  callerNumber: string | null;
  offeredAt: number;
  answeredAt: number | null;
  agent: string | null;
  abandonedAt: number | null;
  reason: AbandonReason | null;
  end: Line | null;
  touchedAt: number;
}

/** Everything open under one callid: its visits still waiting for lines, and lines that came before them. */
interface Group {
  visits: Visit[];
  entered: number;
  closedAt: number;
  strays: Line[];
}

interface State {
  open: Map<string, Group>;
  /** Recently finished callids: how often they entered (to number a re-entry) and when they last left. */
  closed: Map<string, { entered: number; closedAt: number }>;
  out: ParsedItem[];
  stats: ParseStats;
  latest: number;
  waitingMs: number;
  settleMs: number;
  sinceSweep: number;
}

export async function* parseAsteriskQueueLog(
  lines: AsyncIterable<NumberedLine>,
  stats: ParseStats,
  options: AsteriskOptions = {},
): AsyncGenerator<ParsedItem[]> {
  const state: State = {
    open: new Map(),
    closed: new Map(),
    out: [],
    stats,
    latest: -Infinity,
    waitingMs: options.waitingHorizonMs ?? 2 * HOUR,
    settleMs: options.settleAfterMs ?? 12 * HOUR,
    sinceSweep: 0,
  };
  for await (const { line, text } of lines) {
    readLine(state, line, text);
    stats.openCalls = state.open.size;
    if (stats.openCalls > stats.maxOpenCalls) stats.maxOpenCalls = stats.openCalls;
    if (state.out.length > 0) yield state.out.splice(0);
  }
  for (const [callid, group] of state.open) settleGroup(state, callid, group, () => true);
  state.open.clear();
  stats.openCalls = 0;
  yield state.out;
}

function reject(state: State, line: number, reason: string) {
  state.out.push({ kind: 'rejected', rejected: { line, reason } });
}

function readLine(state: State, line: number, text: string) {
  if (text.trim() === '') return;
  const f = text.split('|');
  if (f.length < 5 || f.length > 10) return reject(state, line, `${f.length} ${FIELD_COUNT}`);
  const event = (f[4] as string).trim();
  const rule = EVENTS[event];
  if (!rule) return reject(state, line, `unknown event ${event}`);
  const time = parseTimestamp(f[0] as string);
  if (!time) return reject(state, line, `time '${f[0]}' is not a Unix epoch`);
  const at = time.getTime();
  if (at > state.latest) state.latest = at;
  if (++state.sinceSweep >= 1024) sweep(state);
  if (rule.kind === 'skip') {
    state.stats.skipped += 1;
    return;
  }
  const callid = (f[1] as string).trim();
  if (callid === '' || callid === 'NONE' || callid === 'REALTIME')
    return reject(state, line, `${event} without a call id`);
  const ev: Line = {
    line,
    at,
    event,
    rule,
    agent: (f[3] as string).trim(),
    queue: (f[2] as string).trim(),
    data: f.slice(5),
  };
  if (rule.kind === 'enter') enterQueue(state, callid, ev);
  else applyLine(state, callid, ev);
}

function openGroup(state: State, callid: string): Group {
  let group = state.open.get(callid);
  if (!group) {
    const memo = state.closed.get(callid);
    state.closed.delete(callid);
    group = { visits: [], entered: memo?.entered ?? 0, closedAt: memo?.closedAt ?? -Infinity, strays: [] };
    state.open.set(callid, group);
  }
  return group;
}

/** Forgets a group with nothing open, remembering enough to number a re-entry and to spot late lines. */
function retireGroup(state: State, callid: string, group: Group) {
  if (group.visits.length > 0 || group.strays.length > 0) return;
  state.open.delete(callid);
  state.closed.set(callid, { entered: group.entered, closedAt: group.closedAt });
}

function enterQueue(state: State, callid: string, ev: Line) {
  const group = openGroup(state, callid);
  group.entered += 1;
  const visit: Visit = {
    // A second ENTERQUEUE of the same channel (overflow to another queue) is a second offered call.
    callId: group.entered === 1 ? callid : `${callid}#${group.entered}`,
    line: ev.line,
    queue: orNull(ev.queue),
    callerNumber: orNull(ev.data[1]),
    offeredAt: ev.at,
    answeredAt: null,
    agent: null,
    abandonedAt: null,
    reason: null,
    end: null,
    touchedAt: ev.at,
  };
  const at = group.visits.findIndex((v) => v.offeredAt > ev.at);
  group.visits.splice(at < 0 ? group.visits.length : at, 0, visit);
  const strays = group.strays.splice(0);
  for (const stray of strays) applyLine(state, callid, stray);
}

/** Lines are matched to the latest visit that had entered by their time, whatever their order in the file. */
function applyLine(state: State, callid: string, ev: Line) {
  const group = state.open.get(callid);
  const visit = group && latestVisitBy(group, ev.at);
  if (!group || !visit) {
    // -Infinity: lines of this callid were seen, but no visit of it has finished yet.
    const closedAt = group?.closedAt ?? state.closed.get(callid)?.closedAt ?? -Infinity;
    const lateKind = ev.rule.kind === 'end' || ev.rule.kind === 'attempt';
    if (closedAt > -Infinity && (ev.at <= closedAt || lateKind)) return lateLine(state, ev);
    openGroup(state, callid).strays.push(ev);
    return;
  }
  visit.touchedAt = Math.max(visit.touchedAt, ev.at);
  const left =
    visit.abandonedAt !== null ? 'had left the queue' : visit.answeredAt !== null ? 'was answered' : null;
  switch (ev.rule.kind) {
    case 'attempt':
      state.stats.ignored += 1;
      return;
    case 'connect':
      if (left) return reject(state, ev.line, `${ev.event} for a call that ${left} already`);
      visit.answeredAt = ev.at;
      visit.agent = normaliseAgent(ev.agent);
      break;
    case 'exit':
      if (left) return reject(state, ev.line, `${ev.event} for a call that ${left} already`);
      visit.abandonedAt = ev.at;
      visit.reason = ev.rule.reason ?? 'other';
      break;
    case 'end':
      if (visit.abandonedAt !== null)
        return reject(state, ev.line, `${ev.event} for a call that left the queue unanswered`);
      if (visit.end !== null) {
        state.stats.ignored += 1;
        return;
      }
      visit.end = ev;
  }
  if (visit.abandonedAt !== null || (visit.answeredAt !== null && visit.end !== null)) {
    closeVisit(state, callid, group, visit);
  }
}

function latestVisitBy(group: Group, at: number): Visit | undefined {
  for (let i = group.visits.length - 1; i >= 0; i--)
    if ((group.visits[i] as Visit).offeredAt <= at) return group.visits[i];
  return undefined;
}

/**
 * A line for a call already emitted: a repeated end (some versions log COMPLETE… after a transfer) or a ring is
 * harmless; an answer or exit dated before the call left the queue contradicts it.
 */
function lateLine(state: State, ev: Line) {
  if (ev.rule.kind === 'attempt' || ev.rule.kind === 'end') state.stats.ignored += 1;
  else reject(state, ev.line, `${ev.event} after the call had already left the queue`);
}

function closeVisit(state: State, callid: string, group: Group, visit: Visit) {
  emitVisit(state, visit);
  group.visits.splice(group.visits.indexOf(visit), 1);
  group.closedAt = Math.max(group.closedAt, visit.abandonedAt ?? visit.end?.at ?? visit.touchedAt);
  retireGroup(state, callid, group);
}

function emitVisit(state: State, v: Visit) {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  const record: CallRecord = {
    callId: v.callId,
    source: 'asterisk',
    callerNumber: v.callerNumber,
    queue: v.queue,
    offeredAt: new Date(v.offeredAt),
    answeredAt: date(v.answeredAt),
    agent: v.agent,
    endedAt: date(v.end?.at ?? null),
    abandonedAt: date(v.abandonedAt),
    abandonReason: v.reason,
    ivrRating: null,
    orderNumbers: [],
  };
  state.out.push({ kind: 'record', record, line: v.line });
}

/**
 * Settles what the file will not complete: an answered call without its end line is a call (endedAt null); an
 * end line without CONNECT takes the answer time from its hold time; a call still waiting is kept only if the
 * file's latest line is within the waiting horizon of its entry, else rejected.
 */
function settleVisit(state: State, v: Visit) {
  if (v.answeredAt === null && v.end !== null) {
    const hold = (v.end.data[v.end.rule.holdField ?? -1] ?? '').trim();
    if (!/^\d+$/.test(hold))
      return reject(state, v.line, `${v.end.event} without CONNECT and without a hold time`);
    v.answeredAt = v.offeredAt + Number(hold) * 1000;
    v.agent = normaliseAgent(v.end.agent);
  }
  if (v.answeredAt !== null || state.latest - v.offeredAt <= state.waitingMs) emitVisit(state, v);
  else reject(state, v.line, 'call never left the queue in this file');
}

function settleGroup(state: State, callid: string, group: Group, due: (touchedAt: number) => boolean) {
  for (const visit of group.visits.filter((v) => due(v.touchedAt))) {
    settleVisit(state, visit);
    group.visits.splice(group.visits.indexOf(visit), 1);
    group.closedAt = Math.max(group.closedAt, visit.touchedAt);
  }
  for (const stray of group.strays.filter((s) => due(s.at))) {
    reject(state, stray.line, `${stray.event} for call ${callid}, which has no ENTERQUEUE in this file`);
    group.strays.splice(group.strays.indexOf(stray), 1);
  }
}

/** Every 1,024 lines: settle what has been untouched too long and forget callids finished long ago. */
function sweep(state: State) {
  state.sinceSweep = 0;
  const due = (at: number) => state.latest - at > state.settleMs;
  for (const [callid, group] of state.open) {
    settleGroup(state, callid, group, due);
    retireGroup(state, callid, group);
  }
  for (const [callid, memo] of state.closed) {
    if (state.latest - memo.closedAt <= state.waitingMs) break;
    state.closed.delete(callid);
  }
}

function orNull(text: string | undefined): string | null {
  const s = (text ?? '').trim();
  return s === '' || s === 'NONE' ? null : s;
}
