import { useMemo } from 'react';
import { Alert, Card, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { qs } from '../../app/api.ts';
import { client, unwrap } from '../../api/client.ts';
import { CALL_GRANULARITY_LABELS, options } from '../../app/labels.ts';
import type { CallFigures, CallGranularity } from './types.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ExportButton } from '../../components/export-button.tsx';
import { EChart } from '../dashboard/echart.tsx';
import { metricsOption } from './metrics-chart.ts';
import { MetricsExcluded, MetricsTotals } from './metrics-totals.tsx';
import { PeriodPicker } from './period-picker.tsx';
import { SatisfactionTable } from './satisfaction-table.tsx';
import {
  bucketLabel,
  duration,
  pct,
  periodFromParams,
  periodText,
  rateColor,
  thisMonth,
  type Period,
} from './shared.ts';

type Row = CallFigures & { start: string };

const GRANULARITIES = Object.keys(CALL_GRANULARITY_LABELS) as CallGranularity[];
/** 30-minute buckets over a long period make a chart nobody can read. */
const INTERVAL_MAX_DAYS = 7;

function columns(g: CallGranularity): ColumnsType<Row> {
  const rate = (key: 'answerRate' | 'answeredWithin15sRate') => (_: unknown, r: Row) => (
    <span style={{ color: rateColor(r[key]) }}>{pct(r[key], 2)}</span>
  );
  return [
    {
      title: '时段',
      key: 'start',
      fixed: 'left',
      width: 150,
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{bucketLabel(r.start, g)}</span>,
    },
    { title: '呼入人工', dataIndex: 'offered', align: 'right' },
    { title: '人工接通', dataIndex: 'answered', align: 'right' },
    { title: '放弃', dataIndex: 'abandoned', align: 'right' },
    { title: '人工接通率', key: 'answerRate', align: 'right', render: rate('answerRate') },
    { title: '15 秒接通率', key: 'fast', align: 'right', render: rate('answeredWithin15sRate') },
    { title: 'ASA', key: 'asa', align: 'right', render: (_, r) => duration(r.asaSeconds, true) },
    { title: 'AHT', key: 'aht', align: 'right', render: (_, r) => duration(r.ahtSeconds, true) },
    { title: '最长等待', key: 'longest', align: 'right', render: (_, r) => duration(r.longestWaitSeconds) },
    {
      title: '剔除',
      key: 'excluded',
      align: 'right',
      render: (_, r) => {
        const n = r.excluded.exemptedOffered + r.excluded.shortAbandoned;
        return n ? <Typography.Text type="secondary">{n}</Typography.Text> : '—';
      },
    },
  ];
}

/** 话务统计 — the answer rate and its companions for a period, by bucket, and the IVR ratings per agent. */
export default function CallMetricsPage() {
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params, thisMonth);
  const g = (GRANULARITIES.find((x) => x === params.get('g')) ?? 'day') as CallGranularity;
  const days = dayjs(period.to).diff(dayjs(period.from), 'day');
  const tooLong = g === 'interval' && days > INTERVAL_MAX_DAYS;

  const set = (p: Period, granularity: CallGranularity) => {
    setParams({ from: p.from, to: p.to, g: granularity }, { replace: true });
  };

  const q = useQuery({
    queryKey: ['calls', 'metrics', period, g],
    queryFn: () =>
      unwrap(client.GET('/api/calls/metrics', { params: { query: { ...period, granularity: g } } })),
    enabled: !tooLong,
    placeholderData: keepPreviousData,
  });
  const m = q.data;
  const option = useMemo(() => (m ? metricsOption(m, m.granularity) : null), [m]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="call-metrics">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          话务统计
        </Typography.Title>
        <Space wrap>
          <PeriodPicker value={period} onChange={(p) => set(p, g)} testId="metrics-period" />
          <Segmented
            value={g}
            options={options(CALL_GRANULARITY_LABELS)}
            onChange={(v) => set(period, v as CallGranularity)}
            data-testid="metrics-granularity"
          />
          <ExportButton
            path={`/api/calls/metrics/export.xlsx${qs({ ...period, granularity: g })}`}
            fileName="call-metrics.xlsx"
          />
        </Space>
      </Space>
      {tooLong ? (
        <Alert
          type="warning"
          showIcon
          title={`按 30 分钟统计时，期间请不超过 ${INTERVAL_MAX_DAYS} 天`}
          description="请缩短期间，或改按日、月统计。"
        />
      ) : (
        <QueryState
          loading={q.isLoading}
          error={q.error}
          onRetry={() => q.refetch()}
          empty={Boolean(m && !m.intervals.length && !m.totals.excluded.exemptedOffered)}
          emptyText={`${periodText(period)} 没有呼入人工队列的呼叫`}
        >
          {m && option && (
            <Space
              orientation="vertical"
              size="middle"
              style={{ width: '100%', opacity: q.isFetching ? 0.6 : 1 }}
            >
              <Typography.Text type="secondary">
                {periodText(period)}（北京时间）；人工接通率 = 人工接通 ÷ 呼入人工队列，合同目标全年 ≥ 96%；15
                秒接通率依 GB/T 33358-2016。
              </Typography.Text>
              <MetricsTotals m={m} />
              <MetricsExcluded m={m} />
              <Card
                size="small"
                title={`按${CALL_GRANULARITY_LABELS[g]}统计`}
                data-testid="metrics-chart-card"
              >
                <EChart option={option} height={340} testId="metrics-chart" />
              </Card>
              <Card size="small" title="分时段明细" data-testid="metrics-intervals">
                <Table<Row>
                  size="small"
                  rowKey="start"
                  columns={columns(m.granularity)}
                  dataSource={m.intervals}
                  scroll={{ x: 1000 }}
                  pagination={m.intervals.length > 48 ? { pageSize: 48, showSizeChanger: false } : false}
                />
              </Card>
            </Space>
          )}
        </QueryState>
      )}
      <SatisfactionTable period={period} />
    </Space>
  );
}
