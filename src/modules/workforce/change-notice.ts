import { addDays, type LocalDate } from '../../calendar/local-time.ts';
import { daysBetween } from './days.ts';

export interface NoticeAssessment {
  /** The last day the notice could be given: effectiveOn − noticeDays. */
  dueBy: LocalDate | null;
  /** effectiveOn − noticeGivenOn. */
  daysAhead: number | null;
  /** `no_rule` when the contract sets no notice period; `not_recorded` when no notice date is on file. */
  status: 'on_time' | 'late' | 'not_recorded' | 'no_rule';
}

/**
 * 增加或减少人员的，需提前7日通知 (Sanmenxia art. 4): a change of headcount announced at least `noticeDays`
 * calendar days before it takes effect. A late notice is flagged, not voided: whether it shifts the date the
 * new number binds is for the settlement to decide.
 */
export function assessChangeNotice(
  change: { effectiveOn: LocalDate; noticeGivenOn: LocalDate | null },
  noticeDays: number | null,
): NoticeAssessment {
  const daysAhead =
    change.noticeGivenOn === null ? null : daysBetween(change.noticeGivenOn, change.effectiveOn);
  if (noticeDays === null) return { dueBy: null, daysAhead, status: 'no_rule' };
  const dueBy = addDays(change.effectiveOn, -noticeDays);
  if (daysAhead === null) return { dueBy, daysAhead, status: 'not_recorded' };
  return { dueBy, daysAhead, status: daysAhead >= noticeDays ? 'on_time' : 'late' };
}
