import { callerPhoneIndexes } from './personal-data.ts';
import { and, asc, desc, eq, gte, ilike, inArray, is, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.ts';
import { reusable } from '../../db/prepared.ts';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/actor.ts';
import { auditClient, recordAudit } from '../../platform/audit.ts';
import { auditLog } from '../../platform/schema.ts';
import { forbidden, notFound, validationFailed } from '../../platform/errors.ts';
import { maySearchByCaller, visibilityOf } from '../../platform/need-to-know.ts';
import { displayNameOf, listCategories, listDepartments } from '../directory/index.ts';
import type { ListOrdersQuery } from './model.ts';
import { type Lookups, presentOrder } from './presenter.ts';
import { canSee, ORDER_COLUMNS, type OrderRow } from './repository.ts';
import { decodeJsonRow, decodeJsonRows, jsonObject, jsonRows } from '../../db/json-rows.ts';
import {
  orderAppeals,
  orderCallbacks,
  orderCoTasks,
  orderDispatches,
  orderEvents,
  orderExtensions,
  orderPauses,
  orderReturns,
  orderSupervisions,
  orders,
} from './schema.ts';
import { STATUS_LABELS, STATUSES, type Status } from './state-machine.ts';
import { hashTrackingCode } from './numbering.ts';
import { searchIsExact, searchQueryText } from './search-text.ts';

export async function loadLookups(db: DbOrTx): Promise<Lookups> {
  const [deps, cats] = await Promise.all([listDepartments(db), listCategories(db)]);
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
    coTasks: [],
    pauses: [],
  };
}

/** Names from the root to one category, from the cached catalogue (no query once it is cached). */
async function categoryPathOf(db: DbOrTx, id: number): Promise<string[]> {
  return (await listCategories(db)).find((c) => c.id === id)?.path ?? [];
}

/** The order's own row, the outer reference of the child subqueries (nested, so drizzle keeps it qualified). */
const thisOrder = sql`${orders.id}`;
const childRows = (t: { orderId: unknown; id: unknown } & Parameters<typeof jsonRows>[0]) =>
  jsonRows(t, sql`${t.orderId as never} = ${thisOrder}`, sql`${t.id as never}`);

/**
 * Everything the detail shows besides the order, as JSON columns of the order's own row: one round trip
 * instead of eight (issue 18). History carries the actor's display name.
 */
const DETAIL_CHILDREN = {
  history: sql<unknown>`coalesce((select json_agg(json_build_object('event', ${jsonObject(orderEvents)},
      'actorName', ${displayNameOf(sql`${orderEvents.actorId}`)}) order by ${sql`${orderEvents.id}`})
    from ${orderEvents}
    where ${sql`${orderEvents.orderId} = ${thisOrder}`}), '[]'::json)`,
  dispatches: childRows(orderDispatches),
  returns: childRows(orderReturns),
  extensions: childRows(orderExtensions),
  appeals: childRows(orderAppeals),
  callbacks: childRows(orderCallbacks),
  supervisions: childRows(orderSupervisions),
  coTasks: childRows(orderCoTasks),
  pauses: childRows(orderPauses),
};

const param = (name: keyof DetailParams, type: string) => sql`${sql.placeholder(name)}::${sql.raw(type)}`;

/**
 * The audit row of a view of the caller's data, written by the detail's own statement (issue 18: the detail was
 * the one read that waited for a second round trip). Written when the caller may see the order and sees its
 * caller unmasked: the same rule as presentCaller's, from flags the caller computes from its role; the row is
 * pending until the chainer links it (platform/audit.ts).
 */
