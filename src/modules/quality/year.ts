import { z } from 'zod';
import { defineSetting } from '../../platform/settings.ts';

/** The first day (MM-DD) of the assessment year, until contracts carry their own terms. */
export const ASSESSMENT_YEAR_START = defineSetting({
  key: 'quality.assessmentYearStart',
  default: '11-01',
  schema: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD'),
  description: 'Where a year of assessment begins, for counting serious incidents per contract year.',
  descriptionZh: '考核年度的起始月日（用于按合同年度统计严重舆论事件）',
  source: 'Luohe contract art. 1.3 (服务期 2025年11月至2026年10月)',
});

/** The assessment year containing `day` ('YYYY-MM-DD'), as [start, end) dates. */
export function yearAround(day: string, startMonthDay: string): { start: string; end: string } {
  const y = Number(day.slice(0, 4));
  const thisYear = `${y}-${startMonthDay}`;
  const startYear = day >= thisYear ? y : y - 1;
  return { start: `${startYear}-${startMonthDay}`, end: `${startYear + 1}-${startMonthDay}` };
}
