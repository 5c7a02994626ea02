import {
  boolean,
  customType,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const MONTHLY_REPORT_STATUSES = [
  'generating',
  'generated',
  'failed',
  'submitted',
  'accepted',
  'returned',
] as const;
export type MonthlyReportStatus = (typeof MONTHLY_REPORT_STATUSES)[number];

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

/**
 * 月度分析报告 — the monthly analysis the platform generated for a month (automatically on the first working
 * day of the next month, or on request), its files, and its way to the office: generated → submitted by the
 * operator → accepted by the office (or returned for correction). The delivery is recorded in the contract's
 * report register, which KPI 11 counts (Luohe art. 11 #11).
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: serial('id').primaryKey(),
    month: text('month').notNull(),
    contractId: text('contract_id'),
    /** generating | generated | failed | submitted | accepted | returned */
    status: text('status').$type<MonthlyReportStatus>().notNull(),
    /** While generating: the step and how far (0–1), for the console's progress bar. */
    step: text('step'),
    progress: real('progress').notNull().default(0),
    error: text('error'),
    startedAt: ts('started_at').notNull(),
    generatedAt: ts('generated_at'),
    /** null when the platform's schedule generated it. */
    generatedBy: integer('generated_by'),
    docx: bytea('docx'),
    pdf: bytea('pdf'),
    xlsx: bytea('xlsx'),
    /** The required sections found in the generated document, and those missing. */
    sections: jsonb('sections').$type<{ id: string; title: string; found: boolean }[]>(),
    complete: boolean('complete'),
    submittedAt: ts('submitted_at'),
    submittedBy: integer('submitted_by'),
    decidedAt: ts('decided_at'),
    decidedBy: integer('decided_by'),
    note: text('note'),
    /** The contract register's entry the delivery was recorded in (report_deliveries.id). */
    deliveryId: integer('delivery_id'),
  },
  (t) => [uniqueIndex('monthly_reports_month').on(t.month)],
);

export const REPORT_JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ReportJobStatus = (typeof REPORT_JOB_STATUSES)[number];
export const REPORT_JOB_KINDS = ['circular'] as const;
export type ReportJobKind = (typeof REPORT_JOB_KINDS)[number];

/**
 * 报表生成任务 — a document generated in the background (today the circular 通报): the request answers at once
 * with the job; the console follows `status`/`progress` and downloads the files when done. A job whose process
 * died (its heartbeat stale) is resumed by the sweep of any process, up to `maxAttempts`, then marked failed.
 */
export const reportJobs = pgTable('report_jobs', {
  id: serial('id').primaryKey(),
  kind: text('kind').$type<ReportJobKind>().notNull(),
  /** What to generate, e.g. {from, to} for the circular. */
  params: jsonb('params').$type<Record<string, string>>().notNull(),
  /** queued | running | done | failed */
  status: text('status').$type<ReportJobStatus>().notNull(),
  step: text('step'),
  progress: real('progress').notNull().default(0),
  error: text('error'),
  attempts: integer('attempts').notNull().default(0),
  /** The figures are as of this instant: a resumed job produces the same files. */
  asOf: ts('as_of').notNull(),
  requestedBy: integer('requested_by'),
  requestedAt: ts('requested_at').notNull(),
  startedAt: ts('started_at'),
  /** Written with each step; a running job whose heartbeat is older than the stale limit is taken over. */
  heartbeatAt: ts('heartbeat_at'),
  finishedAt: ts('finished_at'),
  fileName: text('file_name'),
  docx: bytea('docx'),
  pdf: bytea('pdf'),
  xlsx: bytea('xlsx'),
});
