import { z } from 'zod';
import { parseCityInstant } from '../../calendar/local-time.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { validationFailed } from '../../platform/errors.ts';
import { readSetting } from '../../platform/settings.ts';
import { type AppInstance, requireActor, actorOf } from '../../platform/http.ts';
import { assignTask, completeTask, listTasks, TaskInput } from './assistance-service.ts';
import { callbackQueue, readCallbackSettings } from './callbacks-service.ts';
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
import { qualityFigures, readQualityFigureSettings } from './indicators.ts';
import {
  attitudeSatisfactionBreakdown,
  handlingSatisfactionByDepartment,
  readSatisfactionSettings,
} from './satisfaction.ts';
import { QA_FATAL_FAILS_MONTH } from './settings.ts';
import { ASSESSMENT_YEAR_START, yearAround } from './year.ts';
import { zId } from '../../platform/input.ts';
import {
  DecideComplaintResponse,
  DecideIncidentResponse,
  DrawSamplesResponse,
  GetQualityCallbacksResponse,
  GetQualityComplaintsResponse,
  GetQualityIncidentsResponse,
  GetQualityMonthlyResponse,
  GetQualitySamplesResponse,
  GetQualitySatisfactionResponse,
  GetQualitySheetsResponse,
  GetQualityTasksResponse,
  PostQualityComplaintsResponse,
  PostQualityIncidentsResponse,
  PostQualitySheetsResponse,
  PostQualityTasksIdCompleteResponse,
  PostQualityTasksResponse,
  QualityFiguresResponse,
  ScoreSampleResponse,
} from './model.ts';

