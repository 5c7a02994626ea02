import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import { listCategories } from '../directory/index.ts';
import { departments, users } from '../directory/schema.ts';
import type { ListOrdersQuery } from './model.ts';
import { type Lookups, presentOrder } from './presenter.ts';
import { findOrder, type OrderRow } from './repository.ts';
import {
  orderAppeals,
  orderCallbacks,
  orderDispatches,
  orderEvents,
  orderExtensions,
  orderReturns,
  orderSupervisions,
  orders,
} from './schema.ts';
import { STATUS_LABELS, STATUSES, type Status } from './state-machine.ts';
import { hashTrackingCode } from './numbering.ts';

export async function loadLookups(db: DbOrTx): Promise<Lookups> {
  const [deps, cats] = await Promise.all([
    db.select({ id: departments.id, name: departments.name }).from(departments),
    listCategories(db),
  ]);
  const depName = new Map(deps.map((d) => [d.id, d.name]));
  const catPath = new Map(cats.map((c) => [c.id, c.path]));
  return {
    departmentName: (id) => (id == null ? null : (depName.get(id) ?? null)),
    categoryPath: (id) => (id == null ? null : (catPath.get(id) ?? null)),
  };
}

type EventWithActor = { event: typeof orderEvents.$inferSelect; actorName: string | null };

function presentEvent({ event: e, actorName }: EventWithActor) {
  return {
    id: e.id,
    action: e.action,
    at: e.at,
    actor: {
      id: e.actorId,
      role: e.actorRole,
      name: actorName ?? (e.actorRole === 'system' ? '系统' : e.actorRole === 'citizen' ? '市民' : null),
    },
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    note: e.note,
    data: e.data,
  };
}

function historyOf(db: DbOrTx, orderId: number): Promise<EventWithActor[]> {
  return db
    .select({ event: orderEvents, actorName: users.displayName })
    .from(orderEvents)
    .leftJoin(users, eq(users.id, orderEvents.actorId))
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.id));
}

/**
 * A just-registered order in the detail shape, from what the intake wrote: no re-reading, and nothing that a
 * new order cannot have yet (dispatches, returns, …). Intake is the busiest write, so this matters. The person
 * who typed the caller's details in is not "viewing" them, so no audit row.
 */
export async function presentNewOrder(
  db: DbOrTx,
  actor: Actor,
  created: { order: OrderRow; event: typeof orderEvents.$inferSelect },
  now: Date,
  maxCallbackAttempts: number,
) {
  const { order, event } = created;
  const categoryPath = order.categoryId ? await categoryPathOf(db, order.categoryId) : null;
  const lookups: Lookups = { departmentName: () => null, categoryPath: () => categoryPath };
  return {
    ...presentOrder(order, actor, now, lookups, { detail: true, maxCallbackAttempts }),
    history: [presentEvent({ event, actorName: actor.displayName })],
    dispatches: [],
    returns: [],
    extensions: [],
    appeals: [],
    callbacks: [],
    supervisions: [],
  };
}

/** Names from the root to one category, in one recursive query. */
async function categoryPathOf(db: DbOrTx, id: number): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`with recursive up as (
          select id, parent_id, name, 0 as depth from categories where id = ${id}
          union all select c.id, c.parent_id, c.name, up.depth + 1 from categories c join up on c.id = up.parent_id)
        select name from up order by depth desc`,
  );
  return rows.map((r) => r.name);
}

/** The order with everything that happened to it. Viewing a caller's personal data is audited. */
export async function getOrderDetail(
  db: DbOrTx,
  actor: Actor,
  id: number,
  now: Date,
  maxCallbackAttempts: number,
) {
  const order = await findOrder(db, id, actor);
  const byOrder = <T extends { orderId: unknown }>(t: T) => eq(t.orderId as never, id);
  const [history, dispatches, returns, extensions, appeals, callbacks, supervisions, lookups] =
    await Promise.all([
      historyOf(db, id),
      db.select().from(orderDispatches).where(byOrder(orderDispatches)).orderBy(asc(orderDispatches.id)),
      db.select().from(orderReturns).where(byOrder(orderReturns)).orderBy(asc(orderReturns.id)),
      db.select().from(orderExtensions).where(byOrder(orderExtensions)).orderBy(asc(orderExtensions.id)),
      db.select().from(orderAppeals).where(byOrder(orderAppeals)).orderBy(asc(orderAppeals.id)),
      db.select().from(orderCallbacks).where(byOrder(orderCallbacks)).orderBy(asc(orderCallbacks.id)),
      db
        .select()
        .from(orderSupervisions)
        .where(byOrder(orderSupervisions))
        .orderBy(asc(orderSupervisions.id)),
      loadLookups(db),
    ]);
  const view = presentOrder(order, actor, now, lookups, { detail: true, maxCallbackAttempts });
  if (!view.caller.masked && (order.callerName || order.callerPhone)) {
    await recordAudit(db, actor, now, { action: 'view_personal_data', entity: 'order', entityId: id });
  }
  return {
    ...view,
    history: history.map(presentEvent),
    dispatches,
    returns,
    extensions,
    appeals,
    callbacks,
    supervisions,
  };
}

