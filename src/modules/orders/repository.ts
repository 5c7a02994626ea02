import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { reusable } from '../../db/prepared.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { orderDispatches, orders } from './schema.ts';
import type { GuardFacts, Status } from './state-machine.ts';

/** Every column but the search words (a tsvector only the search's WHERE reads). */
const { searchTokens: _searchTokens, ...orderColumns } = getTableColumns(orders);
export const ORDER_COLUMNS = orderColumns;
export type OrderRow = Omit<typeof orders.$inferSelect, 'searchTokens'>;

/** A department handler sees only orders its department leads or co-handles; everyone else on staff sees all. */
export function canSee(order: Pick<OrderRow, 'departmentId' | 'coDepartmentIds'>, actor: Actor): boolean {
  if (actor.role !== 'department') return true;
  return (
    actor.departmentId != null &&
    (order.departmentId === actor.departmentId || order.coDepartmentIds.includes(actor.departmentId))
  );
}

/** Loads the order and locks its row for the rest of the transaction; 404 when it does not exist or is not visible. */
// Every action's first statements: built once, prepared on the server (db/prepared.ts).
const lockQuery = reusable((db) =>
  db
    .select(ORDER_COLUMNS)
    .from(orders)
    .where(eq(orders.id, sql.placeholder('id')))
    .for('update')
    .prepare('order_lock'),
);
const findQuery = reusable((db) =>
  db
    .select(ORDER_COLUMNS)
    .from(orders)
    .where(eq(orders.id, sql.placeholder('id')))
    .prepare('order_find'),
);
const currentDispatchQuery = reusable((db) =>
  db
    .select()
    .from(orderDispatches)
    .where(and(eq(orderDispatches.orderId, sql.placeholder('orderId')), isNull(orderDispatches.endedAt)))
    .orderBy(sql`${orderDispatches.id} desc`)
    .limit(1)
    .prepare('order_current_dispatch'),
);

export async function lockOrderForUpdate(tx: DbOrTx, id: number, actor: Actor): Promise<OrderRow> {
  const [row] = await lockQuery(tx).execute({ id });
  if (!row || !canSee(row, actor)) throw notFound(`Order ${id}`, `工单 ${id} `);
  return row;
}

export async function findOrder(db: DbOrTx, id: number, actor: Actor): Promise<OrderRow> {
  const [row] = await findQuery(db).execute({ id });
  if (!row || !canSee(row, actor)) throw notFound(`Order ${id}`, `工单 ${id} `);
  return row;
}

export function guardFactsOf(order: OrderRow, maxCallbackAttempts: number): GuardFacts {
  return {
    callbackWaived:
      !order.callbackWanted || !order.callerPhone || order.unreachedCallbacks >= maxCallbackAttempts,
    status: order.status as Status,
    departmentId: order.departmentId,
    hasUnjudgedReturn: order.returnJudgementPending,
    extensionPending: order.extensionPending,
    appealStatus: order.appealStatus,
    coPendingDepartmentIds: order.coPendingDepartmentIds,
    coUnsignedDepartmentIds: order.coUnsignedDepartmentIds,
    disputePending: order.disputePending,
    // Rows read through a raw column list written before pauses existed have no pause state: none.
    pauseState: order.pauseState ?? 'none',
  };
}

/** The dispatch now running (the latest one), if any. */
export async function currentDispatch(tx: DbOrTx, orderId: number) {
  const [row] = await currentDispatchQuery(tx).execute({ orderId });
  return row;
}
