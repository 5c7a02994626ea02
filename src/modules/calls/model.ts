import { z } from 'zod';
import { zInstant } from '../../platform/input.ts';

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
  at: zInstant,
  callerNumber: z.string().trim().max(32).nullish(),
  queue: z.string().trim().max(64).nullish(),
  agent: z.string().trim().max(64).nullish(),
  abandonReason: z.enum(ABANDON_REASONS).optional(),
  rating: z.number().int().min(1).max(5).optional(),
});
export type CallEventInput = z.infer<typeof CallEventInput>;

// What each route answers. Fastify serialises every answer through these, so a field not declared here is
// not sent, and an answer that does not match fails loudly instead of reaching the console.

export const ApplyCallEventResponse = z.object({
  id: z.number(),
  source: z.string(),
  callId: z.string(),
  callerNumber: z.string().nullable(),
  queue: z.string().nullable(),
  offeredAt: z.date(),
  answeredAt: z.date().nullable(),
  agent: z.string().nullable(),
  endedAt: z.date().nullable(),
  abandonedAt: z.date().nullable(),
  abandonReason: z.string().nullable(),
  ivrRating: z.number().nullable(),
  orderNumbers: z.array(z.string()),
  importId: z.number().nullable(),
  createdAt: z.date(),
});

export const CallMetricsResponse = z.object({
  from: z.date(),
  to: z.date(),
  granularity: z.enum(['interval', 'day', 'month', 'quarter', 'year']),
  totals: z.object({
    offered: z.number(),
    answered: z.number(),
    abandoned: z.number(),
    abandonedByCaller: z.number(),
    waiting: z.number(),
    answerRate: z.number().nullable(),
    answeredWithin15s: z.number(),
    answeredWithin15sRate: z.number().nullable(),
    answeredWithinThreshold: z.number(),
    thresholdSeconds: z.number(),
    asaSeconds: z.number().nullable(),
    ahtSeconds: z.number().nullable(),
    longestWaitSeconds: z.number().nullable(),
    excluded: z.object({
      exemptedOffered: z.number(),
      exemptedAnswered: z.number(),
      shortAbandoned: z.number(),
    }),
  }),
  intervals: z.array(
    z.object({
      offered: z.number(),
      answered: z.number(),
      abandoned: z.number(),
      abandonedByCaller: z.number(),
      waiting: z.number(),
      answerRate: z.number().nullable(),
      answeredWithin15s: z.number(),
      answeredWithin15sRate: z.number().nullable(),
      answeredWithinThreshold: z.number(),
      thresholdSeconds: z.number(),
      asaSeconds: z.number().nullable(),
      ahtSeconds: z.number().nullable(),
      longestWaitSeconds: z.number().nullable(),
      excluded: z.object({
        exemptedOffered: z.number(),
        exemptedAnswered: z.number(),
        shortAbandoned: z.number(),
      }),
      start: z.date(),
    }),
  ),
  exemptions: z.array(z.object({ id: z.number(), startsAt: z.date(), endsAt: z.date(), reason: z.string() })),
  settings: z.object({ shortAbandonSeconds: z.number(), serviceLevelSeconds: z.number() }),
});

/** A line of a call log the importer refused, and why. */
const RejectedLine = z.object({ line: z.number(), reason: z.string() });

export const ImportCallLogResponse = z.object({
  importId: z.number(),
  rejections: z.array(RejectedLine),
  read: z.number(),
  calls: z.number(),
  imported: z.number(),
  alreadyPresent: z.number(),
  rejected: z.number(),
  skipped: z.number(),
});

export const GetCallsImportsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      format: z.string(),
      fileName: z.string().nullable(),
      startedAt: z.date(),
      finishedAt: z.date().nullable(),
      read: z.number(),
      imported: z.number(),
      alreadyPresent: z.number(),
      rejected: z.number(),
      skipped: z.number(),
      rejections: z.array(RejectedLine).nullable(),
      importedBy: z.number().nullable(),
    }),
  ),
});

