import type { ChinaCalendar } from '../../calendar/china-calendar.ts';
import { addWorkingDays, type PeriodEnd } from '../../calendar/working-days.ts';
import { type Channel, ONLINE_CHANNELS, type Urgency } from './model.ts';
import type { Status } from './state-machine.ts';

export type DeadlineState = 'normal' | 'warned' | 'overdue';

/** Handling time limits when neither the dispatcher nor the category names one (a setting of the city). */
export interface DefaultTimeLimits {
  normal: number;
  urgent: number;
}
export const DEFAULT_TIME_LIMITS: DefaultTimeLimits = { normal: 5, urgent: 1 };

/** 1 working day for an online order's first response (Luohe art. 11, KPI 2). */
export const ONLINE_RESPONSE_WORKING_DAYS = 1;

export function responseDeadline(
  calendar: ChinaCalendar,
  channel: Channel,
  receivedAt: Date,
): PeriodEnd | null {
  return ONLINE_CHANNELS.includes(channel)
    ? addWorkingDays(calendar, receivedAt, ONLINE_RESPONSE_WORKING_DAYS)
    : null;
}

/** The time limit for a dispatch: the dispatcher's choice, else the category's (urgent or normal), else the default. */
export function chooseTimeLimit(
  requested: number | undefined,
  category: { timeLimitDays: number | null; urgentTimeLimitDays: number | null } | null,
  urgency: Urgency,
  defaults: DefaultTimeLimits,
): number {
  if (requested !== undefined) return requested;
  if (urgency === 'urgent') return category?.urgentTimeLimitDays ?? defaults.urgent;
  return category?.timeLimitDays ?? defaults.normal;
}

/**
 * When an order becomes "due within one working day": 00:00 of its last day. Deadlines end at 24:00 of a
 * working day, so that is exactly 24 hours before.
 */
export function warnAtFor(dueAt: Date): Date {
  return new Date(dueAt.getTime() - 86_400_000);
}

export interface DeadlineFacts {
  status: Status;
  responseDueAt: Date | null;
  handleDueAt: Date | null;
  /** 挂起: while `paused` the handling clock stands still, so the order is neither warned nor overdue. */
  pauseState?: string;
}

/** The clock that runs now: the response clock while awaiting intake, the handling clock while at a department. */
export function activeDeadline(o: DeadlineFacts): { kind: 'response' | 'handling'; dueAt: Date } | null {
  if (o.status === 'submitted' && o.responseDueAt) return { kind: 'response', dueAt: o.responseDueAt };
  if ((o.status === 'dispatched' || o.status === 'in_progress') && o.handleDueAt) {
    return { kind: 'handling', dueAt: o.handleDueAt };
  }
  return null;
}

export function deadlineStateAt(o: DeadlineFacts, now: Date): DeadlineState {
  const active = activeDeadline(o);
  if (!active) return 'normal';
  if (active.kind === 'handling' && o.pauseState === 'paused') return 'normal';
  if (now.getTime() >= active.dueAt.getTime()) return 'overdue';
  if (now.getTime() >= warnAtFor(active.dueAt).getTime()) return 'warned';
  return 'normal';
}
