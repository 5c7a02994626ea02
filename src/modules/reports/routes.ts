import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { validationFailed } from '../../platform/errors.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { FileResponse, MonthlyReport, parseMonth, REPORT_READERS } from './model.ts';
import { registerMonthlyRecordRoutes } from './records-routes.ts';
import { registerCircularRoutes } from './circular-routes.ts';
import { registerScorecardRoutes } from './scorecard-routes.ts';
import { registerExportRoutes } from './exports-routes.ts';
import { registerReportJobRoutes } from './jobs-routes.ts';
import { buildMonthlyReport } from './monthly-service.ts';
import { CONTENT_TYPES, generateMonthly, REPORT_FORMATS, type ReportFormat } from './monthly-files.ts';

const ContractQuery = z.object({
  contract: z
    .string()
    .regex(/^([a-z0-9-]{3,40})$/)
    .optional()
    .describe('a contract id, or "none"; default the contract in force that month'),
});
const contractOption = (c: string | undefined) => (c === 'none' ? null : c);

/** `2026-02.pdf` → month and format; a bad month is a 400 naming `month`, a bad extension names `format`. */
function parseFileName(file: string): { month: string; format: ReportFormat } {
  const m = /^(.*)\.([a-z]+)$/.exec(file);
  const format = m?.[2] as ReportFormat | undefined;
  const month = parseMonth(m?.[1] ?? file);
  if (!format || !REPORT_FORMATS.includes(format))
    throw validationFailed([{ field: 'format', message: 'docx, pdf or xlsx' }]);
  return { month, format };
}

export function registerReportRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  app.get(
    '/api/reports/monthly',
    {
      config: { roles: REPORT_READERS },
      schema: {
        querystring: ContractQuery.extend({ month: z.string().max(20) }),
        response: { 200: MonthlyReport },
        tags: ['reports'],
      },
    },
    async (req) => {
      actorOf(req);
      return buildMonthlyReport(db.orm, req.query.month, {
        contractId: contractOption(req.query.contract),
        now: clock.now(),
      });
    },
  );

  app.get(
    '/api/reports/monthly/:file',
    {
      config: { roles: REPORT_READERS },
      schema: {
        params: z.object({ file: z.string().max(40).describe('YYYY-MM.docx, YYYY-MM.pdf or YYYY-MM.xlsx') }),
        querystring: ContractQuery,
        response: { 200: FileResponse },
        tags: ['reports'],
      },
    },
    async (req, reply) => {
      actorOf(req);
      const { month, format } = parseFileName(req.params.file);
      const r = await generateMonthly(db.orm, month, {
        contractId: contractOption(req.query.contract),
        now: clock.now(),
        formats: [format],
      });
      return (
        reply
          .type(CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${r.fileName}.${format}"`)
          // A Buffer goes out as it is: Fastify serialises only objects, so the binary schema only documents it.
          .send(r.files[format] as unknown as string)
      );
    },
  );
  registerMonthlyRecordRoutes(app, deps);
  registerCircularRoutes(app, deps);
  registerScorecardRoutes(app, deps);
  registerReportJobRoutes(app, deps);
  registerExportRoutes(app, deps);
}
