import { addDays, type LocalDate } from '../../calendar/local-time.ts';
import { daysBetween, laterOf, spanContains } from './days.ts';
import { dailyHeadcount, type HeadcountReading, type RosterDay, type RosterFacts } from './headcount.ts';

/** What opened a vacancy: a member left, or (when present means not absent) a member's absence began. */
export type VacancyCause = 'left' | 'absent';

export interface Vacancy {
  memberId: number;
  cause: VacancyCause;
  /** The first day the team was short: the day after the member's last day, or the absence's first day. */
  openedOn: LocalDate;
  /** The first day the team was back to the agreed number; null while still short. */
  filledOn: LocalDate | null;
  /** filledOn − openedOn; while open, asOf − openedOn. */
  days: number;
  /** The team must be back to the agreed number on this day at the latest; null without a rule. */
  dueOn: LocalDate | null;
  /** Filled after dueOn, or still open after it; null without a rule. */
  late: boolean | null;
}

export interface VacancyOptions {
  /** Vacancies that open in [from, to) are listed. */
  from: LocalDate;
  to: LocalDate;
  /** The last day known (today): a vacancy is followed up to it, and none opening after it is listed. */
  asOf: LocalDate;
  /** Sanmenxia art. 13.4: 15; null when the contract sets no time limit (lateness is then not judged). */
  fillDays: number | null;
}

interface VacancyEvent {
  memberId: number;
  cause: VacancyCause;
  day: LocalDate;
}

function vacancyEvents(facts: RosterFacts, reading: HeadcountReading, o: VacancyOptions): VacancyEvent[] {
  const inWindow = (d: LocalDate) => d >= o.from && d < o.to && d <= o.asOf;
  const counts = (role: string) => reading.roles === null || reading.roles.includes(role);
  const events: VacancyEvent[] = [];
  for (const m of facts.members) {
    if (!counts(m.role) || m.endDate === null) continue;
    const day = addDays(m.endDate, 1);
    if (inWindow(day)) events.push({ memberId: m.id, cause: 'left', day });
  }
  if (reading.presentMeans === 'employed_not_absent') {
    for (const a of facts.absences) {
      const m = facts.members.find((x) => x.id === a.memberId);
      if (!m || !counts(m.role) || !spanContains(m.startDate, m.endDate, a.fromDate)) continue;
      if (inWindow(a.fromDate)) events.push({ memberId: m.id, cause: 'absent', day: a.fromDate });
    }
  }
  return events.sort((a, b) => a.day.localeCompare(b.day) || a.memberId - b.memberId);
}

/**
 * 补足人员 (Sanmenxia art. 13.4): each time a member leaves (and, under the "not absent" reading, each time one
 * goes on leave or sick leave — the article lists 请假、病休 among the cases) and the team falls below the agreed
 * number, the days until the team is back to it. Back to full is judged on the team as a whole (补足 = make up
 * the number), so two people leaving on one day are both filled when the second is replaced. A departure that
 * leaves the team still at the agreed number opens no vacancy.
 */
export function findVacancies(facts: RosterFacts, reading: HeadcountReading, o: VacancyOptions): Vacancy[] {
  const events = vacancyEvents(facts, reading, o);
  if (!events.length) return [];
  const first = events[0]!.day;
  const series = dailyHeadcount(facts, first, addDays(laterOf(o.asOf, first), 1), reading);
  const byDay = new Map<LocalDate, RosterDay>(series.map((d) => [d.day, d]));
  const full = (d: RosterDay) => d.present >= d.agreed;
  const out: Vacancy[] = [];
  for (const e of events) {
    if (full(byDay.get(e.day)!)) continue;
    const filled = series.find((d) => d.day > e.day && full(d));
    const filledOn = filled?.day ?? null;
    const days = daysBetween(e.day, filledOn ?? o.asOf);
    const dueOn = o.fillDays === null ? null : addDays(e.day, o.fillDays);
    out.push({
      memberId: e.memberId,
      cause: e.cause,
      openedOn: e.day,
      filledOn,
      days,
      dueOn,
      late: o.fillDays === null ? null : days > o.fillDays,
    });
  }
  return out;
}
