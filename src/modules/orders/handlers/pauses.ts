import { and, eq, inArray } from 'drizzle-orm';
import type { ChinaCalendar } from '../../../calendar/china-calendar.ts';
import type { Tx } from '../../../db/client.ts';
import { conflict, validationFailed } from '../../../platform/errors.ts';
import { peopleByIds } from '../../directory/index.ts';
import { warnAtFor } from '../deadlines.ts';
import { DEFAULT_PAUSE_SETTINGS } from '../pause-settings.ts';
import {
  formatCityMinute,
  formatWorkingMinutes,
  latestPauseEnd,
  pauseRequestProblems,
  settlePause,
} from '../pause-rules.ts';
import { currentDispatch, type OrderRow } from '../repository.ts';
import { orderDispatches, orderPauses } from '../schema.ts';
import { findTransition, HANDLING_STATUSES, type Status } from '../state-machine.ts';
import type { ActionName } from '../model.ts';
import type { Effect, Handler } from './types.ts';

type PauseRow = typeof orderPauses.$inferSelect;

function deadlinePassed(order: OrderRow, now: Date) {
  return order.handleDueAt != null && now.getTime() >= order.handleDueAt.getTime();
}

const passedError = () =>
  conflict(
    'deadline_passed',
    'The handling deadline has passed; an overdue order cannot be paused',
    '办理时限已过，超期工单不能挂起',
  );

async function pauseIn(tx: Tx, orderId: number, status: 'pending' | 'active'): Promise<PauseRow> {
  const [row] = await tx
    .select()
    .from(orderPauses)
    .where(and(eq(orderPauses.orderId, orderId), eq(orderPauses.status, status)));
  if (!row) throw new Error(`order ${orderId} has no ${status} pause though its state says so`);
  return row;
}

/** 申请挂起 — the lead department asks, with a listed reason, a note and the day it expects to resume. */
export const requestPause: Handler<'request-pause'> = async ({
  tx,
  order,
  actor,
  now,
  input,
  settings,
  calendar,
}) => {
  const pauseSettings = settings.pause ?? DEFAULT_PAUSE_SETTINGS;
  const problems = pauseRequestProblems(input, pauseSettings, await calendar(), now);
  if (problems.length) throw validationFailed(problems);
  if (deadlinePassed(order, now)) throw passedError();
  const running = await currentDispatch(tx, order.id);
  const [row] = await tx
    .insert(orderPauses)
    .values({
      orderId: order.id,
      dispatchId: running?.id ?? null,
      departmentId: order.departmentId!,
      reasonCode: input.reasonCode,
      note: input.note,
      expectedResumeOn: input.expectedResumeOn,
      requestedAt: now,
      requestedBy: actor.id,
    })
    .returning({ id: orderPauses.id });
  const reason = pauseSettings.reasons.find((r) => r.code === input.reasonCode)!.label;
  return {
    patch: { pauseState: 'pending' },
    note: `【${reason}】预计 ${input.expectedResumeOn} 恢复办理。${input.note}`,
    data: { pauseId: row!.id, reasonCode: input.reasonCode, expectedResumeOn: input.expectedResumeOn },
  };
};

/** 挂起审核 — approved, the handling clock stops now; rejected, it never stopped. */
export const decidePause: Handler<'decide-pause'> = async ({ tx, order, actor, now, input }) => {
  const pause = await pauseIn(tx, order.id, 'pending');
  if (input.approve && deadlinePassed(order, now)) throw passedError();
  if (input.approve && latestPauseEnd(pause.expectedResumeOn).getTime() <= now.getTime()) {
    throw conflict(
      'resume_day_passed',
      `The expected resume day ${pause.expectedResumeOn} has come; reject, and the department asks again`,
      `预计恢复日期 ${pause.expectedResumeOn} 已到，请驳回后由承办单位重新申请`,
    );
  }
  await tx
    .update(orderPauses)
    .set({
      status: input.approve ? 'active' : 'rejected',
      decidedAt: now,
      decidedBy: actor.id,
      decisionNote: input.note ?? null,
      startedAt: input.approve ? now : null,
    })
    .where(eq(orderPauses.id, pause.id));
  return {
    patch: { pauseState: input.approve ? 'paused' : 'none' },
    note: `${input.approve ? '同意挂起，办理计时自即时起暂停' : '不同意挂起'}${input.note ? `：${input.note}` : ''}`,
    data: {
      pauseId: pause.id,
      approve: input.approve,
      reasonCode: pause.reasonCode,
      startedAt: input.approve ? now : null,
      expectedResumeOn: pause.expectedResumeOn,
    },
  };
};

/**
 * Ends a running pause at `endAt`: records the paused working minutes and moves the order's handling deadline and
 * its dispatch's due time later by exactly that working time. The resume's history row carries the whole pause
 * (reason, approver, start, end, minutes, the deadline before and after). Shared by 恢复办理, the sweep (the
 * expected resume day) and an order leaving the department while paused.
 */
