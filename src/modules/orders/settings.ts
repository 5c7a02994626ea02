import { z } from 'zod';
import { defineSetting } from '../../platform/settings.ts';

/** Unreached callback attempts after which a replied order may be closed without a callback (回访). */
export const ORDER_CALLBACK_MAX_ATTEMPTS = defineSetting({
  key: 'orders.callbackMaxAttempts',
  default: 3,
  schema: z.number().int().min(1).max(10),
  description:
    'Unreached callback attempts after which a replied order may be closed without reaching the citizen.',
  descriptionZh: '回访未接通达到此次数后，工单可不经回访办结',
  source: 'operating practice (Luohe KPI 4 counts orders called back); the city’s choice',
});

/** How many working days before the lead's deadline each co-handler (协办单位) owes its answer. */
export const CO_HANDLING_LEAD_WORKING_DAYS = defineSetting({
  key: 'orders.coHandlingLeadWorkingDays',
  default: 1,
  schema: z.number().int().min(0).max(30),
  description:
    'Co-handling departments answer this many working days before the lead department’s deadline, so the ' +
    'lead can consolidate; never earlier than 1 working day after dispatch.',
  descriptionZh:
    '协办单位须在主办单位办理时限前若干个工作日答复（不早于交办后 1 个工作日），便于主办单位汇总答复',
  source:
    '国办函〔2025〕66号 (主办/协办 dispatch by catalogue) names no co-handler deadline; the city’s choice',
});
