import { and, asc, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { openCaller } from './personal-data.ts';
import { orders } from './schema.ts';
import { OPEN_STATUSES } from './state-machine.ts';

/**
 * What the triage module reads of orders (its training history, the open orders a new request may duplicate),
 * as functions of the orders module so that triage does not query the orders table itself.
 */

/** Orders whose handling is over: their category and department are final (已办结, 已归档). */
export const FINISHED_STATUSES = ['closed', 'archived'] as const;

/** A finished order as training material for the dispatch classifier. */
export interface FinishedOrderText {
  id: number;
  title: string;
  content: string;
  categoryId: number;
  departmentId: number | null;
  receivedAt: Date;
}

/** Finished orders with a category, oldest first (by received_at, then id). */
export async function finishedOrdersWithCategory(db: DbOrTx): Promise<FinishedOrderText[]> {
  const rows = await db
    .select({
      id: orders.id,
      title: orders.title,
      content: orders.content,
      categoryId: orders.categoryId,
      departmentId: orders.departmentId,
      receivedAt: orders.receivedAt,
    })
    .from(orders)
    .where(and(inArray(orders.status, [...FINISHED_STATUSES]), isNotNull(orders.categoryId)))
    .orderBy(asc(orders.receivedAt), asc(orders.id));
  return rows.map((r) => ({ ...r, categoryId: r.categoryId! }));
}

/** An open order as a possible duplicate of a new request, its caller's details opened (in memory only). */
export interface OpenOrderText {
  orderId: number;
  version: number;
  number: string;
  title: string;
  /** The first `contentChars` characters of the body. */
  content: string;
  status: string;
  receivedAt: Date;
  district: string | null;
  address: string | null;
  callerPhone: string | null;
}

/** Open orders received since `since`, newest first, at most `limit`. */
export async function recentOpenOrders(
  db: DbOrTx,
  since: Date,
  limit: number,
  contentChars: number,
): Promise<OpenOrderText[]> {
  const rows = await db
    .select({
      orderId: orders.id,
      version: orders.version,
      number: orders.number,
      title: orders.title,
      content: sql<string>`left(${orders.content}, ${contentChars})`,
      status: orders.status,
      receivedAt: orders.receivedAt,
      district: orders.district,
      address: orders.address,
      callerPhone: orders.callerPhone,
    })
    .from(orders)
    .where(and(inArray(orders.status, [...OPEN_STATUSES]), gte(orders.receivedAt, since)))
    .orderBy(desc(orders.receivedAt))
    .limit(limit);
  // Address and phone are sealed at rest: opened here, for the comparison only.
  return rows.map((r) => openCaller(r));
}

/** Whether an order with this id exists (whoever may see it). */
export async function orderExists(db: DbOrTx, id: number): Promise<boolean> {
  const [o] = await db.select({ id: orders.id }).from(orders).where(eq(orders.id, id));
  return o !== undefined;
}
