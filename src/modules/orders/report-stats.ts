import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { maskName, maskPhone } from './presenter.ts';
import { openCaller } from './personal-data.ts';
import { maskAddress } from '../../platform/need-to-know.ts';

/**
 * Figures of orders for the office's reports (月度分析, 通报): intake by field, the matters most asked about, and
 * dispatch and handling by department. Periods are instants `[from, to)`; `now` decides what is overdue.
 */
export type Counted = { key: string; label: string; count: number }[];

const received = (from: Date, to: Date) => sql`o.received_at >= ${from} and o.received_at < ${to}`;

async function countBy(db: DbOrTx, key: SQL, label: SQL, where: SQL, join: SQL = sql``): Promise<Counted> {
  const rows = await queryRows<{ key: string | null; label: string | null; count: number }>(
    db,
    sql`select ${key} as key, ${label} as label, count(*)::int as count
        from orders o ${join} where ${where} and o.status <> 'merged'
        group by 1, 2 order by 3 desc, 1`,
  );
  return rows.map((r) => ({
    key: r.key ?? 'none',
    label: r.label ?? r.key ?? '未填',
    count: Number(r.count),
  }));
}

/** The top-level category of an order (the catalogue is a tree; reports group by its first level). */
const topCategory = sql`(with recursive up as (
    select id, parent_id, name from categories where id = o.category_id
    union all select c.id, c.parent_id, c.name from categories c join up on c.id = up.parent_id)
  select name from up where parent_id is null limit 1)`;

/** 受理情况 — orders received in the period by channel, type, top-level category, district and lead department. */
export async function intakeBreakdown(db: DbOrTx, from: Date, to: Date) {
  const where = received(from, to);
  const [byChannel, byType, byCategory, byDistrict, byDepartment] = await Promise.all([
    countBy(db, sql`o.channel`, sql`null`, where),
    countBy(db, sql`o.type`, sql`null`, where),
    countBy(db, topCategory, topCategory, where),
    countBy(db, sql`o.district`, sql`o.district`, where),
    countBy(db, sql`d.id::text`, sql`d.name`, where, sql`left join departments d on d.id = o.department_id`),
  ]);
  return {
    total: byChannel.reduce((s, r) => s + r.count, 0),
    byChannel,
    byType,
    byCategory,
    byDistrict,
    byDepartment,
  };
}

/** 热点事项 — the matters (leaf categories) most received in the period, with the previous period's count. */
export async function topMatters(db: DbOrTx, from: Date, to: Date, previousFrom: Date, limit = 10) {
  const rows = await queryRows<{ categoryId: number; name: string; count: number; previous: number }>(
    db,
    sql`select c.id as "categoryId", c.name,
          count(*) filter (where ${received(from, to)})::int as count,
          count(*) filter (where ${received(previousFrom, from)})::int as previous
        from orders o join categories c on c.id = o.category_id
        where o.received_at >= ${previousFrom} and o.received_at < ${to} and o.status <> 'merged'
        group by c.id, c.name
        having count(*) filter (where ${received(from, to)}) > 0
        order by 3 desc, 2 limit ${limit}`,
  );
  return rows.map((r) => ({ ...r, count: Number(r.count), previous: Number(r.previous) }));
}

/** One department's dispatch and handling figures over a period (通报 and the monthly report's 交办办理). */
export interface DepartmentHandling {
  departmentId: number;
  name: string;
  /** 接收 — dispatches (first and repeated) the department received in the period. */
  received: number;
  /** 按时签收 — of them, signed (or replied, which signs) within `signWithinHours`. */
  signedOnTime: number;
  /** 到期 — dispatches whose handling deadline fell in the period and has passed or been met. */
  due: number;
  /** 按时办结 — of those due, replied by the deadline. */
  handledOnTime: number;
  /** 超期 — of those due, replied late or still open past the deadline. */
  overdue: number;
  /** 退回 — returns the department made in the period; `returnedOperatorFault` judged the operator's misrouting. */
  returned: number;
  returnedOperatorFault: number;
  returnedNotOperatorFault: number;
  returnedUnjudged: number;
  /** 延期 — extension requests in the period, and how the office decided them. */
  extensions: number;
  extensionsApproved: number;
  extensionsRejected: number;
  /** 满意度 — callback ratings of the handling in the period (satisfied, basically, unsatisfied). */
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
}

