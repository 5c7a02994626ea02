import type { ReactNode } from 'react';
import { Card, DatePicker, Progress, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { CITY_TZ } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import type { IndicatorFigure } from './kb-api.ts';
import { fmtRate } from './labels.ts';

/** A calendar month as the API's period: its first day and the next month's first day (exclusive). */
export function monthPeriod(month: Dayjs): { from: string; to: string } {
  const start = month.startOf('month');
  return { from: start.format('YYYY-MM-DD'), to: start.add(1, 'month').format('YYYY-MM-DD') };
}

export const thisMonth = () => dayjs().tz(CITY_TZ).startOf('month');

export function MonthPicker({ value, onChange }: { value: Dayjs; onChange: (m: Dayjs) => void }) {
  return (
    <DatePicker
      picker="month"
      value={value}
      allowClear={false}
      onChange={(m) => m && onChange(m)}
      disabledDate={(d) => d.isAfter(dayjs(), 'month')}
    />
  );
}

const EXCLUDED_LABELS: Record<string, string> = {
  'not yet due': '未到期（可能仍按时完成）',
  'training not yet due': '培训未到期',
};

export interface EvidenceRow {
  id: number | string;
  met: boolean;
  excluded?: string;
}

/** The records behind a rate: each counted one (met or not) and those left out, with why. */
export function evidenceRows(f: IndicatorFigure): EvidenceRow[] {
  const met = new Set(f.evidence.met.map(String));
  return [
    ...f.evidence.counted.map((id) => ({ id, met: met.has(String(id)) })),
    ...f.excluded.flatMap((e) =>
      e.ids.map((id) => ({ id, met: false, excluded: EXCLUDED_LABELS[e.reason] ?? e.reason })),
    ),
  ];
}

/** A rate with its numerator and denominator, and a table of the records it was computed from. */
export function IndicatorCard({
  title,
  extra,
  figure,
  loading,
  error,
  onRetry,
  describe,
  metLabel,
  missLabel,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  figure: IndicatorFigure | undefined;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
  describe: (id: number | string) => ReactNode;
  metLabel: string;
  missLabel: string;
  testId?: string;
}) {
  const columns: ColumnsType<EvidenceRow> = [
    { title: '记录', key: 'what', render: (_, r) => describe(r.id) },
    {
      title: '结果',
      key: 'met',
      width: 200,
      render: (_, r) =>
        r.excluded ? (
          <Tag>{r.excluded}</Tag>
        ) : r.met ? (
          <Tag color="green">{metLabel}</Tag>
        ) : (
          <Tag color="red">{missLabel}</Tag>
        ),
    },
  ];
  const rows = figure ? evidenceRows(figure) : [];
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId}>
      <QueryState loading={loading} error={error} onRetry={onRetry}>
        {figure && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space size={32} align="center" wrap>
              <Progress
                type="circle"
                size={88}
                percent={figure.value == null ? 0 : Math.round(figure.value * 1000) / 10}
                format={() => fmtRate(figure.value)}
                status={figure.value != null && figure.value < 1 ? 'exception' : 'normal'}
              />
              <Statistic title={metLabel} value={figure.numerator} />
              <Statistic title="应计入" value={figure.denominator} />
              {figure.value == null && (
                <Typography.Text type="secondary">本期没有应计入的记录</Typography.Text>
              )}
            </Space>
            <Table<EvidenceRow>
              rowKey={(r) => `${r.id}-${r.excluded ?? ''}`}
              size="small"
              columns={columns}
              dataSource={rows}
              locale={{ emptyText: '本期没有记录' }}
              pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            />
          </Space>
        )}
      </QueryState>
    </Card>
  );
}
