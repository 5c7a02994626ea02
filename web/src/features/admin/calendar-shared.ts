import type { ApiOk } from '../../api/responses.ts';
/** Shapes of the calendar API (src/calendar/routes.ts) and its Chinese vocabulary. */

/** The calendar's answers, named from the generated OpenAPI types (`npm run gen:api`), never copied. */
export type CalendarOverride = ApiOk<'/api/calendar/overrides'>['items'][number];
export type DeclaredYear = ApiOk<'/api/calendar/overrides'>['declaredYears'][number];
export type DaysAnswer = ApiOk<'/api/calendar/days'>;
export type DayInfo = DaysAnswer['days'][number];
export type DayKind = DayInfo['kind'];

export const DAY_KIND_LABELS: Record<DayKind, string> = {
  workday: '工作日',
  weekend: '休息日（周末）',
  holiday: '法定节假日',
  adjusted_workday: '调休上班',
};

export const DAY_KIND_STYLE: Record<DayKind, { background: string; color: string; border: string }> = {
  workday: { background: '#ffffff', color: '#262626', border: '#e8e8e8' },
  weekend: { background: '#f5f5f5', color: '#8c8c8c', border: '#e8e8e8' },
  holiday: { background: '#fff1f0', color: '#cf1322', border: '#ffa39e' },
  adjusted_workday: { background: '#e6f4ff', color: '#0958d9', border: '#91caff' },
};

export const SOURCE_LABELS: Record<DayInfo['source'], string> = {
  builtin: '内置数据',
  override: '热线办调整',
  weekday_rule: '按周一至周五推算（无官方数据）',
};

export const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

export const OVERRIDES_KEY = ['calendar', 'overrides'];

/** [2004, 2005, 2006, 2030] → "2004–2006、2030". */
export function yearRanges(years: number[]): string {
  const sorted = [...years].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j + 1;
  }
  return parts.join('、') || '无';
}
