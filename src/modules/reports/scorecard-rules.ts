import type {
  CoHandlingFigures,
  DepartmentCounts,
  DepartmentDisputeFigures,
  DepartmentPausedTime,
} from '../orders/index.ts';
import type { DepartmentReplyQuality } from '../quality/index.ts';
import { ratio } from './monthly-figures.ts';

/**
 * 部门考评 — a department's scorecard for a period, assembled from one function per source (pure: the counts come
 * in, the rates go out). The circular (通报) scores and ranks these rows; the monthly report prints their
 * dispatch and handling part. docs/reports.md gives each figure's definition and source.
 */
export interface ScorecardSources {
  /** order_dispatches — received, signed on time, due, replied on time, overdue (orders `departmentCounts`). */
  dispatches: DepartmentCounts<'dispatches'>;
  /** order_returns — returns and the office's judgement of fault. */
  returns: DepartmentCounts<'returns'>;
  /** order_extensions — extension requests and decisions. */
  extensions: DepartmentCounts<'extensions'>;
  /** order_callbacks — the citizens' ratings of the handling. */
  callbacks: DepartmentCounts<'callbacks'>;
  /** quality's reply scores with the office's overrides (`replyQualityByDepartment`). */
  replies: Map<number, DepartmentReplyQuality>;
  /** order_co_tasks — its own part as a co-handler (协办): counted against it, not the lead (`coHandlingByDepartment`). */
  coHandling: Map<number, CoHandlingFigures>;
  /** order_disputes — the dispatch disputes (派单异议) it raised and how the office decided them. */
  disputes: Map<number, DepartmentDisputeFigures>;
  /** order_pauses — 挂起: requests, the office's decisions, and the paused working time inside the period. */
  pauses: Map<number, DepartmentPausedTime>;
}

export interface ScorecardCounts {
  received: number;
  signedOnTime: number;
  due: number;
  handledOnTime: number;
  overdue: number;
  returned: number;
  returnedOperatorFault: number;
  returnedNotOperatorFault: number;
  returnedUnjudged: number;
  extensions: number;
  extensionsApproved: number;
  extensionsRejected: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  repliesScored: number;
  repliesGood: number;
  repliesFair: number;
  repliesPoor: number;
  repliesOverridden: number;
  coReceived: number;
  coAnsweredOnTime: number;
  coOverdue: number;
  coReleased: number;
  disputesRaised: number;
  disputesUpheld: number;
  disputesRedirected: number;
  disputesJoint: number;
  pauseRequests: number;
  pausesApproved: number;
  pausedWorkingHours: number;
}

export interface DepartmentScorecard extends ScorecardCounts {
  departmentId: number;
  name: string;
  /** 按时签收率 = signedOnTime / received. */
  signedOnTimeRate: number | null;
  /** 按时答复率 = handledOnTime / due. */
  handledOnTimeRate: number | null;
  /** 满意率 = (satisfied [+ basically, setting `quality.basicallySatisfiedCounts`]) / rated. */
  satisfactionRate: number | null;
  /** 答复良好率 = good / scored (verdicts after the office's overrides). */
  replyGoodRate: number | null;
  /** Mean computed reply score, 0–100. */
  replyMeanScore: number | null;
  /** 协办按时率 = co-handling answered on time / (on time + overdue). */
  coOnTimeRate: number | null;
}

export const ZERO_COUNTS: ScorecardCounts = {
  received: 0,
  signedOnTime: 0,
  due: 0,
  handledOnTime: 0,
  overdue: 0,
  returned: 0,
  returnedOperatorFault: 0,
  returnedNotOperatorFault: 0,
  returnedUnjudged: 0,
  extensions: 0,
  extensionsApproved: 0,
  extensionsRejected: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  unsatisfied: 0,
  repliesScored: 0,
  repliesGood: 0,
  repliesFair: 0,
  repliesPoor: 0,
  repliesOverridden: 0,
  coReceived: 0,
  coAnsweredOnTime: 0,
  coOverdue: 0,
  coReleased: 0,
  disputesRaised: 0,
  disputesUpheld: 0,
  disputesRedirected: 0,
  disputesJoint: 0,
  pauseRequests: 0,
  pausesApproved: 0,
  pausedWorkingHours: 0,
};

export interface ScorecardRules {
  basicallySatisfiedCounts: boolean;
  /** Keep departments with nothing in the period (a department's own card); else only active ones. */
  keepIdle: boolean;
}

/** One department's counts from every source. */
function countsOf(id: number, s: ScorecardSources): ScorecardCounts {
  const r = s.replies.get(id);
  const co = s.coHandling.get(id);
  const dispute = s.disputes.get(id);
  const paused = s.pauses.get(id);
  return {
    ...ZERO_COUNTS,
    ...s.dispatches.get(id),
    ...s.returns.get(id),
    ...s.extensions.get(id),
    ...s.callbacks.get(id),
    ...(r && {
      repliesScored: r.scored,
      repliesGood: r.good,
      repliesFair: r.fair,
      repliesPoor: r.poor,
      repliesOverridden: r.overridden,
    }),
    ...(co && {
      coReceived: co.received,
      coAnsweredOnTime: co.answeredOnTime,
      coOverdue: co.overdue,
      coReleased: co.released,
    }),
    ...(dispute && {
      disputesRaised: dispute.raised,
      disputesUpheld: dispute.upheld,
      disputesRedirected: dispute.redirected,
      disputesJoint: dispute.joint,
    }),
    ...(paused && {
      pauseRequests: paused.requested,
      pausesApproved: paused.approved,
      pausedWorkingHours: paused.pausedWorkingHours,
    }),
  };
}

/** The rates of a set of counts (a department's, or the city's totals). */
export function scorecardRates(c: ScorecardCounts, rules: Pick<ScorecardRules, 'basicallySatisfiedCounts'>) {
  const rated = c.satisfied + c.basicallySatisfied + c.unsatisfied;
  return {
    signedOnTimeRate: ratio(c.signedOnTime, c.received),
    handledOnTimeRate: ratio(c.handledOnTime, c.due),
    satisfactionRate: ratio(c.satisfied + (rules.basicallySatisfiedCounts ? c.basicallySatisfied : 0), rated),
    replyGoodRate: ratio(c.repliesGood, c.repliesScored),
    coOnTimeRate: ratio(c.coAnsweredOnTime, c.coAnsweredOnTime + c.coOverdue),
  };
}

/** The scorecards of the given departments, in their order; idle ones left out unless `keepIdle`. */
export function assembleScorecards(
  departments: { id: number; name: string }[],
  sources: ScorecardSources,
  rules: ScorecardRules,
): DepartmentScorecard[] {
  const out: DepartmentScorecard[] = [];
  for (const d of departments) {
    const c = countsOf(d.id, sources);
    const active = Object.values(c).some((v) => v > 0);
    if (!active && !rules.keepIdle) continue;
    out.push({
      departmentId: d.id,
      name: d.name,
      ...c,
      ...scorecardRates(c, rules),
      replyMeanScore: sources.replies.get(d.id)?.meanScore ?? null,
    });
  }
  return out;
}
