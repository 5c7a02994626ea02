import { and, eq, isNull } from 'drizzle-orm';
import { addWorkingDays } from '../../../calendar/working-days.ts';
import { closeCoTasks, openCoTasks } from '../co-handling.ts';
import { warnAtFor } from '../deadlines.ts';
import { orderAppeals, orderCallbacks, orderDispatches, orderSupervisions } from '../schema.ts';
import type { Handler, HandlerContext } from './types.ts';

/**
 * 回访 — the operator calls the citizen back. Unreached: the attempt is kept and the order waits. Reached: the
 * satisfaction is recorded and the order closes, or with `reopen` (重办) goes back to the same department
 * with a fresh deadline of the same length.
 */
export const callback: Handler<'callback'> = async ({ tx, order, actor, now, input, calendar }) => {
  await tx.insert(orderCallbacks).values({
    orderId: order.id,
    at: now,
    agentId: actor.id,
    reached: input.reached,
    satisfaction: input.satisfaction ?? null,
    attitudeSatisfaction: input.attitude ?? null,
    resolved: input.resolved ?? null,
    note: input.note ?? null,
    reopened: input.reopen,
  });
  if (!input.reached) {
    return {
      outcome: 'unreached',
      patch: { unreachedCallbacks: order.unreachedCallbacks + 1 },
      note: input.note ?? null,
    };
  }
  if (!input.reopen) {
    return {
      patch: { satisfaction: input.satisfaction!, closedAt: now },
      note: input.note ?? null,
      data: { satisfaction: input.satisfaction, resolved: input.resolved ?? null },
    };
  }
  const due = await redispatch({ tx, order, actor, now, calendar });
  return {
    outcome: 'reopen',
    patch: {
      satisfaction: input.satisfaction!,
      reopenCount: order.reopenCount + 1,
      dispatchedAt: now,
      handleDueAt: due.end,
      handleWarnAt: warnAtFor(due.end),
      unreachedCallbacks: 0,
      ...due.coPatch,
    },
    note: input.note ?? null,
    data: {
      satisfaction: input.satisfaction,
      resolved: input.resolved ?? null,
      reopen: true,
      departmentId: order.departmentId,
      dueAt: due.end,
    },
    warnings: due.warnings,
  };
};

/**
 * The order goes back to the same department with a fresh deadline of the same length, as a 重办 dispatch (the
 * department's return-to-work shows on its circular).
 */
async function redispatch({
  tx,
  order,
  actor,
  now,
  calendar,
}: Pick<HandlerContext<'callback'>, 'tx' | 'order' | 'actor' | 'now' | 'calendar'>) {
  const days = order.timeLimitDays!;
  const due = addWorkingDays(await calendar(), now, days);
  const [dispatched] = await tx
    .insert(orderDispatches)
    .values({
      orderId: order.id,
      departmentId: order.departmentId!,
      coDepartmentIds: order.coDepartmentIds,
      dispatchedAt: now,
      dispatchedBy: actor.id,
      timeLimitDays: days,
      dueAt: due.end,
      reopen: true,
    })
    .returning({ id: orderDispatches.id });
  // The co-handlers still on the order work the 重办 too, each with a fresh task and deadline.
  const fresh = { ...order, ...(await closeCoTasks(tx, order.id, now)), coDepartmentIds: [] };
  const co = await openCoTasks(tx, fresh, order.coDepartmentIds, now, {
    dispatchId: dispatched!.id,
    leadDueAt: due.end,
    calendar: await calendar(),
  });
  return { ...due, coPatch: co.patch };
}

/** 退回重办 — the office sends an unsatisfactory reply back to the department before the callback. */
export const sendBack: Handler<'send-back'> = async ({ tx, order, actor, now, input, calendar }) => {
  const due = await redispatch({ tx, order, actor, now, calendar });
  return {
    patch: {
      reopenCount: order.reopenCount + 1,
      dispatchedAt: now,
      repliedAt: null,
      handleDueAt: due.end,
      handleWarnAt: warnAtFor(due.end),
      ...due.coPatch,
    },
    note: input.reason,
    data: { sentBack: true, departmentId: order.departmentId, dueAt: due.end, previousReply: order.reply },
    warnings: due.warnings,
  };
};

/** 办结 without a callback: the citizen declined one, left no number, or the attempts ran out. */
export const close: Handler<'close'> = async ({ now, input }) => ({
  patch: { closedAt: now },
  note: input.note ?? null,
});

/** 督办 — chasing by hand (the sweep writes the automatic ones). */
export const supervise: Handler<'supervise'> = async ({ tx, order, actor, now, input }) => {
  await tx
    .insert(orderSupervisions)
    .values({ orderId: order.id, at: now, byUserId: actor.id, kind: 'manual', note: input.note });
  return { note: input.note };
};

/** 批示 — a leadership instruction on the order. */
export const instruct: Handler<'instruct'> = async ({ input }) => ({
  note: input.text,
  data: { instruction: input.text },
});

/** 申诉 — a party asks that the order be left out of assessment. */
export const appeal: Handler<'appeal'> = async ({ tx, order, actor, now, input }) => {
  await tx.insert(orderAppeals).values({
    orderId: order.id,
    reason: input.reason,
    appealedAt: now,
    appealedBy: actor.id,
    appellantRole: actor.role,
  });
  return { patch: { appealStatus: 'pending' }, note: input.reason };
};

/** 申诉审核 — accepted, the order is excluded from assessment. */
export const decideAppeal: Handler<'decide-appeal'> = async ({ tx, order, actor, now, input }) => {
  await tx
    .update(orderAppeals)
    .set({ accepted: input.accept, decidedAt: now, decidedBy: actor.id, decisionNote: input.note ?? null })
    .where(and(eq(orderAppeals.orderId, order.id), isNull(orderAppeals.decidedAt)));
  return {
    patch: { appealStatus: input.accept ? 'accepted' : 'rejected', excludedFromAssessment: input.accept },
    note: input.note ?? null,
    data: { accept: input.accept },
  };
};
