import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { figure, type IndicatorFigure } from '../../platform/indicator.ts';
import { readSetting } from '../../platform/settings.ts';
import { BASICALLY_SATISFIED_COUNTS, IVR_SATISFIED_MIN } from './settings.ts';

interface Rating {
  key: string;
  agentId: number | null;
  satisfied: boolean;
}

/**
 * Every rating of the agents' service attitude in [from, to): the attitude question of order callbacks (the
 * agent who registered the order) and post-call IVR ratings (the agent who answered, matched by the switch's
 * agent code). Keys say where each came from: `callback:<id>`, `call:<id>`.
 */
async function attitudeRatings(db: DbOrTx, from: Date, to: Date): Promise<Rating[]> {
  const [basic, ivrMin] = await Promise.all([
    readSetting(db, BASICALLY_SATISFIED_COUNTS),
    readSetting(db, IVR_SATISFIED_MIN),
  ]);
  const satisfiedValues = basic ? ['satisfied', 'basically_satisfied'] : ['satisfied'];
  const rows = await queryRows<{ key: string; agentId: number | null; satisfied: boolean }>(
    db,
    sql`select 'callback:' || c.id as key, o.created_by as "agentId",
          c.attitude_satisfaction in (${sql.join(
            satisfiedValues.map((v) => sql`${v}`),
            sql`, `,
          )}) as satisfied
        from order_callbacks c join orders o on o.id = c.order_id
        where c.attitude_satisfaction is not null and c.at >= ${from} and c.at < ${to}
        union all
        select 'call:' || k.id, u.id, k.ivr_rating >= ${ivrMin}
        from calls k left join users u on u.agent_code = k.agent
        where k.ivr_rating is not null and k.offered_at >= ${from} and k.offered_at < ${to}`,
  );
  return rows;
}

/** KPI 7 用户满意度: satisfied ratings of service attitude / all such ratings, callbacks and IVR together. */
export async function attitudeSatisfaction(db: DbOrTx, from: Date, to: Date): Promise<IndicatorFigure> {
  const ratings = await attitudeRatings(db, from, to);
  return figure(
    'rating',
    ratings.map((r) => r.key),
    ratings.filter((r) => r.satisfied).map((r) => r.key),
  );
}

/** The same figure by agent and by team, for the quality views (unmatched IVR agents under agentId null). */
export async function attitudeSatisfactionBreakdown(db: DbOrTx, from: Date, to: Date) {
  const ratings = await attitudeRatings(db, from, to);
  const people = await queryRows<{ id: number; name: string; team: string | null; agentCode: string | null }>(
    db,
    sql`select id, display_name as name, team, agent_code as "agentCode" from users where role in ('agent', 'team_lead')`,
  );
  const byAgent = new Map<number | null, { satisfied: number; total: number }>();
  for (const r of ratings) {
    const e = byAgent.get(r.agentId) ?? { satisfied: 0, total: 0 };
    e.total++;
    if (r.satisfied) e.satisfied++;
    byAgent.set(r.agentId, e);
  }
  const agents = [...byAgent.entries()].map(([agentId, e]) => {
    const p = people.find((x) => x.id === agentId);
    return {
      agentId,
      name: p?.name ?? null,
      team: p?.team ?? null,
      ...e,
      value: e.total ? e.satisfied / e.total : null,
    };
  });
  const teams = new Map<string, { satisfied: number; total: number }>();
  for (const a of agents) {
    const key = a.team ?? '未分组';
    const e = teams.get(key) ?? { satisfied: 0, total: 0 };
    e.satisfied += a.satisfied;
    e.total += a.total;
    teams.set(key, e);
  }
  return {
    agents: agents.sort((a, b) => (a.value ?? 1) - (b.value ?? 1)),
    teams: [...teams.entries()].map(([team, e]) => ({
      team,
      ...e,
      value: e.total ? e.satisfied / e.total : null,
    })),
  };
}

/**
 * Satisfaction with the handling of matters by department (the callback's handling question), for the office's
 * department rankings.
 */
export async function handlingSatisfactionByDepartment(db: DbOrTx, from: Date, to: Date) {
  const basic = await readSetting(db, BASICALLY_SATISFIED_COUNTS);
  const rows = await queryRows<{
    departmentId: number;
    name: string;
    satisfied: number;
    basically: number;
    unsatisfied: number;
    total: number;
  }>(
    db,
    sql`select d.id as "departmentId", d.name,
          count(*) filter (where c.satisfaction = 'satisfied')::int as satisfied,
          count(*) filter (where c.satisfaction = 'basically_satisfied')::int as basically,
          count(*) filter (where c.satisfaction = 'unsatisfied')::int as unsatisfied,
          count(*)::int as total
        from order_callbacks c join orders o on o.id = c.order_id join departments d on d.id = o.department_id
        where c.satisfaction is not null and c.at >= ${from} and c.at < ${to}
        group by d.id, d.name`,
  );
  return rows
    .map((r) => ({ ...r, value: r.total ? (r.satisfied + (basic ? r.basically : 0)) / r.total : null }))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || b.total - a.total);
}
