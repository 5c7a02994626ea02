import { desc, eq, sql } from 'drizzle-orm';
import { loadCalendar, localDateOf } from '../../calendar/index.ts';
import type { Db, DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { type Actor, SYSTEM_ACTOR } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { listReports, recordDelivery } from '../contracts/index.ts';
import { docxText } from './docx-text.ts';
import { monthToGenerate, sectionsFound, STALE_GENERATION_MS } from './kpi11.ts';
import { parseMonth } from './model.ts';
import { generateMonthly, type ReportFormat } from './monthly-files.ts';
import { monthlyReports } from './schema.ts';

/** Arbitrary constant naming the advisory lock of the scheduled generation: one process at a time. */
export const MONTHLY_REPORT_LOCK = 7212361;

/** The record without its files (they are fetched one by one). */
const summaryColumns = {
  id: monthlyReports.id,
  month: monthlyReports.month,
  contractId: monthlyReports.contractId,
  status: monthlyReports.status,
  step: monthlyReports.step,
  progress: monthlyReports.progress,
  error: monthlyReports.error,
  startedAt: monthlyReports.startedAt,
  generatedAt: monthlyReports.generatedAt,
  generatedBy: monthlyReports.generatedBy,
  sections: monthlyReports.sections,
  complete: monthlyReports.complete,
  submittedAt: monthlyReports.submittedAt,
  submittedBy: monthlyReports.submittedBy,
  decidedAt: monthlyReports.decidedAt,
  decidedBy: monthlyReports.decidedBy,
  note: monthlyReports.note,
  deliveryId: monthlyReports.deliveryId,
};
export type MonthlyRecord = Awaited<ReturnType<typeof getMonthlyRecord>>;

export async function listMonthlyRecords(db: DbOrTx) {
  return db.select(summaryColumns).from(monthlyReports).orderBy(desc(monthlyReports.month)).limit(120);
}

export async function getMonthlyRecord(db: DbOrTx, month: string) {
  const [row] = await db
    .select(summaryColumns)
    .from(monthlyReports)
    .where(eq(monthlyReports.month, parseMonth(month)));
  if (!row) throw notFound(`Monthly report ${month}`, `${month} 月度分析报告`);
  return row;
}

export async function storedMonthlyFile(db: DbOrTx, month: string, format: ReportFormat): Promise<Buffer> {
  const [row] = await db
    .select({ file: monthlyReports[format] })
    .from(monthlyReports)
    .where(eq(monthlyReports.month, parseMonth(month)));
  if (!row?.file) throw notFound(`The ${format} of the monthly report ${month}`, `${month} 月度分析报告文件`);
  return row.file;
}

/**
 * Claims the month for a generation: a new record, or one that failed, was returned, is still only generated, or
 * whose generation died (stale). A submitted or accepted report is not regenerated; one generating now is not
 * started twice. Runs inside the caller's transaction.
 */
export async function claimGeneration(
  db: DbOrTx,
  actor: Actor,
  month: string,
  contractId: string | null | undefined,
  now: Date,
) {
  const [before] = await db
    .select(summaryColumns)
    .from(monthlyReports)
    .where(eq(monthlyReports.month, month));
  if (before?.status === 'submitted' || before?.status === 'accepted')
    throw conflict('report_submitted', 'The report was already submitted', '该月报告已提交，不能重新生成');
  if (before?.status === 'generating' && now.getTime() - before.startedAt.getTime() < STALE_GENERATION_MS)
    throw conflict('report_generating', 'The report is being generated', '该月报告正在生成');
  const values = {
    month,
    contractId: contractId ?? null,
    status: 'generating' as const,
    step: 'queued',
    progress: 0,
    error: null,
    startedAt: now,
    generatedBy: actor.id,
  };
  const [row] = before
    ? await db
        .update(monthlyReports)
        .set(values)
        .where(eq(monthlyReports.id, before.id))
        .returning(summaryColumns)
    : await db.insert(monthlyReports).values(values).returning(summaryColumns);
  await recordAudit(db, actor, now, {
    action: 'generate',
    entity: 'monthly_report',
    entityId: row!.id,
    before,
    after: row,
  });
  return row!;
}

/**
 * Generates the files of a claimed record outside any transaction (it reads a month of calls and orders),
 * writing progress to the record as it goes; stores the files and the sections found in the DOCX.
 */
export async function runGeneration(
  db: Db,
  id: number,
  month: string,
  contractId: string | null | undefined,
  now: Date,
) {
  let writes = Promise.resolve();
  const onProgress = (step: string, progress: number) => {
    // Progress is for the screen only: a lost write must not fail the generation or go unhandled.
    writes = writes
      .then(async () => {
        await db.orm.update(monthlyReports).set({ step, progress }).where(eq(monthlyReports.id, id));
      })
      .catch(() => {});
  };
  try {
    const r = await generateMonthly(db.orm, month, { contractId, now, onProgress });
    await writes;
    const sections = sectionsFound(await docxText(r.files.docx!));
    await db.orm
      .update(monthlyReports)
      .set({
        status: 'generated',
        step: 'done',
        progress: 1,
        contractId: r.report.contract?.id ?? null,
        generatedAt: now,
        docx: r.files.docx,
        pdf: r.files.pdf,
        xlsx: r.files.xlsx,
        sections,
        complete: sections.every((s) => s.found),
      })
      .where(eq(monthlyReports.id, id));
  } catch (err) {
    await writes.catch(() => {});
    await db.orm
      .update(monthlyReports)
      .set({ status: 'failed', error: String(err instanceof Error ? err.message : err).slice(0, 2000) })
      .where(eq(monthlyReports.id, id));
    throw err;
  }
}

/**
 * The scheduled job (in the background sweep): on the first working day of a month, and on each later sweep
 * until done, generate last month's report once across all processes (an advisory lock around the claim; the
 * unique month keeps a second process from claiming it after the first committed). Returns the month generated.
 */
export async function generateScheduledMonthly(db: Db, now: Date): Promise<string | null> {
  const month = monthToGenerate(await loadCalendar(db.orm), localDateOf(now));
  if (!month) return null;
  const claimed = await db.orm.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${MONTHLY_REPORT_LOCK}) as ok`,
    );
    if (!lock?.ok) return null;
    const [row] = await tx.select(summaryColumns).from(monthlyReports).where(eq(monthlyReports.month, month));
    const stale =
      row?.status === 'generating' && now.getTime() - row.startedAt.getTime() >= STALE_GENERATION_MS;
    if (row && !stale) return null;
    return claimGeneration(tx, SYSTEM_ACTOR, month, undefined, now);
  });
  if (!claimed) return null;
  await runGeneration(db, claimed.id, month, undefined, now);
  return month;
}

/** The contract register's entry for the month's analysis (Luohe art. 11 #11), if the contract requires one. */
async function deliveryEntry(db: DbOrTx, contractId: string | null, month: string) {
  if (!contractId) return null;
  const entries = await listReports(db, contractId);
  return entries.find((e) => e.period === month && e.reportId === 'monthly_analysis') ?? null;
}

/** 提交 — the operator submits the generated report; its delivery (time, completeness) goes to the register. */
export async function submitMonthly(
  db: DbOrTx,
  actor: Actor,
  month: string,
  note: string | undefined,
  now: Date,
) {
  const before = await getMonthlyRecord(db, month);
  if (before.status !== 'generated')
    throw conflict(
      'report_not_ready',
      `The report is ${before.status}, not generated`,
      '只有已生成的报告可以提交',
    );
  const entry = await deliveryEntry(db, before.contractId, before.month);
  if (entry)
    await recordDelivery(
      db,
      actor,
      entry.id,
      { deliveredAt: now, complete: before.complete === true, note },
      now,
    );
  const [after] = await db
    .update(monthlyReports)
    .set({
      status: 'submitted',
      submittedAt: now,
      submittedBy: actor.id,
      note: note ?? null,
      deliveryId: entry?.id ?? null,
    })
    .where(eq(monthlyReports.id, before.id))
    .returning(summaryColumns);
  await recordAudit(db, actor, now, {
    action: 'submit',
    entity: 'monthly_report',
    entityId: before.id,
    before,
    after,
  });
  return after!;
}

/**
 * 验收 — the office accepts the submitted report (its completeness judgement, by default what the document's
 * sections say), which checks the register entry at the submission time; or returns it for correction, after
 * which the operator regenerates and submits again.
 */
export async function decideMonthly(
  db: DbOrTx,
  actor: Actor,
  month: string,
  input: { accept: boolean; complete?: boolean; note?: string },
  now: Date,
) {
  const before = await getMonthlyRecord(db, month);
  if (before.status !== 'submitted')
    throw conflict(
      'report_not_submitted',
      `The report is ${before.status}, not submitted`,
      '只有已提交的报告可以验收或退回',
    );
  const complete = input.complete ?? before.complete === true;
  if (input.accept && before.deliveryId)
    await recordDelivery(
      db,
      actor,
      before.deliveryId,
      { deliveredAt: before.submittedAt!, complete, note: input.note },
      now,
    );
  const [after] = await db
    .update(monthlyReports)
    .set({
      status: input.accept ? 'accepted' : 'returned',
      decidedAt: now,
      decidedBy: actor.id,
      note: input.note ?? before.note,
      complete: input.accept ? complete : before.complete,
    })
    .where(eq(monthlyReports.id, before.id))
    .returning(summaryColumns);
  await recordAudit(db, actor, now, {
    action: input.accept ? 'accept' : 'return',
    entity: 'monthly_report',
    entityId: before.id,
    before,
    after,
  });
  return after!;
}
