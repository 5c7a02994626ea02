import {
  bigserial,
  index,
  integer,
  jsonb,
  primaryKey,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Sign-in sessions. Only a SHA-256 of the bearer token is kept, so a database dump cannot sign anyone in. */
export const sessions = pgTable('sessions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: integer('user_id').notNull(),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  revokedAt: ts('revoked_at'),
});

/**
 * Who saw and changed what (PIPL; Luohe art. 5.3 and 6.3): every change to reference data and every view of
 * a caller's personal information. Work-order changes have their own history table as well.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    actorId: integer('actor_id'),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_entity_idx').on(t.entity, t.entityId), index('audit_log_at_idx').on(t.at)],
);

/** Fixed-window counters shared by every process (public intake is rate-limited per client address). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Named rule settings of the city (and readings of its contract), each with a default in code; audited. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: integer('updated_by'),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * Alerts that need a person: e.g. an outage past 6 hours, a second serious public-opinion incident. Raised
 * once per subject and kind; acknowledged, never deleted.
 */
export const alerts = pgTable(
  'alerts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    severity: text('severity').notNull(),
    subject: text('subject').notNull(),
    message: text('message').notNull(),
    messageZh: text('message_zh').notNull(),
    raisedAt: ts('raised_at').notNull(),
    acknowledgedBy: integer('acknowledged_by'),
    acknowledgedAt: ts('acknowledged_at'),
  },
  (t) => [uniqueIndex('alerts_kind_subject_key').on(t.kind, t.subject)],
);