export async function endActivePause(
  tx: Tx,
  order: OrderRow,
  calendar: ChinaCalendar,
  endAt: Date,
  by: { userId: number | null; reason: 'resumed' | 'expected_date' | 'order_left' },
): Promise<Required<Pick<Effect, 'patch' | 'note' | 'data' | 'warnings'>>> {
  const pause = await pauseIn(tx, order.id, 'active');
  const [dispatch] = pause.dispatchId
    ? await tx.select().from(orderDispatches).where(eq(orderDispatches.id, pause.dispatchId))
    : [];
  const settled = settlePause(calendar, pause.startedAt!, endAt, {
    handleDueAt: order.handleDueAt,
    dispatchDueAt: dispatch?.endedAt ? null : (dispatch?.dueAt ?? null),
  });
  await tx
    .update(orderPauses)
    .set({
      status: 'ended',
      endedAt: endAt,
      endedBy: by.userId,
      endReason: by.reason,
      pausedWorkingMinutes: settled.pausedWorkingMinutes,
      oldDueAt: order.handleDueAt,
      newDueAt: settled.handleDueAt,
    })
    .where(eq(orderPauses.id, pause.id));
  if (dispatch && settled.dispatchDueAt)
    await tx
      .update(orderDispatches)
      .set({ dueAt: settled.dispatchDueAt })
      .where(eq(orderDispatches.id, dispatch.id));
  const approver = pause.decidedBy ? (await peopleByIds(tx, [pause.decidedBy])).get(pause.decidedBy) : null;
  const due = settled.handleDueAt ?? order.handleDueAt;
  return {
    patch: {
      pauseState: 'none',
      ...(due ? { handleDueAt: due, handleWarnAt: warnAtFor(due) } : {}),
    },
    note:
      `挂起 ${formatCityMinute(pause.startedAt!)} 至 ${formatCityMinute(endAt)}，` +
      `暂停计时 ${formatWorkingMinutes(settled.pausedWorkingMinutes)}（工作日时间）` +
      (due ? `，办理时限顺延至 ${formatCityMinute(due, true)}` : ''),
    data: {
      pauseId: pause.id,
      reasonCode: pause.reasonCode,
      approvedBy: pause.decidedBy,
      approverName: approver?.name ?? null,
      startedAt: pause.startedAt,
      endedAt: endAt,
      endReason: by.reason,
      pausedWorkingMinutes: settled.pausedWorkingMinutes,
      oldDueAt: order.handleDueAt,
      newDueAt: due,
    },
    warnings: settled.warnings,
  };
}

/** 恢复办理 — the clock runs again from now; the deadline moves by the paused working time. */
export const resume: Handler<'resume'> = async ({ tx, order, actor, now, input, calendar }) => {
  const ended = await endActivePause(tx, order, await calendar(), now, {
    userId: actor.id,
    reason: 'resumed',
  });
  return { ...ended, note: input.note ? `${input.note}（${ended.note}）` : ended.note };
};

const PAUSE_ACTIONS: readonly ActionName[] = ['request-pause', 'decide-pause', 'resume'];

/** Whether every outcome of `action` from `status` takes the order away from its department (reply, return, merge). */
function leavesDepartment(action: ActionName, status: Status): boolean {
  const targets = Object.values(findTransition(action).to).map((to) => (to === 'same' ? status : to));
  return targets.every((s) => !HANDLING_STATUSES.includes(s));
}

/** A 派单异议 decided as a redirect (改派) hands the order to another department without leaving `dispatched`. */
function redirects(action: ActionName, input: unknown): boolean {
  return action === 'decide-dispute' && (input as { decision?: string }).decision === 'redirect';
}

/**
 * Before an action that takes a paused or pause-asking order away from its department: a pending request is
 * withdrawn (as an extension is), a running pause ends now and the deadline moves, so the action (a reply
 * judged late or on time) sees the extended deadline. Answers the order as the action should see it and what
 * to add to its effect; null when nothing is to do. A 派单异议 redirect (改派) counts as leaving.
 */
export async function settlePauseBeforeLeaving(
  tx: Tx,
  order: OrderRow,
  action: ActionName,
  input: unknown,
  now: Date,
  calendar: () => Promise<ChinaCalendar>,
): Promise<{ order: OrderRow; patch: Partial<OrderRow>; data: Record<string, unknown> } | null> {
  const state = order.pauseState ?? 'none';
  if (state === 'none' || PAUSE_ACTIONS.includes(action)) return null;
  if (!leavesDepartment(action, order.status as Status) && !redirects(action, input)) return null;
  if (state === 'pending') {
    await tx
      .update(orderPauses)
      .set({ status: 'withdrawn', decidedAt: now, decisionNote: `withdrawn: ${action}` })
      .where(and(eq(orderPauses.orderId, order.id), inArray(orderPauses.status, ['pending'])));
    return {
      order: { ...order, pauseState: 'none' },
      patch: { pauseState: 'none' },
      data: { pauseWithdrawn: true },
    };
  }
  const ended = await endActivePause(tx, order, await calendar(), now, {
    userId: null,
    reason: 'order_left',
  });
  return { order: { ...order, ...ended.patch }, patch: ended.patch, data: { pauseEnded: ended.data } };
}
