import type { Actor } from '../../platform/actor.ts';
import { activeDeadline, deadlineStateAt } from './deadlines.ts';
import type { OrderRow } from './repository.ts';
import { allowedActions, type Status, STATUS_LABELS } from './state-machine.ts';
import { guardFactsOf } from './repository.ts';

export interface Lookups {
  departmentName: (id: number | null) => string | null;
  categoryPath: (id: number | null) => string[] | null;
}

/** 138****1234: enough for an agent to recognise a number, not enough to leak it. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.replace(/\s/g, '');
  if (digits.length <= 7)
    return `${digits.slice(0, 1)}${'*'.repeat(Math.max(digits.length - 3, 1))}${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskName(name: string | null): string | null {
  if (!name) return name;
  return `${[...name][0]}${'*'.repeat(Math.min([...name].length - 1, 2) || 1)}`;
}

/**
 * How much of the caller an actor sees (PIPL: need to know). Lists show masked values to everyone; a detail
 * shows the operator and the office everything; a department sees the caller unless they asked to stay
 * anonymous.
 */
export function presentCaller(o: OrderRow, actor: Actor, detail: boolean) {
  const base = { anonymous: o.callerAnonymous, callbackWanted: o.callbackWanted };
  if (!detail)
    return { ...base, name: maskName(o.callerName), phone: maskPhone(o.callerPhone), masked: true };
  if (actor.role === 'department' && o.callerAnonymous)
    return { ...base, name: null, phone: null, masked: true };
  return { ...base, name: o.callerName, phone: o.callerPhone, masked: false };
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
    caller: presentCaller(o, actor, opts.detail),
    location: { district: o.district, address: o.address },
    departmentId: o.departmentId,
    departmentName: lookups.departmentName(o.departmentId),
    coDepartmentIds: o.coDepartmentIds,
    receivedAt: o.receivedAt,
    responseDueAt: o.responseDueAt,
    respondedAt: o.respondedAt,
    timeLimitDays: o.timeLimitDays,
    handleDueAt: o.handleDueAt,
    /** The clock running now and its state at the moment of the request (the sweep also stores it). */
    activeDeadline: active ? { kind: active.kind, dueAt: active.dueAt } : null,
    deadlineState: active ? deadlineStateAt({ ...o, status }, now) : o.deadlineState,
    dispatchedAt: o.dispatchedAt,
    repliedAt: o.repliedAt,
    closedAt: o.closedAt,
    archivedAt: o.archivedAt,
    answer: o.answer,
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
  };
}