/** The dispatch and handling figures of every department with activity in `[from, to)`. */
export async function handlingByDepartment(
  db: DbOrTx,
  from: Date,
  to: Date,
  now: Date,
  signWithinHours: number,
): Promise<DepartmentHandling[]> {
  const rows = await queryRows<DepartmentHandling>(
    db,
    sql`with disp as (
          select x.department_id as dep,
            count(*) filter (where x.dispatched_at >= ${from} and x.dispatched_at < ${to}) as received,
            count(*) filter (where x.dispatched_at >= ${from} and x.dispatched_at < ${to}
              and x.signed_at is not null
              and x.signed_at <= x.dispatched_at + make_interval(hours => ${signWithinHours})) as signed_on_time,
            count(*) filter (where x.due_at >= ${from} and x.due_at < ${to}
              and (x.due_at <= ${now} or x.outcome = 'replied')
              and coalesce(x.outcome, '') not in ('returned', 'merged') and not x.paused) as due,
            count(*) filter (where x.due_at >= ${from} and x.due_at < ${to}
              and x.outcome = 'replied' and x.ended_at <= x.due_at) as on_time,
            count(*) filter (where x.due_at >= ${from} and x.due_at < ${to} and x.due_at <= ${now}
              and coalesce(x.outcome, '') not in ('returned', 'merged') and not x.paused
              and (x.ended_at is null or x.ended_at > x.due_at)) as overdue
          -- A dispatch whose clock is paused (挂起) is neither due nor overdue: its due time moves when it resumes.
          from (select d.*, exists (select 1 from order_pauses p where p.dispatch_id = d.id and p.status = 'active')
                  as paused from order_dispatches d) x group by 1),
        ret as (
          select r.department_id as dep, count(*) as returned,
            count(*) filter (where r.operator_fault) as fault,
            count(*) filter (where r.operator_fault = false) as no_fault,
            count(*) filter (where r.operator_fault is null) as unjudged
          from order_returns r where r.returned_at >= ${from} and r.returned_at < ${to} group by 1),
        ext as (
          select e.department_id as dep, count(*) as extensions,
            count(*) filter (where e.outcome = 'approved') as approved,
            count(*) filter (where e.outcome = 'rejected') as rejected
          from order_extensions e where e.requested_at >= ${from} and e.requested_at < ${to} group by 1),
        sat as (
          select o.department_id as dep,
            count(*) filter (where c.satisfaction = 'satisfied') as satisfied,
            count(*) filter (where c.satisfaction = 'basically_satisfied') as basically,
            count(*) filter (where c.satisfaction = 'unsatisfied') as unsatisfied
          from order_callbacks c join orders o on o.id = c.order_id
          where c.satisfaction is not null and c.at >= ${from} and c.at < ${to} group by 1)
        select d.id as "departmentId", d.name,
          coalesce(disp.received, 0)::int as received, coalesce(disp.signed_on_time, 0)::int as "signedOnTime",
          coalesce(disp.due, 0)::int as due, coalesce(disp.on_time, 0)::int as "handledOnTime",
          coalesce(disp.overdue, 0)::int as overdue,
          coalesce(ret.returned, 0)::int as returned, coalesce(ret.fault, 0)::int as "returnedOperatorFault",
          coalesce(ret.no_fault, 0)::int as "returnedNotOperatorFault",
          coalesce(ret.unjudged, 0)::int as "returnedUnjudged",
          coalesce(ext.extensions, 0)::int as extensions, coalesce(ext.approved, 0)::int as "extensionsApproved",
          coalesce(ext.rejected, 0)::int as "extensionsRejected",
          coalesce(sat.satisfied, 0)::int as satisfied, coalesce(sat.basically, 0)::int as "basicallySatisfied",
          coalesce(sat.unsatisfied, 0)::int as unsatisfied
        from departments d
          left join disp on disp.dep = d.id left join ret on ret.dep = d.id
          left join ext on ext.dep = d.id left join sat on sat.dep = d.id
        where coalesce(disp.received, 0) + coalesce(disp.due, 0) + coalesce(ret.returned, 0)
          + coalesce(ext.extensions, 0) + coalesce(sat.satisfied, 0) + coalesce(sat.basically, 0)
          + coalesce(sat.unsatisfied, 0) > 0
        order by d.id`,
  );
  return rows.map(
    (r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [k, k === 'name' ? v : Number(v)]),
      ) as unknown as DepartmentHandling,
  );
}

/**
 * 回访 — order callbacks in the period: attempts, reached, the handling ratings of those reached, and 是否解决 —
 * whether the citizen said the matter was solved (asked beside the rating since issue 14; callbacks recorded
 * before it, or where it was not asked, count in neither `resolved` nor `unresolved`).
 */