const IdParams = z.object({ id: zId });
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

  app.get(
    '/api/quality/callbacks',
    {
      config: { roles: ['agent', 'team_lead', 'office'] },
      schema: { response: { 200: GetQualityCallbacksResponse }, tags: ['quality'] },
    },
    async (req) => {
      actorOf(req);
      return { items: await callbackQueue(db.orm, clock.now(), await readCallbackSettings(db.orm)) };
    },
  );

  app.get(
    '/api/quality/indicators',
    {
      config: { roles: ['team_lead', 'office', 'admin'] },
      schema: { response: { 200: QualityFiguresResponse }, querystring: Period, tags: ['quality'] },
    },
    async (req) => {
      actorOf(req);
      checkPeriod(req.query.from, req.query.to);
      const settings = await readQualityFigureSettings(db.orm);
      return qualityFigures(db.orm, req.query.from, req.query.to, clock.now(), settings);
    },
  );

  app.get(
    '/api/quality/satisfaction',
    {
      config: { roles: ['team_lead', 'office', 'admin'] },
      schema: { response: { 200: GetQualitySatisfactionResponse }, querystring: Period, tags: ['quality'] },
    },
    async (req) => {
      actorOf(req);
      checkPeriod(req.query.from, req.query.to);
      const settings = await readSatisfactionSettings(db.orm);
      const [attitude, departments] = await Promise.all([
        attitudeSatisfactionBreakdown(db.orm, req.query.from, req.query.to, settings),
        handlingSatisfactionByDepartment(db.orm, req.query.from, req.query.to, settings),
      ]);
      return { attitude, departments };
    },
  );

  app.get(
    '/api/quality/complaints',
    {
      config: { roles: ['team_lead', 'office', 'admin'] },
      schema: {
        response: { 200: GetQualityComplaintsResponse },
        querystring: z.object({ status: z.enum(['investigating', 'confirmed', 'dismissed']).optional() }),
        tags: ['quality'],
      },
    },
    async (req) => {
      actorOf(req);
      return { items: await listComplaints(db.orm, req.query.status) };
    },
  );
  app.post(
    '/api/quality/complaints',
    {
      config: { roles: OPERATOR_BACK_OFFICE },
      schema: { response: { 201: PostQualityComplaintsResponse }, body: ComplaintInput, tags: ['quality'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => recordComplaint(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/quality/complaints/:id/decide',
    {
      config: { roles: ['office'] },
      schema: {
        response: { 200: DecideComplaintResponse },
        params: IdParams,
        body: DecisionInput,
        tags: ['quality'],
      },
    },
    async (req) => decideComplaint(db.orm, actorOf(req), req.params.id, req.body, clock.now()),
  );

  app.get(
    '/api/quality/incidents',
    {
      config: { roles: ['team_lead', 'office', 'admin'] },
      schema: { response: { 200: GetQualityIncidentsResponse }, tags: ['quality'] },
    },
    async (req) => {
      actorOf(req);
      return { items: await listIncidents(db.orm) };
    },
  );
  app.post(
    '/api/quality/incidents',
    {
      config: { roles: OPERATOR_BACK_OFFICE },
      schema: { response: { 201: PostQualityIncidentsResponse }, body: IncidentInput, tags: ['quality'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => recordIncident(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/quality/incidents/:id/decide',
    {
      config: { roles: ['office'] },
      schema: {
        response: { 200: DecideIncidentResponse },
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
      const actor = actorOf(req);
      const [incident] = (await listIncidents(db.orm)).filter((i) => i.id === req.params.id);
      const year = yearAround(
        incident?.occurredOn ?? '2000-01-01',
        await readSetting(db.orm, ASSESSMENT_YEAR_START),
      );
      return decideIncident(db.orm, actor, req.params.id, req.body, year, clock.now());
    },
  );

  app.get(
    '/api/quality/sheets',
    { schema: { response: { 200: GetQualitySheetsResponse }, tags: ['quality'] } },
    async (req) => {
      requireActor(req);
      return { items: await listSheets(db.orm) };
    },
  );
  app.post(
    '/api/quality/sheets',
    {
      config: { roles: OPERATOR_BACK_OFFICE },
      schema: { response: { 201: PostQualitySheetsResponse }, body: SheetInput, tags: ['quality'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => createSheet(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/quality/samples/draw',
    {
      config: { roles: OPERATOR_BACK_OFFICE },
      schema: {
        response: { 200: DrawSamplesResponse },
        body: z.object({
          sheetId: zId,
          month,
          perAgent: z.number().int().min(1).max(50),
        }),
        tags: ['quality'],
      },
    },
    async (req) =>
      drawSamples(db.orm, actorOf(req), req.body.sheetId, req.body.month, req.body.perAgent, clock.now()),
  );
  app.get(
    '/api/quality/samples',
    {
      // An agent sees only their own inspected calls.
      config: { roles: ['agent', 'team_lead', 'office', 'admin'] },
      schema: {
        response: { 200: GetQualitySamplesResponse },
        querystring: z.object({
          month: month.optional(),
          agentId: zId.optional(),
          status: z.enum(['pending', 'scored']).optional(),
        }),
        tags: ['quality'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const agentId = actor.role === 'agent' ? actor.id! : req.query.agentId;
      const rows = await listSamples(db.orm, { ...req.query, agentId });
      return { items: rows.map((r) => ({ ...r.sample, agentName: r.agentName })) };
    },
  );
  app.post(
    '/api/quality/samples/:id/score',
    {
      config: { roles: OPERATOR_BACK_OFFICE },
      schema: {
        response: { 200: ScoreSampleResponse },
        params: IdParams,
        body: ScoreInput,
        tags: ['quality'],
      },
    },
    async (req) => scoreSample(db.orm, actorOf(req), req.params.id, req.body, clock.now()),
  );
  app.post(
    '/api/quality/samples/:id/appeal',
    {
      config: { roles: ['agent'] },
      schema: {
        response: { 200: ScoreSampleResponse },
        params: IdParams,
        body: z.object({ reason: z.string().trim().min(1).max(2000) }),
        tags: ['quality'],
      },
    },
    async (req) => appealSample(db.orm, actorOf(req), req.params.id, req.body.reason, clock.now()),
  );
  app.post(
    '/api/quality/samples/:id/appeal/decide',
    {
      config: { roles: OPERATOR_BACK_OFFICE },
      schema: {
        response: { 200: ScoreSampleResponse },
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
    async (req) => decideSampleAppeal(db.orm, actorOf(req), req.params.id, req.body, clock.now()),
  );
  app.get(
    '/api/quality/monthly',
    {
      config: { roles: ['team_lead', 'office', 'admin'] },
      schema: {
        response: { 200: GetQualityMonthlyResponse },
        querystring: z.object({ month }),
        tags: ['quality'],
      },
    },
    async (req) => {
      actorOf(req);
      const fatalFails = await readSetting(db.orm, QA_FATAL_FAILS_MONTH);
      const [results, flagged] = await Promise.all([
        monthlyResults(db.orm, req.query.month, fatalFails),
        consecutiveFailures(db.orm, req.query.month, fatalFails),
      ]);
      return { results, twoMonthsFailed: flagged };
    },
  );

  app.get(
    '/api/quality/tasks',
    {
      config: { roles: ['team_lead', 'office', 'admin'] },
      schema: { response: { 200: GetQualityTasksResponse }, tags: ['quality'] },
    },
    async (req) => {
      actorOf(req);
      return { items: await listTasks(db.orm) };
    },
  );
  app.post(
    '/api/quality/tasks',
    {
      config: { roles: ['office'] },
      schema: { response: { 201: PostQualityTasksResponse }, body: TaskInput, tags: ['quality'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => assignTask(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/quality/tasks/:id/complete',
    {
      config: { roles: ['team_lead'] },
      schema: {
        response: { 200: PostQualityTasksIdCompleteResponse },
        params: IdParams,
        body: z.object({ result: z.string().trim().min(1).max(5000) }),
        tags: ['quality'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => completeTask(t, actor, req.params.id, req.body.result, clock.now()));
    },
  );
}
