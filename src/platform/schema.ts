import { sql } from 'drizzle-orm';
import {
  bigint,
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
    /** The client's address and user agent (等保 2.0 8.1.4.3 security audit: who, from where). */
    clientAddress: text('client_address'),
    userAgent: text('user_agent'),
    /** SM3 of the previous row's hash and this row's canonical form: an edit or deletion breaks the chain. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /**
     * The row's place in the chain (1, 2, …). A row is written pending (hash, prev_hash and chain_seq null) and
     * linked shortly after by the chainer (chainPendingAuditRows), in the order rows became visible, which can
     * differ from id order (issue 18).
     */
    chainSeq: bigint('chain_seq', { mode: 'number' }),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entity, t.entityId),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    uniqueIndex('audit_log_chain_seq_idx').on(t.chainSeq),
    index('audit_log_pending_idx')
      .on(t.id)
      .where(sql`hash is null`),
  ],
);

/**
 * The head of the audit chain, one row: appends lock it, so concurrent writers queue instead of forking the
 * chain, and the last row's hash is kept apart so deleting the newest rows is detected too.
 */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  entries: bigint('entries', { mode: 'number' }).notNull(),
});

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

/**
 * 幂等键 — the first answer to a write sent with an `Idempotency-Key` header, so a client that retries after a
 * lost answer (a crash, a dropped connection) gets that answer again instead of a second order. `scope` is the
 * user (`user:<id>`) or, for citizens, the client address (`ip:<addr>`). `response` holds the whole stored
 * answer in one column (it carries personal data: encrypted at rest by the data-protection layer). A row whose
 * `status` is null is a request still in flight.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    route: text('route').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status'),
    response: text('response'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);

/**
 * Failed sign-ins per account (`user:<name>`) and per client address (`ip:<addr>`): a run of failures locks
 * that key until `lockedUntil` (等保 2.0 level 3, GB/T 22239-2019 8.1.4.1 b: "login failure handling").
 */
export const signInFailures = pgTable('sign_in_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  lastFailureAt: ts('last_failure_at').notNull(),
  lockedUntil: ts('locked_until'),
});
