import { z } from 'zod';

/**
 * Why a call offered to the agent queue never reached an agent. `caller_hangup` (ABANDON in Asterisk,
 * BREAK_OUT in FreeSWITCH), `timeout` (EXITWITHTIMEOUT, TIMEOUT), `no_agents` (EXITEMPTY, NO_AGENT_TIMEOUT),
 * `exit_key` (EXITWITHKEY, EXIT_WITH_KEY: the caller chose to leave, e.g. for voicemail), `other`.
 */
export const ABANDON_REASONS = ['caller_hangup', 'timeout', 'no_agents', 'exit_key', 'other'] as const;
export type AbandonReason = (typeof ABANDON_REASONS)[number];

/**
 * One call offered to the agent queue (进入人工队列的呼叫), as the switch recorded it. The platform never
 * places calls; it measures what the switch reports. Exactly one of `answeredAt` / `abandonedAt` is set once
 * the call has left the queue; neither while it still waits.
 */
export interface CallRecord {
  /** The switch's id of the call (Asterisk uniqueid, FreeSWITCH call uuid); with `source`, the import key. */
  callId: string;
  /** Which switch or file family it came from: `generic`, `asterisk`, `freeswitch`, `live`, `simulator`. */
  source: string;
  /** Personal information (PIPL): masked for most roles. */
  callerNumber: string | null;
  queue: string | null;
  offeredAt: Date;
  answeredAt: Date | null;
  /** The switch's agent id (extension or agent name). */
  agent: string | null;
  endedAt: Date | null;
  abandonedAt: Date | null;
  abandonReason: AbandonReason | null;
  /** Post-call IVR satisfaction (按键评价), 1 (very unsatisfied) … 5 (very satisfied), if given. */
  ivrRating: number | null;
  /** Order numbers the call produced, when the switch or the CTI knows them. */
  orderNumbers: string[];
}

/** A line of an import that could not become a call record, with where and why. */
export interface RejectedLine {
  line: number;
  reason: string;
}

/** What a parser yields for each input line or finished call: a record, or a rejection naming the line. */
export type ParsedItem =
  { kind: 'record'; record: CallRecord; line: number } | { kind: 'rejected'; rejected: RejectedLine };

export const IMPORT_FORMATS = ['generic', 'asterisk-queue-log', 'freeswitch'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** `POST /api/calls/events` — a switch pushing what happens to a call as it happens. */
export const CallEventInput = z.object({
  type: z.enum(['offered', 'answered', 'abandoned', 'ended', 'rated']),
  callId: z.string().trim().min(1).max(128),
  at: z.coerce.date(),
  callerNumber: z.string().trim().max(32).nullish(),
  queue: z.string().trim().max(64).nullish(),
  agent: z.string().trim().max(64).nullish(),
  abandonReason: z.enum(ABANDON_REASONS).optional(),
  rating: z.number().int().min(1).max(5).optional(),
});
export type CallEventInput = z.infer<typeof CallEventInput>;
