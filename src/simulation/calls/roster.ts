/**
 * Who is on the phones when: the operator's 7×24 rota for its agents (the Luohe contract, art. 6.5: a team of 45;
 * art. 1.2: 7×24 manual service). A roster is just a function of the instant, so a scenario can wrap it — take
 * agents away for three weeks, add a surge team — without the simulator knowing.
 *
 * The default rota, an example of how a 45-person line covers the clock (assumption, in the way such lines are
 * run: five overlapping 8½-hour shifts with a 30-minute meal and two 15-minute breaks each, staggered so a team
 * never leaves all at once, more people on working days):
 *
 * | shift  | hours        | working day | rest day |
 * | night  | 00:00–08:30  | 3           | 3        |
 * | early  | 07:00–15:30  | 10          | 8        |
 * | day    | 08:30–17:00  | 9           | 6        |
 * | middle | 14:00–22:30  | 4           | 4        |
 * | late   | 15:30–24:00  | 8           | 6        |
 *
 * 34 × 5 working days + 27 × 2 rest days = 224 shifts a week ≤ 45 agents × 5 shifts (the Labour Law's 40-hour
 * week). The sizes and start times were picked to minimise the calls an Erlang-A model loses against the default
 * hourly demand (docs/calls-simulator.md); meals and breaks sit in the troughs. Agents rotate through the slots
 * day by day. Shrinkage: besides meals and breaks (≈ 6 % of a shift), an agent misses a given day with
 * `absenceRate` (annual leave of 5 days a year is 2 %; sickness and training the rest). Industry totals of 30–35 %
 * include meals, which are outside the paid 8 hours here.
 */
import type { ChinaCalendar } from '../../calendar/china-calendar.ts';
import { localDateOf, startOfLocalDay, type LocalDate } from '../../calendar/local-time.ts';
import { createStream } from './distributions.ts';

/** The agents on the phones at an instant, by the switch's agent id. */
export type Roster = (at: Date) => readonly string[];

export interface ShiftPattern {
  name: string;
  /** Minutes after local midnight; `end` ≤ 1440 (shifts do not cross midnight). */
  start: number;
  end: number;
  /** The meal is taken in 30-minute turns starting at `mealFrom`, one turn per `mealTurns` group of agents. */
  mealFrom: number;
  mealTurns: number;
  /** 15-minute breaks, minutes after the shift start; agents take them in four staggered turns. */
  breaksAfter: readonly number[];
  /** Agents scheduled on a working day (incl. 调休 working weekends) and on a rest day, for 45 agents. */
  workday: number;
  restDay: number;
}

const h = (hours: number, minutes = 0) => hours * 60 + minutes;

// A table, one shift a line.
// prettier-ignore
export const DEFAULT_SHIFTS: readonly ShiftPattern[] = [
  { name: 'night', start: h(0), end: h(8, 30), mealFrom: h(3), mealTurns: 3, breaksAfter: [h(1), h(4, 30)], workday: 3, restDay: 3 },
  { name: 'early', start: h(7), end: h(15, 30), mealFrom: h(11, 30), mealTurns: 4, breaksAfter: [h(0, 30), h(6, 45)], workday: 10, restDay: 8 },
  { name: 'day', start: h(8, 30), end: h(17), mealFrom: h(12), mealTurns: 3, breaksAfter: [h(4, 45), h(7, 15)], workday: 9, restDay: 6 },
  { name: 'middle', start: h(14), end: h(22, 30), mealFrom: h(18), mealTurns: 3, breaksAfter: [h(2), h(6, 45)], workday: 4, restDay: 4 },
  { name: 'late', start: h(15, 30), end: h(24), mealFrom: h(20), mealTurns: 4, breaksAfter: [h(0, 30), h(7)], workday: 8, restDay: 6 },
];

export const DEFAULT_HEADCOUNT = 45;

export interface RosterOptions {
  /** Headcount; the shift sizes scale with it (default 45, ids 1001…). */
  agents?: number;
  calendar: ChinaCalendar;
  seed?: number;
  /** Share of scheduled agent-days lost to leave, sickness and training. */
  absenceRate?: number;
  shifts?: readonly ShiftPattern[];
}

