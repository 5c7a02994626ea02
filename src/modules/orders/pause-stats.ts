import { sql } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/service.ts';
import { workingMinutesBetween } from '../../calendar/working-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

/** One department's 挂起 in a period, for its scorecard and the circular. */
export interface DepartmentPausedTime {
  departmentId: number;
  /** Pause requests made in the period, and how the office decided them (still pending: neither). */
  requested: number;
  approved: number;
  rejected: number;
  /** Pauses that stopped the clock for some of the period (approved in it or running into it). */
  pauses: number;
  /** Paused working time inside the period (rest days and holidays never count), minutes and hours (1 decimal). */
  pausedWorkingMinutes: number;
  pausedWorkingHours: number;
}

/**
 * Per-department paused time for `[from, to)`: the part of each pause that falls in the period counts (a pause
 * still running counts up to `now`), in working time on the city calendar. Departments without any pause
 * activity in the period are left out.
 */
export async function pausedTimeByDepartment(
  db: DbOrTx,
  from: Date,
  to: Date,
  now: Date,
): Promise<DepartmentPausedTime[]> {
  const [calendar, rows] = await Promise.all([
    loadCalendar(db),
    queryRows<{
      departmentId: number;
      status: string;
      requestedAt: Date | string;
      startedAt: Date | string | null;
      endedAt: Date | string | null;
    }>(
      db,
      sql`select department_id as "departmentId", status, requested_at as "requestedAt",
            started_at as "startedAt", ended_at as "endedAt"
          from order_pauses
          where (requested_at >= ${from} and requested_at < ${to})
             or (started_at is not null and started_at < ${to} and coalesce(ended_at, ${now}) > ${from})
          order by department_id, id`,
    ),
  ]);
  const byDepartment = new Map<number, DepartmentPausedTime>();
  const entry = (id: number) => {
    let e = byDepartment.get(id);
    if (!e) {
      e = {
        departmentId: id,
        requested: 0,
        approved: 0,
        rejected: 0,
        pauses: 0,
        pausedWorkingMinutes: 0,
        pausedWorkingHours: 0,
      };
      byDepartment.set(id, e);
    }
    return e;
  };
  for (const r of rows) {
    const e = entry(Number(r.departmentId));
    const requestedAt = new Date(r.requestedAt);
    if (requestedAt >= from && requestedAt < to) {
      e.requested++;
      if (r.startedAt) e.approved++;
      if (r.status === 'rejected') e.rejected++;
    }
    if (!r.startedAt) continue;
    const start = new Date(Math.max(new Date(r.startedAt).getTime(), from.getTime()));
    const endAt = r.endedAt ? new Date(r.endedAt) : now;
    const end = new Date(Math.min(endAt.getTime(), to.getTime()));
    if (end > start) {
      e.pauses++;
      e.pausedWorkingMinutes += workingMinutesBetween(calendar, start, end);
    }
  }
  return [...byDepartment.values()]
    .map((e) => ({ ...e, pausedWorkingHours: Math.round((e.pausedWorkingMinutes / 60) * 10) / 10 }))
    .sort((a, b) => a.departmentId - b.departmentId);
}
