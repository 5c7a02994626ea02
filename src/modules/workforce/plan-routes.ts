import { addDays } from '../../calendar/index.ts';
import { AppError, validationFailed } from '../../platform/errors.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { daysBetween } from './days.ts';
import { forecastOffered } from './forecast-service.ts';
import { readPlanSettings } from './plan-settings.ts';
import {
  ForecastQuery,
  ForecastResponse,
  MyShifts,
  MyShiftsQuery,
  PayQuery,
  PayResponse,
  PayWorkbookFile,
  RotaCreate,
  RotaDetail,
  RotaList,
  ShiftsReplace,
  ShiftTemplates,
  WhatIfQuery,
  WhatIfResponse,
} from './plan-model.ts';
import { whatIfHeadcounts, whatIfRota } from './what-if-service.ts';
import { DEFAULT_TEMPLATES } from './rota-planner.ts';
import { z } from 'zod';
import { attachmentName, READERS, TAGS, type WorkforceDeps, XLSX_TYPE } from './route-helpers.ts';
import { payWorkbook } from './pay-xlsx.ts';
import {
  createRota,
  getRota,
  listRotas,
  myShifts,
  publishRota,
  replaceShifts,
  rotaOvertimePay,
} from './rota-store.ts';

/** Who plans, edits and publishes rotas: the operator's team leads (班长) and the administrator. */
const PLANNERS = ['team_lead', 'admin'] as const;
/** A rota id: a PostgreSQL integer, so above 2^31 − 1 is a 400, not a database error. */
const IdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

function checkSpan(from: string, to: string, maxDays: number) {
  if (to <= from) throw validationFailed([{ field: 'to', message: 'must be after from (to is exclusive)' }]);
  if (daysBetween(from, to) > maxDays)
    throw validationFailed([{ field: 'to', message: `at most ${maxDays} days after from` }]);
}

