import type { Actor, Role } from '../../platform/actor.ts';
import type { ActionName } from './model.ts';
import { ACTION_LABELS, STATUS_LABELS as SHARED_STATUS_LABELS } from '../../shared/labels.ts';

/**
 * 工单状态. `submitted` 待受理 (a citizen's online submission), `registered` 已登记, `dispatched` 已交办,
 * `in_progress` 办理中 (signed for), `returned` 已退回, `replied` 已反馈, `closed` 已办结, `archived` 已归档,
 * `merged` 已合并 (a duplicate folded into another order).
 */
export const STATUSES = [
  'submitted',
  'registered',
  'dispatched',
  'in_progress',
  'returned',
  'replied',
  'closed',
  'archived',
  'merged',
] as const;
export type Status = (typeof STATUSES)[number];

/** The statuses' zh-CN labels, from the one table the console shares (src/shared/labels.ts). */
export const STATUS_LABELS: Record<Status, string> = SHARED_STATUS_LABELS;

/** Statuses in which a clock runs against someone: the response clock, or the department's handling clock. */
export const HANDLING_STATUSES: readonly Status[] = ['dispatched', 'in_progress'];
export const OPEN_STATUSES: readonly Status[] = [
  'submitted',
  'registered',
  'dispatched',
  'in_progress',
  'returned',
  'replied',
];

/** Conditions on the order beyond its status, checked by the entry point. */
export type Guard =
  | 'lead_department'
  | 'unjudged_return'
  | 'no_pending_extension'
  | 'pending_extension'
  | 'callback_waived'
  | 'appealable'
  | 'pending_appeal'
  | 'co_department'
  | 'co_unsigned'
  | 'co_answered'
  | 'co_pending'
  | 'no_pending_dispute'
  | 'pending_dispute';

export interface Transition {
  action: ActionName;
  from: readonly Status[];
  /** Target statuses by outcome; `same` keeps the status. The action's handler picks the outcome. */
  to: Readonly<Record<string, Status | 'same'>>;
  roles: readonly Role[];
  guards: readonly Guard[];
  label: string;
}

const OPERATOR: Role[] = ['agent', 'team_lead'];
const ALL_LIVE: Status[] = ['submitted', 'registered', 'dispatched', 'in_progress', 'returned', 'replied'];
const same = { default: 'same' } as const;

/** The one transition table: which action, from which status, to which, by whom. */
export const TRANSITIONS: readonly Transition[] = [
  {
    action: 'accept',
    label: ACTION_LABELS['accept'],
    from: ['submitted'],
    to: { default: 'registered' },
    roles: OPERATOR,
    guards: [],
  },
  {
    action: 'close-direct',
    label: ACTION_LABELS['close-direct'],
    from: ['submitted', 'registered'],
    to: { default: 'closed' },
    roles: OPERATOR,
    guards: [],
  },
  {
    action: 'dispatch',
    label: ACTION_LABELS['dispatch'],
    from: ['registered', 'returned'],
    to: { default: 'dispatched' },
    roles: [...OPERATOR, 'office'],
    guards: [],
  },
  {
    action: 'sign',
    label: ACTION_LABELS['sign'],
    from: ['dispatched'],
    to: { default: 'in_progress' },
    roles: ['department'],
    guards: ['lead_department'],
  },
  {
    action: 'return',
    label: ACTION_LABELS['return'],
    from: ['dispatched', 'in_progress'],
    to: { default: 'returned' },
    roles: ['department'],
    guards: ['lead_department'],
  },
  {
    action: 'judge-return',
    label: ACTION_LABELS['judge-return'],
    from: [...ALL_LIVE, 'closed'],
    to: same,
    roles: ['office'],
    guards: ['unjudged_return'],
  },
  {
    action: 'request-extension',
    label: ACTION_LABELS['request-extension'],
    from: ['dispatched', 'in_progress'],
    to: same,
    roles: ['department'],
    guards: ['lead_department', 'no_pending_extension'],
  },
  {
    action: 'decide-extension',
    label: ACTION_LABELS['decide-extension'],
    from: ['dispatched', 'in_progress', 'returned', 'replied'],
    to: same,
    roles: ['office'],
    guards: ['pending_extension'],
  },
  {
    action: 'supervise',
    label: ACTION_LABELS['supervise'],
    from: ALL_LIVE,
    to: same,
    roles: ['office', 'team_lead'],
    guards: [],
  },
  {
    action: 'instruct',
    label: ACTION_LABELS['instruct'],
    from: [...ALL_LIVE, 'closed'],
    to: same,
    roles: ['office'],
    guards: [],
  },
  {
    action: 'reply',
    label: ACTION_LABELS['reply'],
    // A department may reply without a separate 签收: replying signs implicitly.
    from: ['dispatched', 'in_progress'],
    to: { default: 'replied' },
    roles: ['department'],
    // The lead's reply consolidates the co-handlers' answers: every one answered or released first.
    guards: ['lead_department', 'co_answered'],
  },
  {
    // 退回重办: the office reads the reply before the citizen is called and finds it does not answer the request.
    action: 'send-back',
    label: ACTION_LABELS['send-back'],
    from: ['replied'],
    to: { default: 'dispatched' },
    roles: ['office'],
    guards: [],
  },
  {
    action: 'callback',
    label: ACTION_LABELS['callback'],
    from: ['replied'],
    to: { default: 'closed', unreached: 'same', reopen: 'dispatched' },
    roles: OPERATOR,
    guards: [],
  },
  {
    action: 'close',
    label: ACTION_LABELS['close'],
    // Without a callback: the citizen declined one, left no number, or could not be reached in the allowed tries.
    from: ['replied'],
    to: { default: 'closed' },
    roles: OPERATOR,
    guards: ['callback_waived'],
  },
  {
    action: 'appeal',
    label: ACTION_LABELS['appeal'],
    from: [...ALL_LIVE, 'closed', 'archived'],
    to: same,
    roles: [...OPERATOR, 'department'],
    guards: ['appealable'],
  },
  {
    action: 'decide-appeal',
    label: ACTION_LABELS['decide-appeal'],
    from: [...ALL_LIVE, 'closed', 'archived'],
    to: same,
    roles: ['office'],
    guards: ['pending_appeal'],
  },
  {
    action: 'merge',
    label: ACTION_LABELS['merge'],
    from: ['submitted', 'registered', 'returned', 'dispatched'],
    to: { default: 'merged' },
    roles: [...OPERATOR, 'office'],
    guards: [],
  },
  {
    action: 'archive',
    label: ACTION_LABELS['archive'],
    from: ['closed'],
    to: { default: 'archived' },
    roles: [...OPERATOR, 'office'],
    guards: [],
  },
  {
    // 协办签收: a co-handling department takes on its part; the order's status is the lead's.
    action: 'co-sign',
    label: ACTION_LABELS['co-sign'],
    from: ['dispatched', 'in_progress'],
    to: same,
    roles: ['department'],
    guards: ['co_department', 'co_unsigned'],
  },
  {
    action: 'co-reply',
    label: ACTION_LABELS['co-reply'],
    from: ['dispatched', 'in_progress'],
    to: same,
    roles: ['department'],
    guards: ['co_department'],
  },
  {
    action: 'release-co',
    label: ACTION_LABELS['release-co'],
    from: ['dispatched', 'in_progress'],
    to: same,
    roles: ['office'],
    guards: ['co_pending'],
  },
  {
    // 派单异议: the order stays with the department (its clock runs) until the office decides.
    action: 'dispute',
    label: ACTION_LABELS['dispute'],
    from: ['dispatched', 'in_progress'],
    to: same,
    roles: ['department'],
    guards: ['lead_department', 'no_pending_dispute'],
  },
  {
    action: 'decide-dispute',
    label: ACTION_LABELS['decide-dispute'],
    from: ['dispatched', 'in_progress'],
    // uphold and joint keep the status; a redirect is a new dispatch to another department.
    to: { default: 'same', redirect: 'dispatched' },
    roles: ['office'],
    guards: ['pending_dispute'],
  },
];

