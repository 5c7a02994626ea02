import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { INT4_MAX } from '../../platform/input.ts';
import { listDepartments } from '../directory/index.ts';
import { canSee } from './repository.ts';
import { orders } from './schema.ts';
import { STATUS_LABELS, type Status } from './state-machine.ts';

/**
 * 工单摘要 — number, title, department and status of a list of orders by id: what an indicator's drill-down shows
 * instead of bare ids (issue 14: "#124 #150…"). No personal data; a department gets only its own orders, the
 * rest are left out silently (as if they did not exist).
 */
export const OrderBriefsQuery = z.object({
  ids: z
    .string()
    .max(8000)
    .regex(/^\d{1,10}(,\d{1,10})*$/, 'order ids separated by commas')
    .transform((s) => [...new Set(s.split(',').map(Number))])
    .refine((ids) => ids.length <= 500, 'at most 500 ids')
    .refine((ids) => ids.every((n) => n >= 1 && n <= INT4_MAX), 'ids are 1 … 2147483647'),
});

export const OrderBriefsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      title: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      departmentId: z.number().nullable(),
      departmentName: z.string().nullable(),
      receivedAt: z.date(),
    }),
  ),
});
export type OrderBriefs = z.infer<typeof OrderBriefsResponse>;

export async function orderBriefs(db: DbOrTx, actor: Actor, ids: number[]): Promise<OrderBriefs> {
  if (!ids.length) return { items: [] };
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      title: orders.title,
      status: orders.status,
      departmentId: orders.departmentId,
      coDepartmentIds: orders.coDepartmentIds,
      receivedAt: orders.receivedAt,
    })
    .from(orders)
    .where(inArray(orders.id, ids));
  // The directory (a few hundred departments at most), through its module's entry point.
  const names = new Map(rows.length ? (await listDepartments(db)).map((d) => [d.id, d.name]) : []);
  const order = new Map(ids.map((id, i) => [id, i]));
  return {
    items: rows
      .filter((r) => canSee(r, actor))
      .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      .map((r) => ({
        id: r.id,
        number: r.number,
        title: r.title,
        status: r.status,
        statusLabel: STATUS_LABELS[r.status as Status] ?? r.status,
        departmentId: r.departmentId,
        departmentName: r.departmentId == null ? null : (names.get(r.departmentId) ?? null),
        receivedAt: r.receivedAt,
      })),
  };
}

export function registerOrderBriefRoutes(app: AppInstance, deps: { db: Db }): void {
  app.get(
    '/api/orders/briefs',
    {
      config: { roles: ['agent', 'team_lead', 'office', 'department', 'admin'] },
      schema: {
        response: { 200: OrderBriefsResponse },
        querystring: OrderBriefsQuery,
        tags: ['orders'],
        description: 'Number, title, department and status of orders by id (indicator drill-downs)',
      },
    },
    async (req) => orderBriefs(deps.db.orm, actorOf(req), req.query.ids),
  );
}