const auditedView = (db: DbOrTx) =>
  db.$with('audited', { n: sql<number>`n` }).as(sql`insert into ${auditLog}
      (at, actor_id, actor_role, action, entity, entity_id, client_address, user_agent)
    select ${param('at', 'timestamptz')}, ${param('actorId', 'integer')}, ${param('actorRole', 'text')},
      'view_personal_data', 'order', o.id::text, ${param('clientAddress', 'text')}, ${param('userAgent', 'text')}
    from ${orders} o
    where o.id = ${param('id', 'bigint')}
      and (${param('actorRole', 'text')} <> 'department' or o.department_id = ${param('departmentId', 'integer')}
        or ${param('departmentId', 'integer')} = any(o.co_department_ids))
      and case when o.caller_anonymous then ${param('unmaskedAnonymous', 'boolean')}
        else ${param('unmaskedNamed', 'boolean')} end
      and (coalesce(o.caller_name, '') <> '' or coalesce(o.caller_phone, '') <> '')
    returning 1 as n`);

type DetailParams = {
  id: number;
  at: Date;
  actorId: number | null;
  actorRole: string;
  departmentId: number | null;
  unmaskedNamed: boolean;
  unmaskedAnonymous: boolean;
  clientAddress: string | null;
  userAgent: string | null;
};

const detailQuery = (db: DbOrTx) => {
  const audited = auditedView(db);
  return db
    .with(audited)
    .select({
      ...ORDER_COLUMNS,
      ...DETAIL_CHILDREN,
      audited: sql<boolean>`exists (select 1 from ${audited})`,
    })
    .from(orders)
    .where(eq(orders.id, sql.placeholder('id')));
};

const unmasked = (actor: Actor, view: 'order.detail' | 'order.detail.anonymous') =>
  visibilityOf(actor, view, 'name') === 'full' && visibilityOf(actor, view, 'phone') === 'full';

function detailParams(actor: Actor, id: number, now: Date): DetailParams {
  return {
    id,
    at: now,
    actorId: actor.id,
    actorRole: actor.role,
    departmentId: actor.departmentId ?? null,
    unmaskedNamed: unmasked(actor, 'order.detail'),
    unmaskedAnonymous: unmasked(actor, 'order.detail.anonymous'),
    ...auditClient(),
  };
}
const prepared = new WeakMap<Database, ReturnType<ReturnType<typeof detailQuery>['prepare']>>();
/**
 * The detail's statement built once per database handle (drizzle otherwise builds its SQL anew on every call,
 * a third of the server's CPU in the issue's profile) and, on a server, a named prepared statement, parsed
 * once per connection. A transaction's handle builds its own.
 */
function preparedDetail(db: Database) {
  let q = prepared.get(db);
  if (!q) prepared.set(db, (q = detailQuery(db).prepare('order_detail')));
  return q;
}

