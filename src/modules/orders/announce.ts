import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { ORDERS_CHANNEL } from './notifications-service.ts';

/**
 * Tells every process that a work order changed (PostgreSQL NOTIFY, delivered when the transaction commits),
 * so open notification streams refresh at once instead of on their next poll.
 */
export async function announceOrderChange(tx: DbOrTx, orderId: number): Promise<void> {
  await tx.execute(sql`select pg_notify(${ORDERS_CHANNEL}, ${String(orderId)})`);
}
