import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { zDate, zId } from '../../platform/input.ts';
import { FileResponse, REPORT_READERS } from './model.ts';
import { CONTENT_TYPES } from './monthly-files.ts';
import { getReportJob, jobFile, listReportJobs, queueCircularJob, runReportJob } from './jobs-service.ts';
import { REPORT_JOB_KINDS, REPORT_JOB_STATUSES } from './schema.ts';

export const ReportJobSchema = z.object({
  id: z.number().int(),
  kind: z.enum(REPORT_JOB_KINDS),
  params: z.record(z.string(), z.string()),
  status: z.enum(REPORT_JOB_STATUSES),
  step: z.string().nullable(),
  progress: z.number(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  asOf: z.date(),
  requestedBy: z.number().int().nullable(),
  requestedAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  fileName: z.string().nullable(),
});

const JobId = z.object({ id: zId });

/**
 * Documents generated in the background (issue 16 #7): the request answers 202 with the job at once; the console
 * polls it for progress and downloads the files when it is done.
 */
export function registerReportJobRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  app.post(
    '/api/reports/circular/jobs',
    {
      config: { roles: REPORT_READERS },
      schema: {
        body: z.object({ from: zDate, to: zDate }),
        response: { 202: ReportJobSchema },
        tags: ['reports'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const job = await queueCircularJob(db.orm, actor, req.body.from, req.body.to, clock.now());
      // In the background; a failure is written to the job, a process that dies leaves it to the sweep.
      void runReportJob(db, job.id, () => clock.now()).catch(() => {});
      return reply.code(202).send(job);
    },
  );

  app.get(
    '/api/reports/jobs',
    {
      config: { roles: REPORT_READERS },
      schema: {
        querystring: z.object({ kind: z.enum(REPORT_JOB_KINDS).default('circular') }),
        response: { 200: z.object({ items: z.array(ReportJobSchema) }) },
        tags: ['reports'],
      },
    },
    async (req) => {
      actorOf(req);
      return { items: await listReportJobs(db.orm, req.query.kind) };
    },
  );

  app.get(
    '/api/reports/jobs/:id',
    {
      config: { roles: REPORT_READERS },
      schema: { params: JobId, response: { 200: ReportJobSchema }, tags: ['reports'] },
    },
    async (req) => {
      actorOf(req);
      return getReportJob(db.orm, req.params.id);
    },
  );

  app.get(
    '/api/reports/jobs/:id/files/:format',
    {
      config: { roles: REPORT_READERS },
      schema: {
        params: JobId.extend({ format: z.enum(['docx', 'pdf', 'xlsx']) }),
        response: { 200: FileResponse },
        tags: ['reports'],
      },
    },
    async (req, reply) => {
      actorOf(req);
      const f = req.params.format;
      const { fileName, file } = await jobFile(db.orm, req.params.id, f);
      return reply
        .type(CONTENT_TYPES[f])
        .header('content-disposition', `attachment; filename="${fileName}.${f}"`)
        .send(file as unknown as string);
    },
  );
}
