import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { zId } from '../../platform/input.ts';
import { buildCircular, circularDocument } from './circular-service.ts';
import { buildSpecialReport } from './special-service.ts';
import { writeDocx } from './docx-writer.ts';
import { FileResponse, REPORT_READERS } from './model.ts';
import { CONTENT_TYPES, ISSUER, REPORT_FORMATS } from './monthly-files.ts';
import { writePdf } from './pdf-writer.ts';
import { writeXlsx } from './xlsx-writer.ts';
import { ReportPeriodQuery, ScorecardRow } from './scorecard-model.ts';

const Period = ReportPeriodQuery;
const rate = z.number().nullable();
const Cell = z.union([z.string(), z.number(), z.null()]);
export const SpecialReportSchema = z.object({
  title: z.string(),
  meta: z.array(z.string()),
  fileName: z.string(),
  sections: z.array(
    z.object({
      title: z.string(),
      blocks: z.array(
        z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('text'), text: z.string() }),
          z.object({
            kind: z.literal('table'),
            title: z.string(),
            sheet: z.string().optional(),
            columns: z.array(
              z.object({ title: z.string(), format: z.enum(['text', 'int', 'pct', 'dec1']).optional() }),
            ),
            rows: z.array(z.array(Cell)),
          }),
        ]),
      ),
    }),
  ),
});

export const CircularSchema = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: z.date(),
  weights: z.object({
    signedOnTime: z.number(),
    handledOnTime: z.number(),
    notReturned: z.number(),
    satisfaction: z.number(),
  }),
  signWithinHours: z.number().int(),
  basicallySatisfiedCounts: z.boolean(),
  departments: z.array(
    ScorecardRow.extend({ notReturnedRate: rate, score: rate, rank: z.number().int().nullable() }),
  ),
});

/** 通报 — the office ranks the departments; the operator's team leads prepare it. */
export function registerCircularRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  app.get(
    '/api/reports/circular',
    {
      config: { roles: REPORT_READERS },
      schema: { querystring: Period, response: { 200: CircularSchema }, tags: ['reports'] },
    },
    async (req) => {
      actorOf(req);
      return buildCircular(db.orm, req.query.from, req.query.to, clock.now());
    },
  );
  app.get(
    '/api/reports/circular/:format',
    {
      config: { roles: REPORT_READERS },
      schema: {
        params: z.object({ format: z.enum(REPORT_FORMATS) }),
        querystring: Period,
        response: { 200: FileResponse },
        tags: ['reports'],
      },
    },
    async (req, reply) => {
      actorOf(req);
      const doc = circularDocument(
        await buildCircular(db.orm, req.query.from, req.query.to, clock.now()),
        ISSUER,
      );
      const f = req.params.format;
      const file =
        f === 'docx' ? await writeDocx(doc) : f === 'pdf' ? await writePdf(doc) : await writeXlsx(doc);
      return reply
        .type(CONTENT_TYPES[f])
        .header('content-disposition', `attachment; filename="${doc.fileName}.${f}"`)
        .send(file as unknown as string);
    },
  );

  const SpecialQuery = z.object({
    hotTopic: zId.optional().describe('a confirmed hot topic'),
    orders: z.string().max(40_000).optional().describe('order numbers, comma-separated (1–2000)'),
  });
  const specialDoc = (q: z.infer<typeof SpecialQuery>) =>
    buildSpecialReport(
      db.orm,
      q.hotTopic
        ? { hotTopicId: q.hotTopic }
        : {
            orderNumbers: (q.orders ?? '')
              .split(',')
              .map((n) => n.trim())
              .filter(Boolean),
          },
      clock.now(),
      ISSUER,
    );

  app.get(
    '/api/reports/special',
    {
      config: { roles: REPORT_READERS },
      schema: {
        description:
          'The special report (专报) as the console previews it: the same document the files print.',
        querystring: SpecialQuery,
        response: { 200: SpecialReportSchema },
        tags: ['reports'],
      },
    },
    async (req) => {
      actorOf(req);
      const doc = await specialDoc(req.query);
      return {
        ...doc,
        sections: doc.sections.map((s) => ({
          title: s.title,
          blocks: s.blocks.flatMap((b) => (b.kind === 'chart' ? [] : [b])),
        })),
      };
    },
  );

  app.get(
    '/api/reports/special/:format',
    {
      config: { roles: REPORT_READERS },
      schema: {
        params: z.object({ format: z.enum(['docx', 'pdf']) }),
        querystring: SpecialQuery,
        response: { 200: FileResponse },
        tags: ['reports'],
      },
    },
    async (req, reply) => {
      actorOf(req);
      const doc = await specialDoc(req.query);
      const f = req.params.format;
      const file = f === 'docx' ? await writeDocx(doc) : await writePdf(doc);
      return reply
        .type(CONTENT_TYPES[f])
        .header('content-disposition', `attachment; filename="${doc.fileName}.${f}"`)
        .send(file as unknown as string);
    },
  );
}
