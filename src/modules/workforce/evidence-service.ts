import { isNull } from 'drizzle-orm';
import { addDays, localDateOf, type LocalDate } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import { listHeadcountChanges } from './changes-service.ts';
import { earlierOf } from './days.ts';
import {
  dailyHeadcount,
  findShortfallPeriods,
  type HeadcountReading,
  type RosterDay,
  type RosterFacts,
} from './headcount.ts';
import type { PresentMeans } from './model.ts';
import { listReplacementRequests } from './replacements-service.ts';
import { headcountChanges, rosterAbsences, rosterMembers } from './schema.ts';
import { computeStaffingRate, type StaffingRateFigure } from './staffing-rate.ts';
import { findVacancies } from './vacancies.ts';

/** The contract's numbers and the settlement's reading, passed in by the caller (nothing is read deep inside). */
export interface EvidenceOptions {
  /** [from, to), city days. */
  from: LocalDate;
  to: LocalDate;
  /** The contract's `headcount.agreed`; consented changes on file move it from their effective dates. */
  agreed: number;
  presentMeans?: PresentMeans;
  /** Roles that count toward the number; null or absent = the whole team. */
  roles?: readonly string[] | null;
  /** Cap each day's present count at the agreed number (default true). */
  capAtAgreed?: boolean;
  /**
   * Today. Days after it are left out of the series, and vacancies and replacement requests are followed up to
   * it (beyond the period). Without it everything is judged as of the period's last day.
   */
  now?: Date;
  /** The contract's time limits (Sanmenxia: 15, 3, 7); null or absent = no such rule, lateness not judged. */
  fillDays?: number | null;
  replacementDays?: number | null;
  noticeDays?: number | null;
}

/** The roster, its live absences and every change of the agreed number, as the pure rules take them. */
export async function loadRosterFacts(
  db: DbOrTx,
  contractAgreed: number,
): Promise<Omit<RosterFacts, 'members'> & { members: (typeof rosterMembers.$inferSelect)[] }> {
  const [members, absences, changes] = await Promise.all([
    db.select().from(rosterMembers),
    db.select().from(rosterAbsences).where(isNull(rosterAbsences.cancelledAt)),
    db.select().from(headcountChanges),
  ]);
  return { members, absences, changes, contractAgreed };
}

function readingOf(o: EvidenceOptions): HeadcountReading {
  return { presentMeans: o.presentMeans ?? 'employed', roles: o.roles?.length ? [...o.roles] : null };
}

/** The day up to which facts are judged, and the end (exclusive) of the days counted. */
function horizon(o: EvidenceOptions): { asOf: LocalDate; until: LocalDate } {
  if (!o.now) return { asOf: addDays(o.to, -1), until: o.to };
  const asOf = localDateOf(o.now);
  return { asOf, until: earlierOf(o.to, addDays(asOf, 1)) };
}

const view = ({ day, agreed, changeId, headcount, present, shortfall }: RosterDay) => ({
  day,
  agreed,
  changeId,
  headcount,
  present,
  shortfall,
});

/** Each day of [from, to): the agreed number, the headcount, who is present by the reading, the shortfall. */
export async function headcountSeries(db: DbOrTx, o: EvidenceOptions) {
  const reading = readingOf(o);
  const facts = await loadRosterFacts(db, o.agreed);
  return {
    reading: { agreed: o.agreed, ...reading },
    days: dailyHeadcount(facts, o.from, o.to, reading).map(view),
  };
}

/**
 * What the contract assessment needs about staffing for [from, to): the per-day series, the periods short of
 * the agreed number without consent (Luohe art. 7.2), the staffing rate (Sanmenxia art. 13.4), each vacancy
 * with its days to fill (art. 13.4), each replacement request with its days (art. 12.2), and each change of
 * the agreed number with its notice (art. 4).
 */
export async function headcountEvidence(db: DbOrTx, o: EvidenceOptions) {
  const reading = readingOf(o);
  const capAtAgreed = o.capAtAgreed ?? true;
  const { asOf, until } = horizon(o);
  const facts = await loadRosterFacts(db, o.agreed);
  const series = o.from < until ? dailyHeadcount(facts, o.from, until, reading) : [];
  const periods = findShortfallPeriods(series);
  const byId = new Map(facts.members.map((m) => [m.id, m]));
  const vacancies = findVacancies(facts, reading, {
    from: o.from,
    to: o.to,
    asOf,
    fillDays: o.fillDays ?? null,
  }).map((v) => ({
    ...v,
    memberName: byId.get(v.memberId)?.name ?? null,
    endReason: byId.get(v.memberId)?.endReason ?? null,
  }));
  const [requests, changes] = await Promise.all([
    listReplacementRequests(db, asOf, o.replacementDays ?? null),
    listHeadcountChanges(db, o.noticeDays ?? null),
  ]);
  const inPeriod = (d: LocalDate) => d >= o.from && d < o.to;
  return {
    from: o.from,
    to: o.to,
    asOf,
    /** The last day counted in the series (days after `now` are not yet known). */
    through: series.length ? series[series.length - 1]!.day : null,
    reading: {
      agreed: o.agreed,
      ...reading,
      capAtAgreed,
      fillDays: o.fillDays ?? null,
      replacementDays: o.replacementDays ?? null,
      noticeDays: o.noticeDays ?? null,
    },
    days: series.map(view),
    shortfallPeriods: periods,
    shortfall: {
      days: series.filter((d) => d.shortfall > 0).length,
      personDays: periods.reduce((s, p) => s + p.personDays, 0),
      max: series.reduce((m, d) => Math.max(m, d.shortfall), 0),
    },
    staffingRate: computeStaffingRate(series, reading, capAtAgreed),
    vacancies,
    replacementRequests: requests.filter((r) => inPeriod(r.requestedOn)),
    headcountChanges: changes.filter((c) => inPeriod(c.effectiveOn)),
  };
}

/** 人员到位率 for [from, to): present member-days / agreed member-days, with the members and days as evidence. */
export async function staffingRate(
  db: DbOrTx,
  from: LocalDate,
  to: LocalDate,
  agreed: number,
  presentMeans: PresentMeans = 'employed',
  roles: readonly string[] | null = null,
): Promise<StaffingRateFigure> {
  const reading = readingOf({ from, to, agreed, presentMeans, roles });
  const facts = await loadRosterFacts(db, agreed);
  return computeStaffingRate(dailyHeadcount(facts, from, to, reading), reading);
}