async function descendantCategoryIds(db: DbOrTx, id: number): Promise<number[]> {
  const cats = await listCategories(db);
  const ids = new Set([id]);
  // The tree is shallow and small: sweep until no category joins.
  for (let grew = true; grew;) {
    grew = false;
    for (const c of cats) {
      if (c.parentId != null && ids.has(c.parentId) && !ids.has(c.id)) {
        ids.add(c.id);
        grew = true;
      }
    }
  }
  return [...ids];
}

const handling = sql`${orders.status} in ('dispatched', 'in_progress')`;

function overdueAt(now: Date): SQL {
  return sql`((${orders.status} = 'submitted' and ${orders.responseDueAt} <= ${now}) or (${handling} and ${orders.handleDueAt} <= ${now}))`;
}

function dueSoonAt(now: Date): SQL {
  const soon = new Date(now.getTime() + 86_400_000);
  return sql`((${orders.status} = 'submitted' and ${orders.responseDueAt} > ${now} and ${orders.responseDueAt} <= ${soon})
    or (${handling} and ${orders.handleDueAt} > ${now} and ${orders.handleDueAt} <= ${soon}))`;
}

/** Filtered, paged list. A department sees only its own orders. */
export async function listOrders(
  db: DbOrTx,
  actor: Actor,
  q: ListOrdersQuery,
  now: Date,
  maxCallbackAttempts: number,
) {
  const where: SQL[] = [];
  if (actor.role === 'department') {
    where.push(
      or(
        eq(orders.departmentId, actor.departmentId!),
        sql`${actor.departmentId} = any(${orders.coDepartmentIds})`,
      )!,
    );
  }
  if (q.status) {
    const wanted = q.status.split(',').map((s) => s.trim());
    const bad = wanted.filter((s) => !(STATUSES as readonly string[]).includes(s));
    if (bad.length)
      throw validationFailed([{ field: 'status', message: `unknown status ${bad.join(', ')}` }]);
    where.push(inArray(orders.status, wanted as Status[]));
  }
  if (q.departmentId) where.push(eq(orders.departmentId, q.departmentId));
  if (q.categoryId) where.push(inArray(orders.categoryId, await descendantCategoryIds(db, q.categoryId)));
  if (q.channel) where.push(eq(orders.channel, q.channel));
  if (q.type) where.push(eq(orders.type, q.type));
  if (q.urgency) where.push(eq(orders.urgency, q.urgency));
  if (q.overdue === 'true') where.push(overdueAt(now));
  if (q.overdue === 'false') where.push(sql`not ${overdueAt(now)}`);
  if (q.dueSoon === 'true') where.push(dueSoonAt(now));
  if (q.appealStatus) where.push(eq(orders.appealStatus, q.appealStatus));
  if (q.extensionPending) where.push(eq(orders.extensionPending, q.extensionPending === 'true'));
  if (q.unjudgedReturn) where.push(eq(orders.returnJudgementPending, q.unjudgedReturn === 'true'));
  if (q.callerPhone) where.push(eq(orders.callerPhone, q.callerPhone));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(eq(orders.number, q.q), ilike(orders.title, like), ilike(orders.content, like))!);
  }
  if (q.from) where.push(gte(orders.receivedAt, q.from));
  if (q.to) where.push(lt(orders.receivedAt, q.to));
  const cond = where.length ? and(...where) : undefined;
  const order = {
    receivedAt: [asc(orders.receivedAt), asc(orders.id)],
    '-receivedAt': [desc(orders.receivedAt), desc(orders.id)],
    handleDueAt: [sql`${orders.handleDueAt} asc nulls last`, asc(orders.id)],
    '-handleDueAt': [sql`${orders.handleDueAt} desc nulls last`, desc(orders.id)],
    number: [asc(orders.number)],
  }[q.sort];
  const [rows, counted, lookups] = await Promise.all([
    db
      .select()
      .from(orders)
      .where(cond)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(orders)
      .where(cond),
    loadLookups(db),
  ]);
  const pending = await pendingDecisions(db, rows);
  return {
    items: rows.map((r) => ({
      ...presentOrder(r, actor, now, lookups, { detail: false, maxCallbackAttempts }),
      pending: pending.get(r.id) ?? {},
    })),
    total: Number(counted[0]?.total ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export interface PendingDecisions {
  return?: { departmentId: number; reasonCode: string; reason: string; returnedAt: Date };
  extension?: { workingDays: number; reason: string; requestedAt: Date };
  appeal?: { reason: string; appellantRole: string; appealedAt: Date };
}

/**
 * What waits for the office on each listed order (the oldest unjudged return, the pending extension and
 * appeal), so a queue can show it without opening each order's detail (and its personal data).
 */
async function pendingDecisions(db: DbOrTx, rows: OrderRow[]): Promise<Map<number, PendingDecisions>> {
  const result = new Map<number, PendingDecisions>();
  const entry = (id: number) => result.get(id) ?? (result.set(id, {}), result.get(id)!);
  const ids = (pred: (o: OrderRow) => boolean) => rows.filter(pred).map((o) => o.id);
  const returnIds = ids((o) => o.returnJudgementPending);
  const extensionIds = ids((o) => o.extensionPending);
  const appealIds = ids((o) => o.appealStatus === 'pending');
  const [returns, extensions, appeals] = await Promise.all([
    returnIds.length
      ? db
          .select()
          .from(orderReturns)
          .where(and(inArray(orderReturns.orderId, returnIds), isNull(orderReturns.judgedAt)))
          .orderBy(desc(orderReturns.id))
      : [],
    extensionIds.length
      ? db
          .select()
          .from(orderExtensions)
          .where(and(inArray(orderExtensions.orderId, extensionIds), eq(orderExtensions.outcome, 'pending')))
      : [],
    appealIds.length
      ? db
          .select()
          .from(orderAppeals)
          .where(and(inArray(orderAppeals.orderId, appealIds), isNull(orderAppeals.decidedAt)))
      : [],
  ]);
  // Ordered newest first, so the last one written per order is the oldest: the one judge-return rules on.
  for (const r of returns) {
    entry(r.orderId).return = {
      departmentId: r.departmentId,
      reasonCode: r.reasonCode,
      reason: r.reason,
      returnedAt: r.returnedAt,
    };
  }
  for (const e of extensions)
    entry(e.orderId).extension = { workingDays: e.workingDays, reason: e.reason, requestedAt: e.requestedAt };
  for (const a of appeals)
    entry(a.orderId).appeal = { reason: a.reason, appellantRole: a.appellantRole, appealedAt: a.appealedAt };
  return result;
}

const PUBLIC_ACTIONS: Record<string, string> = {
  submit: '提交诉求',
  create: '登记',
  accept: '受理',
  dispatch: '交办承办单位',
  sign: '承办单位签收',
  return: '退回重新派单',
  reply: '承办单位答复',
  callback: '回访',
  close: '办结',
  'close-direct': '直接答复办结',
  merge: '与相同诉求合并办理',
  archive: '归档',
};

/**
 * The citizen's view by number and tracking code: where the request stands and the answers, without anyone's
 * personal data and without internal notes. A wrong code is indistinguishable from a wrong number.
 */
export async function trackPublicOrder(db: DbOrTx, number: string, code: string) {
  const [o] = await db.select().from(orders).where(eq(orders.number, number));
  if (!o || !o.trackingCodeHash || o.trackingCodeHash !== hashTrackingCode(code)) {
    throw notFound(`Order ${number} with this code`, '工单编号或查询码');
  }
  const events = await db
    .select()
    .from(orderEvents)
    .where(eq(orderEvents.orderId, o.id))
    .orderBy(asc(orderEvents.id));
  const [dep] = o.departmentId
    ? await db.select({ name: departments.name }).from(departments).where(eq(departments.id, o.departmentId))
    : [];
  return {
    number: o.number,
    status: o.status,
    statusLabel: STATUS_LABELS[o.status as Status],
    type: o.type,
    title: o.title,
    content: o.content,
    receivedAt: o.receivedAt,
    responseDueAt: o.responseDueAt,
    department: dep?.name ?? null,
    handleDueAt: o.handleDueAt,
    answer: o.answer,
    reply: o.reply,
    repliedAt: o.repliedAt,
    closedAt: o.closedAt,
    timeline: events
      .filter((e) => PUBLIC_ACTIONS[e.action])
      .map((e) => ({ at: e.at, action: e.action, label: PUBLIC_ACTIONS[e.action], status: e.toStatus })),
  };
}
