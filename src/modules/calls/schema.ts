import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** One call offered to the agent queue, as the switch recorded it (imported or pushed live). */
export const calls = pgTable(
  'calls',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    source: text('source').notNull(),
    callId: text('call_id').notNull(),
    callerNumber: text('caller_number'),
    queue: text('queue'),
    offeredAt: ts('offered_at').notNull(),
    answeredAt: ts('answered_at'),
    agent: text('agent'),
    endedAt: ts('ended_at'),
    abandonedAt: ts('abandoned_at'),
    abandonReason: text('abandon_reason'),
    ivrRating: smallint('ivr_rating'),
    orderNumbers: text('order_numbers').array().notNull().default([]),
    importId: integer('import_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    // Re-importing the same file adds nothing: the switch's call id is unique within its source.
    uniqueIndex('calls_source_call_id_key').on(t.source, t.callId),
    index('calls_offered_idx').on(t.offeredAt),
    index('calls_agent_idx').on(t.agent, t.answeredAt),
  ],
);

/** An import run: what was read, imported, already present and rejected (with the first rejections). */
export const callImports = pgTable('call_imports', {
  id: serial('id').primaryKey(),
  format: text('format').notNull(),
  fileName: text('file_name'),
  startedAt: ts('started_at').notNull(),
  finishedAt: ts('finished_at'),
  read: integer('read').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  alreadyPresent: integer('already_present').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  rejections: jsonb('rejections').$type<{ line: number; reason: string }[]>(),
  importedBy: integer('imported_by'),
});

/** 漏接回拨 — a missed call to call back (国办函〔2025〕66号 asks that missed calls be returned). */
export const callCallbacks = pgTable(
  'call_callbacks',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    callPk: bigint('call_pk', { mode: 'number' })
      .notNull()
      .unique()
      .references(() => calls.id),
    callerNumber: text('caller_number').notNull(),
    missedAt: ts('missed_at').notNull(),
    dueAt: ts('due_at').notNull(),
    status: text('status').notNull().default('open'),
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: ts('last_attempt_at'),
    completedAt: ts('completed_at'),
    completedBy: integer('completed_by'),
    outcome: text('outcome'),
  },
  (t) => [index('call_callbacks_status_idx').on(t.status, t.missedAt)],
);

/** Each attempt at a missed-call callback, reached or not. */
export const callCallbackAttempts = pgTable('call_callback_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  callbackId: bigint('callback_id', { mode: 'number' })
    .notNull()
    .references(() => callCallbacks.id),
  at: ts('at').notNull(),
  agentId: integer('agent_id'),
  reached: boolean('reached').notNull(),
  note: text('note'),
  orderNumber: text('order_number'),
});

/** 突发事件免责 — a window whose calls the office agreed to leave out of the answer-rate KPI (Luohe art. 11 #1). */
export const callExemptions = pgTable('call_exemptions', {
  id: serial('id').primaryKey(),
  startsAt: ts('starts_at').notNull(),
  endsAt: ts('ends_at').notNull(),
  reason: text('reason').notNull(),
  status: text('status').notNull().default('pending'),
  requestedBy: integer('requested_by'),
  requestedAt: ts('requested_at').notNull(),
  decidedBy: integer('decided_by'),
  decidedAt: ts('decided_at'),
  decisionNote: text('decision_note'),
});

/** 热线中断 — the hotline was down; over 6 continuous hours lets Party A terminate (Luohe art. 8.3(5)). */
export const hotlineOutages = pgTable('hotline_outages', {
  id: serial('id').primaryKey(),
  startedAt: ts('started_at').notNull(),
  endedAt: ts('ended_at'),
  cause: text('cause').notNull(),
  operatorFault: boolean('operator_fault'),
  recordedBy: integer('recorded_by'),
  recordedAt: ts('recorded_at').notNull(),
  alertRaisedAt: ts('alert_raised_at'),
});
