import { eq } from 'drizzle-orm';
import { validationFailed } from '../../../platform/errors.ts';
import { findCategory } from '../../directory/index.ts';
import { orderDispatches, orderEvents, orders } from '../schema.ts';
import { canSee, currentDispatch } from '../repository.ts';
import { closeCoTasks } from '../co-handling.ts';
import { withdrawPendingExtension } from './department.ts';
import { withdrawPendingDispute } from './dispute-withdrawal.ts';
import type { Handler } from './types.ts';

/** 受理 — an online submission is taken in (and classified); leaving `submitted` is the first response (KPI 2). */
export const accept: Handler<'accept'> = async ({ tx, now, order, input }) => {
  if (input.categoryId !== undefined) {
    const c = await findCategory(tx, input.categoryId);
    if (!c || !c.active)
      throw validationFailed([{ field: 'categoryId', message: `no active category ${input.categoryId}` }]);
  }
  return {
    patch: {
      respondedAt: order.respondedAt ?? now,
      categoryId: input.categoryId ?? order.categoryId,
      type: input.type ?? order.type,
      urgency: input.urgency ?? order.urgency,
    },
    note: input.note ?? null,
    data: { categoryId: input.categoryId, type: input.type, urgency: input.urgency },
  };
};

/** 直接办结 — answered at once from the knowledge base. */
export const closeDirect: Handler<'close-direct'> = async ({ now, order, input }) => ({
  patch: {
    answer: input.answer,
    answerArticleIds: [...new Set(input.articleIds ?? [])],
    closedAt: now,
    respondedAt: order.respondedAt ?? now,
  },
  note: input.answer,
});

/** 合并 — a duplicate joins another order and ends here; the other order records that it absorbed it. */
export const merge: Handler<'merge'> = async ({ tx, now, order, actor, input }) => {
  const [target] = await tx.select().from(orders).where(eq(orders.id, input.intoOrderId));
  if (!target || !canSee(target, actor)) {
    throw validationFailed([{ field: 'intoOrderId', message: `no order ${input.intoOrderId}` }]);
  }
  if (target.id === order.id)
    throw validationFailed([{ field: 'intoOrderId', message: 'cannot merge an order into itself' }]);
  if (target.status === 'merged') {
    throw validationFailed([{ field: 'intoOrderId', message: `order ${target.number} is itself merged` }]);
  }
  const running = await currentDispatch(tx, order.id);
  if (running) {
    await tx
      .update(orderDispatches)
      .set({ endedAt: now, outcome: 'merged' })
      .where(eq(orderDispatches.id, running.id));
  }
  await withdrawPendingExtension(tx, order.id, now, 'withdrawn: order merged');
  await withdrawPendingDispute(tx, order.id, now, 'withdrawn: order merged');
  await tx.insert(orderEvents).values({
    orderId: target.id,
    action: 'merged-in',
    actorId: actor.id,
    actorRole: actor.role,
    actorDepartmentId: actor.departmentId,
    at: now,
    fromStatus: target.status,
    toStatus: target.status,
    note: input.note ?? null,
    data: { mergedOrderId: order.id, mergedOrderNumber: order.number },
  });
  return {
    patch: {
      mergedIntoId: target.id,
      respondedAt: order.respondedAt ?? now,
      extensionPending: false,
      ...(await closeCoTasks(tx, order.id, now)),
      disputePending: false,
    },
    note: input.note ?? null,
    data: { intoOrderId: target.id, intoOrderNumber: target.number },
  };
};

/** 建档 — a closed order is archived. */
export const archive: Handler<'archive'> = async ({ now, input }) => ({
  patch: { archivedAt: now },
  note: input.note ?? null,
});
