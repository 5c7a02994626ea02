import type { Actor } from '../../platform/actor.ts';
import { type PersonalView, reveal, visibilityOf } from '../../platform/need-to-know.ts';
import { activeDeadline, deadlineStateAt } from './deadlines.ts';
import { openCaller } from './personal-data.ts';
import type { OrderRow } from './repository.ts';
import { allowedActions, type Status, STATUS_LABELS } from './state-machine.ts';
import { guardFactsOf } from './repository.ts';

export interface Lookups {
  departmentName: (id: number | null) => string | null;
  categoryPath: (id: number | null) => string[] | null;
}

export { maskName, maskPhone } from '../../platform/need-to-know.ts';

/**
 * How much of the caller an actor sees: the need-to-know table in platform/need-to-know.ts decides, by role and
 * view (a list, a detail, a detail of a caller who asked to stay anonymous).
 */
export function presentCaller(stored: OrderRow, actor: Actor, detail: boolean) {
  const o = openCaller(stored);
  const view: PersonalView = !detail
    ? 'order.list'
    : o.callerAnonymous
      ? 'order.detail.anonymous'
      : 'order.detail';
  const name = reveal(actor, view, 'name', o.callerName);
  const phone = reveal(actor, view, 'phone', o.callerPhone);
  const masked =
    visibilityOf(actor, view, 'name') !== 'full' || visibilityOf(actor, view, 'phone') !== 'full';
  return { anonymous: o.callerAnonymous, callbackWanted: o.callbackWanted, name, phone, masked };
}

export function presentLocation(stored: OrderRow, actor: Actor, detail: boolean) {
  const o = openCaller(stored);
  const view: PersonalView = !detail
    ? 'order.list'
    : o.callerAnonymous
      ? 'order.detail.anonymous'
      : 'order.detail';
  return { district: o.district, address: reveal(actor, view, 'address', o.address) };
}

export function presentOrder(
  o: OrderRow,
  actor: Actor,
  now: Date,
  lookups: Lookups,
  opts: { detail: boolean; maxCallbackAttempts: number },
) {
  const status = o.status as Status;
  const active = activeDeadline({ ...o, status });
  // Opened once for both the caller and the location (each would otherwise decrypt all three values again).
  const opened = openCaller(o);
  return {
    id: o.id,
    number: o.number,
    status,
    statusLabel: STATUS_LABELS[status],
    channel: o.channel,
    type: o.type,
    categoryId: o.categoryId,
    categoryPath: lookups.categoryPath(o.categoryId),
    urgency: o.urgency,
    title: o.title,
    content: o.content,
    caller: presentCaller(opened, actor, opts.detail),
    location: presentLocation(opened, actor, opts.detail),
    departmentId: o.departmentId,
    departmentName: lookups.departmentName(o.departmentId),
    coDepartmentIds: o.coDepartmentIds,
    receivedAt: o.receivedAt,
    responseDueAt: o.responseDueAt,
    respondedAt: o.respondedAt,
    timeLimitDays: o.timeLimitDays,
    handleDueAt: o.handleDueAt,
    /**
     * The clock running now and its state at the moment of the request (the sweep also stores it). A paused
     * handling clock (挂起) is not running: no countdown, and its state is `normal` until it resumes.
     */
    activeDeadline:
      active && !(active.kind === 'handling' && o.pauseState === 'paused')
        ? { kind: active.kind, dueAt: active.dueAt }
        : null,
    deadlineState: active ? deadlineStateAt({ ...o, status }, now) : o.deadlineState,
    dispatchedAt: o.dispatchedAt,
    repliedAt: o.repliedAt,
    closedAt: o.closedAt,
    archivedAt: o.archivedAt,
    answer: o.answer,
    answerArticleIds: o.answerArticleIds,
    reply: o.reply,
    satisfaction: o.satisfaction,
    reopenCount: o.reopenCount,
    returnCount: o.returnCount,
    returnJudgementPending: o.returnJudgementPending,
    extensionPending: o.extensionPending,
    appealStatus: o.appealStatus,
    excludedFromAssessment: o.excludedFromAssessment,
    mergedIntoId: o.mergedIntoId,
    version: o.version,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    allowedActions: allowedActions(guardFactsOf(o, opts.maxCallbackAttempts), actor),
    pauseState: (o.pauseState ?? 'none') as 'none' | 'pending' | 'paused',
  };
}
