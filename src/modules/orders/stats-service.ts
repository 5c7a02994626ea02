import { sql, type SQL } from 'drizzle-orm';
import { addDays, localDateOf, startOfLocalDay } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor } from '../../platform/actor.ts';

/** Counts keyed by a field's value, largest first. */
export type Breakdown = { key: string; label?: string; count: number }[];

export interface IntakeSummary {
  total: number;
  byChannel: Breakdown;
  byType: Breakdown;
  byStatus: Breakdown;
  byCategory: Breakdown;
}

function scopeOf(actor: Actor): SQL {
  return actor.role === 'department'
    ? sql`(o.department_id = ${actor.departmentId} or ${actor.departmentId} = any(o.co_department_ids))`
    : sql`true`;
}

async function breakdown(db: DbOrTx, column: SQL, where: SQL): Promise<Breakdown> {
  const rows = await queryRows<{ key: string | null; count: number }>(
    db,
    sql`select ${column} as key, count(*)::int as count from orders o where ${where} group by 1 order by 2 desc`,
  );
  return rows.map((r) => ({ key: r.key ?? 'none', count: Number(r.count) }));
}

async function summarise(db: DbOrTx, where: SQL): Promise<IntakeSummary> {
  // Top-level category: walk up the tree with a recursive query.
  const topCategory = sql`(with recursive up as (
      select id, parent_id, name from categories where id = o.category_id
      union all select c.id, c.parent_id, c.name from categories c join up on c.id = up.parent_id)
    select name from up where parent_id is null limit 1)`;
  const [byChannel, byType, byStatus, byCategory] = await Promise.all([
    breakdown(db, sql`o.channel`, where),
    breakdown(db, sql`o.type`, where),
    breakdown(db, sql`o.status`, where),
    breakdown(db, topCategory, where),
  ]);
  return { total: byChannel.reduce((s, b) => s + b.count, 0), byChannel, byType, byStatus, byCategory };
}

const receivedBetween = (from: Date, to: Date) => sql`o.received_at >= ${from} and o.received_at < ${to}`;

/** 看板 — today's and this month's intake, overdue orders by department, and the last 30 days' trend. */
export async function overviewStats(db: DbOrTx, actor: Actor, now: Date) {
  const scope = scopeOf(actor);
  const today = localDateOf(now);
  const dayStart = startOfLocalDay(today);
  const monthStart = startOfLocalDay(`${today.slice(0, 8)}01`);
  const trendStart = startOfLocalDay(addDays(today, -29));
  const tomorrow = startOfLocalDay(addDays(today, 1));
  const [todaySummary, monthSummary, overdue, trend] = await Promise.all([
    summarise(db, sql`${scope} and ${receivedBetween(dayStart, tomorrow)}`),
    summarise(db, sql`${scope} and ${receivedBetween(monthStart, tomorrow)}`),
    queryRows<{ departmentId: number; name: string; count: number }>(
      db,
      sql`select d.id as "departmentId", d.name, count(*)::int as count
          from orders o join departments d on d.id = o.department_id
          where ${scope} and o.status in ('dispatched', 'in_progress') and o.handle_due_at <= ${now}
          group by d.id, d.name order by 3 desc, 2`,
    ),
    queryRows<{ date: string; count: number; closed: number }>(
      db,
      sql`select to_char(o.received_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as date,
            count(*)::int as count,
            count(*) filter (where o.status in ('closed', 'archived'))::int as closed
          from orders o where ${scope} and ${receivedBetween(trendStart, tomorrow)}
          group by 1 order by 1`,
    ),
  ]);
  const byDate = new Map(trend.map((t) => [t.date, t]));
  const days = Array.from({ length: 30 }, (_, i) => addDays(today, i - 29));
  return {
    today: todaySummary,
    month: monthSummary,
    overdueByDepartment: overdue.map((o) => ({ ...o, count: Number(o.count) })),
    trend: days.map((date) => ({
      date,
      count: Number(byDate.get(date)?.count ?? 0),
      closed: Number(byDate.get(date)?.closed ?? 0),
    })),
  };
}

/** The queues on a role's home page, with their counts. */
export async function queueCounts(db: DbOrTx, actor: Actor, now: Date): Promise<Record<string, number>> {
  const scope = scopeOf(actor);
  const soon = new Date(now.getTime() + 86_400_000);
  const queues: Record<string, SQL> = {
    agent: sql`count(*) filter (where o.status = 'submitted') as "awaitingIntake",
      count(*) filter (where o.status = 'registered') as "toDispatch",
      count(*) filter (where o.status = 'returned') as "returned",
      count(*) filter (where o.status = 'replied') as "toCallBack",
      count(*) filter (where o.status = 'submitted' and o.response_due_at <= ${now}) as "responseOverdue"`,
    department: sql`count(*) filter (where o.status = 'dispatched') as "toSign",
      count(*) filter (where o.status = 'in_progress') as "inProgress",
      count(*) filter (where o.status in ('dispatched', 'in_progress') and o.handle_due_at > ${now} and o.handle_due_at <= ${soon}) as "dueSoon",
      count(*) filter (where o.status in ('dispatched', 'in_progress') and o.handle_due_at <= ${now}) as "overdue"`,
    office: sql`count(*) filter (where o.return_judgement_pending) as "returnsToJudge",
      count(*) filter (where o.extension_pending) as "extensionsToDecide",
      count(*) filter (where o.appeal_status = 'pending') as "appealsToDecide",
      count(*) filter (where o.status in ('dispatched', 'in_progress') and o.handle_due_at <= ${now}) as "overdue"`,
  };
  const role = actor.role === 'team_lead' ? 'agent' : actor.role === 'admin' ? 'office' : actor.role;
  const select = queues[role] ?? queues.office!;
  const [row] = await queryRows<Record<string, number>>(
    db,
    sql`select ${select} from orders o where ${scope}`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}
