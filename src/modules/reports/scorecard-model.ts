import { z } from 'zod';
import { zId } from '../../platform/input.ts';

const count = z.number().int();
const rate = z.number().nullable();

/** The period of a scorecard or a circular: city days, `to` exclusive (checked by `parseReportPeriod`). */
export const ReportPeriodQuery = z.object({
  from: z.string().max(20).describe('first city day, YYYY-MM-DD'),
  to: z.string().max(20).describe('the day after the last, YYYY-MM-DD (at most 366 days after from)'),
});

/** One department's scorecard (部门考评); docs/reports.md defines each figure. */
export const ScorecardRow = z.object({
  departmentId: count,
  name: z.string(),
  received: count.describe('接收: dispatched to it as lead in the period'),
  signedOnTime: count.describe('按时签收: of those received, signed within reports.signWithinHours'),
  due: count.describe('到期: handling deadline fell in the period and has passed or been met'),
  handledOnTime: count.describe('按时答复: of those due, replied by the deadline'),
  overdue: count.describe('超期: of those due, replied late or still open past the deadline'),
  returned: count.describe('退回: returns the department made in the period'),
  returnedOperatorFault: count.describe('judged the operator’s misrouting'),
  returnedNotOperatorFault: count.describe('judged the department’s (not the operator’s fault)'),
  returnedUnjudged: count,
  extensions: count,
  extensionsApproved: count,
  extensionsRejected: count,
  satisfied: count.describe('callback ratings of the handling in the period'),
  basicallySatisfied: count,
  unsatisfied: count,
  repliesScored: count.describe('replies made in the period, one per order'),
  repliesGood: count.describe('verdict good (the office’s override where given)'),
  repliesFair: count,
  repliesPoor: count,
  repliesOverridden: count.describe('verdicts that are the office’s override'),
  signedOnTimeRate: rate,
  handledOnTimeRate: rate,
  satisfactionRate: rate,
  replyGoodRate: rate,
  replyMeanScore: rate.describe('mean computed reply score, 0–100'),
  coReceived: count.describe('协办接收: co-handling tasks opened for it in the period'),
  coAnsweredOnTime: count.describe('协办按时答复: answered by its own co-handling deadline'),
  coOverdue: count.describe('协办超期: past its own deadline, answered late or not at all'),
  coReleased: count.describe('协办解除: released by the office before answering'),
  coOnTimeRate: rate.describe('协办按时率 = on time / (on time + overdue)'),
  disputesRaised: count.describe('派单异议: dispatch disputes it raised in the period'),
  disputesUpheld: count.describe('decided uphold (维持原派单): the dispatch was right'),
  disputesRedirected: count.describe('decided redirect (改派): the operator misrouted'),
  disputesJoint: count.describe('decided joint handling (联合办理)'),
  pauseRequests: count.describe('挂起申请: pause requests it made in the period'),
  pausesApproved: count.describe('of those, approved by the office'),
  pausedWorkingHours: z
    .number()
    .describe(
      '挂起工时: paused working time inside the period, hours (1 decimal); not counted against its deadlines',
    ),
});

export const ScorecardsResponse = z.object({
  from: z.string(),
  to: z.string(),
  signWithinHours: count,
  basicallySatisfiedCounts: z.boolean(),
  departments: z.array(ScorecardRow),
});

const FigureOrders = z.object({
  orders: count.describe('distinct orders behind the count'),
  orderIds: z.array(count).describe('their ids (at most 500); GET /api/orders/briefs?ids= names them'),
});

/** The figures that have orders behind them, each with its drill-down. */
export const DRILL_FIGURES = [
  'received',
  'signedOnTime',
  'due',
  'handledOnTime',
  'overdue',
  'returned',
  'returnedOperatorFault',
  'returnedNotOperatorFault',
  'returnedUnjudged',
  'extensions',
  'extensionsApproved',
  'extensionsRejected',
  'satisfied',
  'basicallySatisfied',
  'unsatisfied',
  'repliesGood',
  'repliesFair',
  'repliesPoor',
] as const;

export const ScorecardDetailResponse = ScorecardsResponse.omit({ departments: true }).extend({
  department: ScorecardRow,
  drillDown: z.object(
    Object.fromEntries(DRILL_FIGURES.map((k) => [k, FigureOrders])) as Record<
      (typeof DRILL_FIGURES)[number],
      typeof FigureOrders
    >,
  ),
});

export const ScorecardParams = z.object({ departmentId: zId });
