import { and, desc, eq, gte, isNotNull, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { parseCityInstant } from '../../calendar/local-time.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { validationFailed } from '../../platform/errors.ts';
import { type AppInstance, requireActor, actorOf } from '../../platform/http.ts';
import { recordAudit } from '../../platform/audit.ts';
import { readCallSettings } from './settings.ts';
import { reveal, visibilityOf } from '../../platform/need-to-know.ts';
import { openNumber } from './personal-data.ts';
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
import {
  CallEventInput,
  IMPORT_FORMATS,
  ApplyCallEventResponse,
  AttemptCallbackResponse,
  CallMetricsResponse,
  CallbackStatsResponse,
  DecideExemptionResponse,
  GetCallsCallbacksIdAttemptsResponse,
  GetCallsCallbacksResponse,
  GetCallsExemptionsResponse,
  GetCallsImportsResponse,
  GetCallsOutagesResponse,
  GetCallsResponse,
  GetCallsSatisfactionResponse,
  ImportCallLogResponse,
  PostCallsExemptionsResponse,
  PostCallsOutagesIdEndResponse,
  PostCallsOutagesResponse,
  WallboardSnapshotResponse,
} from './model.ts';
import { callImports, calls } from './schema.ts';
import { createWallboardHub, wallboardSnapshot } from './wallboard.ts';
import { zId, zInstant, zInt } from '../../platform/input.ts';

/** A date (the city's midnight) or an instant. */
const instant = z.string().transform((s, ctx) => {
  const d = parseCityInstant(s);
  if (!d) ctx.addIssue({ code: 'custom', message: 'a date YYYY-MM-DD or an ISO 8601 instant' });
  return d ?? new Date(NaN);
});
const Period = z.object({ from: instant, to: instant });
const IdParams = z.object({ id: zId });
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
    {
      config: { roles: ['switch', 'admin'] },
      schema: { response: { 200: ApplyCallEventResponse }, body: CallEventInput, tags: ['calls'] },
    },
    async (req) => {
      actorOf(req);
      const { callbackDueHours } = await readCallSettings(db.orm);
      return applyCallEvent(db.orm, req.body, clock.now(), callbackDueHours);
    },
  );

  app.get(
    '/api/calls/metrics',
    {
      config: { roles: CALL_STAFF },
      schema: {
        response: { 200: CallMetricsResponse },
        querystring: Period.extend({ granularity: z.enum(GRANULARITIES).default('day') }),
        tags: ['calls'],
      },
    },
    async (req) => {
      actorOf(req);
      checkPeriod(req.query.from, req.query.to);
      const settings = await readCallSettings(db.orm);
      return callMetrics(db.orm, req.query.from, req.query.to, req.query.granularity, settings);
    },
  );

  app.post(
    '/api/calls/import',
    {
      config: { roles: ['office', 'team_lead', 'admin'] },
      schema: {
        response: { 200: ImportCallLogResponse },
        querystring: z.object({ format: z.enum(IMPORT_FORMATS), fileName: z.string().max(200).optional() }),
        tags: ['calls'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
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
        callbackDueHours: (await readCallSettings(db.orm)).callbackDueHours,
      });
    },
  );

  app.get(
    '/api/calls/imports',
    {
      config: { roles: ['office', 'team_lead', 'admin'] },
      schema: { response: { 200: GetCallsImportsResponse }, tags: ['calls'] },
    },
    async (req) => {
      actorOf(req);
      return { items: await db.orm.select().from(callImports).orderBy(desc(callImports.id)).limit(100) };
    },
  );

  app.get(
    '/api/calls',
    {
      config: { roles: CALL_STAFF },
      schema: {
        response: { 200: GetCallsResponse },
        querystring: Period.partial().extend({
          agent: z.string().max(64).optional(),
          outcome: z.enum(['answered', 'abandoned', 'waiting']).optional(),
          page: zInt(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        tags: ['calls'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
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
      // Full numbers are a read of personal data: one audit row per page read, naming the calls shown.
      if (visibilityOf(actor, 'call.list', 'phone') === 'full' && items.some((c) => c.callerNumber))
        await recordAudit(db.orm, actor, clock.now(), {
          action: 'view_personal_data',
          entity: 'calls',
          after: { callIds: items.map((c) => c.id) },
        });
      return {
        items: items.map((c) => ({
          ...c,
          callerNumber: reveal(actor, 'call.list', 'phone', openNumber(c.callerNumber, 'calls')),
        })),
        total: Number(count?.n ?? 0),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  );

  app.get(
    '/api/calls/satisfaction',
    {
      config: { roles: CALL_STAFF },
      schema: { response: { 200: GetCallsSatisfactionResponse }, querystring: Period, tags: ['calls'] },
    },
    async (req) => {
      actorOf(req);
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
      // The rating is never null here (filtered above); drizzle does not narrow the column's type.
      return { items: rows.map((r) => ({ ...r, rating: Number(r.rating), count: Number(r.count) })) };
    },
  );

  app.get(
    '/api/calls/callbacks',
    {
      config: { roles: CALL_STAFF },
      schema: {
        response: { 200: GetCallsCallbacksResponse },
        querystring: z.object({
          status: z.enum(CALLBACK_STATUSES).optional(),
          page: zInt(1).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        tags: ['calls'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const result = await listCallbacks(db.orm, req.query.status, req.query.page, req.query.pageSize);
      // Agents need the number to dial (the need-to-know table): a read of personal data, audited per page.
      if (visibilityOf(actor, 'callback.list', 'phone') === 'full' && result.items.length)
        await recordAudit(db.orm, actor, clock.now(), {
          action: 'view_personal_data',
          entity: 'call_callbacks',
          after: { callbackIds: result.items.map((c) => c.id) },
        });
      return {
        ...result,
        items: result.items.map((c) => ({
          ...c,
          callerNumber: reveal(actor, 'callback.list', 'phone', c.callerNumber) ?? '',
        })),
      };
    },
  );

  app.get(
    '/api/calls/callbacks/stats',
    {
      config: { roles: CALL_STAFF },
      schema: { response: { 200: CallbackStatsResponse }, querystring: Period, tags: ['calls'] },
    },
    async (req) => {
      actorOf(req);
      checkPeriod(req.query.from, req.query.to);
      return callbackStats(db.orm, req.query.from, req.query.to, clock.now());
    },
  );

  app.get(
    '/api/calls/callbacks/:id/attempts',
    {
      config: { roles: CALL_STAFF },
      schema: { response: { 200: GetCallsCallbacksIdAttemptsResponse }, params: IdParams, tags: ['calls'] },
    },
    async (req) => {
      actorOf(req);
      return { items: await callbackAttempts(db.orm, req.params.id) };
    },
  );

  app.post(
    '/api/calls/callbacks/:id/attempts',
    {
      config: { roles: ['agent', 'team_lead'] },
      schema: {
        response: { 200: AttemptCallbackResponse },
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
      attemptCallback(
        db.orm,
        actorOf(req),
        req.params.id,
        req.body,
        clock.now(),
        (await readCallSettings(db.orm)).callbackMaxAttempts,
      ),
  );

  app.get(
    '/api/calls/exemptions',
    {
      config: { roles: CALL_STAFF },
      schema: { response: { 200: GetCallsExemptionsResponse }, tags: ['calls'] },
    },
    async (req) => {
      actorOf(req);
      return { items: await listExemptions(db.orm) };
    },
  );

  app.post(
    '/api/calls/exemptions',
    {
      config: { roles: ['team_lead', 'office'] },
      schema: {
        response: { 201: PostCallsExemptionsResponse },
        body: z.object({
          startsAt: zInstant,
          endsAt: zInstant,
          reason: z.string().trim().min(1).max(1000),
        }),
        tags: ['calls'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply
        .code(201)
        .send(await db.orm.transaction((tx) => requestExemption(tx, actor, req.body, clock.now())));
    },
  );

  app.post(
    '/api/calls/exemptions/:id/decide',
    {
      config: { roles: ['office'] },
      schema: {
        response: { 200: DecideExemptionResponse },
        params: IdParams,
        body: z.object({ approve: z.boolean(), note: z.string().max(1000).optional() }),
        tags: ['calls'],
      },
    },
    async (req) =>
      decideExemption(db.orm, actorOf(req), req.params.id, req.body.approve, req.body.note, clock.now()),
  );

  app.get(
    '/api/calls/outages',
    { schema: { response: { 200: GetCallsOutagesResponse }, tags: ['calls'] } },
    async (req) => {
      requireActor(req);
      const { outageAlertHours } = await readCallSettings(db.orm);
      return { items: await listOutages(db.orm, clock.now(), outageAlertHours) };
    },
  );

  app.post(
    '/api/calls/outages',
    {
      config: { roles: ['team_lead', 'office', 'admin'] },
      schema: {
        response: { 201: PostCallsOutagesResponse },
        body: z.object({
          startedAt: zInstant,
          endedAt: zInstant.nullish(),
          cause: z.string().trim().min(1).max(1000),
          operatorFault: z.boolean().nullish(),
        }),
        tags: ['calls'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { outageAlertHours } = await readCallSettings(db.orm);
      return reply
        .code(201)
        .send(
          await db.orm.transaction((tx) => recordOutage(tx, actor, req.body, clock.now(), outageAlertHours)),
        );
    },
  );

  app.post(
    '/api/calls/outages/:id/end',
    {
      config: { roles: ['team_lead', 'office', 'admin'] },
      schema: {
        response: { 200: PostCallsOutagesIdEndResponse },
        params: IdParams,
        body: z.object({ endedAt: zInstant }),
        tags: ['calls'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { outageAlertHours } = await readCallSettings(db.orm);
      return db.orm.transaction((tx) =>
        endOutage(tx, actor, req.params.id, req.body.endedAt, clock.now(), outageAlertHours),
      );
    },
  );

  app.get(
    '/api/calls/wallboard',
    {
      config: { roles: CALL_STAFF },
      schema: { response: { 200: WallboardSnapshotResponse }, tags: ['calls'] },
    },
    async (req) => {
      actorOf(req);
      return wallboardSnapshot(db.orm, clock.now(), await readCallSettings(db.orm));
    },
  );

  app.get(
    '/api/calls/wallboard/stream',
    { config: { roles: CALL_STAFF }, schema: { hide: true } },
    async (req, reply) => {
      actorOf(req);
      reply.hijack();
      await hub.add(reply);
    },
  );
}
