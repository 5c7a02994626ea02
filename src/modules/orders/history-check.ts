import type { ActionName } from './model.ts';
import { type Status, TRANSITIONS } from './state-machine.ts';

/** Intake opens every history: 登记 (`create`) by staff gives `registered`, 提交 (`submit`) online gives `submitted`. */
export const INTAKE_STEPS: Readonly<Record<string, Status>> = { create: 'registered', submit: 'submitted' };

/**
 * Events that record something about an order without being an action on it, and keep its status: the deadline
 * sweep's warning and automatic supervision, the note on the target order of a merge, and a co-handler past its
 * own deadline (协办超期).
 */
export const RECORD_ONLY_STEPS: readonly string[] = [
  'deadline-warning',
  'auto-supervise',
  'merged-in',
  'co-overdue',
];

/** One history row as far as the transition table is concerned. */
export interface RecordedStep {
  action: string;
  from: Status | null;
  to: Status;
  role: string;
}

/**
 * Why a recorded step breaks the transition table, or null when the table allows it. `previous` is the status
 * the order had before the step (null before its first). Guards are not checked: they read facts (the lead
 * department, a pending extension) that a history row does not carry.
 */
export function stepRefusal(step: RecordedStep, previous: Status | null): string | null {
  if (previous === null) {
    const to = INTAKE_STEPS[step.action];
    if (to === undefined || step.from !== null) return `history must open with an intake, not ${step.action}`;
    return step.to === to ? null : `${step.action} leads to ${to}, not ${step.to}`;
  }
  if (step.from !== previous) return `${step.action} starts from ${step.from}, but the order was ${previous}`;
  if (RECORD_ONLY_STEPS.includes(step.action))
    return step.to === step.from ? null : `${step.action} may not change the status`;
  const t = TRANSITIONS.find((x) => x.action === (step.action as ActionName));
  if (!t) return `no transition ${step.action}`;
  if (!t.from.includes(previous)) return `${step.action} is not allowed from ${previous}`;
  if (!t.roles.some((r) => r === step.role)) return `${step.role} may not ${step.action}`;
  const targets = Object.values(t.to).map((to) => (to === 'same' ? previous : to));
  return targets.includes(step.to) ? null : `${step.action} from ${previous} cannot lead to ${step.to}`;
}

/** The first step of a history that the table refuses, with its index, or null when every step is legal. */
export function historyRefusal(steps: readonly RecordedStep[]): { index: number; reason: string } | null {
  let previous: Status | null = null;
  for (const [index, step] of steps.entries()) {
    const reason = stepRefusal(step, previous);
    if (reason) return { index, reason };
    previous = step.to;
  }
  return null;
}
