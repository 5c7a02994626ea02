import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

/**
 * Per-department figures of the orders' own tables, for the department scorecard (部门考评) and through it the
 * circular (通报) and the monthly report. One source a table: each declares its figures once as SQL predicates,
 * and the same predicates give the counts (aggregated in the database, grouped by department) and the orders
 * behind each count (the scorecard's drill-down), so a count and its list cannot disagree.
 *
 * Periods are instants `[from, to)`; `now` decides what has fallen due.
 */
export interface FigurePeriod {
  from: Date;
  to: Date;
  now: Date;
  /** A dispatch is signed on time when signed within this many hours (setting `reports.signWithinHours`). */
  signWithinHours: number;
}

interface Source<K extends string> {
  /** `from …` with its joins; the department column is `dep`, the order column `order_id`. */
  rows: SQL;
  /** Rows any figure can count (the period, so an index serves it). */
  where: (p: FigurePeriod) => SQL;
  figures: (p: FigurePeriod) => Record<K, SQL>;
}

const inPeriod = (col: SQL, p: FigurePeriod) => sql`${col} >= ${p.from} and ${col} < ${p.to}`;

/** A dispatch counts against the department dispatched to (as lead) — 交办记录 `order_dispatches`. */
const DISPATCHES: Source<DispatchFigure> = {
  rows: sql`(select x.*, x.department_id as dep from order_dispatches x) x`,
  where: (p) => sql`(${inPeriod(sql`x.dispatched_at`, p)} or ${inPeriod(sql`x.due_at`, p)})`,
  figures: (p) => {
    const received = inPeriod(sql`x.dispatched_at`, p);
    const dueInPeriod = sql`${inPeriod(sql`x.due_at`, p)} and coalesce(x.outcome, '') not in ('returned', 'merged')`;
    return {
      // 接收 — dispatched to it in the period (first and repeated dispatches).
      received,
      // 按时签收 — of those, signed (a reply signs too) within the signing limit.
      signedOnTime: sql`${received} and x.signed_at is not null
        and x.signed_at <= x.dispatched_at + make_interval(hours => ${p.signWithinHours})`,
      // 到期 — the handling deadline fell in the period and has passed or been met (returned ones left out).
      due: sql`${dueInPeriod} and (x.due_at <= ${p.now} or x.outcome = 'replied')`,
      // 按时答复 — of those due, replied by the deadline.
      handledOnTime: sql`${inPeriod(sql`x.due_at`, p)} and x.outcome = 'replied' and x.ended_at <= x.due_at`,
      // 超期 — of those due, replied late or still open past the deadline.
      overdue: sql`${dueInPeriod} and x.due_at <= ${p.now} and (x.ended_at is null or x.ended_at > x.due_at)`,
    };
  },
};
export type DispatchFigure = 'received' | 'signedOnTime' | 'due' | 'handledOnTime' | 'overdue';

/** A return counts against the department that returned it, by the office's judgement — `order_returns`. */
const RETURNS: Source<ReturnFigure> = {
  rows: sql`(select r.*, r.department_id as dep from order_returns r) r`,
  where: (p) => inPeriod(sql`r.returned_at`, p),
  figures: () => ({
    returned: sql`true`,
    // 派单错误 — judged the operator's misrouting (KPI 3): not held against the department.
    returnedOperatorFault: sql`r.operator_fault`,
    // 单位原因 — judged not the operator's fault: the department should have kept it.
    returnedNotOperatorFault: sql`r.operator_fault = false`,
    returnedUnjudged: sql`r.operator_fault is null`,
  }),
};
export type ReturnFigure =
  'returned' | 'returnedOperatorFault' | 'returnedNotOperatorFault' | 'returnedUnjudged';

/** Extension requests by the requesting department — `order_extensions`. */
const EXTENSIONS: Source<ExtensionFigure> = {
  rows: sql`(select e.*, e.department_id as dep from order_extensions e) e`,
  where: (p) => inPeriod(sql`e.requested_at`, p),
  figures: () => ({
    extensions: sql`true`,
    extensionsApproved: sql`e.outcome = 'approved'`,
    extensionsRejected: sql`e.outcome = 'rejected'`,
  }),
};
export type ExtensionFigure = 'extensions' | 'extensionsApproved' | 'extensionsRejected';

