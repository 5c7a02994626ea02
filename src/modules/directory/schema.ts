import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 承办单位 — a department (or district government, utility) that handles dispatched orders. A tree. */
export const departments = pgTable(
  'departments',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => departments.id),
    kind: text('kind').notNull().default('municipal'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('departments_parent_idx').on(t.parentId)],
);

/**
 * 派单目录 — the tree of matters. A leaf names the default lead department and the handling time limits in
 * working days for normal and urgent orders.
 */
export const categories = pgTable(
  'categories',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => categories.id),
    departmentId: integer('department_id').references(() => departments.id),
    timeLimitDays: integer('time_limit_days'),
    urgentTimeLimitDays: integer('urgent_time_limit_days'),
    sortOrder: integer('sort_order').notNull().default(0),
    /** The words citizens use for the matter (烧烤, 油烟 for 餐饮油烟): the category picker searches them too. */
    keywords: text('keywords').array().notNull().default([]),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('categories_parent_idx').on(t.parentId)],
);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').notNull(),
  departmentId: integer('department_id').references(() => departments.id),
  /** The agent's id on the telephone switch (extension or agent number), to match call records to people. */
  agentCode: text('agent_code').unique(),
  /** The operator's team (班组), for satisfaction and quality by team. */
  team: text('team'),
  active: boolean('active').notNull().default(true),
  createdAt: ts('created_at').notNull(),
  /** When the password was last set, for the password-age rule (GB/T 22239-2019 8.1.4.1 a: changed regularly). */
  passwordChangedAt: ts('password_changed_at'),
  /** Hashes of earlier passwords, newest first, so a change cannot go back to one of them. */
  passwordHistory: jsonb('password_history').$type<string[]>().notNull().default([]),
  /** The confirmed TOTP secret (base32), sealed with SM4 like personal data (`users.totp_secret`); null = none. */
  totpSecret: text('totp_secret'),
  /** A secret handed out by enrolment and not yet confirmed with a code (sealed the same way). */
  totpPendingSecret: text('totp_pending_secret'),
  totpEnabledAt: ts('totp_enabled_at'),
  /** The last time step a code was accepted at: a code is accepted once (RFC 6238 5.2). */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  /** SHA-256 digests of the unused recovery codes. */
  totpRecoveryCodes: jsonb('totp_recovery_codes').$type<string[]>().notNull().default([]),
});
