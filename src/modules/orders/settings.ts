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
