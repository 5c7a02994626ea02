import { z } from 'zod';
import { parseCityInstant } from '../../calendar/local-time.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { validationFailed } from '../../platform/errors.ts';
import { type AppInstance, allowRoles, requireActor, requireRole } from '../../platform/http.ts';
import { readSetting } from '../../platform/settings.ts';
import { assignTask, completeTask, listTasks, TaskInput } from './assistance-service.ts';
import { callbackQueue } from './callbacks-service.ts';
import {
  ComplaintInput,
  decideComplaint,
  decideIncident,
  DecisionInput,
  IncidentInput,
  listComplaints,
  listIncidents,
  recordComplaint,
  recordIncident,
} from './complaints-service.ts';
import {
  appealSample,
  consecutiveFailures,
  createSheet,
  decideSampleAppeal,
  drawSamples,
  listSamples,
  listSheets,
  monthlyResults,
  ScoreInput,
  scoreSample,
  SheetInput,
} from './inspection-service.ts';
import { qualityFigures } from './indicators.ts';
import { attitudeSatisfactionBreakdown, handlingSatisfactionByDepartment } from './satisfaction.ts';
import { ASSESSMENT_YEAR_START, yearAround } from './year.ts';
import { CALLBACK_MAX_ATTEMPTS } from '../orders/index.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const instant = z.string().transform((s, ctx) => {
  const d = parseCityInstant(s);
  if (!d) ctx.addIssue({ code: 'custom', message: 'a date YYYY-MM-DD or an ISO 8601 instant' });
  return d ?? new Date(NaN);
});
const Period = z.object({ from: instant, to: instant });
const OPERATOR_BACK_OFFICE = ['team_lead', 'office'] as const;
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

function checkPeriod(from: Date, to: Date) {
  if (to <= from) throw validationFailed([{ field: 'to', message: 'must be after from (to is exclusive)' }]);
}

