import type { ChinaCalendar } from '../../calendar/china-calendar.ts';
import {
  addDays,
  formatCityInstant,
  localDateOf,
  type LocalDate,
  startOfLocalDay,
} from '../../calendar/local-time.ts';
import { addWorkingDaysToDate } from '../../calendar/working-days.ts';
import { addWorkingMinutes, workingMinutesBetween } from '../../calendar/working-time.ts';
import type { PauseSettings } from './pause-settings.ts';

// The pure rules of 挂起 (clock pauses): what a request may ask, when a pause ends, how far it moves the deadline.

export interface FieldProblem {
  field: string;
  message: string;
}

/** Why a pause request's reason or expected resume day is refused (empty when it is fine). */
export function pauseRequestProblems(
  input: { reasonCode: string; expectedResumeOn: LocalDate },
  settings: PauseSettings,
  calendar: ChinaCalendar,
  now: Date,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const codes = settings.reasons.map((r) => r.code);
  if (!codes.includes(input.reasonCode))
    problems.push({ field: 'reasonCode', message: `one of ${codes.join(', ')}` });
  const today = localDateOf(now);
  const latest = addWorkingDaysToDate(calendar, today, settings.maxWorkingDays).lastDay;
  if (input.expectedResumeOn <= today)
    problems.push({ field: 'expectedResumeOn', message: `a day after today (${today})` });
  else if (input.expectedResumeOn > latest)
    problems.push({
      field: 'expectedResumeOn',
      message: `at most ${settings.maxWorkingDays} working days ahead (by ${latest})`,
    });
  return problems;
}

/** A pause ends at the latest when its expected resume day begins (00:00 in the city). */
export function latestPauseEnd(expectedResumeOn: LocalDate): Date {
  return startOfLocalDay(expectedResumeOn);
}

export interface SettledPause {
  pausedWorkingMinutes: number;
  /** The deadlines moved later by the paused working time (null stays null). */
  handleDueAt: Date | null;
  dispatchDueAt: Date | null;
  warnings: string[];
}

/**
 * A pause from `startedAt` to `endedAt`: the working minutes it stopped the clock for (rest days and holidays do
 * not count, as they never counted toward the deadline), and each deadline moved later by exactly that much
 * working time.
 */
export function settlePause(
  calendar: ChinaCalendar,
  startedAt: Date,
  endedAt: Date,
  due: { handleDueAt: Date | null; dispatchDueAt: Date | null },
): SettledPause {
  const minutes = workingMinutesBetween(calendar, startedAt, endedAt);
  const handle = due.handleDueAt ? addWorkingMinutes(calendar, due.handleDueAt, minutes) : null;
  const dispatch = due.dispatchDueAt ? addWorkingMinutes(calendar, due.dispatchDueAt, minutes) : null;
  return {
    pausedWorkingMinutes: minutes,
    handleDueAt: handle?.at ?? null,
    dispatchDueAt: dispatch?.at ?? null,
    warnings: [...new Set([...(handle?.warnings ?? []), ...(dispatch?.warnings ?? [])])],
  };
}

/** "2025-03-04 09:00" for people, in the city's time; a deadline at midnight reads as 24:00 of its last day. */
export function formatCityMinute(at: Date, deadline = false): string {
  const text = formatCityInstant(at).slice(0, 16).replace('T', ' ');
  if (!deadline || !text.endsWith(' 00:00')) return text;
  return `${addDays(text.slice(0, 10), -1)} 24:00`;
}

/** "3 小时 20 分" — paused working time for people. */
export function formatWorkingMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h && m ? `${h} 小时 ${m} 分` : h ? `${h} 小时` : `${m} 分`;
}