/** Agent ids as the switch knows them: 1001, 1002, … */
export function listAgentIds(headcount: number): string[] {
  return Array.from({ length: headcount }, (_, i) => String(1001 + i));
}

/** Shift sizes for a headcount: the 45-agent table scaled, at least 2 on every shift so nobody is alone. */
export function scaleShiftSizes(
  shifts: readonly ShiftPattern[],
  headcount: number,
): { workday: number[]; restDay: number[] } {
  const f = headcount / DEFAULT_HEADCOUNT;
  const size = (n: number) => (n === 0 ? 0 : Math.max(2, Math.round(n * f)));
  return { workday: shifts.map((s) => size(s.workday)), restDay: shifts.map((s) => size(s.restDay)) };
}

interface Assignment {
  agent: string;
  shift: number;
  /** Rank within the shift: decides the meal and break turns. */
  rank: number;
}

function dayNumberOf(date: LocalDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

function inWindow(minute: number, from: number, length: number): boolean {
  return minute >= from && minute < from + length;
}

function isOnPhones(a: Assignment, s: ShiftPattern, minute: number): boolean {
  if (minute < s.start || minute >= s.end) return false;
  if (inWindow(minute, s.mealFrom + (a.rank % s.mealTurns) * 30, 30)) return false;
  return !s.breaksAfter.some((b) => inWindow(minute, s.start + b + (a.rank % 4) * 15, 15));
}

/**
 * The default rota. Day d's slots, in shift order, go to the agents starting 7 places further on than day d − 1,
 * so everyone works about 5 days in 7 and moves between shifts; an absent agent's slot stays empty.
 */
export function createDefaultRoster(options: RosterOptions): Roster {
  const shifts = options.shifts ?? DEFAULT_SHIFTS;
  const headcount = options.agents ?? DEFAULT_HEADCOUNT;
  const ids = listAgentIds(headcount);
  const sizes = scaleShiftSizes(shifts, headcount);
  const absenceRate = options.absenceRate ?? 0.07;
  const seed = options.seed ?? 0;
  const cache = new Map<LocalDate, Assignment[]>();

  function assignmentsOn(date: LocalDate): Assignment[] {
    const hit = cache.get(date);
    if (hit) return hit;
    const day = dayNumberOf(date);
    const counts = options.calendar.isWorkday(date) ? sizes.workday : sizes.restDay;
    const out: Assignment[] = [];
    let slot = 0;
    counts.forEach((count, shift) => {
      for (let rank = 0; rank < count; rank++, slot++) {
        const index = (((slot + 7 * day) % headcount) + headcount) % headcount;
        if (slot >= headcount) continue; // more slots than people: the extra ones stay empty
        if (createStream(seed, 11, day, index).chance(absenceRate)) continue;
        out.push({ agent: ids[index]!, shift, rank });
      }
    });
    if (cache.size > 8) cache.clear();
    cache.set(date, out);
    return out;
  }

  return (at) => {
    const date = localDateOf(at);
    const minute = Math.floor((at.getTime() - startOfLocalDay(date).getTime()) / 60_000);
    return assignmentsOn(date)
      .filter((a) => isOnPhones(a, shifts[a.shift]!, minute))
      .map((a) => a.agent);
  };
}

/** A scenario: these agents are not on the phones in [from, to) (e.g. two agents short for three weeks). */
export function removeAgents(roster: Roster, agentIds: readonly string[], from: Date, to: Date): Roster {
  const gone = new Set(agentIds);
  return (at) => {
    const on = roster(at);
    return at >= from && at < to ? on.filter((id) => !gone.has(id)) : on;
  };
}

/** Agents on the phones for each quarter hour of a local date: what a scheduler checks against the forecast. */
export function countOnPhonesByQuarterHour(roster: Roster, date: LocalDate): number[] {
  const start = startOfLocalDay(date).getTime();
  return Array.from({ length: 96 }, (_, q) => roster(new Date(start + q * 900_000)).length);
}
