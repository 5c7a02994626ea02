/**
 * 派单异议 — a lead department disputes a dispatch; the office decides: 维持 (uphold), 改派 (redirect: a new
 * dispatch, counted as the operator's misroute in KPI 3) or 联合办理 (joint: the proposed department joins as a
 * co-handler). One pending dispute per order (the `no_pending_dispute` guard); a dispute still waiting when the
 * order leaves the department (returned, replied, merged) is withdrawn.
 */
import { and, eq } from 'drizzle-orm';
import { addWorkingDays } from '../../../calendar/working-days.ts';
import { validationFailed } from '../../../platform/errors.ts';
import type { Department } from '../../directory/index.ts';
import { ORDER_DISPUTE_DECISION_WORKING_DAYS } from '../dispute-settings.ts';
import { openCoTasks } from '../co-handling.ts';
import { currentDispatch } from '../repository.ts';
import { orderDispatches, orderDisputes } from '../schema.ts';
import { dispatch, withdrawPendingExtension } from './department.ts';
import type { Handler, HandlerContext } from './types.ts';

/** 400 on `field` unless `id` is an active department other than those in `not`. */
function checkDepartment(all: Department[], id: number, field: string, not: Map<number, string>): void {
  const dep = all.find((d) => d.id === id);
  if (!dep || !dep.active) throw validationFailed([{ field, message: `no active department ${id}` }]);
  const why = not.get(id);
  if (why) throw validationFailed([{ field, message: why }]);
}

/** 派单异议 — raised by the lead department; the office's decision is due in the setting's working days. */
export const raiseDispute: Handler<'dispute'> = async ({
  tx,
  catalogue,
  order,
  actor,
  now,
  input,
  settings,
  calendar,
}) => {
  const proposed = input.proposedDepartmentId ?? null;
  if (proposed != null) {
    checkDepartment(
      catalogue.departments,
      proposed,
      'proposedDepartmentId',
      new Map([[order.departmentId!, 'must be a department other than the one disputing']]),
    );
  }
  const running = await currentDispatch(tx, order.id);
  if (!running) throw new Error(`order ${order.id} is ${order.status} without a running dispatch`);
  const days = settings.disputeDecisionWorkingDays ?? ORDER_DISPUTE_DECISION_WORKING_DAYS.default;
  const due = addWorkingDays(await calendar(), now, days);
  const [row] = await tx
    .insert(orderDisputes)
    .values({
      orderId: order.id,
      dispatchId: running.id,
      departmentId: order.departmentId!,
      categoryId: order.categoryId,
      reason: input.reason,
      proposedDepartmentId: proposed,
      raisedAt: now,
      raisedBy: actor.id,
      decideDueAt: due.end,
    })
    .returning({ id: orderDisputes.id });
  return {
    patch: { disputePending: true },
    note: input.reason,
    data: {
      disputeId: row!.id,
      departmentId: order.departmentId,
      proposedDepartmentId: proposed,
      decideDueAt: due.end,
    },
  };
};

/** 异议裁定 — the office decides the pending dispute. */
export const decideDispute: Handler<'decide-dispute'> = async (ctx) => {
  const { tx, catalogue, order, actor, now, input } = ctx;
  const [pending] = await tx
    .select()
    .from(orderDisputes)
    .where(and(eq(orderDisputes.orderId, order.id), eq(orderDisputes.outcome, 'pending')));
  const dispute = pending!;
  const target = input.decision === 'uphold' ? null : (input.departmentId ?? dispute.proposedDepartmentId);
  if (input.decision !== 'uphold' && target == null) {
    throw validationFailed([
      { field: 'departmentId', message: 'required: the dispute proposed no department' },
    ]);
  }
  const record = (decidedDepartmentId: number | null) =>
    tx
      .update(orderDisputes)
      .set({
        outcome: input.decision,
        decidedAt: now,
        decidedBy: actor.id,
        decisionNote: input.note ?? null,
        decidedDepartmentId,
      })
      .where(eq(orderDisputes.id, dispute.id));
  const data = { disputeId: dispute.id, decision: input.decision, departmentId: target };

  if (input.decision === 'uphold') {
    await record(null);
    return { patch: { disputePending: false }, note: input.note ?? null, data };
  }

  if (input.decision === 'joint') {
    checkDepartment(
      catalogue.departments,
      target!,
      'departmentId',
      new Map([
        [order.departmentId!, 'must be a department other than the lead'],
        ...order.coDepartmentIds.map((id): [number, string] => [id, 'is a co-handler already']),
      ]),
    );
    const running = await currentDispatch(tx, order.id);
    // The joining department gets its own co-handling task, due before the lead's deadline (协办).
    const co = await openCoTasks(tx, order, [target!], now, {
      dispatchId: running?.id ?? null,
      leadDueAt: order.handleDueAt ?? running?.dueAt ?? now,
      calendar: await ctx.calendar(),
    });
    if (running) {
      await tx
        .update(orderDispatches)
        .set({ coDepartmentIds: co.patch.coDepartmentIds })
        .where(eq(orderDispatches.id, running.id));
    }
    await record(target);
    return { patch: { disputePending: false, ...co.patch }, note: input.note ?? null, data };
  }

  // 改派: the disputed dispatch ends as redirected and a new one starts, through the same path as any dispatch
  // (its checks, the category's time limit unless the office gives one, the dispatch row the KPI counts).
  checkDepartment(
    catalogue.departments,
    target!,
    'departmentId',
    new Map([[order.departmentId!, 'must be a department other than the current lead']]),
  );
  const running = await currentDispatch(tx, order.id);
  if (running) {
    await tx
      .update(orderDispatches)
      .set({ endedAt: now, outcome: 'redirected' })
      .where(eq(orderDispatches.id, running.id));
  }
  await withdrawPendingExtension(tx, order.id, now, 'withdrawn: order redirected after a dispute');
  const active = new Set(catalogue.departments.filter((d) => d.active).map((d) => d.id));
  const dispatchCtx: HandlerContext<'dispatch'> = {
    ...ctx,
    input: {
      departmentId: target!,
      // Co-handlers stay, except the new lead itself and any no longer active.
      coDepartmentIds: order.coDepartmentIds.filter((id) => id !== target && active.has(id)),
      timeLimitWorkingDays: input.timeLimitWorkingDays,
      note: input.note,
    },
  };
  const redispatched = await dispatch(dispatchCtx);
  await record(target);
  return {
    outcome: 'redirect',
    patch: { ...redispatched.patch, disputePending: false, extensionPending: false },
    note: input.note ?? null,
    data: { ...data, fromDepartmentId: order.departmentId, dispatch: redispatched.data },
    warnings: redispatched.warnings,
  };
};
