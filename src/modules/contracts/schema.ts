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
    items: jsonb('items').notNull(),
    dueAt: ts('due_at').notNull(),
    response: text('response'),
    respondedAt: ts('responded_at'),
    respondedBy: integer('responded_by'),
    verification: text('verification'),
    verifiedAt: ts('verified_at'),
    verifiedBy: integer('verified_by'),
    verificationNote: text('verification_note'),
    status: text('status').notNull().default('issued'),
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