/** Forecast for the console's chart, rotas (plan, edit, publish) and each agent's own shifts. */
export function registerPlanRoutes(app: AppInstance, { db, clock, simulateAnswerRate }: WorkforceDeps): void {
  const tx = db.orm.transaction.bind(db.orm);

  app.get(
    '/api/workforce/forecast',
    {
      config: { roles: READERS },
      schema: { querystring: ForecastQuery, response: { 200: ForecastResponse }, tags: TAGS },
    },
    async (req) => {
      actorOf(req);
      checkSpan(req.query.from, req.query.to, 62);
      const f = await forecastOffered(db.orm, req.query.from, req.query.to);
      return {
        from: f.from,
        to: f.to,
        intervals: f.intervals.map((i, k) => ({ ...i, actual: f.actuals[k] ?? null })),
        days: f.days,
        basis: f.basis,
      };
    },
  );
  /** 班次模板 the planner uses, for the console's rota editor. */
  app.get(
    '/api/workforce/shift-templates',
    { config: { roles: READERS }, schema: { response: { 200: ShiftTemplates }, tags: TAGS } },
    async (req) => {
      actorOf(req);
      return { items: DEFAULT_TEMPLATES.map((t) => ({ ...t })) };
    },
  );
  app.get(
    '/api/workforce/rotas',
    { config: { roles: READERS }, schema: { response: { 200: RotaList }, tags: TAGS } },
    async (req) => {
      actorOf(req);
      return { items: await listRotas(db.orm) };
    },
  );
  app.get(
    '/api/workforce/rotas/:id',
    { config: { roles: READERS }, schema: { params: IdParams, response: { 200: RotaDetail }, tags: TAGS } },
    async (req) => {
      actorOf(req);
      return getRota(db.orm, req.params.id, await readPlanSettings(db.orm));
    },
  );
  app.post(
    '/api/workforce/rotas',
    {
      config: { roles: PLANNERS },
      schema: { body: RotaCreate, response: { 201: RotaDetail }, tags: TAGS },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const settings = await readPlanSettings(db.orm);
      return reply.code(201).send(await tx((t) => createRota(t, actor, req.body, clock.now(), settings)));
    },
  );
  app.put(
    '/api/workforce/rotas/:id/shifts',
    {
      config: { roles: PLANNERS },
      schema: { params: IdParams, body: ShiftsReplace, response: { 200: RotaDetail }, tags: TAGS },
    },
    async (req) => {
      const actor = actorOf(req);
      const settings = await readPlanSettings(db.orm);
      return tx((t) => replaceShifts(t, actor, req.params.id, req.body.shifts, clock.now(), settings));
    },
  );
  app.post(
    '/api/workforce/rotas/:id/publish',
    {
      config: { roles: PLANNERS },
      schema: { params: IdParams, response: { 200: RotaDetail }, tags: TAGS },
    },
    async (req) => {
      const actor = actorOf(req);
      const settings = await readPlanSettings(db.orm);
      return tx((t) => publishRota(t, actor, req.params.id, clock.now(), settings));
    },
  );
  /** 加班工资 (Labour Law art. 44) per agent per month from a published rota; Sanmenxia art. 11's evidence. */
  app.get(
    '/api/workforce/rotas/:id/pay',
    {
      config: { roles: READERS },
      schema: { params: IdParams, querystring: PayQuery, response: { 200: PayResponse }, tags: TAGS },
    },
    async (req) => {
      actorOf(req);
      const settings = await readPlanSettings(db.orm);
      return { lines: await rotaOvertimePay(db.orm, req.params.id, req.query.monthlyWageFen, settings) };
    },
  );
  /** The same table as the workbook `hotline rota pay --xlsx` writes, named after the rota's period. */
  app.get(
    '/api/workforce/rotas/:id/pay.xlsx',
    {
      config: { roles: READERS },
      schema: {
        params: IdParams,
        querystring: PayQuery,
        response: { 200: PayWorkbookFile },
        tags: TAGS,
      },
    },
    async (req, reply) => {
      actorOf(req);
      const settings = await readPlanSettings(db.orm);
      const lines = await rotaOvertimePay(db.orm, req.params.id, req.query.monthlyWageFen, settings);
      const rota = await getRota(db.orm, req.params.id, settings);
      const last = addDays(rota.from, 7 * rota.weeks - 1);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', attachmentName(`加班工资-${rota.from}至${last}.xlsx`))
        .send((await payWorkbook(lines)) as unknown as string);
    },
  );
  /** 我的班次 — any signed-in user's own shifts on published rotas. */
  app.get(
    '/api/workforce/my-shifts',
    {
      config: { roles: ['agent', 'team_lead', 'office', 'admin', 'kb_editor'] },
      schema: { querystring: MyShiftsQuery, response: { 200: MyShifts }, tags: TAGS },
    },
    async (req) => {
      const actor = actorOf(req);
      checkSpan(req.query.from, req.query.to, 92);
      return {
        items: actor.id == null ? [] : await myShifts(db.orm, actor.id, req.query.from, req.query.to),
      };
    },
  );
  /** 人力测算: head counts or a stored rota, Erlang A per half-hour beside the simulator, the 96 % line and the money. */
  app.get(
    '/api/workforce/what-if',
    {
      config: { roles: READERS },
      schema: { querystring: WhatIfQuery, response: { 200: WhatIfResponse }, tags: TAGS },
    },
    async (req) => {
      actorOf(req);
      if (!simulateAnswerRate)
        throw new AppError('no_simulator', 503, 'The call simulator is not wired in', '未接入话务模拟器');
      const q = req.query;
      const settings = await readPlanSettings(db.orm);
      if (q.rota != null)
        return whatIfRota(
          db.orm,
          { rotaId: q.rota, simulateWeeks: q.simulateWeeks, seed: q.seed },
          simulateAnswerRate,
          settings,
        );
      return whatIfHeadcounts(
        db.orm,
        {
          from: q.from!,
          weeks: q.weeks,
          headcounts: q.agents ?? [40, 45, 50],
          simulateWeeks: q.simulateWeeks,
          seed: q.seed,
        },
        simulateAnswerRate,
        settings,
      );
    },
  );
}
