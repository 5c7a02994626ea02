import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { hitRateLimit, type RateLimit } from '../../platform/rate-limit.ts';
import { type AppInstance, requireActor, actorOf } from '../../platform/http.ts';
import { applyOrderAction } from './actions.ts';
import { canSee } from './repository.ts';
import type { OrderSettings } from './handlers/types.ts';
import { readSetting } from '../../platform/settings.ts';
import { ORDER_CALLBACK_MAX_ATTEMPTS } from './settings.ts';
import { ORDER_DISPUTE_DECISION_WORKING_DAYS } from './dispute-settings.ts';
import { ORDER_PAUSE_MAX_WORKING_DAYS, ORDER_PAUSE_REASONS, type PauseSettings } from './pause-settings.ts';
import { createOrder, submitPublicOrder } from './intake-service.ts';
import {
  ACTION_INPUTS,
  ACTION_NAMES,
  type ActionName,
  CreateOrderInput,
  ListOrdersQuery,
  PublicSubmissionInput,
  OrderDetail,
  ListOrdersResponse,
  OverviewStatsResponse,
  OrderActionResponse,
  PauseReasonsResponse,
  PostPublicOrdersResponse,
  QueueCountsResponse,
  TrackPublicOrderResponse,
} from './model.ts';
import {
  getOrderDetail,
  listOrders,
  loadLookups,
  presentNewOrder,
  trackPublicOrder,
} from './query-service.ts';
import { overviewStats, queueCounts } from './stats-service.ts';
import { announcementsSent } from './announce.ts';
import { zId } from '../../platform/input.ts';
import { IdempotencyHeaders } from '../../platform/idempotency.ts';

export interface OrderRouteDeps {
  db: Db;
  clock: Clock;
  settings: OrderSettings;
  publicSubmitLimit: RateLimit;
  publicTrackLimit: RateLimit;
}

const IdParams = z.object({ id: zId });

/** 429 with the seconds left in the limit's current window (sent as Retry-After). */
function tooMany(limit: RateLimit, now: Date): AppError {
  const windowMs = limit.windowSeconds * 1000;
  const left = Math.ceil((windowMs - (now.getTime() % windowMs)) / 1000);
  return new AppError(
    'rate_limited',
    429,
    'Too many requests from this address; try again later',
    '提交过于频繁，请稍后再试',
    { retryAfterSeconds: left },
  );
}

