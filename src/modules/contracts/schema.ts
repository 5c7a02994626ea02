import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { RectificationItem, RectificationStatus } from './model.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Every loaded version of every contract definition (contracts/*.json, or uploaded by the office). */
export const contractDefinitions = pgTable(
  'contract_definitions',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    source: text('source').notNull(),
    loadedBy: integer('loaded_by'),
    loadedAt: ts('loaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] })],
);

/** The chosen reading of an ambiguous clause of a contract; absent = the documented default. */
export const contractReadings = pgTable(
  'contract_readings',
  {
    contractId: text('contract_id').notNull(),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedBy: integer('updated_by'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.key] })],
);

/** 分析报告 — each report a contract requires, when it was due, delivered, and whether it was complete (KPI 11). */
export const reportDeliveries = pgTable(
  'report_deliveries',
  {
    id: serial('id').primaryKey(),
    contractId: text('contract_id').notNull(),
    reportId: text('report_id').notNull(),
    period: text('period').notNull(),
    title: text('title').notNull(),
    dueAt: ts('due_at').notNull(),
    deliveredAt: ts('delivered_at'),
    complete: boolean('complete'),
    note: text('note'),
    deliveredBy: integer('delivered_by'),
    checkedBy: integer('checked_by'),
    checkedAt: ts('checked_at'),
  },
  (t) => [uniqueIndex('report_deliveries_key').on(t.contractId, t.reportId, t.period)],
);

/** An invoice received and a payment made for one payment period of a contract. */
export const contractPayments = pgTable(
  'contract_payments',
  {
    contractId: text('contract_id').notNull(),
    quarter: integer('quarter').notNull(),
    invoiceReceivedOn: text('invoice_received_on'),
    invoiceRef: text('invoice_ref'),
    paidOn: text('paid_on'),
    paidFen: integer('paid_fen'),
    updatedBy: integer('updated_by'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.quarter] })],
);

/**
 * A confirmed statement: frozen as computed, with a hash of its inputs and of its outputs. Recomputing later
 * shows any difference beside it; the frozen copy is never rewritten.
 */
export const confirmedStatements = pgTable(
  'confirmed_statements',
  {
    id: serial('id').primaryKey(),
    contractId: text('contract_id').notNull(),
    kind: text('kind').notNull(),
    periodKey: text('period_key').notNull(),
    statement: jsonb('statement').notNull(),
    inputsHash: text('inputs_hash').notNull(),
    outputsHash: text('outputs_hash').notNull(),
    confirmedBy: integer('confirmed_by'),
    confirmedAt: ts('confirmed_at').notNull(),
    note: text('note'),
  },
  (t) => [index('confirmed_statements_key').on(t.contractId, t.kind, t.periodKey)],
);

/** 整改通知书 — the office's rectification notice: items, 7 days to put right (Luohe art. 5.1, 5.4). */
export const rectificationNotices = pgTable(
  'rectification_notices',
  {
    id: serial('id').primaryKey(),
    contractId: text('contract_id').notNull(),
    number: text('number').notNull(),
    issuedAt: ts('issued_at').notNull(),
    issuedBy: integer('issued_by'),
    items: jsonb('items').$type<RectificationItem[]>().notNull(),
    /** Null when the contract sets no rectification period and the office set none (Sanmenxia). */
    dueAt: ts('due_at'),
    response: text('response'),
    respondedAt: ts('responded_at'),
    respondedBy: integer('responded_by'),
    verification: text('verification'),
    verifiedAt: ts('verified_at'),
    verifiedBy: integer('verified_by'),
    verificationNote: text('verification_note'),
    status: text('status').$type<RectificationStatus>().notNull().default('issued'),
  },
  (t) => [uniqueIndex('rectification_notices_number_key').on(t.number)],
);

/** 信息安全事件 — a data or information-security incident; a confirmed major one allows termination (art. 8.3(4)). */
export const securityIncidents = pgTable('security_incidents', {
  id: serial('id').primaryKey(),
  contractId: text('contract_id').notNull(),
  occurredAt: ts('occurred_at').notNull(),
  description: text('description').notNull(),
  major: boolean('major'),
  confirmedBy: integer('confirmed_by'),
  confirmedAt: ts('confirmed_at'),
  recordedBy: integer('recorded_by'),
  recordedAt: ts('recorded_at').notNull(),
});

/**
 * 提示确认 — the office's acknowledgement of one warning on a quarter's statement (missing evidence, a termination
 * ground): a statement with warnings is confirmed only once each is acknowledged. Rows are never deleted.
 */
export const statementWarningAcks = pgTable(
  'statement_warning_acks',
  {
    id: serial('id').primaryKey(),
    contractId: text('contract_id').notNull(),
    quarter: integer('quarter').notNull(),
    warningKey: text('warning_key').notNull(),
    note: text('note').notNull(),
    acknowledgedBy: integer('acknowledged_by'),
    acknowledgedAt: ts('acknowledged_at').notNull(),
  },
  (t) => [uniqueIndex('statement_warning_acks_key').on(t.contractId, t.quarter, t.warningKey)],
);

/**
 * 甲方记录的扣款 — money the office records against the operator outside the indicators: a third party's cost after
 * a rectification period ran out (Luohe art. 5.4, deducted from the next payment) or a subcontracting breach
 * (Sanmenxia art. 19, 10 % of the total). Deducted from the first payment whose window opens after the day.
 */
export const contractCharges = pgTable(
  'contract_charges',
  {
    id: serial('id').primaryKey(),
    contractId: text('contract_id').notNull(),
    kind: text('kind').notNull(),
    occurredOn: text('occurred_on').notNull(),
    amountFen: integer('amount_fen').notNull(),
    note: text('note').notNull(),
    recordedBy: integer('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('contract_charges_contract').on(t.contractId, t.occurredOn)],
);

/**
 * 履约记录 — facts a contract asks one party to record and the other to check, each with its clause: payroll
 * (Luohe art. 6.6: the operator records wages paid, social insurance and housing fund per agent per month; the
 * office checks), hiring (Sanmenxia art. 13.1, per new member), termination grounds the office records (Luohe
 * art. 8.3(2)(6)(7)), the data hand-over and the destruction letter (art. 8.5), quality problems holding the bond
 * (art. 2.5) and the yearly renewal decision (Sanmenxia art. 17). `data` is checked by the kind's schema.
 */
export const contractRecords = pgTable(
  'contract_records',
  {
    id: serial('id').primaryKey(),
    contractId: text('contract_id').notNull(),
    kind: text('kind').notNull(),
    /** What the record is about: a month (payroll), a member id (hiring), a ground id, a contract year. */
    subject: text('subject').notNull(),
    occurredOn: text('occurred_on').notNull(),
    data: jsonb('data').notNull(),
    recordedBy: integer('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
    /** The other party's check: accepted (or, for a quality problem, resolved) or not, with a note. */
    checkedBy: integer('checked_by'),
    checkedAt: ts('checked_at'),
    accepted: boolean('accepted'),
    checkNote: text('check_note'),
  },
  (t) => [index('contract_records_key').on(t.contractId, t.kind, t.subject)],
);
