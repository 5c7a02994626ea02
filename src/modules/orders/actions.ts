import { eq, sql } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/service.ts';
import type { Database, Tx } from '../../db/client.ts';
import { announceAfterCommit } from './announce.ts';
import { type Department, listCategories, listDepartments } from '../directory/index.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError, conflict, forbidden } from '../../platform/errors.ts';
import { activeDeadline, deadlineStateAt } from './deadlines.ts';
import * as department from './handlers/department.ts';
import * as coHandling from './handlers/co-handling.ts';
import * as disputes from './handlers/disputes.ts';
import * as followUp from './handlers/follow-up.ts';
import * as intake from './handlers/intake.ts';
import * as pauses from './handlers/pauses.ts';
import type { Handler, OrderSettings } from './handlers/types.ts';
import type { ActionInput, ActionName } from './model.ts';
import { guardFactsOf, lockOrderForUpdate, type OrderRow } from './repository.ts';
import { orderEvents, orders } from './schema.ts';
import {
  allowedActions,
  findTransition,
  type GuardFacts,
  refusalOf,
  type Status,
  STATUS_LABELS,
  targetStatus,
} from './state-machine.ts';

const HANDLERS: { [A in ActionName]: Handler<A> } = {
  accept: intake.accept,
  'close-direct': intake.closeDirect,
  dispatch: department.dispatch,
  sign: department.sign,
  return: department.returnOrder,
  'judge-return': department.judgeReturn,
  'request-extension': department.requestExtension,
  'decide-extension': department.decideExtension,
  supervise: followUp.supervise,
  instruct: followUp.instruct,
  reply: department.reply,
  callback: followUp.callback,
  'send-back': followUp.sendBack,
  close: followUp.close,
  appeal: followUp.appeal,
  'decide-appeal': followUp.decideAppeal,
  merge: intake.merge,
  archive: intake.archive,
  'co-sign': coHandling.coSign,
  'co-reply': coHandling.coReply,
  'release-co': coHandling.releaseCo,
  dispute: disputes.raiseDispute,
  'decide-dispute': disputes.decideDispute,
  'request-pause': pauses.requestPause,
  'decide-pause': pauses.decidePause,
  resume: pauses.resume,
};

const GUARD_MESSAGES: Record<string, [string, string]> = {
  lead_department: ['Only the lead department may do this', '仅主办单位可执行此操作'],
  unjudged_return: ['There is no return waiting for a ruling', '没有待认定的退回'],
  no_pending_extension: ['An extension request is already waiting', '已有待审核的延期申请'],
  pending_extension: ['There is no extension request waiting', '没有待审核的延期申请'],
  callback_waived: ['A callback is still owed to the citizen', '该工单仍需回访'],
  appealable: ['An appeal is pending or was accepted already', '申诉审核中或已通过'],
  pending_appeal: ['There is no appeal waiting', '没有待审核的申诉'],
  co_department: [
    'Only a co-handling department with an open task may do this',
    '仅有待办协办任务的协办单位可执行此操作',
  ],
  co_unsigned: ['Your department has signed already', '本单位已签收该协办任务'],
  co_answered: ['Co-handling departments have not answered yet', '尚有协办单位未答复'],
  co_pending: ['No co-handling department is waiting', '没有待答复的协办单位'],
  no_pending_dispute: ['A dispatch dispute is already waiting', '已有待裁定的派单异议'],
  pending_dispute: ['There is no dispatch dispute waiting', '没有待裁定的派单异议'],
  no_pause: ['A pause is already asked for or running', '已有待审核的挂起申请或工单已挂起'],
  pause_pending: ['There is no pause request waiting', '没有待审核的挂起申请'],
  paused: ['The order is not paused', '工单未挂起'],
};

/** The lead may not reply before its co-handlers: the 409 names them so the lead knows whom to chase. */
function coPendingConflict(facts: GuardFacts, departments: Department[], allowed: ActionName[]): AppError {
  const ids = facts.coPendingDepartmentIds ?? [];
  const names = ids.map((id) => departments.find((d) => d.id === id)?.name ?? `#${id}`);
  return conflict(
    'co_handlers_pending',
    `Co-handling departments have not answered yet: ${names.join(', ')}`,
    `尚有协办单位未答复或未解除协办：${names.join('、')}`,
    {
      action: 'reply',
      status: facts.status,
      allowedActions: allowed,
      pendingCoDepartmentIds: ids,
      pendingCoDepartments: names,
    },
  );
}

