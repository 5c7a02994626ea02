/**
 * The rota's Labour-Law checks (劳动法) — pure: shifts, leave and the period come in, violations go out.
 *
 * - Labour Law art. 36 and 国务院关于职工工作时间的规定 art. 3: at most 8 hours a day and 40 hours a week
 *   (standard hours, 标准工时). With an approval for comprehensive hours (综合计算工时, art. 39) the hours are
 *   averaged: at most 40 × weeks over the rota period.
 * - Art. 38: at least one full rest day (24 h, a calendar day without work) in each week (Monday–Sunday).
 * - Art. 41: overtime at most 3 hours a day and 36 hours a month.
 * - Sanmenxia art. 7: the hotline is staffed 24 hours a day, every day: every half-hour has an agent.
 * - Leave (请假, 病休) recorded as absences: no shift on a day of leave.
 * - Practice, not law: shifts of one agent do not overlap, and 12 hours of rest separate them (`minRestHours`).
 * Hours are counted on the calendar day they are worked (a night shift is split at midnight).
 */
import { addDays, type LocalDate, localDateOf, startOfLocalDay, weekdayOf } from '../../calendar/index.ts';

export interface PlannedShift {
  agent: string;
  start: Date;
  end: Date;
}

export interface LawSettings {
  comprehensiveHours: boolean;
  minRestHours: number;
  /** Overtime allowed in a calendar month (art. 41: 36). */
  maxOvertimeHoursPerMonth: number;
}

export const DEFAULT_LAW: LawSettings = {
  comprehensiveHours: false,
  minRestHours: 12,
  maxOvertimeHoursPerMonth: 36,
};

export type ViolationCode =
  | 'overlap'
  | 'short_rest'
  | 'day_over_8h'
  | 'week_over_40h'
  | 'period_over_average'
  | 'no_rest_day'
  | 'overtime_over_36h'
  | 'overtime_over_3h_day'
  | 'on_leave'
  | 'uncovered';

export interface Violation {
  code: ViolationCode;
  agent: string | null;
  /** The day, the week's Monday, the month `YYYY-MM`, or the interval's start, as the rule counts. */
  at: string;
  hours?: number;
  rule: string;
}

const RULES: Record<ViolationCode, string> = {
  overlap: 'shifts of one agent overlap',
  short_rest: 'less rest between shifts than the rota allows (practice)',
  day_over_8h: 'Labour Law art. 36: at most 8 hours a day',
  week_over_40h: 'Labour Law art. 36: at most 40 hours a week',
  period_over_average:
    'Labour Law art. 39 (综合计算工时): at most 40 hours a week on average over the period',
  no_rest_day: 'Labour Law art. 38: at least one full rest day a week',
  overtime_over_36h: 'Labour Law art. 41: overtime at most 36 hours a month',
  overtime_over_3h_day: 'Labour Law art. 41: overtime at most 3 hours a day',
  on_leave: 'a shift on a day of recorded leave',
  uncovered: 'Sanmenxia art. 7: every half-hour staffed (7×24)',
};

const HOUR = 3600_000;

/** Hours of each calendar day a shift covers, e.g. 22:00–06:00 → { d: 2, d+1: 6 }. */
export function hoursByDay(s: { start: Date; end: Date }): Map<LocalDate, number> {
  const out = new Map<LocalDate, number>();
  let t = s.start.getTime();
  while (t < s.end.getTime()) {
    const day = localDateOf(new Date(t));
    const dayEnd = startOfLocalDay(addDays(day, 1)).getTime();
    const until = Math.min(dayEnd, s.end.getTime());
    out.set(day, (out.get(day) ?? 0) + (until - t) / HOUR);
    t = until;
  }
  return out;
}

/** The Monday of the date's week. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

function byAgent(shifts: PlannedShift[]): Map<string, PlannedShift[]> {
  const m = new Map<string, PlannedShift[]>();
  for (const s of shifts) {
    const list = m.get(s.agent) ?? [];
    list.push(s);
    m.set(s.agent, list);
  }
  for (const list of m.values()) list.sort((a, b) => a.start.getTime() - b.start.getTime());
  return m;
}

/** Hours per day, and the overtime each day: daily excess over 8 h, plus each week's excess over 40 h. */
export function agentHours(shifts: PlannedShift[], law: LawSettings) {
  const daily = new Map<LocalDate, number>();
  for (const s of shifts) for (const [d, h] of hoursByDay(s)) daily.set(d, (daily.get(d) ?? 0) + h);
  const overtime = new Map<LocalDate, number>();
  if (!law.comprehensiveHours) {
    const weeks = new Map<LocalDate, { hours: number; dailyExcess: number; last: LocalDate }>();
    for (const [d, h] of [...daily].sort(([a], [b]) => a.localeCompare(b))) {
      const excess = Math.max(0, h - 8);
      if (excess) overtime.set(d, excess);
      const w = weeks.get(mondayOf(d)) ?? { hours: 0, dailyExcess: 0, last: d };
      weeks.set(mondayOf(d), { hours: w.hours + h, dailyExcess: w.dailyExcess + excess, last: d });
    }
    // Weekly excess not already counted day by day falls on the week's last working day.
    for (const w of weeks.values()) {
      const extra = Math.max(0, w.hours - 40 - w.dailyExcess);
      if (extra) overtime.set(w.last, (overtime.get(w.last) ?? 0) + extra);
    }
  }
  return { daily, overtime };
}

