import { addDays, isLocalDate, startOfLocalDay } from '../../calendar/index.ts';
import type { DbOrTx } from '../../db/client.ts';
import { validationFailed } from '../../platform/errors.ts';
import { readSetting } from '../../platform/settings.ts';
import { getDepartment, listDepartments } from '../directory/index.ts';
import {
  coHandlingByDepartment,
  departmentCounts,
  departmentFigureOrders,
  disputeFiguresByDepartment,
  type FigurePeriod,
  pausedTimeByDepartment,
} from '../orders/index.ts';
import {
  BASICALLY_SATISFIED_COUNTS,
  type DepartmentReplyQuality,
  replyQualityByDepartment,
} from '../quality/index.ts';
import { assembleScorecards, type DepartmentScorecard } from './scorecard-rules.ts';
import { SIGN_WITHIN_HOURS } from './settings.ts';

/** A report's period: city days `from` … `to` (exclusive), at most a year; bad input names its field. */
export function parseReportPeriod(from: string, to: string) {
  const bad = [];
  if (!isLocalDate(from)) bad.push({ field: 'from', message: 'a date YYYY-MM-DD' });
  if (!isLocalDate(to)) bad.push({ field: 'to', message: 'a date YYYY-MM-DD' });
  else if (isLocalDate(from) && (to <= from || to > addDays(from, 366)))
    bad.push({ field: 'to', message: 'after from, at most 366 days later' });
  if (bad.length) throw validationFailed(bad);
  return { from, to };
}

export interface ScorecardOptions {
  /** Only this department (its own card: kept even when idle). */
  departmentId?: number;
  /** Score the replies (答复质量); the monthly report's handling table does without. Default true. */
  replyQuality?: boolean;
  /** Replies already scored for this period (the detail view scores them once for counts and drill-down). */
  replies?: Map<number, DepartmentReplyQuality>;
}

export interface Scorecards {
  from: string;
  to: string;
  signWithinHours: number;
  basicallySatisfiedCounts: boolean;
  departments: DepartmentScorecard[];
}

async function figurePeriod(db: DbOrTx, from: Date, to: Date, now: Date): Promise<FigurePeriod> {
  return { from, to, now, signWithinHours: await readSetting(db, SIGN_WITHIN_HOURS) };
}

/**
 * 部门考评 over the instants `[from, to)`: the one place the per-department figures are put together (the
 * circular and the monthly report read them from here). Every source is one aggregate query.
 */
export async function scorecardsBetween(
  db: DbOrTx,
  from: Date,
  to: Date,
  now: Date,
  opts: ScorecardOptions = {},
) {
  const p = await figurePeriod(db, from, to, now);
  const id = opts.departmentId;
  const byDepartment = <T extends { departmentId: number }>(rows: T[]) =>
    new Map(rows.filter((r) => id == null || r.departmentId === id).map((r) => [r.departmentId, r]));
  const [
    dispatches,
    returns,
    extensions,
    callbacks,
    replies,
    all,
    basicallySatisfiedCounts,
    co,
    disputes,
    pauses,
  ] = await Promise.all([
    departmentCounts(db, 'dispatches', p, id),
    departmentCounts(db, 'returns', p, id),
    departmentCounts(db, 'extensions', p, id),
    departmentCounts(db, 'callbacks', p, id),
    opts.replies ?? (opts.replyQuality === false ? new Map() : replyQualityByDepartment(db, from, to, id)),
    listDepartments(db),
    readSetting(db, BASICALLY_SATISFIED_COUNTS),
    coHandlingByDepartment(db, from, to),
    disputeFiguresByDepartment(db, from, to),
    pausedTimeByDepartment(db, from, to, now),
  ]);
  const departments = (id == null ? all : all.filter((d) => d.id === id)).sort((a, b) => a.id - b.id);
  return {
    signWithinHours: p.signWithinHours,
    basicallySatisfiedCounts,
    departments: assembleScorecards(
      departments,
      {
        dispatches,
        returns,
        extensions,
        callbacks,
        replies,
        coHandling: byDepartment(co),
        disputes: byDepartment(disputes),
        pauses: byDepartment(pauses),
      },
      { basicallySatisfiedCounts, keepIdle: id != null },
    ),
  };
}

/** 部门考评 for the city days `from` … `to` (exclusive). */
export async function buildScorecards(
  db: DbOrTx,
  fromDay: string,
  toDay: string,
  now: Date,
  opts: ScorecardOptions = {},
): Promise<Scorecards> {
  const { from, to } = parseReportPeriod(fromDay, toDay);
  const cards = await scorecardsBetween(db, startOfLocalDay(from), startOfLocalDay(to), now, opts);
  return { from, to, ...cards };
}

/** The orders behind one figure: how many distinct orders, and their ids (at most 500). */
export interface FigureOrders {
  orders: number;
  orderIds: number[];
}

/**
 * One department's scorecard with the orders behind each count (drill-down). A count of dispatches, returns or
 * callbacks can exceed its orders (an order dispatched twice to the same department counts twice).
 */
export async function scorecardDetail(
  db: DbOrTx,
  departmentId: number,
  fromDay: string,
  toDay: string,
  now: Date,
) {
  const period = parseReportPeriod(fromDay, toDay);
  await getDepartment(db, departmentId); // 404 for a department that does not exist
  const p = await figurePeriod(db, startOfLocalDay(period.from), startOfLocalDay(period.to), now);
  const replies = await replyQualityByDepartment(db, p.from, p.to, departmentId);
  const [cards, dispatches, returns, extensions, callbacks] = await Promise.all([
    buildScorecards(db, period.from, period.to, now, { departmentId, replies }),
    departmentFigureOrders(db, 'dispatches', p, departmentId),
    departmentFigureOrders(db, 'returns', p, departmentId),
    departmentFigureOrders(db, 'extensions', p, departmentId),
    departmentFigureOrders(db, 'callbacks', p, departmentId),
  ]);
  const r = replies.get(departmentId);
  const verdict = (ids: number[] = []): FigureOrders => ({ orders: ids.length, orderIds: ids.slice(0, 500) });
  const { departments, ...rest } = cards;
  return {
    ...rest,
    department: departments[0]!,
    drillDown: {
      ...dispatches,
      ...returns,
      ...extensions,
      ...callbacks,
      repliesGood: verdict(r?.orderIds.good),
      repliesFair: verdict(r?.orderIds.fair),
      repliesPoor: verdict(r?.orderIds.poor),
    },
  };
}
