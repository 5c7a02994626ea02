import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import type { ApiOk } from '../../api/responses.ts';
import { CITY_TZ } from '../../app/format.ts';

/** Shapes of the quality module's answers, from the generated API types (src/modules/quality/model.ts). */
type Items<T> = T extends { items: (infer I)[] } ? I : never;

export type QualityFigures = ApiOk<'/api/quality/indicators'>;
export type IndicatorFigure = QualityFigures['callbackRate'];
export type OwedCallback = Items<ApiOk<'/api/quality/callbacks'>>;
export type ServiceComplaint = Items<ApiOk<'/api/quality/complaints'>>;
export type OpinionIncident = Items<ApiOk<'/api/quality/incidents'>>;
export type QaSheet = Items<ApiOk<'/api/quality/sheets'>>;
export type QaCriterion = QaSheet['criteria'][number];
export type QaSample = Items<ApiOk<'/api/quality/samples'>>;
export type MonthlyResult = ApiOk<'/api/quality/monthly'>['results'][number];
export type AssistanceTask = Items<ApiOk<'/api/quality/tasks'>>;
export type SatisfactionBreakdown = ApiOk<'/api/quality/satisfaction'>;
export type SatisfactionCell = Pick<
  SatisfactionBreakdown['attitude']['teams'][number],
  'satisfied' | 'total' | 'value'
>;

export const COMPLAINT_KIND_LABELS: Record<string, string> = {
  attitude: '态度问题',
  error: '业务差错',
  other: '其他',
};
export const COMPLAINT_STATUS: Record<string, [string, string]> = {
  investigating: ['调查中', 'gold'],
  confirmed: ['已确认', 'red'],
  dismissed: ['不成立', 'default'],
};
export const SEVERITY_LABELS: Record<string, string> = { minor: '一般', major: '较大', serious: '严重' };
export const INCIDENT_STATUS: Record<string, [string, string]> = {
  reported: ['待认定', 'gold'],
  confirmed: ['严重（计入考核）', 'red'],
  dismissed: ['不计入', 'default'],
};
export const APPEAL_STATUS: Record<string, [string, string]> = {
  none: ['', 'default'],
  pending: ['申诉待审', 'gold'],
  upheld: ['维持原评分', 'default'],
  revised: ['申诉成立，已改分', 'green'],
};
export const EXCLUDED_REASON_LABELS: Record<string, string> = {
  'callback not yet due': '尚未到回访期限',
  'under investigation': '调查中',
  'not yet due': '尚未到期',
  'under appeal': '申诉中',
  'accepted appeal': '申诉已通过',
};

/** A rate 0–1 as a percentage; `digits` more for tiny targets such as the complaint rate (0.01 %). */
export const pct = (v: number | null | undefined, digits = 2) =>
  v == null ? '—' : `${(v * 100).toFixed(digits)}%`;

export const today = () => dayjs().tz(CITY_TZ).format('YYYY-MM-DD');
export const thisMonth = () => dayjs().tz(CITY_TZ).format('YYYY-MM');
export const lastMonth = () => dayjs().tz(CITY_TZ).subtract(1, 'month').format('YYYY-MM');

/** A month `YYYY-MM` as the half-open day range the API takes. */
export function monthRange(month: string): { from: string; to: string } {
  const start = dayjs(`${month}-01`);
  return { from: start.format('YYYY-MM-DD'), to: start.add(1, 'month').format('YYYY-MM-DD') };
}

/** The quarter `YYYY-Qn` (calendar) as a half-open day range. */
export function quarterRange(q: string): { from: string; to: string } {
  const [y, n] = q.split('-Q').map(Number) as [number, number];
  const start = dayjs(`${y}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`);
  return { from: start.format('YYYY-MM-DD'), to: start.add(3, 'month').format('YYYY-MM-DD') };
}

export const thisQuarter = () => {
  const d = dayjs().tz(CITY_TZ);
  return `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;
};

/**
 * `?ids=1,2,3` — a drill-down from a figure to the records it counts. Returns the set (or null) and a way to
 * show everything again.
 */
export function useDrillIds(): [Set<string> | null, () => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('ids');
  const clear = () => {
    const next = new URLSearchParams(params);
    next.delete('ids');
    setParams(next, { replace: true });
  };
  return [raw ? new Set(raw.split(',').filter(Boolean)) : null, clear];
}

/** A link to the records a figure counts, on the screen that lists them. */
export function drillPath(path: string, ids: (number | string)[]): string {
  return `${path}${path.includes('?') ? '&' : '?'}ids=${ids.join(',')}`;
}