function refusalError(
  action: ActionName,
  facts: GuardFacts,
  actor: Actor,
  departments: Department[],
): AppError {
  const refusal = refusalOf(action, facts, actor)!;
  const allowed = allowedActions(facts, actor);
  if (refusal.reason === 'role')
    return forbidden(`Role ${actor.role} may not ${action}`, '当前角色无权执行此操作');
  if (refusal.reason === 'guard' && refusal.guard === 'lead_department')
    return forbidden(...GUARD_MESSAGES.lead_department!);
  if (refusal.reason === 'guard' && refusal.guard === 'co_department')
    return forbidden(...GUARD_MESSAGES.co_department!);
  if (refusal.reason === 'guard' && refusal.guard === 'co_answered')
    return coPendingConflict(facts, departments, allowed);
  if (refusal.reason === 'guard') {
    const [en, zh] = GUARD_MESSAGES[refusal.guard!]!;
    return conflict('action_not_allowed', en, zh, { action, status: facts.status, allowedActions: allowed });
  }
  return conflict(
    'action_not_allowed',
    `Action ${action} is not allowed on an order that is ${facts.status}`,
    `工单当前状态为「${STATUS_LABELS[facts.status]}」，不能执行「${findTransition(action).label}」`,
    { action, status: facts.status, allowedActions: allowed },
  );
}

export interface ActionResult<D = undefined> {
  order: OrderRow;
  warnings: string[];
  /** What `present` made of the changed order inside the transaction. */
  answer: D;
}

/**
 * The one entry point that changes a work order's status. In one transaction: lock the order, check the
 * transition table (status, role, guards) and the caller's expected version, run the action's handler, write
 * the new state and its history row. Any failure rolls everything back. `present`, when given, reads the answer
 * inside the same transaction (it sees the change, and the request needs no second transaction of its own).
 *
 * Round trips (issue 18): BEGIN, the lock, what the handler writes, one statement for the order's new state
 * and its history row, then `present`, then COMMIT; the change notice follows the commit (announceAfterCommit).
 * Settings, calendar, departments and categories come from the in-process caches through `db`.
 */
export async function applyOrderAction<A extends ActionName, D = undefined>(
  db: Database,
  actor: Actor,
  orderId: number,
  action: A,
  input: ActionInput<A>,
  now: Date,
  settings: OrderSettings,
  present?: (tx: Tx, order: OrderRow) => Promise<D>,
): Promise<ActionResult<D>> {
  // From memory once cached; read before the transaction (see HandlerContext.catalogue).
  const [calendar, departments, categories] = await Promise.all([
    loadCalendar(db),
    listDepartments(db),
    listCategories(db),
  ]);
  const result = await db.transaction(async (tx) => {
    const locked = await lockOrderForUpdate(tx, orderId, actor);
    const facts = guardFactsOf(locked, settings.maxCallbackAttempts);
    if (refusalOf(action, facts, actor)) throw refusalError(action, facts, actor, departments);
    const expected = (input as { expectedVersion?: number }).expectedVersion;
    if (expected !== undefined && expected !== locked.version) {
      throw conflict(
        'stale_version',
        `The order changed (version ${locked.version}, not ${expected}); reload it`,
        '工单已被他人修改，请刷新后重试',
        {
          currentVersion: locked.version,
        },
      );
    }
    // A pause (asked or running) settles before an action that takes the order from its department (handlers/pauses.ts).
    const pause = await pauses.settlePauseBeforeLeaving(tx, locked, action, input, now, async () => calendar);
    const order = pause?.order ?? locked;
    const handler = HANDLERS[action] as Handler<A>;
    const handled = await handler({
      tx,
      catalogue: { departments, categories },
      order,
      actor,
      now,
      input,
      settings,
      calendar: async () => calendar,
    });
    const effect = pause
      ? { ...handled, patch: { ...pause.patch, ...handled.patch }, data: { ...handled.data, ...pause.data } }
      : handled;
    const status = targetStatus(findTransition(action), effect.outcome ?? 'default', order.status as Status);
    const next = { ...order, ...effect.patch, status: status as string } as OrderRow;
    // A running clock gets its state recomputed; a stopped one keeps the state it stopped in (e.g. replied late).
    const deadlineState = activeDeadline({ ...next, status })
      ? deadlineStateAt({ ...next, status }, now)
      : order.deadlineState;
    const changes = { ...effect.patch, status, deadlineState, version: order.version + 1, updatedAt: now };
    const warnings = effect.warnings ?? [];
    const update = tx.update(orders).set(changes).where(eq(orders.id, order.id)).returning({ id: orders.id });
    const event = tx.insert(orderEvents).values({
      orderId: order.id,
      action,
      actorId: actor.id,
      actorRole: actor.role,
      actorDepartmentId: actor.departmentId,
      at: now,
      fromStatus: order.status,
      toStatus: status,
      note: effect.note ?? null,
      data:
        effect.data || warnings.length ? { ...effect.data, ...(warnings.length ? { warnings } : {}) } : null,
    });
    // The new state and its history row in one round trip.
    await tx.execute(sql`with updated as (${update.getSQL()}), event as (${event.getSQL()})
      select id from updated`);
    const updated = { ...order, ...changes } as OrderRow;
    const answer = present ? await present(tx, updated) : (undefined as D);
    return { order: updated, warnings, answer };
  });
  // Announced once committed, outside the transaction: a NOTIFY in it would queue its commit behind every other
  // notifying commit on the server (announce.ts).
  await announceAfterCommit(db, orderId);
  return result;
}
