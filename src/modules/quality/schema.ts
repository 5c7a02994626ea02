import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 服务质量投诉 — a complaint about the service itself (an agent's attitude or error), investigated, then
 * confirmed or dismissed by the office with reasons (Luohe art. 11 #5).
 */
export const serviceComplaints = pgTable(
  'service_complaints',
  {
    id: serial('id').primaryKey(),
    receivedAt: ts('received_at').notNull(),
    source: text('source').notNull(),
    description: text('description').notNull(),
    orderId: integer('order_id'),
    callPk: bigint('call_pk', { mode: 'number' }),
    agentId: integer('agent_id'),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('investigating'),
    investigation: text('investigation'),
    decidedBy: integer('decided_by'),
    decidedAt: ts('decided_at'),
    decisionReason: text('decision_reason'),
    recordedBy: integer('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('service_complaints_received_idx').on(t.receivedAt)],
);

/**
 * 舆论事件 — media exposure of the service. The office rules whether it is a serious incident caused by the
 * agents' attitude or errors: each costs money and two allow termination (Luohe art. 8.3(3), 11).
 */
export const opinionIncidents = pgTable(
  'opinion_incidents',
  {
    id: serial('id').primaryKey(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    link: text('link'),
    cause: text('cause').notNull(),
    severity: text('severity').notNull(),
    status: text('status').notNull().default('reported'),
    serious: boolean('serious'),
    causedByService: boolean('caused_by_service'),
    decidedBy: integer('decided_by'),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    recordedBy: integer('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('opinion_incidents_date_idx').on(t.occurredOn)],
);

/** 质检评分表 — the operator's score sheet: criteria with weights, some fatal; a pass mark. Versioned by row. */
export const qaSheets = pgTable('qa_sheets', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  criteria: jsonb('criteria')
    .$type<{ key: string; label: string; weight: number; fatal: boolean }[]>()
    .notNull(),
  passScore: real('pass_score').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: integer('created_by'),
  createdAt: ts('created_at').notNull(),
});

/** A call (or order) drawn for inspection of one agent in one month, and its score once inspected. */
export const qaSamples = pgTable(
  'qa_samples',
  {
    id: serial('id').primaryKey(),
    sheetId: integer('sheet_id')
      .notNull()
      .references(() => qaSheets.id),
    agentId: integer('agent_id').notNull(),
    month: text('month').notNull(),
    callPk: bigint('call_pk', { mode: 'number' }),
    orderId: integer('order_id'),
    sampledAt: ts('sampled_at').notNull(),
    status: text('status').notNull().default('pending'),
    scores: jsonb('scores'),
    total: real('total'),
    fatal: boolean('fatal'),
    comment: text('comment'),
    scoredBy: integer('scored_by'),
    scoredAt: ts('scored_at'),
    appealReason: text('appeal_reason'),
    appealedAt: ts('appealed_at'),
    appealStatus: text('appeal_status').notNull().default('none'),
    appealDecidedBy: integer('appeal_decided_by'),
    appealDecidedAt: ts('appeal_decided_at'),
    appealNote: text('appeal_note'),
    scoreBeforeAppeal: real('score_before_appeal'),
  },
  (t) => [
    index('qa_samples_agent_month_idx').on(t.agentId, t.month),
    uniqueIndex('qa_samples_call_key').on(t.sheetId, t.callPk),
  ],
);

/** 协助监督考核 — a task the office hands to the operator (Luohe art. 11 #10), done or not by its due date. */
export const assistanceTasks = pgTable('assistance_tasks', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  assignedAt: ts('assigned_at').notNull(),
  assignedBy: integer('assigned_by'),
  dueOn: date('due_on', { mode: 'string' }).notNull(),
  status: text('status').notNull().default('open'),
  completedAt: ts('completed_at'),
  completedBy: integer('completed_by'),
  result: text('result'),
});

/**
 * 答复意见评价 — the office's own verdict on a department's reply, overriding the computed one, with its reason
 * (the computed score it overrode is kept beside it). One per order: a new review replaces the last.
 */
export const replyReviews = pgTable('reply_reviews', {
  id: serial('id').primaryKey(),
  orderId: integer('order_id').notNull().unique(),
  verdict: text('verdict').notNull(),
  note: text('note').notNull(),
  computed: jsonb('computed').notNull(),
  reviewedBy: integer('reviewed_by').notNull(),
  reviewedAt: ts('reviewed_at').notNull(),
});
