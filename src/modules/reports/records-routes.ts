import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { validationFailed } from '../../platform/errors.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { MONTHLY_REPORT_STATUSES } from './schema.ts';
import { FileResponse, parseMonth, REPORT_READERS } from './model.ts';
import { CONTENT_TYPES, REPORT_FORMATS, type ReportFormat } from './monthly-files.ts';
import {
  claimGeneration,
  decideMonthly,
  getMonthlyRecord,
  listMonthlyRecords,
  runGeneration,
  storedMonthlyFile,
  submitMonthly,
} from './records-service.ts';

export const MonthlyRecordSchema = z.object({
  id: z.number().int(),
  month: z.string(),
  contractId: z.string().nullable(),
  status: z.enum(MONTHLY_REPORT_STATUSES),
  step: z.string().nullable(),
  progress: z.number(),
  error: z.string().nullable(),
  startedAt: z.date(),
  generatedAt: z.date().nullable(),
  generatedBy: z.number().int().nullable(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), found: z.boolean() })).nullable(),
  complete: z.boolean().nullable(),
  submittedAt: z.date().nullable(),
  submittedBy: z.number().int().nullable(),
  decidedAt: z.date().nullable(),
  decidedBy: z.number().int().nullable(),
  note: z.string().nullable(),
  deliveryId: z.number().int().nullable(),
});

const Month = z.object({ month: z.string().max(20) });
const Note = z.object({ note: z.string().trim().max(2000).optional() });

/**
 * KPI 11's evidence: the generated monthly reports, their progress while generating, the operator's submission
 * and the office's acceptance (Luohe art. 11 #11).
 */
export function registerMonthlyRecordRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const tx = db.orm.transaction.bind(db.orm);

  app.get(
    '/api/reports/monthly-records',
    {
      config: { roles: REPORT_READERS },
      schema: { response: { 200: z.object({ items: z.array(MonthlyRecordSchema) }) }, tags: ['reports'] },
    },
    async (req) => {
      actorOf(req);
      return { items: await listMonthlyRecords(db.orm) };
    },
  );

  app.get(
    '/api/reports/monthly-records/:month',
    {
      config: { roles: REPORT_READERS },
      schema: { params: Month, response: { 200: MonthlyRecordSchema }, tags: ['reports'] },
    },
    async (req) => {
      actorOf(req);
      return getMonthlyRecord(db.orm, req.params.month);
    },
  );

  app.post(
    '/api/reports/monthly-records/:month/generate',
    {
      config: { roles: ['team_lead', 'office'] },
      schema: {
        params: Month,
        body: z
          .object({
            contract: z
              .string()
              .regex(/^[a-z0-9-]{3,40}$/)
              .optional(),
          })
          .nullish(),
        response: { 202: MonthlyRecordSchema },
        tags: ['reports'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const month = parseMonth(req.params.month);
      const contract = req.body?.contract === 'none' ? null : req.body?.contract;
      const now = clock.now();
      const record = await tx((t) => claimGeneration(t, actor, month, contract, now));
      // In the background: the console follows the record's progress; a failure is written to the record.
      runGeneration(db, record.id, month, contract, now).catch(() => {});
      return reply.code(202).send(record);
    },
  );

  app.get(
    '/api/reports/monthly-records/:month/files/:format',
    {
      config: { roles: REPORT_READERS },
      schema: {
        params: Month.extend({ format: z.string().max(10) }),
        response: { 200: FileResponse },
        tags: ['reports'],
      },
    },
    async (req, reply) => {
      actorOf(req);
      const format = req.params.format as ReportFormat;
      if (!REPORT_FORMATS.includes(format))
        throw validationFailed([{ field: 'format', message: 'docx, pdf or xlsx' }]);
      const file = await storedMonthlyFile(db.orm, req.params.month, format);
      return reply
        .type(CONTENT_TYPES[format])
        .header('content-disposition', `attachment; filename="monthly-${req.params.month}.${format}"`)
        .send(file as unknown as string);
    },
  );

  app.post(
    '/api/reports/monthly-records/:month/submit',
    {
      config: { roles: ['team_lead'] },
      schema: {
        params: Month,
        body: Note.nullish(),
        response: { 200: MonthlyRecordSchema },
        tags: ['reports'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => submitMonthly(t, actor, req.params.month, req.body?.note, clock.now()));
    },
  );

  app.post(
    '/api/reports/monthly-records/:month/decide',
    {
      config: { roles: ['office'] },
      schema: {
        params: Month,
        body: Note.extend({ accept: z.boolean(), complete: z.boolean().optional() }),
        response: { 200: MonthlyRecordSchema },
        tags: ['reports'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => decideMonthly(t, actor, req.params.month, req.body, clock.now()));
    },
  );
}
