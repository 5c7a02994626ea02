import dayjs, { type Dayjs } from 'dayjs';
import { DatePicker, Segmented, Space } from 'antd';
import { useSearchParams } from 'react-router';
import { monthRange, quarterRange, thisMonth } from './shared.ts';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface SelectedPeriod {
  kind: PeriodKind;
  key: string;
  label: string;
  from: string;
  to: string;
}

function periodOf(kind: PeriodKind, key: string): SelectedPeriod {
  if (kind === 'quarter')
    return { kind, key, label: key.replace('-Q', ' 年第 ') + ' 季度', ...quarterRange(key) };
  if (kind === 'year')
    return { kind, key, label: `${key} 年`, from: `${key}-01-01`, to: `${Number(key) + 1}-01-01` };
  return { kind, key, label: `${key.replace('-', ' 年 ')} 月`, ...monthRange(key) };
}

/** The period in the URL (`?month=2026-10`, `?quarter=2026-Q3` or `?year=2026`), this month by default. */
export function usePeriod(): [SelectedPeriod, (kind: PeriodKind, key: string) => void] {
  const [params, setParams] = useSearchParams();
  const kind: PeriodKind = params.get('quarter') ? 'quarter' : params.get('year') ? 'year' : 'month';
  const key = params.get(kind) ?? thisMonth();
  const set = (k: PeriodKind, v: string) => {
    const next = new URLSearchParams(params);
    for (const p of ['month', 'quarter', 'year', 'figure', 'ids']) next.delete(p);
    next.set(k, v);
    setParams(next, { replace: true });
  };
  return [periodOf(kind, key), set];
}

const FORMAT: Record<PeriodKind, (d: Dayjs) => string> = {
  month: (d) => d.format('YYYY-MM'),
  quarter: (d) => `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`,
  year: (d) => d.format('YYYY'),
};

function toDay(p: SelectedPeriod): Dayjs {
  return dayjs(p.from);
}

/** Month / quarter / year, then the picker for it. */
export function PeriodSelect({
  period,
  onChange,
  kinds = ['month', 'quarter', 'year'],
}: {
  period: SelectedPeriod;
  onChange: (kind: PeriodKind, key: string) => void;
  kinds?: PeriodKind[];
}) {
  const labels: Record<PeriodKind, string> = { month: '月', quarter: '季度', year: '年' };
  return (
    <Space wrap data-testid="period-select">
      <Segmented
        value={period.kind}
        options={kinds.map((k) => ({ value: k, label: labels[k] }))}
        onChange={(k) => onChange(k as PeriodKind, FORMAT[k as PeriodKind](toDay(period)))}
      />
      <DatePicker
        picker={period.kind}
        allowClear={false}
        value={toDay(period)}
        onChange={(d) => d && onChange(period.kind, FORMAT[period.kind](d))}
      />
    </Space>
  );
}
