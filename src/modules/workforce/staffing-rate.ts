import type { LocalDate } from '../../calendar/local-time.ts';
import type { IndicatorFigure } from '../../platform/indicator.ts';
import type { HeadcountReading, RosterDay } from './headcount.ts';

export interface StaffingDay {
  day: LocalDate;
  agreed: number;
  headcount: number;
  present: number;
  /** Member-days of this day in the numerator: present, at most the agreed number. */
  counted: number;
}

/**
 * 人员到位率 as an indicator figure: numerator and denominator are member-days; the evidence lists the members
 * counted (on the team some day of the period) and met (present some day), and `days` gives each day's counts.
 */
export interface StaffingRateFigure extends IndicatorFigure {
  reading: HeadcountReading & { capAtAgreed: boolean };
  days: StaffingDay[];
}

/**
 * 人员到位率 (Sanmenxia art. 13.4, ≥ 98 %) over the days of `series`: present member-days / contracted
 * member-days, the contracted being the agreed headcount of each day. A day's present count is capped at that
 * day's agreed number by default: a surplus one day does not make up for a vacancy on another, and the rate
 * cannot pass 100 %.
 */
export function computeStaffingRate(
  series: readonly RosterDay[],
  reading: HeadcountReading,
  capAtAgreed = true,
): StaffingRateFigure {
  const days: StaffingDay[] = series.map((d) => ({
    day: d.day,
    agreed: d.agreed,
    headcount: d.headcount,
    present: d.present,
    counted: capAtAgreed ? Math.min(d.present, d.agreed) : d.present,
  }));
  const numerator = days.reduce((s, d) => s + d.counted, 0);
  const denominator = days.reduce((s, d) => s + d.agreed, 0);
  const employed = new Set<number>();
  const present = new Set<number>();
  const absentSomeDay = new Set<number>();
  for (const d of series) {
    const here = new Set(d.presentIds);
    for (const id of d.employedIds) {
      employed.add(id);
      if (here.has(id)) present.add(id);
      else absentSomeDay.add(id);
    }
  }
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  const surplusDays = days.filter((d) => d.present > d.counted).map((d) => d.day);
  return {
    numerator,
    denominator,
    value: denominator ? numerator / denominator : null,
    evidence: { entity: 'roster_member', counted: sorted(employed), met: sorted(present) },
    excluded: [
      {
        reason: 'members absent on some days (leave, sick leave): those days not present',
        ids: sorted(absentSomeDay),
      },
      { reason: 'days with more members present than agreed: the surplus not counted', ids: surplusDays },
    ].filter((e) => e.ids.length),
    reading: { ...reading, capAtAgreed },
    days,
  };
}
