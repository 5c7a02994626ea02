import { addDays, type LocalDate } from '../../calendar/local-time.ts';
import { daysBetween, laterOf } from './days.ts';

export type ReplacementStatus = 'open' | 'fulfilled' | 'withdrawn';

export interface ReplacementFacts {
  requestedOn: LocalDate;
  status: ReplacementStatus;
  /** The unfit member's last day on the team, once ended. */
  memberEndDate: LocalDate | null;
  /** The replacement's first day, once named. */
  replacementStartDate: LocalDate | null;
}

export interface ReplacementAssessment {
  /** The day the replacement was complete: the later of the new member's first day and the old one's last. */
  replacedOn: LocalDate | null;
  /** replacedOn − requestedOn; while open, asOf − requestedOn; null when withdrawn. */
  days: number | null;
  dueOn: LocalDate | null;
  late: boolean | null;
}

/**
 * 3日内进行更换 (Sanmenxia art. 12.2), counted in calendar days as the Civil Code counts a period (arts.
 * 201–203): the day of the request is not counted and the last day ends at 24:00, so a request on the 1st is
 * met by a replacement complete on the 4th and missed on the 5th. The replacement is complete on the day the
 * new member is on the team and the unfit one has had their last day; a replacement recorded ahead of its dates
 * counts only once `asOf` reaches them. A withdrawn request is not judged.
 */
export function assessReplacement(
  r: ReplacementFacts,
  limitDays: number | null,
  asOf: LocalDate,
): ReplacementAssessment {
  const dueOn = limitDays === null ? null : addDays(r.requestedOn, limitDays);
  if (r.status === 'withdrawn') return { replacedOn: null, days: null, dueOn, late: null };
  const done =
    r.status === 'fulfilled' && r.memberEndDate !== null && r.replacementStartDate !== null
      ? laterOf(r.memberEndDate, r.replacementStartDate)
      : null;
  const replacedOn = done !== null && done <= asOf ? done : null;
  const days = daysBetween(r.requestedOn, replacedOn ?? asOf);
  return { replacedOn, days, dueOn, late: limitDays === null ? null : days > limitDays };
}
