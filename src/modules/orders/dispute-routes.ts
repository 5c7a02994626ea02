import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { actorOf, type AppInstance } from '../../platform/http.ts';
import { zId } from '../../platform/input.ts';
import { readSetting } from '../../platform/settings.ts';
import { disputeFlags, listDisputes, orderDisputesOf } from './dispute-reads.ts';
import {
  DisputeFlagsResponse,
  ListDisputesQuery,
  ListDisputesResponse,
  OrderDisputesResponse,
} from './dispute-model.ts';
import { ORDER_DISPUTE_FLAG_COUNT, ORDER_DISPUTE_FLAG_WINDOW_DAYS } from './dispute-settings.ts';

/** 派单异议 reads; raising and deciding are order actions (`dispute`, `decide-dispute`). */
export function registerDisputeRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  app.get(
    '/api/order-disputes',
    {
      config: { roles: ['office', 'department'] },
      schema: {
        response: { 200: ListDisputesResponse },
        querystring: ListDisputesQuery,
        tags: ['orders'],
        description:
          'Dispatch disputes (派单异议): pending, overdue at now, decided; a department sees its own',
      },
    },
    async (req) => listDisputes(db.orm, actorOf(req), req.query, clock.now()),
  );
  app.get(
    '/api/order-disputes/flags',
    {
      config: { roles: ['office', 'admin'] },
      schema: {
        response: { 200: DisputeFlagsResponse },
        tags: ['orders'],
        description:
          'Categories disputed at least orders.disputeFlagCount times in the last orders.disputeFlagWindowDays days',
      },
    },
    async (req) => {
      actorOf(req);
      const [minDisputes, windowDays] = await Promise.all([
        readSetting(db.orm, ORDER_DISPUTE_FLAG_COUNT),
        readSetting(db.orm, ORDER_DISPUTE_FLAG_WINDOW_DAYS),
      ]);
      return disputeFlags(db.orm, clock.now(), { minDisputes, windowDays });
    },
  );
  app.get(
    '/api/orders/:id/disputes',
    {
      config: { roles: ['agent', 'team_lead', 'office', 'department'] },
      schema: {
        response: { 200: OrderDisputesResponse },
        params: z.object({ id: zId }),
        tags: ['orders'],
        description: "An order's dispatch disputes and the office's decisions",
      },
    },
    async (req) => orderDisputesOf(db.orm, actorOf(req), req.params.id, clock.now()),
  );
}