export async function callbackSummary(db: DbOrTx, from: Date, to: Date) {
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select count(*)::int as attempts, count(*) filter (where c.reached)::int as reached,
          count(distinct c.order_id) filter (where c.reached)::int as "ordersReached",
          count(*) filter (where c.reopened)::int as reopened,
          count(*) filter (where c.satisfaction = 'satisfied')::int as satisfied,
          count(*) filter (where c.satisfaction = 'basically_satisfied')::int as "basicallySatisfied",
          count(*) filter (where c.satisfaction = 'unsatisfied')::int as unsatisfied,
          count(*) filter (where c.reached and c.resolved)::int as resolved,
          count(*) filter (where c.reached and c.resolved = false)::int as unresolved
        from order_callbacks c where c.at >= ${from} and c.at < ${to}`,
  );
  const r = Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
  return {
    attempts: r.attempts ?? 0,
    reached: r.reached ?? 0,
    ordersReached: r.ordersReached ?? 0,
    reopened: r.reopened ?? 0,
    satisfied: r.satisfied ?? 0,
    basicallySatisfied: r.basicallySatisfied ?? 0,
    unsatisfied: r.unsatisfied ?? 0,
    resolved: r.resolved ?? 0,
    unresolved: r.unresolved ?? 0,
  };
}

/** Digit runs long enough to be a phone, an ID card or a bank number (PIPL personal information). */
const LONG_DIGITS = /\d{7,}/g;

/**
 * 专报 — the orders of a special report, with personal data masked: the caller's name and number never leave,
 * and in the text the caller's name and any long digit run are masked (PIPL; docs/personal-data.md).
 */
export async function ordersForSpecialReport(db: DbOrTx, where: { ids?: number[]; numbers?: string[] }) {
  const values = where.ids ?? where.numbers ?? [];
  if (!values.length) return [];
  const list = sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
  const cond = where.ids ? sql`o.id in (${list})` : sql`o.number in (${list})`;
  const rows = await queryRows<{
    id: number;
    number: string;
    receivedAt: Date | string;
    channel: string;
    type: string;
    district: string | null;
    address: string | null;
    title: string;
    content: string;
    status: string;
    department: string | null;
    callerName: string | null;
  }>(
    db,
    sql`select o.id, o.number, o.received_at as "receivedAt", o.channel, o.type, o.district, o.address, o.title,
          o.content, o.status, d.name as department, o.caller_name as "callerName"
        from orders o left join departments d on d.id = o.department_id
        where ${cond} order by o.received_at, o.id limit 2000`,
  );
  return rows.map((sealed) => {
    // The name and the address are sealed at rest: opened here, and never handed over in clear.
    const { callerName, address, ...r } = openCaller(sealed);
    let content = r.content.replace(LONG_DIGITS, (d) => maskPhone(d) ?? '');
    if (callerName && callerName.length > 1)
      content = content.split(callerName).join(maskName(callerName) ?? '');
    // A place, not a door: the street kept, the house number masked (need-to-know's address mask).
    return { ...r, address: maskAddress(address), receivedAt: new Date(r.receivedAt), content };
  });
}

/**
 * Orders by id for an indicator's drill-down export (issue 16): what identifies and describes the case, never the
 * caller (no name, number or address — the drill-down is about the operator's work, not the citizen).
 */
export async function ordersForDrillDown(db: DbOrTx, ids: number[]) {
  const out = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    if (!chunk.length) break;
    const rows = await queryRows<{
      id: number;
      number: string;
      receivedAt: Date | string;
      channel: string;
      type: string;
      status: string;
      district: string | null;
      title: string;
      department: string | null;
      handleDueAt: Date | string | null;
      repliedAt: Date | string | null;
      closedAt: Date | string | null;
    }>(
      db,
      sql`select o.id, o.number, o.received_at as "receivedAt", o.channel, o.type, o.status, o.district, o.title,
            d.name as department, o.handle_due_at as "handleDueAt", o.replied_at as "repliedAt",
            o.closed_at as "closedAt"
          from orders o left join departments d on d.id = o.department_id
          where o.id in (${sql.join(
            chunk.map((v) => sql`${v}`),
            sql`, `,
          )}) order by o.received_at, o.id`,
    );
    const at = (v: Date | string | null) => (v == null ? null : new Date(v));
    for (const r of rows)
      out.push({
        ...r,
        receivedAt: new Date(r.receivedAt),
        handleDueAt: at(r.handleDueAt),
        repliedAt: at(r.repliedAt),
        closedAt: at(r.closedAt),
      });
  }
  return out;
}