export function registerQualityRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const tx = db.orm.transaction.bind(db.orm);

  app.get('/api/quality/callbacks', { schema: { tags: ['quality'] } }, async (req) => {
    requireRole(req, 'agent', 'team_lead', 'office');
    return {
      items: await callbackQueue(db.orm, clock.now(), await readSetting(db.orm, CALLBACK_MAX_ATTEMPTS)),
    };
  });

  app.get('/api/quality/indicators', { schema: { querystring: Period, tags: ['quality'] } }, async (req) => {
    requireRole(req, 'team_lead', 'office', 'admin');
    checkPeriod(req.query.from, req.query.to);
    return qualityFigures(db.orm, req.query.from, req.query.to, clock.now());
  });

  app.get(
    '/api/quality/satisfaction',
    { schema: { querystring: Period, tags: ['quality'] } },
    async (req) => {
      requireRole(req, 'team_lead', 'office', 'admin');
      checkPeriod(req.query.from, req.query.to);
      const [attitude, departments] = await Promise.all([
        attitudeSatisfactionBreakdown(db.orm, req.query.from, req.query.to),
        handlingSatisfactionByDepartment(db.orm, req.query.from, req.query.to),
      ]);
      return { attitude, departments };
    },
  );

  app.get(
    '/api/quality/complaints',
    {
      schema: {
        querystring: z.object({ status: z.enum(['investigating', 'confirmed', 'dismissed']).optional() }),
        tags: ['quality'],
      },
    },
    async (req) => {
      requireRole(req, 'team_lead', 'office', 'admin');
      return { items: await listComplaints(db.orm, req.query.status) };
    },
  );
  app.post(
    '/api/quality/complaints',
    {
      preValidation: allowRoles(...OPERATOR_BACK_OFFICE),
      schema: { body: ComplaintInput, tags: ['quality'] },
    },
    async (req, reply) => {
      const actor = requireRole(req, ...OPERATOR_BACK_OFFICE);
      return reply.code(201).send(await tx((t) => recordComplaint(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/quality/complaints/:id/decide',
    {
      preValidation: allowRoles('office'),
      schema: { params: IdParams, body: DecisionInput, tags: ['quality'] },
    },
    async (req) => decideComplaint(db.orm, requireRole(req, 'office'), req.params.id, req.body, clock.now()),
  );

  app.get('/api/quality/incidents', { schema: { tags: ['quality'] } }, async (req) => {
    requireRole(req, 'team_lead', 'office', 'admin');
    return { items: await listIncidents(db.orm) };
  });
  app.post(
    '/api/quality/incidents',
    {
      preValidation: allowRoles(...OPERATOR_BACK_OFFICE),
      schema: { body: IncidentInput, tags: ['quality'] },
    },
    async (req, reply) => {
      const actor = requireRole(req, ...OPERATOR_BACK_OFFICE);
      return reply.code(201).send(await tx((t) => recordIncident(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/quality/incidents/:id/decide',
    {
      preValidation: allowRoles('office'),
      schema: {
        params: IdParams,
        body: z.object({
          serious: z.boolean(),
          causedByService: z.boolean(),
          note: z.string().max(2000).optional(),
        }),
        tags: ['quality'],
      },
    },
    async (req) => {
      const actor = requireRole(req, 'office');
      const [incident] = (await listIncidents(db.orm)).filter((i) => i.id === req.params.id);
      const year = yearAround(
        incident?.occurredOn ?? '2000-01-01',
        await readSetting(db.orm, ASSESSMENT_YEAR_START),
      );
      return decideIncident(db.orm, actor, req.params.id, req.body, year, clock.now());
    },
  );

  app.get('/api/quality/sheets', { schema: { tags: ['quality'] } }, async (req) => {
    requireActor(req);
    return { items: await listSheets(db.orm) };
  });
  app.post(
    '/api/quality/sheets',
    { preValidation: allowRoles(...OPERATOR_BACK_OFFICE), schema: { body: SheetInput, tags: ['quality'] } },
    async (req, reply) => {
      const actor = requireRole(req, ...OPERATOR_BACK_OFFICE);
      return reply.code(201).send(await tx((t) => createSheet(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/quality/samples/draw',
    {
      preValidation: allowRoles(...OPERATOR_BACK_OFFICE),
      schema: {
        body: z.object({
          sheetId: z.number().int().positive(),
          month,
          perAgent: z.number().int().min(1).max(50),
        }),
        tags: ['quality'],
      },
    },
    async (req) =>
      drawSamples(
        db.orm,
        requireRole(req, ...OPERATOR_BACK_OFFICE),
        req.body.sheetId,
        req.body.month,
        req.body.perAgent,
        clock.now(),
      ),
  );
  app.get(
    '/api/quality/samples',
    {
      schema: {
        querystring: z.object({
          month: month.optional(),
          agentId: z.coerce.number().int().optional(),
          status: z.enum(['pending', 'scored']).optional(),
        }),
        tags: ['quality'],
      },
    },
    async (req) => {
      const actor = requireActor(req);
      // An agent sees only their own inspected calls.
      const agentId = actor.role === 'agent' ? actor.id! : req.query.agentId;
      if (!['agent', 'team_lead', 'office', 'admin'].includes(actor.role)) requireRole(req, 'team_lead');
      const rows = await listSamples(db.orm, { ...req.query, agentId });
      return { items: rows.map((r) => ({ ...r.sample, agentName: r.agentName })) };
    },
  );
  app.post(
    '/api/quality/samples/:id/score',
    {
      preValidation: allowRoles(...OPERATOR_BACK_OFFICE),
      schema: { params: IdParams, body: ScoreInput, tags: ['quality'] },
    },
    async (req) =>
      scoreSample(db.orm, requireRole(req, ...OPERATOR_BACK_OFFICE), req.params.id, req.body, clock.now()),
  );
  app.post(
    '/api/quality/samples/:id/appeal',
    {
      preValidation: allowRoles('agent'),
      schema: {
        params: IdParams,
        body: z.object({ reason: z.string().trim().min(1).max(2000) }),
        tags: ['quality'],
      },
    },
    async (req) =>
      appealSample(db.orm, requireRole(req, 'agent'), req.params.id, req.body.reason, clock.now()),
  );
  app.post(
    '/api/quality/samples/:id/appeal/decide',
    {
      preValidation: allowRoles(...OPERATOR_BACK_OFFICE),
      schema: {
        params: IdParams,
        body: z.object({
          uphold: z.boolean(),
          revisedTotal: z.number().min(0).max(100).optional(),
          clearFatal: z.boolean().optional(),
          note: z.string().trim().min(1).max(2000),
        }),
        tags: ['quality'],
      },
    },
    async (req) =>
      decideSampleAppeal(
        db.orm,
        requireRole(req, ...OPERATOR_BACK_OFFICE),
        req.params.id,
        req.body,
        clock.now(),
      ),
  );
  app.get(
    '/api/quality/monthly',
    { schema: { querystring: z.object({ month }), tags: ['quality'] } },
    async (req) => {
      requireRole(req, 'team_lead', 'office', 'admin');
      const [results, flagged] = await Promise.all([
        monthlyResults(db.orm, req.query.month),
        consecutiveFailures(db.orm, req.query.month),
      ]);
      return { results, twoMonthsFailed: flagged };
    },
  );

  app.get('/api/quality/tasks', { schema: { tags: ['quality'] } }, async (req) => {
    requireRole(req, 'team_lead', 'office', 'admin');
    return { items: await listTasks(db.orm) };
  });
  app.post(
    '/api/quality/tasks',
    { preValidation: allowRoles('office'), schema: { body: TaskInput, tags: ['quality'] } },
    async (req, reply) => {
      const actor = requireRole(req, 'office');
      return reply.code(201).send(await tx((t) => assignTask(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/quality/tasks/:id/complete',
    {
      preValidation: allowRoles('team_lead'),
      schema: {
        params: IdParams,
        body: z.object({ result: z.string().trim().min(1).max(5000) }),
        tags: ['quality'],
      },
    },
    async (req) => {
      const actor = requireRole(req, 'team_lead');
      return tx((t) => completeTask(t, actor, req.params.id, req.body.result, clock.now()));
    },
  );
}
