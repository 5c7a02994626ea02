import {
  type AnyPgColumn,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { categories, departments, users } from '../directory/schema.ts';

/** PostgreSQL's text-search document type (drizzle has no built-in column for it). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 工单 — the work order. Its status is written only by the transition entry point (state-machine.ts). */
export const orders = pgTable(
  'orders',
  {
    id: serial('id').primaryKey(),
    number: text('number').notNull().unique(),
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    categoryId: integer('category_id').references(() => categories.id),
    urgency: text('urgency').notNull().default('normal'),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** The caller's name and phone, sealed with SM4 (`sm4:<key id>:…`, personal-data.ts). */
    callerName: text('caller_name'),
    callerPhone: text('caller_phone'),
    /** 盲索引 — HMAC-SM3 of the normalised phone: exact look-ups and repeat callers without the number. */
    callerPhoneBidx: text('caller_phone_bidx'),
    callerAnonymous: boolean('caller_anonymous').notNull().default(false),
    callbackWanted: boolean('callback_wanted').notNull().default(true),
    district: text('district'),
    /** The address of the matter, sealed with SM4 (it often locates the caller's home). */
    address: text('address'),
    status: text('status').notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    coDepartmentIds: integer('co_department_ids').array().notNull().default([]),
    /** 协办 — co-handlers whose task is open (not answered, not released), and those of them not yet signed. */
    coPendingDepartmentIds: integer('co_pending_department_ids').array().notNull().default([]),
    coUnsignedDepartmentIds: integer('co_unsigned_department_ids').array().notNull().default([]),
    receivedAt: ts('received_at').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    /** 1 working day for online channels (Luohe KPI 2); leaving `submitted` is the response. */
    responseDueAt: ts('response_due_at'),
    respondedAt: ts('responded_at'),
    timeLimitDays: integer('time_limit_days'),
    handleDueAt: ts('handle_due_at'),
    /** When the order becomes "due within one working day". */
    handleWarnAt: ts('handle_warn_at'),
    deadlineState: text('deadline_state').notNull().default('normal'),
    dispatchedAt: ts('dispatched_at'),
    repliedAt: ts('replied_at'),
    closedAt: ts('closed_at'),
    archivedAt: ts('archived_at'),
    answer: text('answer'),
    /** Knowledge articles quoted in the direct answer (引用到答复), so the office sees which articles close requests. */
    answerArticleIds: integer('answer_article_ids').array().notNull().default([]),
    reply: text('reply'),
    satisfaction: text('satisfaction'),
    /** Callback attempts that did not reach the citizen since the latest reply. */
    unreachedCallbacks: integer('unreached_callbacks').notNull().default(0),
    reopenCount: integer('reopen_count').notNull().default(0),
    returnCount: integer('return_count').notNull().default(0),
    /** A return the office has not yet ruled on (operator's fault or not). */
    returnJudgementPending: boolean('return_judgement_pending').notNull().default(false),
    extensionPending: boolean('extension_pending').notNull().default(false),
    /** A 派单异议 the office has not yet decided (one at a time; order_disputes holds it). */
    disputePending: boolean('dispute_pending').notNull().default(false),
    appealStatus: text('appeal_status').notNull().default('none'),
    /** An accepted 申诉 leaves the order out of assessment. */
    excludedFromAssessment: boolean('excluded_from_assessment').notNull().default(false),
    mergedIntoId: integer('merged_into_id').references((): AnyPgColumn => orders.id),
    trackingCodeHash: text('tracking_code_hash'),
    /**
     * The title and content cut into words by the segmenter the knowledge base uses (platform/text/segment.ts),
     * as a `simple` tsvector: text search by words through a GIN index, two-character words (路灯, 噪音)
     * included. Null on rows written before it existed (search falls back to a scan of just those).
     */
    searchTokens: tsvector('search_tokens'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    /** 挂起 — none, pending (asked, awaiting the office) or paused (the handling clock stopped); see order_pauses. */
    pauseState: text('pause_state').notNull().default('none'),
  },
  (t) => [
    index('orders_status_idx').on(t.status),
    index('orders_department_idx').on(t.departmentId, t.status),
    index('orders_received_idx').on(t.receivedAt),
    // KPI 2 over a year (issue 18): the online response rate reads these columns of a third of the orders, from
    // this index alone instead of the whole table (key columns after the first only carry the values: drizzle
    // writes no INCLUDE).
    index('orders_response_idx')
      .on(t.receivedAt, t.id, t.channel, t.responseDueAt, t.respondedAt, t.appealStatus)
      .where(sql`response_due_at is not null`),
    index('orders_caller_phone_bidx_idx').on(t.callerPhoneBidx),
    index('orders_category_idx').on(t.categoryId),
    index('orders_handle_due_idx').on(t.handleDueAt),
    // Working lists and queue counts read live orders only: partial indexes stay small as closed orders pile up.
    index('orders_live_due_idx')
      .on(t.handleDueAt, t.id)
      .where(sql`status in ('dispatched', 'in_progress')`),
    index('orders_live_status_idx')
      .on(t.status, t.departmentId)
      .where(sql`status in ('submitted', 'registered', 'dispatched', 'in_progress', 'returned', 'replied')`),
    index('orders_live_department_idx')
      .on(t.departmentId, t.handleDueAt)
      .where(sql`status in ('dispatched', 'in_progress', 'returned', 'replied')`),
    index('orders_pending_decisions_idx')
      .on(t.id)
      .where(
        sql`return_judgement_pending or extension_pending or appeal_status = 'pending' or pause_state = 'pending'`,
      ),
    index('orders_co_departments_idx').using('gin', t.coDepartmentIds),
    index('orders_search_idx').using('gin', t.searchTokens),
    // The few orders an accepted appeal takes out of the assessment: a year's return rate asks for them once
    // instead of joining every dispatch to its order (a scan of every order ever registered, issue 18).
    index('orders_excluded_idx')
      .on(t.id)
      .where(sql`excluded_from_assessment`),
    index('orders_unsegmented_idx')
      .on(t.id)
      .where(sql`search_tokens is null`),
  ],
);

/** One row per change of a work order: who, when, action, from → to, why. Never updated or deleted. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    action: text('action').notNull(),
    actorId: integer('actor_id'),
    actorRole: text('actor_role').notNull(),
    actorDepartmentId: integer('actor_department_id'),
    at: ts('at').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    data: jsonb('data'),
  },
  (t) => [
    index('order_events_order_idx').on(t.orderId, t.id),
    index('order_events_action_idx').on(t.action, t.at),
  ],
);

/** Daily sequence behind order numbers; the upsert's row lock keeps numbers unique under concurrency. */
export const orderNumberCounters = pgTable('order_number_counters', {
  day: date('day', { mode: 'string' }).primaryKey(),
  last: integer('last').notNull(),
});

/** 交办 — each dispatch to a department: the return-rate denominator and the department's clock. */
export const orderDispatches = pgTable(
  'order_dispatches',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    coDepartmentIds: integer('co_department_ids').array().notNull().default([]),
    dispatchedAt: ts('dispatched_at').notNull(),
    dispatchedBy: integer('dispatched_by'),
    timeLimitDays: integer('time_limit_days').notNull(),
    dueAt: ts('due_at').notNull(),
    reopen: boolean('reopen').notNull().default(false),
    signedAt: ts('signed_at'),
    endedAt: ts('ended_at'),
    outcome: text('outcome'),
  },
  (t) => [
    index('order_dispatches_order_idx').on(t.orderId),
    index('order_dispatches_at_idx').on(t.dispatchedAt),
  ],
);

/** 退回 — a department sends an order back; the office later rules whether the operator misrouted it. */
export const orderReturns = pgTable(
  'order_returns',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    dispatchId: integer('dispatch_id')
      .notNull()
      .references(() => orderDispatches.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    reasonCode: text('reason_code').notNull(),
    reason: text('reason').notNull(),
    returnedAt: ts('returned_at').notNull(),
    returnedBy: integer('returned_by'),
    operatorFault: boolean('operator_fault'),
    judgedAt: ts('judged_at'),
    judgedBy: integer('judged_by'),
    judgeNote: text('judge_note'),
  },
  (t) => [index('order_returns_order_idx').on(t.orderId), index('order_returns_at_idx').on(t.returnedAt)],
);

/** 延期 — a department asks for more working days; the office decides. */
export const orderExtensions = pgTable(
  'order_extensions',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    workingDays: integer('working_days').notNull(),
    reason: text('reason').notNull(),
    requestedAt: ts('requested_at').notNull(),
    requestedBy: integer('requested_by'),
    /** pending → approved | rejected, or withdrawn when the order leaves the department first. */
    outcome: text('outcome').notNull().default('pending'),
    decidedAt: ts('decided_at'),
    decidedBy: integer('decided_by'),
    decisionNote: text('decision_note'),
    oldDueAt: ts('old_due_at'),
    newDueAt: ts('new_due_at'),
  },
  (t) => [index('order_extensions_order_idx').on(t.orderId)],
);

