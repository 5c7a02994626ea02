import { eq } from 'drizzle-orm';
import { conflict, validationFailed } from '../../../platform/errors.ts';
import { openTaskOf, withoutPending } from '../co-handling.ts';
import { orderCoTasks } from '../schema.ts';
import type { Handler } from './types.ts';

/** The acting department's open co-handling task; the `co_department` guard has checked there is one. */
async function myOpenTask(ctx: Parameters<Handler<'co-sign'>>[0] | Parameters<Handler<'co-reply'>>[0]) {
  const task = await openTaskOf(ctx.tx, ctx.order.id, ctx.actor.departmentId!);
  if (!task)
    throw new Error(`order ${ctx.order.id}: no open co task for department ${ctx.actor.departmentId}`);
  return task;
}

/** 协办签收 — a co-handling department takes its part on. */
export const coSign: Handler<'co-sign'> = async (ctx) => {
  const { tx, order, actor, now, input } = ctx;
  const task = await myOpenTask(ctx);
  if (task.signedAt) {
    throw conflict('co_task_signed', 'Your department has signed already', '本单位已签收该协办任务');
  }
  await tx
    .update(orderCoTasks)
    .set({ signedAt: now, signedBy: actor.id })
    .where(eq(orderCoTasks.id, task.id));
  return {
    patch: { coUnsignedDepartmentIds: order.coUnsignedDepartmentIds.filter((d) => d !== task.departmentId) },
    note: input.note ?? null,
    data: { departmentId: task.departmentId, coTaskId: task.id, dueAt: task.dueAt },
  };
};

/** 协办答复 — the co-handler's answer to the lead (signing implicitly); late answers count as overdue. */
export const coReply: Handler<'co-reply'> = async (ctx) => {
  const { tx, order, actor, now, input } = ctx;
  const task = await myOpenTask(ctx);
  const late = now.getTime() > task.dueAt.getTime();
  await tx
    .update(orderCoTasks)
    .set({
      signedAt: task.signedAt ?? now,
      signedBy: task.signedBy ?? actor.id,
      repliedAt: now,
      repliedBy: actor.id,
      reply: input.reply,
      overdue: task.overdue || late,
    })
    .where(eq(orderCoTasks.id, task.id));
  return {
    patch: withoutPending(order, task.departmentId),
    note: input.reply,
    data: { departmentId: task.departmentId, coTaskId: task.id, dueAt: task.dueAt, late, reply: input.reply },
    warnings: late ? ['协办答复已超过本单位协办时限，计入本单位超期'] : [],
  };
};

/** 解除协办 — the office releases a co-handler that has not answered; it is no longer listed on the order. */
export const releaseCo: Handler<'release-co'> = async ({ tx, order, actor, now, input }) => {
  const task = await openTaskOf(tx, order.id, input.departmentId);
  if (!task) {
    throw validationFailed([
      { field: 'departmentId', message: `department ${input.departmentId} has no open co-handling task` },
    ]);
  }
  await tx
    .update(orderCoTasks)
    .set({ releasedAt: now, releasedBy: actor.id, releaseReason: input.reason })
    .where(eq(orderCoTasks.id, task.id));
  return {
    patch: {
      ...withoutPending(order, task.departmentId),
      coDepartmentIds: order.coDepartmentIds.filter((d) => d !== task.departmentId),
    },
    note: input.reason,
    data: { departmentId: task.departmentId, coTaskId: task.id, reason: input.reason },
  };
};