/** Callback ratings of the handling, against the order's lead department — `order_callbacks`. */
const CALLBACKS: Source<CallbackFigure> = {
  rows: sql`(select c.*, o.department_id as dep from order_callbacks c join orders o on o.id = c.order_id
    where o.department_id is not null) c`,
  where: (p) => sql`c.satisfaction is not null and ${inPeriod(sql`c.at`, p)}`,
  figures: () => ({
    satisfied: sql`c.satisfaction = 'satisfied'`,
    basicallySatisfied: sql`c.satisfaction = 'basically_satisfied'`,
    unsatisfied: sql`c.satisfaction = 'unsatisfied'`,
  }),
};
export type CallbackFigure = 'satisfied' | 'basicallySatisfied' | 'unsatisfied';

const SOURCES = { dispatches: DISPATCHES, returns: RETURNS, extensions: EXTENSIONS, callbacks: CALLBACKS };
export type FigureSource = keyof typeof SOURCES;
type FigureOf<S extends FigureSource> = (typeof SOURCES)[S] extends Source<infer K> ? K : never;
export type DepartmentCounts<S extends FigureSource> = Map<number, Record<FigureOf<S>, number>>;

const scope = (departmentId?: number) => (departmentId == null ? sql`` : sql`and dep = ${departmentId}`);

/** One source's figures for every department with a row in the period (or for one department), by id. */
export async function departmentCounts<S extends FigureSource>(
  db: DbOrTx,
  source: S,
  p: FigurePeriod,
  departmentId?: number,
): Promise<DepartmentCounts<S>> {
  const s = SOURCES[source] as unknown as Source<FigureOf<S>>;
  const figures = Object.entries(s.figures(p)) as [FigureOf<S>, SQL][];
  const columns = sql.join(
    figures.map(([k, pred]) => sql`count(*) filter (where ${pred})::int as ${sql.identifier(k)}`),
    sql`, `,
  );
  const rows = await queryRows<Record<string, number>>(
    db,
    sql`select dep as "departmentId", ${columns} from ${s.rows}
        where ${s.where(p)} ${scope(departmentId)} group by dep`,
  );
  return new Map(
    rows.map((r) => [
      Number(r.departmentId),
      Object.fromEntries(figures.map(([k]) => [k, Number(r[k] ?? 0)])) as Record<FigureOf<S>, number>,
    ]),
  );
}

/** The orders behind each of one department's figures from one source (distinct ids, at most `limit` each). */
export async function departmentFigureOrders<S extends FigureSource>(
  db: DbOrTx,
  source: S,
  p: FigurePeriod,
  departmentId: number,
  limit = 500,
): Promise<Record<FigureOf<S>, { orders: number; orderIds: number[] }>> {
  const s = SOURCES[source] as unknown as Source<FigureOf<S>>;
  const figures = Object.entries(s.figures(p)) as [FigureOf<S>, SQL][];
  const columns = sql.join(
    figures.map(
      ([k, pred]) => sql`count(distinct order_id) filter (where ${pred})::int as ${sql.identifier(`${k}:n`)},
        (array_agg(distinct order_id order by order_id) filter (where ${pred}))[1:${limit}]
          as ${sql.identifier(k)}`,
    ),
    sql`, `,
  );
  const [row] = await queryRows<Record<string, number | number[] | null>>(
    db,
    sql`select ${columns} from ${s.rows} where ${s.where(p)} ${scope(departmentId)}`,
  );
  return Object.fromEntries(
    figures.map(([k]) => [
      k,
      {
        orders: Number(row?.[`${k}:n`] ?? 0),
        orderIds: ((row?.[k] as number[] | null) ?? []).map(Number),
      },
    ]),
  ) as Record<FigureOf<S>, { orders: number; orderIds: number[] }>;
}

/** A department reply to score (答复意见评价): the order's request and its reply, by the replying department. */
export interface DepartmentReply {
  orderId: number;
  departmentId: number;
  categoryId: number | null;
  content: string;
  reply: string;
}

/**
 * The replies made in the period: one per order (the order keeps its latest reply, so an order replied twice
 * counts once, for the department whose reply stands), by the department of the dispatch that replied.
 */
export async function departmentReplies(
  db: DbOrTx,
  from: Date,
  to: Date,
  departmentId?: number,
): Promise<DepartmentReply[]> {
  return queryRows<DepartmentReply>(
    db,
    sql`select distinct on (x.order_id) x.order_id as "orderId", x.department_id as "departmentId",
          o.category_id as "categoryId", o.content, o.reply
        from order_dispatches x join orders o on o.id = x.order_id
        where x.outcome = 'replied' and x.ended_at >= ${from} and x.ended_at < ${to} and o.reply is not null
          ${departmentId == null ? sql`` : sql`and x.department_id = ${departmentId}`}
        order by x.order_id, x.ended_at desc`,
  );
}