/** 申诉 — a party asks that the order be left out of assessment; the office decides. */
export const orderAppeals = pgTable(
  'order_appeals',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    reason: text('reason').notNull(),
    appealedAt: ts('appealed_at').notNull(),
    appealedBy: integer('appealed_by'),
    appellantRole: text('appellant_role').notNull(),
    accepted: boolean('accepted'),
    decidedAt: ts('decided_at'),
    decidedBy: integer('decided_by'),
    decisionNote: text('decision_note'),
  },
  (t) => [index('order_appeals_order_idx').on(t.orderId)],
);

/** 回访 — every attempt to call the citizen back, reached or not. */
export const orderCallbacks = pgTable(
  'order_callbacks',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    at: ts('at').notNull(),
    agentId: integer('agent_id'),
    reached: boolean('reached').notNull(),
    /** Satisfaction with how the matter was handled (the department's work). */
    satisfaction: text('satisfaction'),
    /** Satisfaction with the agent's service attitude, kept apart (Luohe KPI 7 counts only this). */
    attitudeSatisfaction: text('attitude_satisfaction'),
    /** Callback attempts that did not reach the citizen since the latest reply. */
    unreachedCallbacks: integer('unreached_callbacks').notNull().default(0),
    note: text('note'),
    reopened: boolean('reopened').notNull().default(false),
    /** 是否解决 — whether the citizen says the matter was solved, asked next to satisfaction (null: not asked). */
    resolved: boolean('resolved'),
  },
  (t) => [index('order_callbacks_order_idx').on(t.orderId), index('order_callbacks_at_idx').on(t.at)],
);

