/**
 * The arrival intensity: how many calls per millisecond the city makes at an instant. A day's level is the base
 * level times the day-of-week, month, holiday and after-holiday factors and a little day-to-day noise; within the
 * day it follows the hourly shape; a surge multiplies it for a few hours. Arrivals are then drawn from this rate as
 * a non-homogeneous Poisson process by thinning (Lewis & Shedler): candidates at the day's maximum rate, each kept
 * with probability rate(t) / max.
 */
import type { ChinaCalendar } from '../../calendar/china-calendar.ts';
import {
  addDays,
  localDateOf,
  startOfLocalDay,
  weekdayOf,
  type LocalDate,
} from '../../calendar/local-time.ts';
import type { Random } from '../../platform/random.ts';
import { createStream, drawExponential, drawStandardNormal, drawUniform } from './distributions.ts';
import type { HourlyShares, SimulatorParameters, SurgeKind } from './parameters.ts';

const HOUR_MS = 3_600_000;

export interface Surge {
  kind: string;
  start: number;
  end: number;
  multiplier: number;
  categories: readonly string[];
}

export interface DayPlan {
  date: LocalDate;
  start: number;
  end: number;
  restDay: boolean;
  /** The day's factor on the base level, noise included. */
  factor: number;
  /** Calls per millisecond in each local hour, before any surge. */
  callRates: Float64Array;
  onlineRates: Float64Array;
  surge: Surge | null;
  maxCallRate: number;
  maxOnlineRate: number;
}

/** Stream ids under the seed: each purpose draws from its own stream (see distributions.ts). */
export const STREAM = { arrivals: 1, dayPlan: 2, call: 3, redial: 4, online: 5, onlineOrder: 6 } as const;

