import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { coTasksOfDepartment } from './co-handling-reads.ts';

const CoTasksQuery = z.object({
  open: z.enum(['true', 'false']).default('true').describe('only tasks still waiting for the answer'),
});

export const MyCoTasksResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      orderId: z.number(),
      orderNumber: z.string(),
      title: z.string(),
      orderStatus: z.string(),
      leadDepartmentId: z.number().nullable(),
      leadDueAt: z.date().nullable(),
      /** The department's own co-handling deadline. */
      dueAt: z.date(),
      signedAt: z.date().nullable(),
      repliedAt: z.date().nullable(),
      releasedAt: z.date().nullable(),
      closedAt: z.date().nullable(),
      overdue: z.boolean(),
    }),
  ),
});

/** 协办任务 of the signed-in department: the portal lists them with its own deadline (issue 17). */
export function registerCoHandlingRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  app.get(
    '/api/orders/co-tasks',
    {
      config: { roles: ['department'] },
      schema: {
        response: { 200: MyCoTasksResponse },
        querystring: CoTasksQuery,
        tags: ['orders'],
        description: 'The co-handling tasks of my department (协办), soonest due first when open',
      },
    },
    async (req) => ({
      items: await coTasksOfDepartment(deps.db.orm, actorOf(req), req.query.open === 'true'),
    }),
  );
}
