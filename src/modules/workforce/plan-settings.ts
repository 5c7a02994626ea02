import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { defineSetting, readSetting } from '../../platform/settings.ts';

const share = z.number().min(0).max(1);

/** 缩减率 — the share of paid time an agent on shift is not on the phones (breaks, training, meetings, coaching). */
export const SHRINKAGE = defineSetting({
  key: 'workforce.shrinkage',
  default: 0.3,
  schema: z.number().min(0).max(0.9),
  description:
    'Share of scheduled time not spent on the phones (breaks, training, meetings); agents required = Erlang agents / (1 − shrinkage).',
  descriptionZh: '排班缩减率（休息、培训、会议等不在线时间占比）；排班人数 = 话务所需人数 ÷ (1 − 缩减率)',
  source:
    'contact-centre practice: shrinkage of 30–35 % (the call simulator’s [SHRINK] source); the operator’s choice',
});

/** The answer-rate target the requirement plans for: Luohe KPI 1, 人工接通率 全年 ≥ 96 %. */
export const ANSWER_RATE_TARGET = defineSetting({
  key: 'workforce.answerRateTarget',
  default: 0.96,
  schema: share,
  description: 'Answer rate each half-hour is staffed for, as 1 − abandonment under Erlang A.',
  descriptionZh: '排班测算的人工接通率目标（Erlang A 下 1 − 放弃率）',
  source: 'Luohe contract art. 11, KPI 1: 人工接通率 全年 ≥ 96 %',
});

/** Share answered within 15 s the requirement plans for (GB/T 33358-2016 measures calls answered within 15 s). */
export const SERVICE_LEVEL_TARGET = defineSetting({
  key: 'workforce.serviceLevelTarget',
  default: 0.8,
  schema: share,
  description: 'Share of offered calls to answer within 15 seconds each half-hour (0 = no such target).',
  descriptionZh: '每半小时 15 秒内接通占比目标（0 表示不设）',
  source:
    'GB/T 33358-2016 (calls answered within 15 s); the level itself is the city’s choice (80 % is common practice)',
});

/** 话后处理 — after-call work added to the recorded talk time to make the handle time Erlang needs. */
export const AFTER_CALL_WORK_SECONDS = defineSetting({
  key: 'workforce.afterCallWorkSeconds',
  default: 40,
  schema: z.number().int().min(0).max(3600),
  description: 'Mean after-call work per answered call, seconds (the switch records talk time only).',
  descriptionZh: '平均话后处理时长（秒；交换机只记录通话时长）',
  source:
    'the call simulator’s default mix (dispatched 60 s, closed directly 25 s, no order 10 s); the operator’s measurement',
});

/** 综合计算工时工作制 — approved by the labour administration: hours averaged over the period instead of 8 h/day, 40 h/week. */
export const COMPREHENSIVE_HOURS = defineSetting({
  key: 'workforce.comprehensiveHours',
  default: false,
  schema: z.boolean(),
  description:
    'The operator holds an approval for comprehensive working hours (综合计算工时): hours are averaged over the rota period instead of 8 h a day and 40 h a week.',
  descriptionZh: '是否经劳动行政部门批准实行综合计算工时工作制',
  source:
    'Labour Law art. 39; 原劳动部《关于企业实行不定时工作制和综合计算工时工作制的审批办法》(劳部发〔1994〕503号)',
});

/**
 * The planning settings, read once at the edge (a route, the CLI, the contract statement) and passed into the
 * planner and the Labour-Law check as arguments.
 */
export async function readPlanSettings(db: DbOrTx) {
  const [afterCallWorkSeconds, answerRateTarget, serviceLevelTarget, shrinkage, comprehensiveHours] =
    await Promise.all([
      readSetting(db, AFTER_CALL_WORK_SECONDS),
      readSetting(db, ANSWER_RATE_TARGET),
      readSetting(db, SERVICE_LEVEL_TARGET),
      readSetting(db, SHRINKAGE),
      readSetting(db, COMPREHENSIVE_HOURS),
    ]);
  return { afterCallWorkSeconds, answerRateTarget, serviceLevelTarget, shrinkage, comprehensiveHours };
}
export type PlanSettings = Awaited<ReturnType<typeof readPlanSettings>>;
/** What checking a stored rota needs: whether comprehensive working hours are approved. */
export type LawSettings = Pick<PlanSettings, 'comprehensiveHours'>;
