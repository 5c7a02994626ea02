import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { defineSetting, readSetting } from '../../platform/settings.ts';

const seconds = z.number().int().min(0).max(3600);

/** Calls abandoned within this many seconds are left out of the answer rate (0 = none are). */
export const SHORT_ABANDON_SECONDS = defineSetting({
  key: 'calls.shortAbandonSeconds',
  default: 0,
  schema: seconds,
  description:
    'Calls the caller abandoned within this many seconds of entering the queue are left out of the answer-rate KPI (0 = none left out).',
  descriptionZh: '进入人工队列后在此秒数内主动挂机的呼叫不计入人工接通率（0 表示不剔除）',
  source:
    'Luohe contract art. 11 #1 (人工接通率; 短时挂机 is not defined there, hence a setting with default 0)',
});

/** The answer-speed threshold besides the fixed 15 s: e.g. 20 s for a city that measures 80/20. */
export const SERVICE_LEVEL_SECONDS = defineSetting({
  key: 'calls.serviceLevelSeconds',
  default: 15,
  schema: seconds.min(1),
  description: 'The configurable answer-speed threshold reported beside the 15-second figure.',
  descriptionZh: '可配置的接听时长阈值（另报 15 秒接通数）',
  source: 'GB/T 33358-2016 (calls answered within 15 s); the threshold itself is the city’s choice',
});

export const CALLBACK_DUE_HOURS = defineSetting({
  key: 'calls.callbackDueHours',
  default: 24,
  schema: z
    .number()
    .int()
    .min(1)
    .max(24 * 14),
  description: 'A missed call should be called back within this many hours.',
  descriptionZh: '漏接来电应在此小时数内回拨',
  source: '国办函〔2025〕66号 (missed calls to be called back); the time limit is the city’s choice',
});

export const MISSED_CALL_CALLBACK_MAX_ATTEMPTS = defineSetting({
  key: 'calls.callbackMaxAttempts',
  default: 3,
  schema: z.number().int().min(1).max(10),
  description: 'Unreached attempts after which a missed-call callback is closed as unreachable.',
  descriptionZh: '漏接回拨未接通达到此次数后标记为无法联系',
  source: 'operating practice; the city’s choice',
});

export const OUTAGE_ALERT_HOURS = defineSetting({
  key: 'calls.outageAlertHours',
  default: 6,
  schema: z.number().min(0.5).max(72),
  description: 'An outage running longer than this many continuous hours raises a termination-risk alert.',
  descriptionZh: '热线连续中断超过此小时数时发出可解除合同风险提醒',
  source: 'Luohe contract art. 8.3(5): 因乙方原因，导致热线服务连续中断超过 6 小时',
});

/**
 * The calls settings, read once at the edge (a route, the CLI, the sweep) and passed into the services as
 * arguments, so a service's figures depend on what it is given, not on a registry read deep inside it.
 */
export async function readCallSettings(db: DbOrTx) {
  const [shortAbandonSeconds, serviceLevelSeconds, callbackDueHours, callbackMaxAttempts, outageAlertHours] =
    await Promise.all([
      readSetting(db, SHORT_ABANDON_SECONDS),
      readSetting(db, SERVICE_LEVEL_SECONDS),
      readSetting(db, CALLBACK_DUE_HOURS),
      readSetting(db, MISSED_CALL_CALLBACK_MAX_ATTEMPTS),
      readSetting(db, OUTAGE_ALERT_HOURS),
    ]);
  return {
    shortAbandonSeconds,
    serviceLevelSeconds,
    callbackDueHours,
    callbackMaxAttempts,
    outageAlertHours,
  };
}
export type CallSettings = Awaited<ReturnType<typeof readCallSettings>>;
