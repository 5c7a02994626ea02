import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { cityToday, fromPicker, toPicker, type Period } from './shared.ts';

const DAY = 'YYYY-MM-DD';

/** Periods ending today or earlier, in city days, with the exclusive end. */
function presets(): { label: string; value: [Dayjs, Dayjs] }[] {
  const t = dayjs(cityToday());
  const period = (from: Dayjs, toExclusive: Dayjs): Period => ({
    from: from.format(DAY),
    to: toExclusive.format(DAY),
  });
  const tomorrow = t.add(1, 'day');
  const list: [string, Period][] = [
    ['今日', period(t, tomorrow)],
    ['昨日', period(t.subtract(1, 'day'), t)],
    ['近 7 日', period(t.subtract(6, 'day'), tomorrow)],
    ['本月', period(t.startOf('month'), tomorrow)],
    ['上月', period(t.subtract(1, 'month').startOf('month'), t.startOf('month'))],
    ['本年', period(t.startOf('year'), tomorrow)],
  ];
  return list.map(([label, p]) => ({ label, value: toPicker(p) }));
}

/** A first and a last day (inclusive, as people think of them); the period it gives has the API's exclusive end. */
export function PeriodPicker({
  value,
  onChange,
  testId,
}: {
  value: Period;
  onChange: (p: Period) => void;
  testId?: string;
}) {
  return (
    <DatePicker.RangePicker
      value={toPicker(value)}
      allowClear={false}
      placeholder={['开始日期', '结束日期（含）']}
      onChange={(v) => {
        if (v?.[0] && v[1]) onChange(fromPicker([v[0], v[1]]));
      }}
      presets={presets()}
      data-testid={testId}
    />
  );
}
