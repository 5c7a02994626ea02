import { z } from 'zod';
import { defineSetting } from '../../platform/settings.ts';

/** 派单异议 — how long the office has to decide a department's dispute of a dispatch. */
export const ORDER_DISPUTE_DECISION_WORKING_DAYS = defineSetting({
  key: 'orders.disputeDecisionWorkingDays',
  default: 1,
  schema: z.number().int().min(1).max(10),
  description:
    'Working days (city calendar) the office has to decide a dispatch dispute; a pending dispute past it is listed as overdue.',
  descriptionZh: '热线办对派单异议作出裁定的时限（工作日），逾期未裁定的异议标为超期',
  source:
    '国办函〔2025〕66号 asks that dispatch disputes be settled quickly; the number of days is the city’s choice',
});

/** A category disputed at least this many times within the window is flagged for the catalogue's owner. */
export const ORDER_DISPUTE_FLAG_COUNT = defineSetting({
  key: 'orders.disputeFlagCount',
  default: 3,
  schema: z.number().int().min(2).max(1000),
  description:
    'Dispatch disputes of one category within orders.disputeFlagWindowDays after which the category is flagged for review of the catalogue.',
  descriptionZh: '同一事项在统计窗口内被提出派单异议达到此次数，即提示目录管理者复核派单目录',
  source: 'operating practice (the catalogue is revised where dispatch is contested); the city’s choice',
});

/** The window, in calendar days up to now, over which disputes of a category are counted for a flag. */
export const ORDER_DISPUTE_FLAG_WINDOW_DAYS = defineSetting({
  key: 'orders.disputeFlagWindowDays',
  default: 30,
  schema: z.number().int().min(1).max(366),
  description:
    'Calendar days, ending now, over which dispatch disputes of a category are counted for a flag.',
  descriptionZh: '统计派单异议次数的窗口（自然日，截至当前）',
  source: 'operating practice (a monthly look at the catalogue); the city’s choice',
});
