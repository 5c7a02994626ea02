/**
 * 通知 — which work-order happenings concern whom (pure). A department hears of orders dispatched to it,
 * supervision (督办) and instructions (批示) on them and the office's decisions on its requests; the office hears
 * of returns, extension requests and appeals to decide; the operator's agents and team leads hear of replies
 * to call back and of returns judged as misrouted (to dispatch again). Deadlines (approaching, passed) come from
 * the orders' deadline state, not from events.
 */
import type { Role } from '../../platform/actor.ts';

export type OrderNotificationKind =
  | 'dispatched'
  | 'supervised'
  | 'instructed'
  | 'extension_decided'
  | 'appeal_decided'
  | 'reopened'
  | 'returned'
  | 'extension_requested'
  | 'appealed'
  | 'replied'
  | 'return_judged'
  | 'submitted'
  | 'deadline_warning'
  | 'overdue'
  | 'dispute_raised'
  | 'dispute_decided';

/** Chinese wording of each kind, as the bell's list shows it. */
export const NOTIFICATION_LABELS: Record<OrderNotificationKind | 'notice_due', string> = {
  dispatched: '新交办工单',
  supervised: '工单被督办',
  instructed: '领导批示',
  extension_decided: '延期申请已审批',
  appeal_decided: '申诉已裁定',
  reopened: '工单重办',
  returned: '承办单位退回',
  extension_requested: '延期申请待审批',
  appealed: '申诉待裁定',
  replied: '已反馈待回访',
  return_judged: '退回已裁定，待重新派单',
  submitted: '网络诉求待受理',
  deadline_warning: '即将到期',
  overdue: '已超期',
  notice_due: '知识库更新通知待办',
  dispute_raised: '派单异议待裁定',
  dispute_decided: '派单异议已裁定',
};

/** Event actions each role is told of; a department only about orders now (or last) at that department. */
export const EVENT_KINDS_BY_ROLE: Partial<Record<Role, Record<string, OrderNotificationKind>>> = {
  department: {
    dispatch: 'dispatched',
    supervise: 'supervised',
    instruct: 'instructed',
    'decide-extension': 'extension_decided',
    'decide-appeal': 'appeal_decided',
    'decide-dispute': 'dispute_decided',
  },
  office: {
    return: 'returned',
    'request-extension': 'extension_requested',
    appeal: 'appealed',
    dispute: 'dispute_raised',
  },
  agent: { reply: 'replied', 'judge-return': 'return_judged' },
  team_lead: { reply: 'replied', 'judge-return': 'return_judged' },
};

/** Roles that see deadline notifications, and of which orders: their department's, or all (the office). */
export function deadlineScope(role: Role): 'department' | 'all' | null {
  if (role === 'department') return 'department';
  if (role === 'office') return 'all';
  return null;
}
