import { z } from 'zod';
import { defineSetting } from '../../platform/settings.ts';

/** Which orders require a callback (回访). The default is the reading of Luohe KPI 4 the office gave. */
export const CALLBACK_RULE = defineSetting({
  key: 'quality.callbackRule',
  default: {
    dispatchedOnly: true,
    excludeAnonymous: true,
    excludeDeclined: true,
    excludeMerged: true,
    types: null as string[] | null,
  },
  schema: z.object({
    dispatchedOnly: z.boolean(),
    excludeAnonymous: z.boolean(),
    excludeDeclined: z.boolean(),
    excludeMerged: z.boolean(),
    types: z.array(z.string()).nullable(),
  }),
  description:
    'Orders that require a callback: dispatched orders once the department has replied (dispatchedOnly), not anonymous, not declined by the caller, not merged; optionally only some types.',
  descriptionZh: '应回访工单的范围：已交办且承办单位已反馈、非匿名、市民未拒绝回访、未合并；可限定诉求类型',
  source:
    'Luohe contract art. 11 #4 (工单回访率 = 回访工单数量 / 应回访的工单总量; 应回访 is not defined there)',
});

export const CALLBACK_DUE_WORKING_DAYS = defineSetting({
  key: 'quality.callbackDueWorkingDays',
  default: 2,
  schema: z.number().int().min(1).max(30),
  description: 'A callback is due within this many working days of the department’s reply.',
  descriptionZh: '承办单位反馈后须在此工作日数内完成回访',
  source: 'operating practice (the contract sets no time); the city’s choice',
});

export const CALLBACK_EXHAUSTED_COUNTS = defineSetting({
  key: 'quality.callbackExhaustedCounts',
  default: true,
  schema: z.boolean(),
  description:
    'Whether an order whose callback attempts reached the limit without reaching the citizen counts as called back (the operator did call back).',
  descriptionZh: '回访达到最多尝试次数仍未接通的工单是否计为已回访',
  source: 'Luohe contract art. 11 #4 (回访工单数量: whether an unreached callback is a 回访 is not said)',
});

export const BASICALLY_SATISFIED_COUNTS = defineSetting({
  key: 'quality.basicallySatisfiedCounts',
  default: true,
  schema: z.boolean(),
  description: 'Whether 基本满意 (basically satisfied) counts as satisfied in the satisfaction indicators.',
  descriptionZh: '“基本满意”是否计为满意',
  source: 'Luohe contract art. 11 #7 (用户满意度 = 对服务态度评价满意的用户数量 / 参与评价的用户数量)',
});

export const IVR_SATISFIED_MIN = defineSetting({
  key: 'quality.ivrSatisfiedMinRating',
  default: 4,
  schema: z.number().int().min(1).max(5),
  description: 'The lowest post-call IVR rating (1–5) that counts as satisfied with the agent’s attitude.',
  descriptionZh: '通话后按键评价中计为满意的最低分（1–5）',
  source: 'Luohe contract art. 11 #7; the IVR scale is the switch’s',
});

export const QA_FATAL_FAILS_MONTH = defineSetting({
  key: 'quality.fatalErrorFailsMonth',
  default: true,
  schema: z.boolean(),
  description: 'Whether one inspected call with a fatal error fails the agent’s month whatever the average.',
  descriptionZh: '质检中出现致命错误是否直接判定当月不合格',
  source:
    'the operator’s quality rules; Sanmenxia contract art. 13.1(5) (连续两次考核不合格的, 由乙方进行调整)',
});
