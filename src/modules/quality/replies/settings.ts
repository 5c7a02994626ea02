import { z } from 'zod';
import { defineSetting } from '../../../platform/settings.ts';

const compiles = (s: string) => {
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
};

/** What a reply must say for matters of a branch of the catalogue, beyond what every reply must say. */
export const REPLY_REQUIRED_ELEMENTS = defineSetting({
  key: 'quality.replyRequiredElements',
  default: {
    城乡建设: [{ label: '处理结果', pattern: '(?:已|现已)(?:修复|完成|整改|恢复|解决|拆除|清理)' }],
    劳动和社会保障: [{ label: '政策依据', pattern: '《[^》]+》|(?:根据|依据|按照)' }],
  } as Record<string, { label: string; pattern: string }[]>,
  schema: z.record(
    z.string().min(1).max(50),
    z
      .array(
        z.object({
          label: z.string().min(1).max(20),
          pattern: z.string().min(1).max(200).refine(compiles, 'a regular expression'),
        }),
      )
      .max(10),
  ),
  description:
    'Elements a department reply must contain, per top-level category (label and a regular expression).',
  descriptionZh: '各一级分类答复必须包含的要素（名称与正则表达式）',
  source: '国办函〔2025〕66号 (答复质量); the office’s reply standard',
});

/** Overall scores at or above which a reply is good, and below which it is poor. */
export const REPLY_THRESHOLDS = defineSetting({
  key: 'quality.replyThresholds',
  default: { good: 60, poor: 35 },
  schema: z
    .object({ good: z.number().min(0).max(100), poor: z.number().min(0).max(100) })
    .refine((t) => t.poor <= t.good, 'poor must not exceed good'),
  description: 'Reply-quality score thresholds: good at or above `good`, poor below `poor`.',
  descriptionZh: '答复质量评分阈值：达到 good 为良好，低于 poor 为较差',
  source: 'calibrated on 400 real official replies (bench/reply-quality.ts); the office’s choice',
});
