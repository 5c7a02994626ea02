/** Shapes of the API's answers that the console reads (see the server's presenters). */

export type Role = 'agent' | 'team_lead' | 'office' | 'department' | 'admin' | 'switch' | 'kb_editor';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentId: number | null;
  active?: boolean;
}

export interface Department {
  id: number;
  code: string;
  name: string;
  shortName: string;
  parentId: number | null;
  kind: string;
  contactName: string | null;
  contactPhone: string | null;
  active: boolean;
}

export interface Category {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  path: string[];
  isLeaf: boolean;
  departmentId: number | null;
  timeLimitDays: number | null;
  urgentTimeLimitDays: number | null;
  effective: {
    departmentId: number | null;
    timeLimitDays: number | null;
    urgentTimeLimitDays: number | null;
  };
  sortOrder: number;
  active: boolean;
}

export interface Order {
  id: number;
  number: string;
  status: string;
  statusLabel: string;
  channel: string;
  type: string;
  categoryId: number | null;
  categoryPath: string[] | null;
  urgency: string;
  title: string;
  content: string;
  caller: {
    name: string | null;
    phone: string | null;
    anonymous: boolean;
    callbackWanted: boolean;
    masked: boolean;
  };
  location: { district: string | null; address: string | null };
  departmentId: number | null;
  departmentName: string | null;
  coDepartmentIds: number[];
  receivedAt: string;
  responseDueAt: string | null;
  respondedAt: string | null;
  timeLimitDays: number | null;
  handleDueAt: string | null;
  activeDeadline: { kind: 'response' | 'handling'; dueAt: string } | null;
  deadlineState: 'normal' | 'warned' | 'overdue';
  dispatchedAt: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  archivedAt: string | null;
  answer: string | null;
  reply: string | null;
  satisfaction: string | null;
  reopenCount: number;
  returnCount: number;
  returnJudgementPending: boolean;
  extensionPending: boolean;
  appealStatus: string;
  excludedFromAssessment: boolean;
  mergedIntoId: number | null;
  version: number;
  allowedActions: string[];
  /** In lists: what waits for the office's decision on this order. */
  pending?: {
    return?: { departmentId: number; reasonCode: string; reason: string; returnedAt: string };
    extension?: { workingDays: number; reason: string; requestedAt: string };
    appeal?: { reason: string; appellantRole: string; appealedAt: string };
  };
}

export interface HistoryEntry {
  id: number;
  action: string;
  at: string;
  actor: { id: number | null; role: string; name: string | null };
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  data: Record<string, unknown> | null;
}

