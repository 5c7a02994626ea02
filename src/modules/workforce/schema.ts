import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from '../directory/schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const day = (name: string) => date(name, { mode: 'string' });

/**
 * 运营团队人员 — one membership of a person on the operator's team (Luohe art. 6.5; Sanmenxia art. 4). The
 * membership covers [start_date, end_date], both inclusive; end_date null means still on the team. A person
 * who comes back gets a new row, so every day's headcount can be rebuilt.
 */
export const rosterMembers = pgTable(
  'roster_members',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    userId: integer('user_id').references(() => users.id),
    role: text('role').notNull(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    endReason: text('end_reason'),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('roster_members_dates_idx').on(t.startDate, t.endDate),
    index('roster_members_user_idx').on(t.userId),
    check('roster_members_dates_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check('roster_members_end_reason_check', sql`(${t.endDate} is null) = (${t.endReason} is null)`),
  ],
);

/**
 * 人员数量变化 — a change of the agreed headcount. Only a change Party A consented to moves the number the
 * shortfall is measured against (Luohe art. 7.2 需经甲方同意; Sanmenxia art. 13.4 未经甲方同意不得擅自调动或变更);
 * one without consent is kept as the record of what was asked. Sanmenxia art. 4 wants 7 days' notice.
 */
export const headcountChanges = pgTable(
  'headcount_changes',
  {
    id: serial('id').primaryKey(),
    effectiveOn: day('effective_on').notNull(),
    agreed: integer('agreed').notNull(),
    consented: boolean('consented').notNull().default(false),
    consentedOn: day('consented_on'),
    consentRef: text('consent_ref'),
    noticeGivenOn: day('notice_given_on'),
    note: text('note'),
    recordedBy: integer('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('headcount_changes_effective_idx').on(t.effectiveOn),
    check('headcount_changes_consent_check', sql`not ${t.consented} or ${t.consentedOn} is not null`),
  ],
);

/** 请假、病休 — a member's absence over [from_date, to_date], both inclusive. Cancelled rows stay. */
export const rosterAbsences = pgTable(
  'roster_absences',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => rosterMembers.id),
    kind: text('kind').notNull(),
    fromDate: day('from_date').notNull(),
    toDate: day('to_date').notNull(),
    note: text('note'),
    cancelledAt: ts('cancelled_at'),
    cancelledBy: integer('cancelled_by'),
    recordedBy: integer('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('roster_absences_member_idx').on(t.memberId),
    check('roster_absences_dates_check', sql`${t.toDate} >= ${t.fromDate}`),
  ],
);

/**
 * 要求调整不能胜任的人员 — Party A asks the operator to replace an unfit member; the operator must do so within
 * 3 days (Sanmenxia art. 12.2). Fulfilled by naming the member who replaced them; the day it was done is
 * derived from the two memberships, so a later correction of either date is reflected.
 */
export const replacementRequests = pgTable(
  'replacement_requests',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => rosterMembers.id),
    requestedOn: day('requested_on').notNull(),
    reason: text('reason').notNull(),
    documentRef: text('document_ref'),
    status: text('status').notNull().default('open'),
    replacementMemberId: integer('replacement_member_id')
      .references(() => rosterMembers.id)
      .unique(),
    fulfilledAt: ts('fulfilled_at'),
    fulfilledBy: integer('fulfilled_by'),
    withdrawnAt: ts('withdrawn_at'),
    withdrawnBy: integer('withdrawn_by'),
    note: text('note'),
    recordedBy: integer('recorded_by'),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [index('replacement_requests_member_idx').on(t.memberId)],
);

/**
 * 排班表 — a rota of `weeks` weeks from `from_date`: planned from the forecast, edited by the team lead, then
 * published (agents see their own shifts). `agents` and `required` (agents per half-hour) are kept as planned,
 * so coverage and the Labour-Law checks can be recomputed after each edit.
 */
export const rotas = pgTable(
  'rotas',
  {
    id: serial('id').primaryKey(),
    fromDate: day('from_date').notNull(),
    weeks: integer('weeks').notNull(),
    status: text('status').notNull().default('draft'),
    agents: jsonb('agents').notNull(),
    required: jsonb('required').notNull(),
    parameters: jsonb('parameters').notNull(),
    note: text('note'),
    createdBy: integer('created_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    publishedBy: integer('published_by'),
    publishedAt: ts('published_at'),
  },
  (t) => [
    index('rotas_from_idx').on(t.fromDate),
    check('rotas_status_check', sql`${t.status} in ('draft', 'published')`),
  ],
);

/** 班次 — one agent's shift on a rota; `agent` is the rota's key for the agent (a member or a placeholder). */
export const rotaShifts = pgTable(
  'rota_shifts',
  {
    id: serial('id').primaryKey(),
    rotaId: integer('rota_id')
      .notNull()
      .references(() => rotas.id),
    agent: text('agent').notNull(),
    memberId: integer('member_id').references(() => rosterMembers.id),
    userId: integer('user_id').references(() => users.id),
    template: text('template'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
  },
  (t) => [
    index('rota_shifts_rota_idx').on(t.rotaId, t.startsAt),
    index('rota_shifts_user_idx').on(t.userId, t.startsAt),
    check('rota_shifts_times_check', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * 考勤记录 — one clock-in / clock-out of a team member, imported from the clock system's CSV (attendance.ts).
 * `work_date` is the day of the clock-in (Asia/Shanghai); pay uses these records for that day instead of the
 * rota's shifts. One member's records never overlap (checked on import).
 */
export const attendanceRecords = pgTable(
  'attendance_records',
  {
    id: serial('id').primaryKey(),
    memberId: integer('member_id')
      .notNull()
      .references(() => rosterMembers.id),
    workDate: day('work_date').notNull(),
    clockIn: ts('clock_in').notNull(),
    clockOut: ts('clock_out').notNull(),
    importedBy: integer('imported_by'),
    importedAt: ts('imported_at').notNull(),
  },
  (t) => [
    index('attendance_records_member_idx').on(t.memberId, t.clockIn),
    index('attendance_records_day_idx').on(t.workDate),
    check('attendance_records_times_check', sql`${t.clockOut} > ${t.clockIn}`),
  ],
);

/**
 * 考勤更正记录 — every correction or deletion of an attendance record: who, when, the record before and after
 * (after is null for a deletion) and the reason. Kept for good (no foreign key: a deleted record's history stays),
 * so the office can see who changed a clock-in; the audit log has the same entry.
 */
export const attendanceChanges = pgTable(
  'attendance_changes',
  {
    id: serial('id').primaryKey(),
    recordId: integer('record_id').notNull(),
    memberId: integer('member_id').notNull(),
    workDate: day('work_date').notNull(),
    action: text('action', { enum: ['correct', 'delete'] }).notNull(),
    before: jsonb('before').$type<{ clockIn: string; clockOut: string }>().notNull(),
    after: jsonb('after').$type<{ clockIn: string; clockOut: string } | null>(),
    reason: text('reason').notNull(),
    changedBy: integer('changed_by'),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [
    index('attendance_changes_record_idx').on(t.recordId),
    index('attendance_changes_day_idx').on(t.workDate),
  ],
);
