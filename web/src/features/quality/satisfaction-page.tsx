import { useMemo } from 'react';
import { Card, Col, Row, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { client, query, unwrap } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';
import { EChart, type ChartOption } from '../dashboard/echart.tsx';
import { PeriodSelect, usePeriod } from './period-select.tsx';
import { pct, type SatisfactionCell } from './shared.ts';

const TARGET = 0.9;

const rateColumn = {
  title: '满意率',
  key: 'value',
  width: 100,
  sorter: (a: SatisfactionCell, b: SatisfactionCell) => (a.value ?? 0) - (b.value ?? 0),
  render: (_: unknown, r: SatisfactionCell) => (
    <Typography.Text type={r.value != null && r.value < TARGET ? 'danger' : undefined}>
      {pct(r.value)}
    </Typography.Text>
  ),
};

function barOption(names: string[], values: (number | null)[], target?: number): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${v}%`) },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 30 : 0 } },
    yAxis: {
      type: 'value',
      max: 100,
      // Differences near the target matter: start a little under the lowest value.
      min: Math.max(
        0,
        Math.floor(
          (Math.min(100, ...values.filter((v): v is number => v != null).map((v) => v * 100)) - 10) / 10,
        ) * 10,
      ),
      axisLabel: { formatter: '{value}%' },
    },
    series: [
      {
        type: 'bar',
        name: '满意率',
        barMaxWidth: 32,
        data: values.map((v) => ({
          value: v == null ? null : Math.round(v * 1000) / 10,
          itemStyle: { color: target != null && v != null && v < target ? '#ff7875' : '#4096ff' },
        })),
      },
    ],
  } as ChartOption;
}

/** 满意度 — attitude satisfaction (callbacks and IVR) by agent and team; handling satisfaction by department. */
export default function SatisfactionPage() {
  const [period, setPeriod] = usePeriod();
  const range = { from: period.from, to: period.to };
  const q = useQuery({
    queryKey: ['quality', 'satisfaction', range],
    queryFn: () => unwrap(client.GET('/api/quality/satisfaction', { params: { query: query(range) } })),
  });
  const d = q.data;
  const totals = useMemo(() => {
    const all = d?.attitude.agents ?? [];
    const satisfied = all.reduce((s, a) => s + a.satisfied, 0);
    const total = all.reduce((s, a) => s + a.total, 0);
    return { satisfied, total, value: total ? satisfied / total : null };
  }, [d]);
  const agents = (d?.attitude.agents ?? []).map((a) => ({
    ...a,
    key: String(a.agentId),
    label: a.name ?? 'IVR 未匹配话务员',
  }));
  const teams = d?.attitude.teams ?? [];
  const departments = (d?.departments ?? []).map((x, i) => ({ ...x, rank: i + 1 }));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quality-satisfaction">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          满意度 · {period.label}
        </Typography.Title>
        <PeriodSelect period={period} onChange={setPeriod} />
      </Space>
      <QueryState
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
        empty={!agents.length && !departments.length}
        emptyText="本期没有满意度评价"
      >
        <Card
          size="small"
          title={`服务态度满意度（回访与 IVR 评价合计，目标 ≥ 90%）：${pct(totals.value)}（${totals.satisfied} / ${totals.total}）`}
        >
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <EChart
                testId="satisfaction-agents-chart"
                option={barOption(
                  agents.map((a) => a.label),
                  agents.map((a) => a.value),
                  TARGET,
                )}
              />
            </Col>
            <Col xs={24} lg={8}>
              <Table
                rowKey="team"
                size="small"
                pagination={false}
                dataSource={teams}
                columns={[
                  { title: '班组', dataIndex: 'team' },
                  { title: '满意', dataIndex: 'satisfied', width: 70 },
                  { title: '评价数', dataIndex: 'total', width: 70 },
                  rateColumn,
                ]}
              />
            </Col>
          </Row>
          <Table
            rowKey="key"
            size="small"
            style={{ marginTop: 12 }}
            dataSource={agents}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '话务员', dataIndex: 'label' },
              { title: '班组', dataIndex: 'team', render: (t: string | null) => t ?? '—' },
              { title: '满意', dataIndex: 'satisfied', width: 90 },
              { title: '评价数', dataIndex: 'total', width: 90 },
              rateColumn,
            ]}
          />
        </Card>
        <Card size="small" title="承办单位办理满意度（回访中的办理结果评价）">
          <EChart
            testId="satisfaction-departments-chart"
            height={320}
            option={barOption(
              departments.slice(0, 20).map((x) => x.name),
              departments.slice(0, 20).map((x) => x.value),
            )}
          />
          <Table
            rowKey="departmentId"
            size="small"
            dataSource={departments}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '排名', dataIndex: 'rank', width: 60 },
              { title: '承办单位', dataIndex: 'name' },
              { title: '满意', dataIndex: 'satisfied', width: 80 },
              { title: '基本满意', dataIndex: 'basically', width: 90 },
              { title: '不满意', dataIndex: 'unsatisfied', width: 80 },
              { title: '评价数', dataIndex: 'total', width: 80 },
              rateColumn,
            ]}
          />
        </Card>
      </QueryState>
    </Space>
  );
}