/** The order with everything that happened to it. Viewing a caller's personal data is audited. */
export async function getOrderDetail(
  db: DbOrTx,
  actor: Actor,
  id: number,
  now: Date,
  maxCallbackAttempts: number,
  /** Department and category names, read beforehand when `db` is a transaction (see actions.ts). */
  names?: Lookups,
) {
  const [[row], lookups] = await Promise.all([
    is(db, PgTransaction)
      ? detailQuery(db).execute(detailParams(actor, id, now))
      : preparedDetail(db as Database).execute(detailParams(actor, id, now)),
    names ?? loadLookups(db),
  ]);
  if (!row || !canSee(row, actor)) throw notFound(`Order ${id}`, `工单 ${id} `);
  const {
    audited,
    history: rawHistory,
    dispatches,
    returns,
    extensions,
    appeals,
    callbacks,
    supervisions,
    coTasks,
    pauses,
    ...order
  } = row;
  const history = (rawHistory as { event: Record<string, unknown>; actorName: string | null }[]).map((h) => ({
    event: decodeJsonRow(orderEvents, h.event),
    actorName: h.actorName,
  }));
  const view = presentOrder(order, actor, now, lookups, { detail: true, maxCallbackAttempts });
  // The statement wrote the audit row by the same rule; should the two ever disagree, the row is written here.
  if (!view.caller.masked && (order.callerName || order.callerPhone) && !audited) {
    await recordAudit(db, actor, now, { action: 'view_personal_data', entity: 'order', entityId: id });
  }
  return {
    ...view,
    history: history.map(presentEvent),
    dispatches: decodeJsonRows(orderDispatches, dispatches),
    returns: decodeJsonRows(orderReturns, returns),
    extensions: decodeJsonRows(orderExtensions, extensions),
    appeals: decodeJsonRows(orderAppeals, appeals),
    callbacks: decodeJsonRows(orderCallbacks, callbacks),
    supervisions: decodeJsonRows(orderSupervisions, supervisions),
    coTasks: decodeJsonRows(orderCoTasks, coTasks).map((t) => ({
      ...t,
      departmentName: lookups.departmentName(t.departmentId),
    })),
    pauses: decodeJsonRows(orderPauses, pauses).map((p) => ({
      ...p,
      status: p.status as 'pending' | 'rejected' | 'withdrawn' | 'active' | 'ended',
    })),
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

/** A handling clock that runs: at a department and not paused (挂起). */
const handling = sql`${orders.status} in ('dispatched', 'in_progress') and ${orders.pauseState} <> 'paused'`;

function overdueAt(now: Date): SQL {
  return sql`((${orders.status} = 'submitted' and ${orders.responseDueAt} <= ${now}) or (${handling} and ${orders.handleDueAt} <= ${now}))`;
}

function dueSoonAt(now: Date): SQL {
  const soon = new Date(now.getTime() + 86_400_000);
  return sql`((${orders.status} = 'submitted' and ${orders.responseDueAt} > ${now} and ${orders.responseDueAt} <= ${soon})
    or (${handling} and ${orders.handleDueAt} > ${now} and ${orders.handleDueAt} <= ${soon}))`;
}

/** Filtered, paged list. A department sees only its own orders. */
const LIST_ORDER = {
  receivedAt: [asc(orders.receivedAt), asc(orders.id)],
  '-receivedAt': [desc(orders.receivedAt), desc(orders.id)],
  handleDueAt: [sql`${orders.handleDueAt} asc nulls last`, asc(orders.id)],
  '-handleDueAt': [sql`${orders.handleDueAt} desc nulls last`, desc(orders.id)],
  number: [asc(orders.number)],
};
/** A department's own orders: those it leads or co-handles (`@>` so the GIN index on co_department_ids serves). */
const ownOrders = () => {
  const dept = sql.placeholder('departmentId');
  return or(eq(orders.departmentId, dept), sql`${orders.coDepartmentIds} @> array[${dept}::int]`)!;
};
type PlainList = ReturnType<typeof buildPlainList>;
const buildPlainList = (own: boolean, sort: keyof typeof LIST_ORDER) =>
  reusable((db) =>
    db
      .select(ORDER_COLUMNS)
      .from(orders)
      .where(own ? ownOrders() : undefined)
      .orderBy(...LIST_ORDER[sort])
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(`orders_list${own ? '_own' : ''}_${sort.replace('-', 'desc_')}`),
  );
const plainLists = new Map<string, PlainList>();
function plainList(own: boolean, sort: keyof typeof LIST_ORDER): PlainList {
  const key = `${own}|${sort}`;
  let q = plainLists.get(key);
  if (!q) plainLists.set(key, (q = buildPlainList(own, sort)));
  return q;
}
const plainCounts = [false, true].map((own) =>
  reusable((db) =>
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(orders)
      .where(own ? ownOrders() : undefined)
      .prepare(`orders_count${own ? '_own' : ''}`),
  ),
);
const plainCount = (own: boolean) => plainCounts[own ? 1 : 0]!;

/**
 * A text search counts its matches up to this many (issue 18): counting every order that mentions a common word
 * (学校 is in one message in ten: 50,000 orders at 500,000) rechecks each one's text and took 300 ms, where the page
 * of the 20 newest costs a few milliseconds. Past the cap the answer says `totalCapped` and the console asks for
 * a narrower search; the pages up to the cap are all reachable.
 */
export const SEARCH_COUNT_CAP = 1000;

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
        sql`${orders.coDepartmentIds} @> array[${actor.departmentId}::int]`,
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
  if (q.pauseState) where.push(eq(orders.pauseState, q.pauseState));
  if (q.callerPhone) {
    // Looking a caller up by number is seeing their number: only roles the need-to-know table lets see it.
    if (!maySearchByCaller(actor))
      throw forbidden('Your role may not look callers up', '当前角色无权按来电号码查询');
    // Phones are sealed: an exact look-up goes through the blind index (a phone with no digits finds nothing).
    const indexes = callerPhoneIndexes(q.callerPhone);
    where.push(indexes.length ? inArray(orders.callerPhoneBidx, indexes) : sql`false`);
  }
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const scan = or(ilike(orders.title, like), ilike(orders.content, like))!;
    const words = searchQueryText(q.q);
    // The GIN index (search-text.ts) finds the candidates, the substring rechecks them (not needed for one or two
    // Chinese characters: the index is exact for them, searchIsExact); rows not yet cut into
    // lexemes are scanned as before, and a query with nothing to look up (punctuation only) is a scan.
    where.push(
      words
        ? or(
            eq(orders.number, q.q),
            searchIsExact(q.q)
              ? sql`${orders.searchTokens} @@ ${words}::tsquery`
              : and(sql`${orders.searchTokens} @@ ${words}::tsquery`, scan),
            and(isNull(orders.searchTokens), scan),
          )!
        : or(eq(orders.number, q.q), scan)!,
    );
  }
  if (q.from) where.push(gte(orders.receivedAt, q.from));
  if (q.to) where.push(lt(orders.receivedAt, q.to));
  const cond = where.length ? and(...where) : undefined;
  const order = LIST_ORDER[q.sort];
  const own = actor.role === 'department';
  // A list without filters (each role's default view, the most asked) runs as prepared statements.
  const plain = where.length === (own ? 1 : 0);
  const page = { limit: q.pageSize, offset: (q.page - 1) * q.pageSize, departmentId: actor.departmentId };
  const [rows, counted, lookups] = await Promise.all([
    plain
      ? plainList(own, q.sort)(db).execute(page)
      : db
          .select(ORDER_COLUMNS)
          .from(orders)
          .where(cond)
          .orderBy(...order)
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
    plain
      ? plainCount(own)(db).execute(page)
      : q.q
        ? db.select({ total: sql<number>`count(*)::int` }).from(
            db
              .select({ one: sql`1` })
              .from(orders)
              .where(cond)
              .limit(SEARCH_COUNT_CAP + 1)
              .as('matches'),
          )
        : db
            .select({ total: sql<number>`count(*)::int` })
            .from(orders)
            .where(cond),
    loadLookups(db),
  ]);
  const matched = Number(counted[0]?.total ?? 0);
  const capped = q.q ? matched > SEARCH_COUNT_CAP : false;
  const pending = await pendingDecisions(db, rows);
  return {
    items: rows.map((r) => ({
      ...presentOrder(r, actor, now, lookups, { detail: false, maxCallbackAttempts }),
      pending: pending.get(r.id) ?? {},
    })),
    total: capped ? SEARCH_COUNT_CAP : matched,
    ...(q.q ? { totalCapped: capped } : {}),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export interface PendingDecisions {
  return?: { departmentId: number; reasonCode: string; reason: string; returnedAt: Date };
  extension?: { workingDays: number; reason: string; requestedAt: Date };
  appeal?: { reason: string; appellantRole: string; appealedAt: Date };
  pause?: { reasonCode: string; note: string; expectedResumeOn: string; requestedAt: Date };
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
  const pauseIds = ids((o) => o.pauseState === 'pending');
  const [returns, extensions, appeals, pauses] = await Promise.all([
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
    pauseIds.length
      ? db
          .select()
          .from(orderPauses)
          .where(and(inArray(orderPauses.orderId, pauseIds), eq(orderPauses.status, 'pending')))
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
  for (const p of pauses) {
    const { reasonCode, note, expectedResumeOn, requestedAt } = p;
    entry(p.orderId).pause = { reasonCode, note, expectedResumeOn, requestedAt };
  }
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
  const dep = o.departmentId ? (await listDepartments(db)).find((d) => d.id === o.departmentId) : undefined;
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
