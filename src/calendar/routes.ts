import { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import { validationFailed } from '../platform/errors.ts';
import { type AppInstance, requireActor, actorOf } from '../platform/http.ts';
import { addDays, formatCityInstant, isLocalDate, parseCityInstant } from './local-time.ts';
import {
  declareYear,
  listDeclaredYears,
  listOverrides,
  loadCalendar,
  removeOverride,
  setOverride,
} from './service.ts';
import { addWorkingDays } from './working-days.ts';
import {
  DeleteCalendarOverridesDayResponse,
  GetCalendarDaysResponse,
  GetCalendarDeadlineResponse,
  GetCalendarOverridesResponse,
  PostCalendarYearsResponse,
  PutCalendarOverridesDayResponse,
} from './model.ts';

const localDate = z.string().refine(isLocalDate, 'a date YYYY-MM-DD');

export function registerCalendarRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  app.get(
    '/api/calendar/days',
    {
      schema: {
        response: { 200: GetCalendarDaysResponse },
        querystring: z.object({ from: localDate, to: localDate }),
        tags: ['calendar'],
      },
    },
    async (req) => {
      requireActor(req);
      const { from, to } = req.query;
      if (to < from) throw validationFailed([{ field: 'to', message: 'must not be before from' }]);
      const calendar = await loadCalendar(db.orm);
      const days = [];
      for (let d = from; d <= to && days.length < 732; d = addDays(d, 1)) days.push(calendar.day(d));
      return { days, coveredYears: calendar.coveredYears(), source: calendar.source };
    },
  );

  app.get(
    '/api/calendar/deadline',
    {
      schema: {
        response: { 200: GetCalendarDeadlineResponse },
        querystring: z.object({ from: z.string().min(4), days: z.coerce.number().int().min(0).max(3660) }),
        tags: ['calendar'],
      },
    },
    async (req) => {
      requireActor(req);
      const from = parseCityInstant(req.query.from);
      if (!from) throw validationFailed([{ field: 'from', message: 'an ISO 8601 instant or date' }]);
      const r = addWorkingDays(await loadCalendar(db.orm), from, req.query.days);
      return { end: formatCityInstant(r.end), lastDay: r.lastDay, warnings: r.warnings };
    },
  );

  app.get(
    '/api/calendar/overrides',
    { schema: { response: { 200: GetCalendarOverridesResponse }, tags: ['calendar'] } },
    async (req) => {
      requireActor(req);
      const [items, years] = await Promise.all([listOverrides(db.orm), listDeclaredYears(db.orm)]);
      return { items, declaredYears: years };
    },
  );

  app.put(
    '/api/calendar/overrides/:day',
    {
      config: { roles: ['admin', 'office'] },
      schema: {
        response: { 200: PutCalendarOverridesDayResponse },
        params: z.object({ day: localDate }),
        body: z.object({
          isWorkday: z.boolean(),
          name: z.string().trim().min(1).max(50),
          source: z.string().max(200).nullish(),
        }),
        tags: ['calendar'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return db.orm.transaction((tx) =>
        setOverride(tx, actor, { day: req.params.day, ...req.body }, clock.now()),
      );
    },
  );

  app.delete(
    '/api/calendar/overrides/:day',
    {
      config: { roles: ['admin', 'office'] },
      schema: {
        response: { 200: DeleteCalendarOverridesDayResponse },
        params: z.object({ day: localDate }),
        tags: ['calendar'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await db.orm.transaction((tx) => removeOverride(tx, actor, req.params.day, clock.now()));
      return { ok: true };
    },
  );

  app.post(
    '/api/calendar/years',
    {
      config: { roles: ['admin', 'office'] },
      schema: {
        response: { 200: PostCalendarYearsResponse },
        body: z.object({
          year: z.number().int().min(2000).max(2100),
          source: z.string().trim().min(1).max(200),
        }),
        tags: ['calendar'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return db.orm.transaction((tx) => declareYear(tx, actor, req.body.year, req.body.source, clock.now()));
    },
  );
}
