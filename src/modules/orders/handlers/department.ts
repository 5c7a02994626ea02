import { and, asc, eq, isNull } from 'drizzle-orm';
import { addWorkingDays, extendByWorkingDays } from '../../../calendar/working-days.ts';
import type { Tx } from '../../../db/client.ts';
import { notFound, validationFailed } from '../../../platform/errors.ts';
import type { Department } from '../../directory/index.ts';
import { closeCoTasks, coAnswersOf, openCoTasks } from '../co-handling.ts';
import { chooseTimeLimit, warnAtFor } from '../deadlines.ts';
import { currentDispatch } from '../repository.ts';
import { orderDispatches, orderExtensions, orderReturns } from '../schema.ts';
import { withdrawPendingDispute } from './dispute-withdrawal.ts';
import type { Handler } from './types.ts';

function checkDepartments(all: Department[], leadId: number, coIds: number[]): void {
  const ids = new Set([leadId, ...coIds]);
  const found = all.filter((d) => ids.has(d.id));
  const active = new Set(found.filter((d) => d.active).map((d) => d.id));
  if (!active.has(leadId))
    throw validationFailed([{ field: 'departmentId', message: `no active department ${leadId}` }]);
  const bad = coIds.filter((id) => !active.has(id) || id === leadId);
  if (bad.length || new Set(coIds).size !== coIds.length) {
    throw validationFailed([
      {
        field: 'coDepartmentIds',
        message: `must be distinct active departments other than the lead: ${bad.join(', ')}`,
      },
    ]);
  }
}

/** An extension still waiting when the order leaves the department is withdrawn, not left dangling. */
export async function withdrawPendingExtension(
  tx: Tx,
  orderId: number,
  now: Date,
  why: string,
): Promise<void> {
  await tx
    .update(orderExtensions)
    .set({ outcome: 'withdrawn', decidedAt: now, decisionNote: why })
    .where(and(eq(orderExtensions.orderId, orderId), eq(orderExtensions.outcome, 'pending')));
}

/** 交办 — to a lead department (and co-handlers) with a handling deadline in working days. */
export const dispatch: Handler<'dispatch'> = async (ctx) => {
  const { tx, catalogue, order, actor, now, input, settings, calendar } = ctx;
  checkDepartments(catalogue.departments, input.departmentId, input.coDepartmentIds);
  const view = order.categoryId ? catalogue.categories.find((c) => c.id === order.categoryId) : undefined;
  if (order.categoryId && !view) throw notFound(`Category ${order.categoryId}`, `分类 ${order.categoryId} `);
  const category = view ? view.effective : null;
  const days = chooseTimeLimit(
    input.timeLimitWorkingDays,
    category,
    order.urgency as 'normal' | 'urgent',
    settings.timeLimits,
  );
  const due = addWorkingDays(await calendar(), now, days);
  const [dispatched] = await tx
    .insert(orderDispatches)
    .values({
      orderId: order.id,
      departmentId: input.departmentId,
      coDepartmentIds: input.coDepartmentIds,
      dispatchedAt: now,
      dispatchedBy: actor.id,
      timeLimitDays: days,
      dueAt: due.end,
    })
    .returning({ id: orderDispatches.id });
  // Each co-handler gets its own task and deadline (协办); tasks of an earlier dispatch end here.
  const fresh = { ...order, ...(await closeCoTasks(tx, order.id, now)), coDepartmentIds: [] };
  const co = await openCoTasks(
    tx,
    { ...fresh, departmentId: input.departmentId },
    input.coDepartmentIds,
    now,
    {
      dispatchId: dispatched!.id,
      leadDueAt: due.end,
      calendar: await calendar(),
    },
  );
  return {
    patch: {
      departmentId: input.departmentId,
      ...co.patch,
      dispatchedAt: now,
      timeLimitDays: days,
      handleDueAt: due.end,
      handleWarnAt: warnAtFor(due.end),
      respondedAt: order.respondedAt ?? now,
    },
    note: input.note ?? null,
    data: {
      departmentId: input.departmentId,
      coDepartmentIds: input.coDepartmentIds,
      timeLimitDays: days,
      dueAt: due.end,
      coTasks: co.tasks.map((t) => ({ departmentId: t.departmentId, dueAt: t.dueAt })),
    },
    warnings: due.warnings,
  };
};

/** 签收 — the lead department takes the order on. */
export const sign: Handler<'sign'> = async ({ tx, order, now, input }) => {
  const running = await currentDispatch(tx, order.id);
  if (running)
    await tx.update(orderDispatches).set({ signedAt: now }).where(eq(orderDispatches.id, running.id));
  return { note: input.note ?? null };
};