export interface RotaFacts {
  shifts: PlannedShift[];
  /** Days each agent is on leave. */
  leave: Map<string, Set<LocalDate>>;
  /** The rota's period [from, from + 7·weeks). */
  from: LocalDate;
  weeks: number;
}

export function checkRota(f: RotaFacts, law: LawSettings = DEFAULT_LAW): Violation[] {
  const out: Violation[] = [];
  const add = (code: ViolationCode, agent: string | null, at: string, hours?: number) =>
    out.push({
      code,
      agent,
      at,
      ...(hours != null ? { hours: Math.round(hours * 100) / 100 } : {}),
      rule: RULES[code],
    });
  const to = addDays(f.from, 7 * f.weeks);
  for (const [agent, list] of byAgent(f.shifts)) {
    for (let i = 1; i < list.length; i++) {
      const gap = (list[i]!.start.getTime() - list[i - 1]!.end.getTime()) / HOUR;
      if (gap < 0) add('overlap', agent, localDateOf(list[i]!.start));
      else if (gap < law.minRestHours) add('short_rest', agent, localDateOf(list[i]!.start), gap);
    }
    const { daily, overtime } = agentHours(list, law);
    const leave = f.leave.get(agent);
    for (const [d, h] of daily) {
      if (leave?.has(d)) add('on_leave', agent, d);
      if (!law.comprehensiveHours && h > 8) add('day_over_8h', agent, d, h);
    }
    // The 3-hour limit is on lengthening a working day; a whole extra day is counted by the week and month.
    for (const [d, h] of daily) if (h > 11) add('overtime_over_3h_day', agent, d, h - 8);
    for (let monday = mondayOf(f.from); monday < to; monday = addDays(monday, 7)) {
      let hours = 0;
      let restDay = false;
      for (let k = 0; k < 7; k++) {
        const h = daily.get(addDays(monday, k)) ?? 0;
        hours += h;
        if (h === 0) restDay = true;
      }
      if (!restDay) add('no_rest_day', agent, monday);
      if (!law.comprehensiveHours && hours > 40) add('week_over_40h', agent, monday, hours);
    }
    if (law.comprehensiveHours) {
      const total = [...daily.values()].reduce((s, h) => s + h, 0);
      if (total > 40 * f.weeks) add('period_over_average', agent, f.from, total);
    }
    const months = new Map<string, number>();
    for (const [d, h] of overtime) months.set(d.slice(0, 7), (months.get(d.slice(0, 7)) ?? 0) + h);
    if (law.comprehensiveHours) {
      const total = [...daily.values()].reduce((s, h) => s + h, 0);
      const excess = total - 40 * f.weeks;
      if (excess > 0) months.set(to.slice(0, 7), (months.get(to.slice(0, 7)) ?? 0) + excess);
    }
    for (const [m, h] of months) if (h > law.maxOvertimeHoursPerMonth) add('overtime_over_36h', agent, m, h);
  }
  for (const start of uncoveredIntervals(f.shifts, f.from, to)) add('uncovered', null, start.toISOString());
  return out;
}

/** Starts of the half-hours in [from, to) that no shift covers. */
export function uncoveredIntervals(shifts: PlannedShift[], from: LocalDate, to: LocalDate): Date[] {
  const t0 = startOfLocalDay(from).getTime();
  const n = Math.round((startOfLocalDay(to).getTime() - t0) / 1800_000);
  const covered = new Uint8Array(n);
  for (const s of shifts) {
    const a = Math.max(0, Math.ceil((s.start.getTime() - t0) / 1800_000));
    const b = Math.min(n, Math.floor((s.end.getTime() - t0) / 1800_000));
    for (let k = a; k < b; k++) covered[k] = 1;
  }
  const out: Date[] = [];
  for (let k = 0; k < n; k++) if (!covered[k]) out.push(new Date(t0 + k * 1800_000));
  return out;
}