export interface OrderDetail extends Order {
  history: HistoryEntry[];
  dispatches: {
    id: number;
    departmentId: number;
    dispatchedAt: string;
    dueAt: string;
    timeLimitDays: number;
    signedAt: string | null;
    endedAt: string | null;
    outcome: string | null;
    reopen: boolean;
  }[];
  returns: {
    id: number;
    departmentId: number;
    reasonCode: string;
    reason: string;
    returnedAt: string;
    operatorFault: boolean | null;
    judgedAt: string | null;
    judgeNote: string | null;
  }[];
  extensions: {
    id: number;
    workingDays: number;
    reason: string;
    requestedAt: string;
    outcome: string;
    decidedAt: string | null;
    newDueAt: string | null;
    decisionNote: string | null;
  }[];
  appeals: {
    id: number;
    reason: string;
    appealedAt: string;
    appellantRole: string;
    accepted: boolean | null;
    decidedAt: string | null;
    decisionNote: string | null;
  }[];
  callbacks: {
    id: number;
    at: string;
    reached: boolean;
    satisfaction: string | null;
    note: string | null;
    reopened: boolean;
  }[];
  supervisions: { id: number; at: string; kind: string; note: string }[];
  warnings?: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/* ---- Contact centre (src/modules/calls; docs/calls.md) ---- */

export type AbandonReason = 'caller_hangup' | 'timeout' | 'no_agents' | 'exit_key' | 'other';
export type CallGranularity = 'interval' | 'day' | 'month' | 'quarter' | 'year';
export type CallImportFormat = 'generic' | 'asterisk-queue-log' | 'freeswitch';
export type CallbackStatus = 'open' | 'done' | 'unreachable';
export type ExemptionStatus = 'pending' | 'approved' | 'rejected';

/** The figures of a period or a bucket of `GET /api/calls/metrics`; rates 0–1, null when nothing was offered. */
export interface CallFigures {
  offered: number;
  answered: number;
  abandoned: number;
  abandonedByCaller: number;
  waiting: number;
  answerRate: number | null;
  answeredWithin15s: number;
  answeredWithin15sRate: number | null;
  answeredWithinThreshold: number;
  thresholdSeconds: number;
  asaSeconds: number | null;
  ahtSeconds: number | null;
  longestWaitSeconds: number | null;
  excluded: { exemptedOffered: number; exemptedAnswered: number; shortAbandoned: number };
}

export interface CallMetrics {
  from: string;
  to: string;
  granularity: CallGranularity;
  totals: CallFigures;
  intervals: (CallFigures & { start: string })[];
  /** The approved exemption windows that overlap the period. */
  exemptions: { id: number; startsAt: string; endsAt: string; reason: string }[];
  settings: { shortAbandonSeconds: number; serviceLevelSeconds: number };
}

/** A call offered to the agent queue (`GET /api/calls`); the caller number masked except for the office. */
export interface CallRecord {
  id: number;
  source: string;
  callId: string;
  callerNumber: string | null;
  queue: string | null;
  offeredAt: string;
  answeredAt: string | null;
  agent: string | null;
  endedAt: string | null;
  abandonedAt: string | null;
  abandonReason: AbandonReason | null;
  ivrRating: number | null;
  orderNumbers: string[];
  importId: number | null;
  createdAt: string;
}

/** `GET /api/calls/wallboard` and each `snapshot` event of its stream. */
export interface WallboardSnapshot {
  at: string;
  waiting: number;
  talking: number;
  agentsTalking: number;
  longestWaitingSeconds: number | null;
  callbacksOpen: number;
  callbacksOverdue: number;
  outageOngoing: boolean;
  today: {
    offered: number;
    answered: number;
    abandoned: number;
    answerRate: number | null;
    answeredWithin15sRate: number | null;
    asaSeconds: number | null;
  };
}

/** 漏接回拨 task (`GET /api/calls/callbacks`). */
export interface CallbackTask {
  id: number;
  callPk: number;
  callerNumber: string;
  missedAt: string;
  dueAt: string;
  status: CallbackStatus;
  attempts: number;
  lastAttemptAt: string | null;
  completedAt: string | null;
  completedBy: number | null;
  outcome: string | null;
  queue: string | null;
  offeredAt: string;
  abandonReason: AbandonReason | null;
}

export interface CallbackAttempt {
  id: number;
  callbackId: number;
  at: string;
  agentId: number | null;
  reached: boolean;
  note: string | null;
  orderNumber: string | null;
}

/** `GET /api/calls/callbacks/stats?from&to` (by when the calls were missed). */
export interface CallbackStats {
  missed: number;
  done: number;
  unreachable: number;
  open: number;
  overdue: number;
  doneInTime: number;
  avgHours: number | null;
  medianHours: number | null;
}

/** 突发事件免责时段. */
export interface CallExemption {
  id: number;
  startsAt: string;
  endsAt: string;
  reason: string;
  status: ExemptionStatus;
  requestedBy: number | null;
  requestedAt: string;
  decidedBy: number | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

/** 热线中断 (`GET /api/calls/outages`), with its length so far and whether it passed the alert hours. */
export interface HotlineOutage {
  id: number;
  startedAt: string;
  endedAt: string | null;
  cause: string;
  operatorFault: boolean | null;
  recordedBy: number | null;
  recordedAt: string;
  alertRaisedAt: string | null;
  hours: number;
  overLimit: boolean;
}

/** `GET /api/alerts`: something that needs a person (e.g. an outage past the contract's hours). */
export interface PlatformAlert {
  id: number;
  kind: string;
  severity: 'critical' | 'warning' | 'info';
  subject: string;
  message: string;
  messageZh: string;
  raisedAt: string;
  acknowledgedBy: number | null;
  acknowledgedAt: string | null;
}

export interface RejectedCallLine {
  line: number;
  reason: string;
}

/** The answer of `POST /api/calls/import`. */
export interface CallImportResult {
  importId: number;
  read: number;
  calls: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
  skipped: number;
  rejections: RejectedCallLine[];
}

/** A past import run (`GET /api/calls/imports`). */
export interface CallImportRun {
  id: number;
  format: CallImportFormat;
  fileName: string | null;
  startedAt: string;
  finishedAt: string | null;
  read: number;
  imported: number;
  alreadyPresent: number;
  rejected: number;
  skipped: number;
  rejections: RejectedCallLine[] | null;
  importedBy: number | null;
}

/** `GET /api/settings`. */
export interface SettingItem {
  key: string;
  value: unknown;
  default: unknown;
  description: string;
  descriptionZh: string;
  source: string;
}