/** 退回 — not ours; the office later rules whether the operator misrouted it (KPI 3 交办单退回率). */
export const returnOrder: Handler<'return'> = async ({ tx, order, actor, now, input }) => {
  const running = await currentDispatch(tx, order.id);
  if (!running) throw new Error(`order ${order.id} is ${order.status} without a running dispatch`);
  await tx
    .update(orderDispatches)
    .set({ endedAt: now, outcome: 'returned' })
    .where(eq(orderDispatches.id, running.id));
  await tx.insert(orderReturns).values({
    orderId: order.id,
    dispatchId: running.id,
    departmentId: running.departmentId,
    reasonCode: input.reasonCode,
    reason: input.reason,
    returnedAt: now,
    returnedBy: actor.id,
  });
  await withdrawPendingExtension(tx, order.id, now, 'withdrawn: order returned');
  await withdrawPendingDispute(tx, order.id, now, 'withdrawn: order returned');
  return {
    patch: {
      returnCount: order.returnCount + 1,
      returnJudgementPending: true,
      extensionPending: false,
      ...(await closeCoTasks(tx, order.id, now)),
      disputePending: false,
    },
    note: input.reason,
    data: { reasonCode: input.reasonCode, departmentId: running.departmentId },
  };
};

/** 退回认定 — the office rules on the oldest return not yet judged. */
export const judgeReturn: Handler<'judge-return'> = async ({ tx, order, actor, now, input }) => {
  const pending = await tx
    .select()
    .from(orderReturns)
    .where(and(eq(orderReturns.orderId, order.id), isNull(orderReturns.judgedAt)))
    .orderBy(asc(orderReturns.id));
  const judged = pending[0]!;
  await tx
    .update(orderReturns)
    .set({
      operatorFault: input.operatorFault,
      judgedAt: now,
      judgedBy: actor.id,
      judgeNote: input.note ?? null,
    })
    .where(eq(orderReturns.id, judged.id));
  return {
    patch: { returnJudgementPending: pending.length > 1 },
    note: input.note ?? null,
    data: { returnId: judged.id, operatorFault: input.operatorFault },
  };
};

/** 反馈 — the department's answer. Replying straight from `dispatched` signs implicitly. */
export const reply: Handler<'reply'> = async ({ tx, order, now, input }) => {
  const running = await currentDispatch(tx, order.id);
  // The lead's reply consolidates the co-handlers' answers (the guard saw them all answered or released).
  const coAnswers = await coAnswersOf(tx, order.id, running?.id ?? null);
  if (running) {
    await tx
      .update(orderDispatches)
      .set({ signedAt: running.signedAt ?? now, endedAt: now, outcome: 'replied' })
      .where(eq(orderDispatches.id, running.id));
  }
  await withdrawPendingExtension(tx, order.id, now, 'withdrawn: order replied');
  await withdrawPendingDispute(tx, order.id, now, 'withdrawn: order replied');
  return {
    patch: {
      reply: input.reply,
      repliedAt: now,
      unreachedCallbacks: 0,
      extensionPending: false,
      disputePending: false,
    },
    note: input.reply,
    data: {
      late: order.handleDueAt ? now.getTime() > order.handleDueAt.getTime() : false,
      ...(coAnswers.length ? { coAnswers } : {}),
    },
  };
};

/** 申请延期 — the department asks for more working days. */
export const requestExtension: Handler<'request-extension'> = async ({ tx, order, actor, now, input }) => {
  await tx.insert(orderExtensions).values({
    orderId: order.id,
    departmentId: order.departmentId!,
    workingDays: input.workingDays,
    reason: input.reason,
    requestedAt: now,
    requestedBy: actor.id,
    oldDueAt: order.handleDueAt,
  });
  return { patch: { extensionPending: true }, note: input.reason, data: { workingDays: input.workingDays } };
};

/** 延期审核 — approved, the deadline moves by the working days asked, counted from its old last day. */
export const decideExtension: Handler<'decide-extension'> = async ({
  tx,
  order,
  actor,
  now,
  input,
  calendar,
}) => {
  const [pending] = await tx
    .select()
    .from(orderExtensions)
    .where(and(eq(orderExtensions.orderId, order.id), eq(orderExtensions.outcome, 'pending')));
  const ext = pending!;
  const moved =
    input.approve && order.handleDueAt
      ? extendByWorkingDays(await calendar(), order.handleDueAt, ext.workingDays)
      : null;
  await tx
    .update(orderExtensions)
    .set({
      outcome: input.approve ? 'approved' : 'rejected',
      decidedAt: now,
      decidedBy: actor.id,
      decisionNote: input.note ?? null,
      newDueAt: moved?.end ?? null,
    })
    .where(eq(orderExtensions.id, ext.id));
  const patch = moved
    ? { extensionPending: false, handleDueAt: moved.end, handleWarnAt: warnAtFor(moved.end) }
    : { extensionPending: false };
  return {
    patch,
    note: input.note ?? null,
    data: {
      extensionId: ext.id,
      approve: input.approve,
      workingDays: ext.workingDays,
      newDueAt: moved?.end ?? null,
    },
    warnings: moved?.warnings,
  };
};