/** 督办 — chasing, by hand or automatic when a deadline nears or passes. */
export const orderSupervisions = pgTable(
  'order_supervisions',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    at: ts('at').notNull(),
    byUserId: integer('by_user_id'),
    kind: text('kind').notNull(),
    note: text('note').notNull(),
  },
  (t) => [index('order_supervisions_order_idx').on(t.orderId)],
);

/**
 * 附件 — a file a citizen sent with the request (`submission`) or a department sent with its reply (`reply`).
 * The bytes live in the attachments directory beside the data directory (never under the web root), under
 * `storedName` (random, no part of the uploader's name); the type is the one sniffed from the bytes.
 */
export const orderAttachments = pgTable(
  'order_attachments',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    /** SHA-256 of the bytes, checked again on download. */
    sha256: text('sha256').notNull(),
    storedName: text('stored_name').notNull().unique(),
    uploadedBy: integer('uploaded_by'),
    uploaderRole: text('uploader_role').notNull(),
    departmentId: integer('department_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('order_attachments_order_idx').on(t.orderId)],
);

/**
 * 协办任务 — one per co-handling department per dispatch: its own deadline, sign, answer, or release by the
 * office. `closedAt` marks a task the dispatch ended under it (returned, merged, dispatched anew) unanswered.
 */
export const orderCoTasks = pgTable(
  'order_co_tasks',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    dispatchId: integer('dispatch_id').references(() => orderDispatches.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    openedAt: ts('opened_at').notNull(),
    dueAt: ts('due_at').notNull(),
    signedAt: ts('signed_at'),
    signedBy: integer('signed_by'),
    repliedAt: ts('replied_at'),
    repliedBy: integer('replied_by'),
    reply: text('reply'),
    releasedAt: ts('released_at'),
    releasedBy: integer('released_by'),
    releaseReason: text('release_reason'),
    closedAt: ts('closed_at'),
    /** Past its due time unanswered (set by the sweep) or answered late: counts against the department. */
    overdue: boolean('overdue').notNull().default(false),
  },
  (t) => [
    index('order_co_tasks_order_idx').on(t.orderId),
    index('order_co_tasks_department_idx').on(t.departmentId, t.openedAt),
    index('order_co_tasks_open_due_idx')
      .on(t.dueAt)
      .where(sql`replied_at is null and released_at is null and closed_at is null and not overdue`),
  ],
);

/**
 * 派单异议 — the lead department disputes a dispatch (reason, optionally a department it proposes); the office
 * decides within `orders.disputeDecisionWorkingDays`: uphold (维持), redirect (改派: counts as the operator's
 * misroute in the return rate) or joint (联合办理: the proposed department joins as a co-handler).
 */
export const orderDisputes = pgTable(
  'order_disputes',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    /** The dispatch disputed: a redirect counts it as misrouted (KPI 3). */
    dispatchId: integer('dispatch_id')
      .notNull()
      .references(() => orderDispatches.id),
    /** The department that raised it (the lead at the time). */
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    /** The order's category when disputed: the catalogue entry a repeated dispute flags. */
    categoryId: integer('category_id').references(() => categories.id),
    reason: text('reason').notNull(),
    proposedDepartmentId: integer('proposed_department_id').references(() => departments.id),
    raisedAt: ts('raised_at').notNull(),
    raisedBy: integer('raised_by'),
    /** When the office's decision is due: raisedAt + the setting's working days on the city calendar. */
    decideDueAt: ts('decide_due_at').notNull(),
    /** pending → uphold | redirect | joint, or withdrawn when the order leaves the department first. */
    outcome: text('outcome').notNull().default('pending'),
    decidedAt: ts('decided_at'),
    decidedBy: integer('decided_by'),
    decisionNote: text('decision_note'),
    /** The department the order went to (redirect) or that joined (joint). */
    decidedDepartmentId: integer('decided_department_id').references(() => departments.id),
  },
  (t) => [
    index('order_disputes_order_idx').on(t.orderId),
    index('order_disputes_raised_idx').on(t.raisedAt),
    index('order_disputes_pending_idx')
      .on(t.decideDueAt)
      .where(sql`outcome = 'pending'`),
  ],
);

