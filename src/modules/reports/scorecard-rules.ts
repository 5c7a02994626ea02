import type { DepartmentCounts } from '../orders/index.ts';
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
  // Next sources (issue 17, being built in orders): 挂起 paused time, 派单异议 dispatch disputes, 协办按时
  // co-handling on time — each a `departmentCounts` source of its own, added here, to ZERO and to `assemble`.
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
};

export interface ScorecardRules {
  basicallySatisfiedCounts: boolean;
  /** Keep departments with nothing in the period (a department's own card); else only active ones. */
  keepIdle: boolean;
}

/** One department's counts from every source. */
function countsOf(id: number, s: ScorecardSources): ScorecardCounts {
  const r = s.replies.get(id);
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