export function dayNumberOf(date: LocalDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

const CITY_OFFSET_MS = 8 * HOUR_MS;
let lastDay = NaN;
let lastDate: LocalDate = '';

/** `localDateOf` for a millisecond instant, remembering the last day: it is asked once per call and event. */
export function cityDateOf(t: number): LocalDate {
  const day = Math.floor((t + CITY_OFFSET_MS) / 86_400_000);
  if (day !== lastDay) {
    lastDay = day;
    lastDate = localDateOf(new Date(t));
  }
  return lastDate;
}

/** Consecutive rest days ending the day before `date`, and whether a statutory holiday is among them. */
function restBlockBefore(date: LocalDate, calendar: ChinaCalendar): { days: number; holiday: boolean } {
  let days = 0;
  let holiday = false;
  for (let d = addDays(date, -1); days < 15; d = addDays(d, -1)) {
    const info = calendar.day(d);
    if (info.workday) break;
    days++;
    holiday ||= info.kind === 'holiday';
  }
  return { days, holiday };
}

/** The calendar's part of a day's level, and whether the day is a rest day. */
export function calendarFactorOf(
  date: LocalDate,
  calendar: ChinaCalendar,
  traffic: SimulatorParameters['traffic'],
): { factor: number; restDay: boolean } {
  const info = calendar.day(date);
  const month = traffic.monthFactors[Number(date.slice(5, 7)) - 1] ?? 1;
  if (info.kind === 'holiday') {
    const f = traffic.holidayFactors[info.name ?? ''] ?? traffic.holidayFactors['default'] ?? 1;
    return { factor: f * month, restDay: true };
  }
  const weekday = traffic.weekdayFactors[weekdayOf(date)] ?? 1;
  if (!info.workday) return { factor: weekday * month, restDay: true };
  let factor = (info.kind === 'adjusted_workday' ? traffic.adjustedWorkdayFactor : weekday) * month;
  // Which working day after a long break is this? Walk back over working days to the rest block before them.
  let d = date;
  for (let k = 0; k < traffic.afterLongBreakFactors.length; k++) {
    const block = restBlockBefore(d, calendar);
    if (block.days > 0) {
      if (block.days >= traffic.longBreakDays && block.holiday)
        factor *= traffic.afterLongBreakFactors[k] ?? 1;
      break;
    }
    d = addDays(d, -1);
  }
  return { factor, restDay: false };
}

function normalised(shares: HourlyShares): number[] {
  const total = shares.reduce((s, x) => s + x, 0);
  return Array.from({ length: 24 }, (_, i) => (shares[i] ?? 0) / total);
}

function drawSurge(rnd: Random, date: LocalDate, params: SimulatorParameters['surges']): Surge | null {
  if (!rnd.chance(params.perYear / 365)) return null;
  const month = Number(date.slice(5, 7));
  const eligible = params.kinds.filter((k) => k.months.includes(month));
  if (eligible.length === 0) return null;
  const kind: SurgeKind = rnd.weighted(eligible.map((k) => [k, k.weight] as const));
  const dayStart = startOfLocalDay(date).getTime();
  const start = dayStart + drawUniform(rnd, kind.startHours[0], kind.startHours[1]) * HOUR_MS;
  const end = Math.min(
    dayStart + 24 * HOUR_MS,
    start + drawUniform(rnd, kind.durationHours[0], kind.durationHours[1]) * HOUR_MS,
  );
  const multiplier = drawUniform(rnd, kind.multiplier[0], kind.multiplier[1]);
  return { kind: kind.name, start, end, multiplier, categories: kind.categories };
}

/** Plans days on demand (pure in the seed and the date), keeping the last few. */
export function createDayPlanner(params: SimulatorParameters, calendar: ChinaCalendar, seed: number) {
  const cache = new Map<LocalDate, DayPlan>();
  const shapes = {
    workday: normalised(params.traffic.hourlyShares.workday),
    restDay: normalised(params.traffic.hourlyShares.restDay),
    online: normalised(params.online.hourlyShares),
  };

  function plan(date: LocalDate): DayPlan {
    const hit = cache.get(date);
    if (hit) return hit;
    const rnd = createStream(seed, STREAM.dayPlan, dayNumberOf(date));
    const { factor: calendarFactor, restDay } = calendarFactorOf(date, calendar, params.traffic);
    const sigma = params.traffic.dailyNoiseSigma;
    const factor = calendarFactor * Math.exp(sigma * drawStandardNormal(rnd) - (sigma * sigma) / 2);
    const surge = drawSurge(rnd, date, params.surges);
    const shape = restDay ? shapes.restDay : shapes.workday;
    const calls = params.traffic.baseDailyCalls * factor;
    const online = params.online.perDay * factor;
    const callRates = Float64Array.from(shape, (s) => (calls * s) / HOUR_MS);
    const onlineRates = Float64Array.from(shapes.online, (s) => (online * s) / HOUR_MS);
    const start = startOfLocalDay(date).getTime();
    const p: DayPlan = {
      date,
      start,
      end: start + 24 * HOUR_MS,
      restDay,
      factor,
      callRates,
      onlineRates,
      surge,
      maxCallRate: Math.max(...callRates) * (surge ? surge.multiplier : 1),
      maxOnlineRate: Math.max(...onlineRates),
    };
    if (cache.size > 4) cache.clear();
    cache.set(date, p);
    return p;
  }

  return { plan, planAt: (t: number) => plan(cityDateOf(t)) };
}

export type DayPlanner = ReturnType<typeof createDayPlanner>;

function hourIndex(plan: DayPlan, t: number): number {
  return Math.min(23, Math.floor((t - plan.start) / HOUR_MS));
}

export function callRateAt(plan: DayPlan, t: number): number {
  const base = plan.callRates[hourIndex(plan, t)]!;
  const s = plan.surge;
  return s && t >= s.start && t < s.end ? base * s.multiplier : base;
}

/** The surge a call at `t` belongs to with probability (m − 1) / m: the share of calls the burst added. */
export function surgeShareAt(plan: DayPlan, t: number): { surge: Surge; share: number } | null {
  const s = plan.surge;
  return s && t >= s.start && t < s.end ? { surge: s, share: (s.multiplier - 1) / s.multiplier } : null;
}

/**
 * The next arrival after `t` of the process with `rateOf`, by thinning day by day (the exponential's lack of
 * memory lets a candidate that crosses midnight restart at midnight with the next day's maximum). Infinity when
 * none comes before `until`.
 */
export function nextArrivalAfter(
  t: number,
  until: number,
  rnd: Random,
  planner: DayPlanner,
  rateOf: (plan: DayPlan, t: number) => number,
  maxOf: (plan: DayPlan) => number,
): number {
  let now = t;
  let plan = planner.planAt(now);
  while (now < until) {
    const max = maxOf(plan);
    const candidate = max > 0 ? now + drawExponential(rnd, 1 / max) : Infinity;
    if (candidate >= plan.end) {
      now = plan.end;
      plan = planner.planAt(now);
      continue;
    }
    now = candidate;
    if (now >= until) break;
    if (rnd.next() * max < rateOf(plan, now)) return now;
  }
  return Infinity;
}
