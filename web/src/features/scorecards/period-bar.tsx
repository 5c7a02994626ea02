import { DatePicker, Space } from 'antd';
import { ExportButton } from '../../components/export-button.tsx';
import type { usePeriod } from './scorecard-api.ts';

/** The period picker and the XLSX export of the scorecards the caller may see (both screens). */
export function PeriodBar({ period }: { period: ReturnType<typeof usePeriod> }) {
  const { range, setRange, params } = period;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <DatePicker.RangePicker
        value={range}
        allowClear={false}
        onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
      />
      <ExportButton
        path={`/api/departments/scorecards.xlsx?from=${params.from}&to=${params.to}`}
        fileName={`scorecards-${params.from}.xlsx`}
      />
    </Space>
  );
}
