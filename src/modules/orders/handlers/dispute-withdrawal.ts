import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client.ts';
import { orderDisputes } from '../schema.ts';

/**
 * A 派单异议 still waiting when the order leaves the department (returned, replied, merged) is withdrawn, not
 * left dangling. Its own file so department.ts and disputes.ts (which reuses `dispatch`) do not import each other.
 */
export async function withdrawPendingDispute(tx: Tx, orderId: number, now: Date, why: string): Promise<void> {
  await tx
    .update(orderDisputes)
    .set({ outcome: 'withdrawn', decidedAt: now, decisionNote: why })
    .where(and(eq(orderDisputes.orderId, orderId), eq(orderDisputes.outcome, 'pending')));
}