/**
 * 挂起 — a department asks to stop its handling clock for a listed reason (awaiting the citizen's materials, an
 * inspection date, a legal procedure); the office decides. An approved pause runs from the approval until it is
 * resumed (恢复办理) or its expected resume day begins; its paused working minutes then move the deadline later.
 */
export const orderPauses = pgTable(
  'order_pauses',
  {
    id: serial('id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    /** The dispatch whose clock it stops (its due time moves with the order's). */
    dispatchId: integer('dispatch_id').references(() => orderDispatches.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    reasonCode: text('reason_code').notNull(),
    note: text('note').notNull(),
    /** The city day on which handling is expected to resume; the pause ends at 00:00 of it at the latest. */
    expectedResumeOn: date('expected_resume_on', { mode: 'string' }).notNull(),
    requestedAt: ts('requested_at').notNull(),
    requestedBy: integer('requested_by'),
    /** pending → rejected | withdrawn, or pending → active (approved) → ended. */
    status: text('status').notNull().default('pending'),
    decidedAt: ts('decided_at'),
    decidedBy: integer('decided_by'),
    decisionNote: text('decision_note'),
    /** The clock stopped at the approval and restarted at `endedAt`. */
    startedAt: ts('started_at'),
    endedAt: ts('ended_at'),
    /** Null when the system ended it (the expected resume day came). */
    endedBy: integer('ended_by'),
    /** resumed (by a person) | expected_date (the sweep) | order_left (replied, returned, merged, redirected). */
    endReason: text('end_reason'),
    pausedWorkingMinutes: integer('paused_working_minutes'),
    oldDueAt: ts('old_due_at'),
    newDueAt: ts('new_due_at'),
  },
  (t) => [
    index('order_pauses_order_idx').on(t.orderId),
    index('order_pauses_live_idx')
      .on(t.status, t.expectedResumeOn)
      .where(sql`status in ('pending', 'active')`),
    index('order_pauses_started_idx').on(t.startedAt),
    index('order_pauses_active_dispatch_idx')
      .on(t.dispatchId)
      .where(sql`status = 'active'`),
  ],
);
