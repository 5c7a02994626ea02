import type { DbOrTx } from '../../db/client.ts';
import { figure, figureCounts, type FigureCounts, type IndicatorFigure } from '../../platform/indicator.ts';
import { readSetting } from '../../platform/settings.ts';
import { ivrRatingCounts, ivrRatings } from '../calls/index.ts';
import { frontlinePeople, listDepartments, userIdsBySwitchCode } from '../directory/index.ts';
import {
  callbackAttitudeAnswers,
  callbackAttitudeCounts,
  callbackHandlingByDepartment,
} from '../orders/index.ts';
import { BASICALLY_SATISFIED_COUNTS, IVR_SATISFIED_MIN } from './settings.ts';

/** The settings the satisfaction rules use, read once at the edge and passed in. */
export interface SatisfactionSettings {
  /** Whether 基本满意 counts as satisfied (`quality.basicallySatisfiedCounts`). */
  basicallySatisfiedCounts: boolean;
  /** The lowest IVR rating that counts as satisfied (`quality.ivrSatisfiedMinRating`). */
  ivrSatisfiedMin: number;
}

export async function readSatisfactionSettings(db: DbOrTx): Promise<SatisfactionSettings> {
  const [basicallySatisfiedCounts, ivrSatisfiedMin] = await Promise.all([
    readSetting(db, BASICALLY_SATISFIED_COUNTS),
    readSetting(db, IVR_SATISFIED_MIN),
  ]);
  return { basicallySatisfiedCounts, ivrSatisfiedMin };
}

/** The callback answers that count as satisfied; an IVR rating counts from `ivrSatisfiedMin` up. */
const satisfiedAnswers = (settings: SatisfactionSettings) =>
  settings.basicallySatisfiedCounts ? ['satisfied', 'basically_satisfied'] : ['satisfied'];

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
async function attitudeRatings(
  db: DbOrTx,
  from: Date,
  to: Date,
  settings: SatisfactionSettings,
): Promise<Rating[]> {
  const satisfiedValues = satisfiedAnswers(settings);
  const [answers, ivr, people] = await Promise.all([
    callbackAttitudeAnswers(db, from, to),
    ivrRatings(db, from, to),
    userIdsBySwitchCode(db),
  ]);
  return [
    ...answers.map((a) => ({
      key: `callback:${a.callbackId}`,
      agentId: a.agentId,
      satisfied: satisfiedValues.includes(a.answer),
    })),
    ...ivr.map((r) => ({
      key: `call:${r.callId}`,
      agentId: (r.agentCode !== null ? people.get(r.agentCode) : undefined) ?? null,
      satisfied: r.rating >= settings.ivrSatisfiedMin,
    })),
  ];
}

/** KPI 7 用户满意度: satisfied ratings of service attitude / all such ratings, callbacks and IVR together. */
export async function attitudeSatisfaction(
  db: DbOrTx,
  from: Date,
  to: Date,
  settings: SatisfactionSettings,
): Promise<IndicatorFigure> {
  const ratings = await attitudeRatings(db, from, to, settings);
  return figure(
    'rating',
    ratings.map((r) => r.key),
    ratings.filter((r) => r.satisfied).map((r) => r.key),
  );
}

/** KPI 7 as counts (the assessment answer): the same ratings, counted in SQL. */
export async function attitudeSatisfactionCounts(
  db: DbOrTx,
  from: Date,
  to: Date,
  settings: SatisfactionSettings,
): Promise<FigureCounts> {
  const [answers, ivr] = await Promise.all([
    callbackAttitudeCounts(db, from, to, satisfiedAnswers(settings)),
    ivrRatingCounts(db, from, to, settings.ivrSatisfiedMin),
  ]);
  return figureCounts('rating', answers.total + ivr.total, answers.satisfied + ivr.satisfied);
}

/** The same figure by agent and by team, for the quality views (unmatched IVR agents under agentId null). */
export async function attitudeSatisfactionBreakdown(
  db: DbOrTx,
  from: Date,
  to: Date,
  settings: SatisfactionSettings,
) {
  const ratings = await attitudeRatings(db, from, to, settings);
  const people = await frontlinePeople(db);
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
export async function handlingSatisfactionByDepartment(
  db: DbOrTx,
  from: Date,
  to: Date,
  settings: SatisfactionSettings,
) {
  const [counts, departments] = await Promise.all([
    callbackHandlingByDepartment(db, from, to),
    listDepartments(db),
  ]);
  const names = new Map(departments.map((d) => [d.id, d.name]));
  return counts
    .filter((r) => names.has(r.departmentId))
    .map((r) => ({
      departmentId: r.departmentId,
      name: names.get(r.departmentId)!,
      satisfied: r.satisfied,
      basically: r.basically,
      unsatisfied: r.unsatisfied,
      total: r.total,
      value: r.total ? (r.satisfied + (settings.basicallySatisfiedCounts ? r.basically : 0)) / r.total : null,
    }))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || b.total - a.total);
}
