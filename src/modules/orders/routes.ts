import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors.ts';
import { hitRateLimit, type RateLimit } from '../../platform/rate-limit.ts';
import { type AppInstance, allowRoles, requireActor, requireRole } from '../../platform/http.ts';
import { applyOrderAction } from './actions.ts';
import type { OrderSettings } from './handlers/types.ts';
import { readSetting } from '../../platform/settings.ts';
import { CALLBACK_MAX_ATTEMPTS } from './settings.ts';
import { createOrder, submitPublicOrder } from './intake-service.ts';
import {
  ACTION_INPUTS,
  ACTION_NAMES,
  type ActionName,
  CreateOrderInput,
  ListOrdersQuery,
  PublicSubmissionInput,
} from './model.ts';
import { getOrderDetail, listOrders, presentNewOrder, trackPublicOrder } from './query-service.ts';
import { overviewStats, queueCounts } from './stats-service.ts';

export interface OrderRouteDeps {
  db: Db;
  clock: Clock;
  settings: OrderSettings;
  publicSubmitLimit: RateLimit;
  publicTrackLimit: RateLimit;
}

const IdParams = z.object({ id: z.coerce.number().int().positive() });

function tooMany(): AppError {
  return new AppError(
    'rate_limited',
    429,
    'Too many requests from this address; try again later',
    '提交过于频繁，请稍后再试',
  );
}

export function registerOrderRoutes(app: AppInstance, deps: OrderRouteDeps): void {
  const { db, clock } = deps;
  // The attempt limit is a setting the office can change at any time, so it is read per request.
  const maxAttempts = () => readSetting(db.orm, CALLBACK_MAX_ATTEMPTS);
  const current = async (): Promise<OrderSettings> => ({
    ...deps.settings,
    maxCallbackAttempts: await maxAttempts(),
  });
  const detail = async (actor: Parameters<typeof getOrderDetail>[1], id: number) =>
    getOrderDetail(db.orm, actor, id, clock.now(), await maxAttempts());

  app.post(
    '/api/orders',
    {
      preValidation: allowRoles('agent', 'team_lead', 'office'),
      schema: { body: CreateOrderInput, tags: ['orders'] },
    },
    async (req, reply) => {
      const actor = requireRole(req, 'agent', 'team_lead', 'office');
      const created = await createOrder(db.orm, actor, req.body, clock.now());
      return reply
        .code(201)
        .send(await presentNewOrder(db.orm, actor, created, clock.now(), await maxAttempts()));
    },
  );

  app.get('/api/orders', { schema: { querystring: ListOrdersQuery, tags: ['orders'] } }, async (req) =>
    listOrders(db.orm, requireActor(req), req.query, clock.now(), await maxAttempts()),
  );

  app.get('/api/orders/:id', { schema: { params: IdParams, tags: ['orders'] } }, async (req) =>
    detail(requireActor(req), req.params.id),
  );

  for (const action of ACTION_NAMES) {
    app.post(
      `/api/orders/:id/actions/${action}`,
      { schema: { params: IdParams, body: ACTION_INPUTS[action as ActionName], tags: ['order actions'] } },
      async (req) => {
        const actor = requireActor(req);
        const result = await applyOrderAction(
          db.orm,
          actor,
          req.params.id,
          action,
          req.body as never,
          clock.now(),
          await current(),
        );
        return { ...(await detail(actor, result.order.id)), warnings: result.warnings };
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
    { schema: { body: PublicSubmissionInput, tags: ['public'] } },
    async (req, reply) => {
      if (!(await hitRateLimit(db.orm, `submit:${req.ip}`, deps.publicSubmitLimit, clock.now())))
        throw tooMany();
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
        params: z.object({ number: z.string().max(40) }),
        querystring: z.object({ code: z.string().min(1).max(40) }),
        tags: ['public'],
      },
    },
    async (req) => {
      if (!(await hitRateLimit(db.orm, `track:${req.ip}`, deps.publicTrackLimit, clock.now())))
        throw tooMany();
      return trackPublicOrder(db.orm, req.params.number, req.query.code);
    },
  );
}

export function registerStatsRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  app.get('/api/stats/overview', { schema: { tags: ['stats'] } }, async (req) =>
    overviewStats(deps.db.orm, requireActor(req), deps.clock.now()),
  );
  app.get('/api/stats/queues', { schema: { tags: ['stats'] } }, async (req) =>
    queueCounts(deps.db.orm, requireActor(req), deps.clock.now()),
  );
}
