import { and, desc, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { listDepartments } from '../directory/index.ts';
import { orders } from './schema.ts';
import type { Status } from './state-machine.ts';

/**
 * What an open interface (Open311) may show of an order: its state, matter, department and official answers —
 * never the caller's name, phone or address.
 */
export interface ExternalOrderView {
  id: number;
  number: string;
  status: Status;
  categoryId: number | null;
  department: string | null;
  content: string;
  /** The agent's direct answer (直接办结), if any. */
  answer: string | null;
  /** The department's reply (答复), if any. */
  reply: string | null;
  mergedIntoNumber: string | null;
  receivedAt: Date;
  updatedAt: Date;
  responseDueAt: Date | null;
  handleDueAt: Date | null;
}

export interface ExternalOrderFilter {
  ids?: number[];
  numbers?: string[];
  categoryIds?: number[];
  statuses?: readonly Status[];
  receivedFrom?: Date;
  receivedBefore?: Date;
  limit: number;
}

/** Orders for an open interface, newest first, in one query (department names come from the cached directory). */
export async function externalOrderViews(db: DbOrTx, f: ExternalOrderFilter): Promise<ExternalOrderView[]> {
  const where: SQL[] = [];
  if (f.ids) where.push(inArray(orders.id, f.ids.length ? f.ids : [-1]));
  if (f.numbers) where.push(inArray(orders.number, f.numbers.length ? f.numbers : ['']));
  if (f.categoryIds) where.push(inArray(orders.categoryId, f.categoryIds.length ? f.categoryIds : [-1]));
  if (f.statuses) where.push(inArray(orders.status, f.statuses.length ? [...f.statuses] : ['']));
  if (f.receivedFrom) where.push(gte(orders.receivedAt, f.receivedFrom));
  if (f.receivedBefore) where.push(lt(orders.receivedAt, f.receivedBefore));
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      categoryId: orders.categoryId,
      departmentId: orders.departmentId,
      content: orders.content,
      answer: orders.answer,
      reply: orders.reply,
      mergedIntoId: orders.mergedIntoId,
      receivedAt: orders.receivedAt,
      updatedAt: orders.updatedAt,
      responseDueAt: orders.responseDueAt,
      handleDueAt: orders.handleDueAt,
    })
    .from(orders)
    .where(and(...where))
    .orderBy(desc(orders.receivedAt), desc(orders.id))
    .limit(f.limit);
  const mergedIds = rows.map((r) => r.mergedIntoId).filter((x): x is number => x != null);
  const merged = mergedIds.length
    ? new Map(
        (
          await db
            .select({ id: orders.id, number: orders.number })
            .from(orders)
            .where(inArray(orders.id, mergedIds))
        ).map((r) => [r.id, r.number]),
      )
    : new Map<number, string>();
  const names = new Map((await listDepartments(db)).map((d) => [d.id, d.name]));
  return rows.map(({ departmentId, mergedIntoId, ...r }) => ({
    ...r,
    status: r.status as Status,
    department: departmentId == null ? null : (names.get(departmentId) ?? null),
    mergedIntoNumber: mergedIntoId == null ? null : (merged.get(mergedIntoId) ?? null),
  }));
}
