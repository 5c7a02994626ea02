import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { writeCircularFiles } from './circular-service.ts';
import { parseReportPeriod } from './scorecard-service.ts';
import { reportJobs, type ReportJobKind } from './schema.ts';

/** A running job whose heartbeat is older than this is taken to have died with its process. */
export const STALE_JOB_MS = 5 * 60_000;
/** A job interrupted this many times is marked failed instead of resumed again. */
export const MAX_JOB_ATTEMPTS = 3;

export const jobColumns = {
  id: reportJobs.id,
  kind: reportJobs.kind,
  params: reportJobs.params,
  status: reportJobs.status,
  step: reportJobs.step,
  progress: reportJobs.progress,
  error: reportJobs.error,
  attempts: reportJobs.attempts,
  asOf: reportJobs.asOf,
  requestedBy: reportJobs.requestedBy,
  requestedAt: reportJobs.requestedAt,
  startedAt: reportJobs.startedAt,
  finishedAt: reportJobs.finishedAt,
  fileName: reportJobs.fileName,
};
export type ReportJob = Awaited<ReturnType<typeof getReportJob>>;
export type JobFormat = 'docx' | 'pdf' | 'xlsx';

export async function getReportJob(db: DbOrTx, id: number) {
  const [row] = await db.select(jobColumns).from(reportJobs).where(eq(reportJobs.id, id));
  if (!row) throw notFound(`Report job ${id}`, `生成任务 ${id}`);
  return row;
}

export async function listReportJobs(db: DbOrTx, kind: ReportJobKind) {
  return db
    .select(jobColumns)
    .from(reportJobs)
    .where(eq(reportJobs.kind, kind))
    .orderBy(desc(reportJobs.id))
    .limit(50);
}

export async function jobFile(db: DbOrTx, id: number, format: JobFormat) {
  const [row] = await db
    .select({ status: reportJobs.status, fileName: reportJobs.fileName, file: reportJobs[format] })
    .from(reportJobs)
    .where(eq(reportJobs.id, id));
  if (!row) throw notFound(`Report job ${id}`, `生成任务 ${id}`);
  if (row.status !== 'done' || !row.file)
    throw conflict('job_not_done', 'The job has not finished', '文件尚未生成完成');
  return { fileName: row.fileName ?? `job-${id}`, file: row.file };
}

/** Queues the circular for a period (checked now, so a bad period is a 400, not a failed job). */
export async function queueCircularJob(db: DbOrTx, actor: Actor, from: string, to: string, now: Date) {
  const period = parseReportPeriod(from, to);
  const [row] = await db
    .insert(reportJobs)
    .values({
      kind: 'circular',
      params: period,
      status: 'queued',
      step: 'queued',
      asOf: now,
      requestedBy: actor.id,
      requestedAt: now,
    })
    .returning(jobColumns);
  await recordAudit(db, actor, now, {
    action: 'generate',
    entity: 'report_job',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/**
 * Takes a job to run: a queued one, or a running one whose heartbeat is stale (its process died). One UPDATE
 * with the condition in its WHERE, so two processes never both take it.
 */
async function claim(db: DbOrTx, id: number, now: Date) {
  const [row] = await db
    .update(reportJobs)
    .set({
      status: 'running',
      step: 'started',
      progress: 0,
      error: null,
      attempts: sql`${reportJobs.attempts} + 1`,
      startedAt: now,
      heartbeatAt: now,
    })
    .where(
      and(
        eq(reportJobs.id, id),
        or(
          eq(reportJobs.status, 'queued'),
          and(
            eq(reportJobs.status, 'running'),
            lt(reportJobs.heartbeatAt, new Date(now.getTime() - STALE_JOB_MS)),
          ),
        ),
      ),
    )
    .returning({ ...jobColumns });
  return row ?? null;
}

/**
 * Runs a job to its end outside any transaction, writing step, progress and heartbeat as it goes. `clock` gives
 * the heartbeat times (the figures are as of the job's `asOf`, so a resumed job writes the same files).
 */
export async function runReportJob(db: Db, id: number, clock: () => Date): Promise<ReportJob | null> {
  const job = await claim(db.orm, id, clock());
  if (!job) return null;
  const step = (s: string, progress: number) =>
    db.orm.update(reportJobs).set({ step: s, progress, heartbeatAt: clock() }).where(eq(reportJobs.id, id));
  try {
    // Progress writes in order, each with a heartbeat; awaited before the result is stored.
    let writes: Promise<unknown> = Promise.resolve();
    const r = await writeCircularFiles(db.orm, job.params.from!, job.params.to!, job.asOf, (s, f) => {
      writes = writes.then(() => step(s, Math.min(f, 0.95)));
    });
    await writes;
    const { docx, pdf, xlsx } = r.files;
    const doc = { fileName: r.fileName };
    await db.orm
      .update(reportJobs)
      .set({
        status: 'done',
        step: 'done',
        progress: 1,
        finishedAt: clock(),
        heartbeatAt: clock(),
        fileName: doc.fileName,
        docx,
        pdf,
        xlsx,
      })
      .where(eq(reportJobs.id, id));
  } catch (err) {
    await db.orm
      .update(reportJobs)
      .set({
        status: 'failed',
        finishedAt: clock(),
        error: String(err instanceof Error ? err.message : err).slice(0, 2000),
      })
      .where(eq(reportJobs.id, id));
  }
  return getReportJob(db.orm, id);
}

/**
 * In every process's background sweep (and so after a restart): jobs still queued, or running with a stale
 * heartbeat because their process died, are resumed from the start — unless they were already interrupted
 * `MAX_JOB_ATTEMPTS` times, then they are marked failed with the reason. Returns the ids resumed and failed.
 */
export async function resumeReportJobs(db: Db, clock: () => Date) {
  const now = clock();
  const stale = new Date(now.getTime() - STALE_JOB_MS);
  const waiting = await db.orm
    .select({ id: reportJobs.id, status: reportJobs.status, attempts: reportJobs.attempts })
    .from(reportJobs)
    .where(
      or(
        // Queued and left for a while: the request's own run never started (the process stopped first).
        and(eq(reportJobs.status, 'queued'), lt(reportJobs.requestedAt, new Date(now.getTime() - 30_000))),
        and(eq(reportJobs.status, 'running'), lt(reportJobs.heartbeatAt, stale)),
      ),
    )
    .orderBy(reportJobs.id)
    .limit(20);
  const failed = waiting.filter((j) => j.attempts >= MAX_JOB_ATTEMPTS).map((j) => j.id);
  if (failed.length)
    await db.orm
      .update(reportJobs)
      .set({
        status: 'failed',
        finishedAt: now,
        error: `interrupted ${MAX_JOB_ATTEMPTS} times (the process stopped while generating)`,
      })
      .where(
        and(
          inArray(reportJobs.id, failed),
          or(
            eq(reportJobs.status, 'queued'),
            and(eq(reportJobs.status, 'running'), lt(reportJobs.heartbeatAt, stale)),
          ),
        ),
      );
  const resumed: number[] = [];
  for (const j of waiting)
    if (!failed.includes(j.id) && (await runReportJob(db, j.id, clock))) resumed.push(j.id);
  return { resumed, failed };
}
