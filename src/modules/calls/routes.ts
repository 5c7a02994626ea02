import { and, desc, eq, gte, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { parseCityInstant } from '../../calendar/local-time.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { validationFailed } from '../../platform/errors.ts';
import { type AppInstance, allowRoles, requireActor, requireRole } from '../../platform/http.ts';
import { maskPhone } from '../orders/presenter.ts';
import {
  attemptCallback,
  callbackAttempts,
  callbackStats,
  CALLBACK_STATUSES,
  listCallbacks,
} from './callbacks-service.ts';
import { applyCallEvent } from './events-service.ts';
import { importCallLog } from './import-service.ts';
import {
  decideExemption,
  endOutage,
  listExemptions,
  listOutages,
  recordOutage,
  requestExemption,
} from './incidents-service.ts';
import { GRANULARITIES } from './metrics.ts';
import { callMetrics } from './metrics-service.ts';
import { CallEventInput, IMPORT_FORMATS } from './model.ts';
import { callImports, calls } from './schema.ts';
import { createWallboardHub, wallboardSnapshot } from './wallboard.ts';

/** A date (the city's midnight) or an instant. */
const instant = z.string().transform((s, ctx) => {
  const d = parseCityInstant(s);
  if (!d) ctx.addIssue({ code: 'custom', message: 'a date YYYY-MM-DD or an ISO 8601 instant' });
  return d ?? new Date(NaN);
});
const Period = z.object({ from: instant, to: instant });
const IdParams = z.object({ id: z.coerce.number().int().positive() });
const CALL_STAFF = ['agent', 'team_lead', 'office', 'admin'] as const;

function checkPeriod(from: Date, to: Date) {
  if (to.getTime() <= from.getTime())
    throw validationFailed([{ field: 'to', message: 'must be after from (to is exclusive)' }]);
}

export function registerCallRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const hub = createWallboardHub(db, () => clock.now());
  app.addHook('onClose', async () => hub.stop());
  // Call logs are uploaded as the raw file: the stream goes straight to the importer.
  for (const type of ['application/octet-stream', 'text/csv', 'application/x-ndjson']) {
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
  }

  app.post(
    '/api/calls/events',
    { preValidation: allowRoles('switch', 'admin'), schema: { body: CallEventInput, tags: ['calls'] } },
    async (req) => {
      requireRole(req, 'switch', 'admin');
      return applyCallEvent(db.orm, req.body, clock.now());
    },
  );

  app.get(
    '/api/calls/metrics',
    {
      schema: {
        querystring: Period.extend({ granularity: z.enum(GRANULARITIES).default('day') }),
        tags: ['calls'],
      },
    },
    async (req) => {
      requireRole(req, ...CALL_STAFF);
      checkPeriod(req.query.from, req.query.to);
      return callMetrics(db.orm, req.query.from, req.query.to, req.query.granularity);
    },
  );

  app.post(
    '/api/calls/import',
    {
      preValidation: allowRoles('office', 'team_lead', 'admin'),
      schema: {
        querystring: z.object({ format: z.enum(IMPORT_FORMATS), fileName: z.string().max(200).optional() }),
        tags: ['calls'],
      },
    },
    async (req) => {
      const actor = requireRole(req, 'office', 'team_lead', 'admin');
      const body = req.body as NodeJS.ReadableStream | undefined;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') {
        throw validationFailed([
          {
            field: 'body',
            message: 'send the file as application/octet-stream, text/csv or application/x-ndjson',
          },
        ]);
      }
      return importCallLog(db.orm, actor, req.query.format, body as never, {
        fileName: req.query.fileName,
        now: clock.now(),
      });
    },
  );

  app.get('/api/calls/imports', { schema: { tags: ['calls'] } }, async (req) => {
    requireRole(req, 'office', 'team_lead', 'admin');
    return { items: await db.orm.select().from(callImports).orderBy(desc(callImports.id)).limit(100) };
  });

  app.get(
    '/api/calls',
    {
      schema: {
        querystring: Period.partial().extend({
          agent: z.string().max(64).optional(),
          outcome: z.enum(['answered', 'abandoned', 'waiting']).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        tags: ['calls'],
      },
    },
    async (req) => {
      const actor = requireRole(req, ...CALL_STAFF);
      const q = req.query;
      const where: SQL[] = [];
      if (q.from) where.push(gte(calls.offeredAt, q.from));
      if (q.to) where.push(lt(calls.offeredAt, q.to));
      if (q.agent) where.push(eq(calls.agent, q.agent));
      if (q.outcome === 'answered') where.push(isNotNull(calls.answeredAt));
      if (q.outcome === 'abandoned') where.push(isNotNull(calls.abandonedAt));
      if (q.outcome === 'waiting') where.push(and(isNull(calls.answeredAt), isNull(calls.abandonedAt))!);
      const cond = where.length ? and(...where) : undefined;
      const [items, [count]] = await Promise.all([
        db.orm
          .select()
          .from(calls)
          .where(cond)
          .orderBy(desc(calls.offeredAt))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.orm
          .select({ n: sql<number>`count(*)::int` })
          .from(calls)
          .where(cond),
      ]);
      const full = actor.role === 'office';
      return {
        items: items.map((c) => ({ ...c, callerNumber: full ? c.callerNumber : maskPhone(c.callerNumber) })),
        total: Number(count?.n ?? 0),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get('/api/calls/satisfaction', { schema: { querystring: Period, tags: ['calls'] } }, async (req) => {
    requireRole(req, ...CALL_STAFF);
    checkPeriod(req.query.from, req.query.to);
    const rows = await db.orm
      .select({ agent: calls.agent, rating: calls.ivrRating, count: sql<number>`count(*)::int` })
      .from(calls)
      .where(
        and(
          gte(calls.offeredAt, req.query.from),
          lt(calls.offeredAt, req.query.to),
          isNotNull(calls.ivrRating),
        ),
      )
      .groupBy(calls.agent, calls.ivrRating)
      .orderBy(calls.agent, calls.ivrRating);
    return { items: rows.map((r) => ({ ...r, count: Number(r.count) })) };
  });

  app.get(
    '/api/calls/callbacks',
    {
      schema: {
        querystring: z.object({
          status: z.enum(CALLBACK_STATUSES).optional(),
          page: z.coerce.number().int().min(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        tags: ['calls'],
      },
    },
    async (req) => {
      const actor = requireRole(req, ...CALL_STAFF);
      const result = await listCallbacks(db.orm, req.query.status, req.query.page, req.query.pageSize);
      // Agents need the number to dial; the others see it masked.
      const full = actor.role === 'agent' || actor.role === 'team_lead';
      return {
        ...result,
        items: result.items.map((c) => ({
          ...c,
          callerNumber: full ? c.callerNumber : maskPhone(c.callerNumber)!,
        })),
      };
    },
  );

  app.get('/api/calls/callbacks/stats', { schema: { querystring: Period, tags: ['calls'] } }, async (req) => {
    requireRole(req, ...CALL_STAFF);
    checkPeriod(req.query.from, req.query.to);
    return callbackStats(db.orm, req.query.from, req.query.to, clock.now());
  });

  app.get(
    '/api/calls/callbacks/:id/attempts',
    { schema: { params: IdParams, tags: ['calls'] } },
    async (req) => {
      requireRole(req, ...CALL_STAFF);
      return { items: await callbackAttempts(db.orm, req.params.id) };
    },
  );

  app.post(
    '/api/calls/callbacks/:id/attempts',
    {
      preValidation: allowRoles('agent', 'team_lead'),
      schema: {
        params: IdParams,
        body: z.object({
          reached: z.boolean(),
          note: z.string().trim().max(1000).optional(),
          orderNumber: z.string().trim().max(40).optional(),
        }),
        tags: ['calls'],
      },
    },
    async (req) =>
      attemptCallback(db.orm, requireRole(req, 'agent', 'team_lead'), req.params.id, req.body, clock.now()),
  );

  app.get('/api/calls/exemptions', { schema: { tags: ['calls'] } }, async (req) => {
    requireRole(req, ...CALL_STAFF);
    return { items: await listExemptions(db.orm) };
  });

  app.post(
    '/api/calls/exemptions',
    {
      preValidation: allowRoles('team_lead', 'office'),
      schema: {
        body: z.object({
          startsAt: z.coerce.date(),
          endsAt: z.coerce.date(),
          reason: z.string().trim().min(1).max(1000),
        }),
        tags: ['calls'],
      },
    },
    async (req, reply) => {
      const actor = requireRole(req, 'team_lead', 'office');
      return reply
        .code(201)
        .send(await db.orm.transaction((tx) => requestExemption(tx, actor, req.body, clock.now())));
    },
  );

  app.post(
    '/api/calls/exemptions/:id/decide',
    {
      preValidation: allowRoles('office'),
      schema: {
        params: IdParams,
        body: z.object({ approve: z.boolean(), note: z.string().max(1000).optional() }),
        tags: ['calls'],
      },
    },
    async (req) =>
      decideExemption(
        db.orm,
        requireRole(req, 'office'),
        req.params.id,
        req.body.approve,
        req.body.note,
        clock.now(),
      ),
  );

  app.get('/api/calls/outages', { schema: { tags: ['calls'] } }, async (req) => {
    requireActor(req);
    return { items: await listOutages(db.orm, clock.now()) };
  });

  app.post(
    '/api/calls/outages',
    {
      preValidation: allowRoles('team_lead', 'office', 'admin'),
      schema: {
        body: z.object({
          startedAt: z.coerce.date(),
          endedAt: z.coerce.date().nullish(),
          cause: z.string().trim().min(1).max(1000),
          operatorFault: z.boolean().nullish(),
        }),
        tags: ['calls'],
      },
    },
    async (req, reply) => {
      const actor = requireRole(req, 'team_lead', 'office', 'admin');
      return reply
        .code(201)
        .send(await db.orm.transaction((tx) => recordOutage(tx, actor, req.body, clock.now())));
    },
  );

  app.post(
    '/api/calls/outages/:id/end',
    {
      preValidation: allowRoles('team_lead', 'office', 'admin'),
      schema: { params: IdParams, body: z.object({ endedAt: z.coerce.date() }), tags: ['calls'] },
    },
    async (req) =>
      db.orm.transaction((tx) =>
        endOutage(
          tx,
          requireRole(req, 'team_lead', 'office', 'admin'),
          req.params.id,
          req.body.endedAt,
          clock.now(),
        ),
      ),
  );

  app.get('/api/calls/wallboard', { schema: { tags: ['calls'] } }, async (req) => {
    requireRole(req, ...CALL_STAFF);
    return wallboardSnapshot(db.orm, clock.now());
  });

  app.get('/api/calls/wallboard/stream', { schema: { hide: true } }, async (req, reply) => {
    requireRole(req, ...CALL_STAFF);
    reply.hijack();
    await hub.add(reply);
  });
}
