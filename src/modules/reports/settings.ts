import { z } from 'zod';
import { defineSetting } from '../../platform/settings.ts';

/** A department signs (签收) a dispatched order on time when it signs within this many hours. */
export const SIGN_WITHIN_HOURS = defineSetting({
  key: 'reports.signWithinHours',
  default: 24,
  schema: z.number().int().min(1).max(240),
  description:
    'A department signs a dispatched order on time when it signs within this many hours (circulars).',
  descriptionZh: '承办单位在交办后此小时数内签收为按时签收（通报用）',
  source:
    'Sanmenxia contract art. 2 (及时通报); neither contract sets a signing limit, so the city’s choice (default 24 h)',
});

/** Weights of the circular's composite score (通报综合得分), each a share of 100. */
export const CircularWeights = z
  .object({
    signedOnTime: z.number().int().min(0).max(100),
    handledOnTime: z.number().int().min(0).max(100),
    notReturned: z.number().int().min(0).max(100),
    satisfaction: z.number().int().min(0).max(100),
  })
  .refine((w) => w.signedOnTime + w.handledOnTime + w.notReturned + w.satisfaction === 100, {
    message: 'the weights must add up to 100',
  });
export type CircularWeights = z.infer<typeof CircularWeights>;

export const CIRCULAR_WEIGHTS = defineSetting<CircularWeights>({
  key: 'reports.circularWeights',
  default: { signedOnTime: 20, handledOnTime: 40, notReturned: 10, satisfaction: 30 },
  schema: CircularWeights,
  description:
    'Weights (adding up to 100) of the department circular’s composite score: signed on time, handled on time, not returned, satisfaction.',
  descriptionZh: '部门通报综合得分权重（合计 100）：按时签收率、按时办结率、未退回率、满意率',
  source: 'Sanmenxia contract art. 2 (及时通报); the weights are the office’s choice',
});
