import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import type { ApiOk } from '../../api/responses.ts';

/** Shapes of the scorecard answers, from the generated API types (src/modules/reports/scorecard-model.ts). */
export type Scorecards = ApiOk<'/api/departments/scorecards'>;
export type Scorecard = Scorecards['departments'][number];
export type ScorecardDetail = ApiOk<'/api/departments/scorecards/{departmentId}'>;
export type DrillFigure = keyof ScorecardDetail['drillDown'];

export const pct = (v: number | null | undefined) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

/**
 * The period picker's state, kept in the address (`?from=&to=`, `to` exclusive as the API takes it) so a period
 * can be linked to; last month by default.
 */
export function usePeriod() {
  const [search, setSearch] = useSearchParams();
  const day = (v: string | null) => dayjs(/^\d{4}-\d{2}-\d{2}$/.test(v ?? '') ? v : 'invalid');
  const from = day(search.get('from'));
  const to = day(search.get('to'));
  const range: [dayjs.Dayjs, dayjs.Dayjs] =
    from.isValid() && to.isValid() && to.isAfter(from)
      ? [from, to.subtract(1, 'day')]
      : [dayjs().subtract(1, 'month').startOf('month'), dayjs().subtract(1, 'month').endOf('month')];
  const params = { from: range[0].format('YYYY-MM-DD'), to: range[1].add(1, 'day').format('YYYY-MM-DD') };
  const setRange = ([a, b]: [dayjs.Dayjs, dayjs.Dayjs]) =>
    setSearch({ from: a.format('YYYY-MM-DD'), to: b.add(1, 'day').format('YYYY-MM-DD') }, { replace: true });
  return { range, setRange, params };
}
