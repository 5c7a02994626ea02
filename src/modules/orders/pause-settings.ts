import { z } from 'zod';
import { defineSetting } from '../../platform/settings.ts';
import { PAUSE_REASON_LABELS } from '../../shared/labels.ts';

export interface PauseReason {
  code: string;
  label: string;
}

/**
 * 挂起原因 — the reasons a department may pause its handling clock for. The three defaults are the situations
 * the State Council's guidance names as outside the department's control (国办函〔2025〕66号); the exact list is
 * the office's choice.
 */
export const ORDER_PAUSE_REASONS = defineSetting<PauseReason[]>({
  key: 'orders.pauseReasons',
  default: Object.entries(PAUSE_REASON_LABELS).map(([code, label]) => ({ code, label })),
  schema: z
    .array(
      z.object({
        code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'a snake_case code'),
        label: z.string().trim().min(1).max(50),
      }),
    )
    .min(1)
    .max(20),
  description:
    'Reasons for which a department may ask to pause (挂起) an order’s handling clock; each a snake_case code and its label.',
  descriptionZh: '承办单位可申请挂起（暂停办理计时）的原因',
  source: '国办函〔2025〕66号 (time not in the department’s control); the list is the office’s choice',
});

/** 挂起最长时长 — the expected resume day may be at most this many working days after the request's day. */
export const ORDER_PAUSE_MAX_WORKING_DAYS = defineSetting({
  key: 'orders.pauseMaxWorkingDays',
  default: 20,
  schema: z.number().int().min(1).max(120),
  description:
    'Longest pause a department may ask for: the expected resume day is at most this many working days after the request.',
  descriptionZh: '挂起最长时限（工作日）：预计恢复日期不得晚于申请之日起此数个工作日',
  source: 'the office’s choice (国办函〔2025〕66号 sets no figure)',
});

export interface PauseSettings {
  reasons: PauseReason[];
  maxWorkingDays: number;
}

export const DEFAULT_PAUSE_SETTINGS: PauseSettings = {
  reasons: ORDER_PAUSE_REASONS.default,
  maxWorkingDays: ORDER_PAUSE_MAX_WORKING_DAYS.default,
};