export function registerOrderRoutes(app: AppInstance, deps: OrderRouteDeps): void {
  const { db, clock } = deps;
  // Change notices still queued go out before the server closes its database (orders/announce.ts).
  app.addHook('onClose', announcementsSent);
  // The attempt limit is a setting the office can change at any time, so it is read per request.
  const maxAttempts = () => readSetting(db.orm, ORDER_CALLBACK_MAX_ATTEMPTS);
  // 挂起's reason list and longest pause are settings too, read per request.
  const pauseSettings = async (): Promise<PauseSettings> => ({
    reasons: await readSetting(db.orm, ORDER_PAUSE_REASONS),
    maxWorkingDays: await readSetting(db.orm, ORDER_PAUSE_MAX_WORKING_DAYS),
  });
  const current = async (): Promise<OrderSettings> => ({
    ...deps.settings,
    maxCallbackAttempts: await maxAttempts(),
    disputeDecisionWorkingDays: await readSetting(db.orm, ORDER_DISPUTE_DECISION_WORKING_DAYS),
    pause: await pauseSettings(),
  });
  const detail = async (actor: Parameters<typeof getOrderDetail>[1], id: number) =>
    getOrderDetail(db.orm, actor, id, clock.now(), await maxAttempts());

  app.post(
    '/api/orders',
    {
      config: { roles: ['agent', 'team_lead', 'office'], idempotent: true },
      schema: {
        response: { 201: OrderDetail },
        headers: IdempotencyHeaders,
        body: CreateOrderInput,
        tags: ['orders'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const created = await createOrder(db.orm, actor, req.body, clock.now());
      return reply
        .code(201)
        .send(await presentNewOrder(db.orm, actor, created, clock.now(), await maxAttempts()));
    },
  );

  app.get(
    '/api/orders',
    { schema: { response: { 200: ListOrdersResponse }, querystring: ListOrdersQuery, tags: ['orders'] } },
    async (req) => listOrders(db.orm, requireActor(req), req.query, clock.now(), await maxAttempts()),
  );

  app.get(
    '/api/orders/pause-reasons',
    {
      config: { roles: ['agent', 'team_lead', 'office', 'department', 'admin'] },
      schema: { response: { 200: PauseReasonsResponse }, tags: ['orders'] },
    },
    async (req) => {
      actorOf(req);
      return pauseSettings();
    },
  );

  app.get(
    '/api/orders/:id',
    { schema: { response: { 200: OrderDetail }, params: IdParams, tags: ['orders'] } },
    async (req) => detail(requireActor(req), req.params.id),
  );

  for (const action of ACTION_NAMES) {
    app.post(
      `/api/orders/:id/actions/${action}`,
      {
        config: { idempotent: true },
        schema: {
          response: { 200: OrderActionResponse },
          headers: IdempotencyHeaders,
          params: IdParams,
          body: ACTION_INPUTS[action as ActionName],
          tags: ['order actions'],
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const [settings, names] = await Promise.all([current(), loadLookups(db.orm)]);
        // The answer is read inside the action's transaction: one transaction per action, not two.
        const result = await applyOrderAction(
          db.orm,
          actor,
          req.params.id,
          action,
          req.body as never,
          clock.now(),
          settings,
          async (tx, order) =>
            canSee(order, actor)
              ? getOrderDetail(tx, actor, order.id, clock.now(), settings.maxCallbackAttempts, names)
              : null,
        );
        // An action that takes the order out of the caller's sight is done; the order is then not theirs to see.
        if (!result.answer) throw notFound(`Order ${req.params.id}`, `工单 ${req.params.id} `);
        return { ...result.answer, warnings: result.warnings };
      },
    );
  }
  // An action name that does not exist answers 404 naming the real ones.
  app.post('/api/orders/:id/actions/:action', { schema: { tags: ['order actions'] } }, async (req) => {
    requireActor(req);
    throw new AppError(
      'unknown_action',
      404,
      `Unknown action; one of ${ACTION_NAMES.join(', ')}`,
      '未知操作',
      {
        actions: ACTION_NAMES,
      },
    );
  });

  app.post(
    '/api/public/orders',
    {
      config: { idempotent: true },
      schema: {
        response: { 201: PostPublicOrdersResponse },
        headers: IdempotencyHeaders,
        body: PublicSubmissionInput,
        tags: ['public'],
      },
    },
    async (req, reply) => {
      if (!(await hitRateLimit(db.orm, `submit:${req.ip}`, deps.publicSubmitLimit, clock.now())))
        throw tooMany(deps.publicSubmitLimit, clock.now());
      const { order, trackingCode } = await submitPublicOrder(db.orm, req.body, clock.now());
      return reply.code(201).send({
        number: order.number,
        trackingCode,
        status: order.status,
        receivedAt: order.receivedAt,
        responseDueAt: order.responseDueAt,
      });
    },
  );

  app.get(
    '/api/public/orders/:number',
    {
      schema: {
        response: { 200: TrackPublicOrderResponse },
        params: z.object({ number: z.string().max(40) }),
        querystring: z.object({ code: z.string().min(1).max(40) }),
        tags: ['public'],
      },
    },
    async (req) => {
      // Only failed look-ups count towards the address's limit: a citizen who typed the right number and code
      // always gets through, while guessing (a wrong pair is a 404) is slowed to the limit and then refused.
      // Guessing stays hopeless past the limit too: the code has ~40 bits and must match a given order number.
      try {
        return await trackPublicOrder(db.orm, req.params.number, req.query.code);
      } catch (err) {
        if (err instanceof AppError && err.status === 404) {
          if (!(await hitRateLimit(db.orm, `track:${req.ip}`, deps.publicTrackLimit, clock.now())))
            throw tooMany(deps.publicTrackLimit, clock.now());
        }
        throw err;
      }
    },
  );
}

export function registerStatsRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  app.get(
    '/api/stats/overview',
    { schema: { response: { 200: OverviewStatsResponse }, tags: ['stats'] } },
    async (req) => overviewStats(deps.db.orm, requireActor(req), deps.clock.now()),
  );
  app.get(
    '/api/stats/queues',
    { schema: { response: { 200: QueueCountsResponse }, tags: ['stats'] } },
    async (req) => queueCounts(deps.db.orm, requireActor(req), deps.clock.now()),
  );
}