export const GetCallsResponse = z.object({
  items: z.array(
    z.object({
      callerNumber: z.string().nullable(),
      id: z.number(),
      source: z.string(),
      callId: z.string(),
      queue: z.string().nullable(),
      offeredAt: z.date(),
      answeredAt: z.date().nullable(),
      agent: z.string().nullable(),
      endedAt: z.date().nullable(),
      abandonedAt: z.date().nullable(),
      abandonReason: z.string().nullable(),
      ivrRating: z.number().nullable(),
      orderNumbers: z.array(z.string()),
      importId: z.number().nullable(),
      createdAt: z.date(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const GetCallsSatisfactionResponse = z.object({
  items: z.array(z.object({ count: z.number(), agent: z.string().nullable(), rating: z.number() })),
});

export const GetCallsCallbacksResponse = z.object({
  items: z.array(
    z.object({
      callerNumber: z.string(),
      queue: z.string().nullable(),
      offeredAt: z.date(),
      abandonReason: z.string().nullable(),
      id: z.number(),
      callPk: z.number(),
      missedAt: z.date(),
      dueAt: z.date(),
      status: z.string(),
      attempts: z.number(),
      lastAttemptAt: z.date().nullable(),
      completedAt: z.date().nullable(),
      completedBy: z.number().nullable(),
      outcome: z.string().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const CallbackStatsResponse = z.object({
  missed: z.number(),
  done: z.number(),
  unreachable: z.number(),
  open: z.number(),
  overdue: z.number(),
  doneInTime: z.number(),
  avgHours: z.number().nullable(),
  medianHours: z.number().nullable(),
});

export const GetCallsCallbacksIdAttemptsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      callbackId: z.number(),
      at: z.date(),
      agentId: z.number().nullable(),
      reached: z.boolean(),
      note: z.string().nullable(),
      orderNumber: z.string().nullable(),
    }),
  ),
});

export const AttemptCallbackResponse = z.object({
  id: z.number(),
  callPk: z.number(),
  callerNumber: z.string(),
  missedAt: z.date(),
  dueAt: z.date(),
  status: z.string(),
  attempts: z.number(),
  lastAttemptAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  completedBy: z.number().nullable(),
  outcome: z.string().nullable(),
});

export const GetCallsExemptionsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      startsAt: z.date(),
      endsAt: z.date(),
      reason: z.string(),
      status: z.string(),
      requestedBy: z.number().nullable(),
      requestedAt: z.date(),
      decidedBy: z.number().nullable(),
      decidedAt: z.date().nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
});

export const PostCallsExemptionsResponse = z.object({
  id: z.number(),
  status: z.string(),
  decidedBy: z.number().nullable(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
  reason: z.string(),
  requestedAt: z.date(),
  requestedBy: z.number().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
});

export const DecideExemptionResponse = z.object({
  id: z.number(),
  startsAt: z.date(),
  endsAt: z.date(),
  reason: z.string(),
  status: z.string(),
  requestedBy: z.number().nullable(),
  requestedAt: z.date(),
  decidedBy: z.number().nullable(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
});

export const GetCallsOutagesResponse = z.object({
  items: z.array(
    z.object({
      hours: z.number(),
      overLimit: z.boolean(),
      id: z.number(),
      startedAt: z.date(),
      endedAt: z.date().nullable(),
      cause: z.string(),
      operatorFault: z.boolean().nullable(),
      recordedBy: z.number().nullable(),
      recordedAt: z.date(),
      alertRaisedAt: z.date().nullable(),
    }),
  ),
});

export const PostCallsOutagesResponse = z.object({
  id: z.number(),
  cause: z.string(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
  operatorFault: z.boolean().nullable(),
  endedAt: z.date().nullable(),
  startedAt: z.date(),
  alertRaisedAt: z.date().nullable(),
});

export const PostCallsOutagesIdEndResponse = z.object({
  id: z.number(),
  startedAt: z.date(),
  endedAt: z.date().nullable(),
  cause: z.string(),
  operatorFault: z.boolean().nullable(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
  alertRaisedAt: z.date().nullable(),
});

export const WallboardSnapshotResponse = z.object({
  today: z.object({
    offered: z.number(),
    answered: z.number(),
    abandoned: z.number(),
    answerRate: z.number().nullable(),
    answeredWithin15sRate: z.number().nullable(),
    asaSeconds: z.number().nullable(),
  }),
  waiting: z.number(),
  talking: z.number(),
  agentsTalking: z.number(),
  longestWaitingSeconds: z.number().nullable(),
  callbacksOpen: z.number(),
  callbacksOverdue: z.number(),
  outageOngoing: z.boolean(),
  at: z.date(),
});
