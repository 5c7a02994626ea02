import { addDays, type LocalDate } from '../../calendar/local-time.ts';
import { daysBetween, eachDay, spanContains } from './days.ts';
import type { PresentMeans } from './model.ts';

/** A membership as the rules see it: [startDate, endDate], both inclusive; endDate null = still on the team. */
export interface MemberSpan {
  id: number;
  role: string;
  startDate: LocalDate;
  endDate: LocalDate | null;
}

/** An absence (leave, sick leave) over [fromDate, toDate], both inclusive. */
export interface AbsenceSpan {
  memberId: number;
  fromDate: LocalDate;
  toDate: LocalDate;
}

export interface AgreedChange {
  id: number;
  effectiveOn: LocalDate;
  agreed: number;
  consented: boolean;
}

/** Everything the rules need to rebuild the team on any day. */
export interface RosterFacts {
  members: MemberSpan[];
  absences: AbsenceSpan[];
  changes: AgreedChange[];
  /** The contract's `headcount.agreed` (45 in both contracts). */
  contractAgreed: number;
}

/** The reading the contract settlement chooses: who counts toward the number, and what "present" means. */
export interface HeadcountReading {
  presentMeans: PresentMeans;
  /** Only these roles count; null = the whole team (both contracts speak of 团队人员 / 人员). */
  roles: readonly string[] | null;
}

export const DEFAULT_READING: HeadcountReading = { presentMeans: 'employed', roles: null };

export interface RosterDay {
  day: LocalDate;
  agreed: number;
  /** The consented change that set `agreed`, or null for the contract's own number. */
  changeId: number | null;
  /** Members on the team that day. */
  headcount: number;
  /** Members present by the reading (= headcount when present means employed). */
  present: number;
  /** max(0, agreed − headcount): Luohe art. 7.2 少一人. */
  shortfall: number;
  employedIds: number[];
  presentIds: number[];
}

/**
 * The agreed headcount on a day: the latest consented change in effect, else the contract's number. A change
 * without Party A's consent moves nothing (Luohe art. 7.2). A consented change applies from its effective date
 * even when consent came later: Party A's document names the date, and the reading is stated in the docs.
 */
export function agreedOn(
  day: LocalDate,
  contractAgreed: number,
  changes: readonly AgreedChange[],
): { agreed: number; changeId: number | null } {
  let best: AgreedChange | null = null;
  for (const c of changes) {
    if (!c.consented || c.effectiveOn > day) continue;
    if (!best || c.effectiveOn > best.effectiveOn || (c.effectiveOn === best.effectiveOn && c.id > best.id))
      best = c;
  }
  return best ? { agreed: best.agreed, changeId: best.id } : { agreed: contractAgreed, changeId: null };
}

function counts(member: MemberSpan, roles: readonly string[] | null): boolean {
  return roles === null || roles.includes(member.role);
}

/** Ids of the members on the team on `day` whose role counts. */
export function employedOn(
  members: readonly MemberSpan[],
  day: LocalDate,
  roles: readonly string[] | null,
): number[] {
  return members
    .filter((m) => counts(m, roles) && spanContains(m.startDate, m.endDate, day))
    .map((m) => m.id);
}

function absentOn(absences: readonly AbsenceSpan[], day: LocalDate): Set<number> {
  return new Set(absences.filter((a) => a.fromDate <= day && day <= a.toDate).map((a) => a.memberId));
}

/** The team on one day, by the reading. */
export function rosterDay(facts: RosterFacts, day: LocalDate, reading: HeadcountReading): RosterDay {
  const { agreed, changeId } = agreedOn(day, facts.contractAgreed, facts.changes);
  const employedIds = employedOn(facts.members, day, reading.roles);
  const absent = reading.presentMeans === 'employed_not_absent' ? absentOn(facts.absences, day) : null;
  const presentIds = absent ? employedIds.filter((id) => !absent.has(id)) : employedIds;
  return {
    day,
    agreed,
    changeId,
    headcount: employedIds.length,
    present: presentIds.length,
    shortfall: Math.max(0, agreed - employedIds.length),
    employedIds,
    presentIds,
  };
}

/** The team on each day of [from, to). */
export function dailyHeadcount(
  facts: RosterFacts,
  from: LocalDate,
  to: LocalDate,
  reading: HeadcountReading = DEFAULT_READING,
): RosterDay[] {
  return eachDay(from, to).map((d) => rosterDay(facts, d, reading));
}

/** A run of consecutive days short of the agreed number by the same count; `to` is exclusive. */
export interface ShortfallPeriod {
  from: LocalDate;
  to: LocalDate;
  days: number;
  /** People short on each day of the run. */
  shortfall: number;
  /** days × shortfall. */
  personDays: number;
}

/**
 * The periods of shortfall: maximal runs of consecutive days with the same positive shortfall. The agreed
 * number already carries every consented change, so what remains is short without consent (Luohe art. 7.2).
 * Expects a series of consecutive days, as `dailyHeadcount` gives.
 */
export function findShortfallPeriods(
  series: readonly Pick<RosterDay, 'day' | 'shortfall'>[],
): ShortfallPeriod[] {
  const periods: ShortfallPeriod[] = [];
  let open: { from: LocalDate; last: LocalDate; shortfall: number } | null = null;
  const close = () => {
    if (!open) return;
    const days = daysBetween(open.from, open.last) + 1;
    const to = addDays(open.last, 1);
    periods.push({ from: open.from, to, days, shortfall: open.shortfall, personDays: days * open.shortfall });
    open = null;
  };
  for (const d of series) {
    if (open && (d.shortfall !== open.shortfall || daysBetween(open.last, d.day) !== 1)) close();
    if (d.shortfall > 0) {
      if (open) open.last = d.day;
      else open = { from: d.day, last: d.day, shortfall: d.shortfall };
    }
  }
  close();
  return periods;
}
