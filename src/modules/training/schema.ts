import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  date,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 热点问题 — a burst of similar requests the detector found (or someone raised), confirmed by the office or
 * the operator with a short brief. Confirming starts the 24-hour clock to train every frontline agent
 * (Luohe art. 11 #8, 热点问题培训及时率).
 */
export const hotTopics = pgTable(
  'hot_topics',
  {
    id: serial('id').primaryKey(),
    title: text('title').notNull(),
    brief: text('brief'),
    keywords: text('keywords').array().notNull().default([]),
    categoryId: integer('category_id'),
    district: text('district'),
    detectedAt: ts('detected_at'),
    detection: jsonb('detection').$type<{
      score: number;
      count: number;
      people: number;
      growth: number;
      expected: number;
      districts: { name: string; count: number }[];
      categories: { name: string; count: number }[];
      terms: { term: string; weight: number }[];
      first: string | Date;
      last: string | Date;
    }>(),
    orderIds: integer('order_ids').array().notNull().default([]),
    status: text('status').notNull().default('candidate'),
    confirmedAt: ts('confirmed_at'),
    confirmedBy: integer('confirmed_by'),
    trainingDueAt: ts('training_due_at'),
    dismissedAt: ts('dismissed_at'),
    dismissedBy: integer('dismissed_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('hot_topics_status_idx').on(t.status, t.confirmedAt)],
);

/** One row per frontline agent who must be trained on a confirmed hot topic (the roster at confirmation). */
export const hotTopicTrainees = pgTable(
  'hot_topic_trainees',
  {
    id: serial('id').primaryKey(),
    hotTopicId: integer('hot_topic_id')
      .notNull()
      .references(() => hotTopics.id),
    agentId: integer('agent_id').notNull(),
    /** Why the agent could not be trained in time (e.g. on leave); still outstanding until trained. */
    note: text('note'),
    trainedAt: ts('trained_at'),
    sessionId: integer('session_id'),
  },
  (t) => [uniqueIndex('hot_topic_trainees_key').on(t.hotTopicId, t.agentId)],
);

/** A training session (培训), on a hot topic or any subject, with its attendance. */
export const trainingSessions = pgTable('training_sessions', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  hotTopicId: integer('hot_topic_id').references(() => hotTopics.id),
  heldAt: ts('held_at').notNull(),
  trainer: text('trainer'),
  materials: text('materials'),
  recordedBy: integer('recorded_by'),
  recordedAt: ts('recorded_at').notNull(),
});

export const trainingAttendance = pgTable(
  'training_attendance',
  {
    id: serial('id').primaryKey(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    agentId: integer('agent_id').notNull(),
    present: boolean('present').notNull().default(true),
  },
  (t) => [uniqueIndex('training_attendance_key').on(t.sessionId, t.agentId)],
);

/**
 * 标准编写 — the operator's operating standards (Luohe art. 11 #12, 标准编写完成率): planned, written, kept
 * up to date; every revision kept.
 */
export const operatingStandards = pgTable('operating_standards', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  version: text('version').notNull().default('1.0'),
  plannedOn: date('planned_on', { mode: 'string' }).notNull(),
  completedOn: date('completed_on', { mode: 'string' }),
  status: text('status').notNull().default('planned'),
  createdBy: integer('created_by'),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const standardRevisions = pgTable(
  'standard_revisions',
  {
    id: serial('id').primaryKey(),
    standardId: integer('standard_id')
      .notNull()
      .references(() => operatingStandards.id),
    version: text('version').notNull(),
    revisedOn: date('revised_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull(),
    revisedBy: integer('revised_by'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('standard_revisions_standard_idx').on(t.standardId)],
);