/** The facts about an order that guards read. */
export interface GuardFacts {
  status: Status;
  departmentId: number | null;
  hasUnjudgedReturn: boolean;
  extensionPending: boolean;
  appealStatus: string;
  /** No callback is owed: declined, no number, or the attempt limit reached. */
  callbackWaived: boolean;
  /** Co-handling departments whose task is open, and those of them not yet signed (协办). */
  coPendingDepartmentIds?: readonly number[];
  coUnsignedDepartmentIds?: readonly number[];
  /** A 派单异议 waits for the office's decision. */
  disputePending: boolean;
}

function guardHolds(guard: Guard, order: GuardFacts, actor: Actor): boolean {
  switch (guard) {
    case 'lead_department':
      return (
        actor.role !== 'department' ||
        (actor.departmentId != null && actor.departmentId === order.departmentId)
      );
    case 'unjudged_return':
      return order.hasUnjudgedReturn;
    case 'no_pending_extension':
      return !order.extensionPending;
    case 'pending_extension':
      return order.extensionPending;
    case 'callback_waived':
      return order.callbackWaived;
    case 'appealable':
      return order.appealStatus === 'none' || order.appealStatus === 'rejected';
    case 'pending_appeal':
      return order.appealStatus === 'pending';
    case 'co_department':
      return actor.departmentId != null && (order.coPendingDepartmentIds ?? []).includes(actor.departmentId);
    case 'co_unsigned':
      return actor.departmentId != null && (order.coUnsignedDepartmentIds ?? []).includes(actor.departmentId);
    case 'co_answered':
      return !(order.coPendingDepartmentIds ?? []).length;
    case 'co_pending':
      return (order.coPendingDepartmentIds ?? []).length > 0;
    case 'no_pending_dispute':
      return !order.disputePending;
    case 'pending_dispute':
      return order.disputePending;
  }
}

export function findTransition(action: ActionName): Transition {
  return TRANSITIONS.find((t) => t.action === action)!;
}

export type Refusal = 'status' | 'role' | 'guard';

/** Why `actor` may not take `action` on the order now, or null if it may. */
export function refusalOf(
  action: ActionName,
  order: GuardFacts,
  actor: Actor,
): { reason: Refusal; guard?: Guard } | null {
  const t = findTransition(action);
  if (!t.from.includes(order.status)) return { reason: 'status' };
  if (!t.roles.includes(actor.role as Role)) return { reason: 'role' };
  const failed = t.guards.find((g) => !guardHolds(g, order, actor));
  return failed ? { reason: 'guard', guard: failed } : null;
}

/** The actions this actor may take on the order now (drives the console's buttons and the 409 answer). */
export function allowedActions(order: GuardFacts, actor: Actor): ActionName[] {
  return TRANSITIONS.filter((t) => refusalOf(t.action, order, actor) === null).map((t) => t.action);
}

/** The status an action leads to for the outcome its handler chose. */
export function targetStatus(t: Transition, outcome: string, current: Status): Status {
  const to = t.to[outcome];
  if (to === undefined) throw new Error(`transition ${t.action} has no outcome ${outcome}`);
  return to === 'same' ? current : to;
}
