import { useCallback, useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { client, unwrap } from '../../api/client.ts';
import { CHANNEL_LABELS, TYPE_LABELS } from '../../app/labels.ts';
import { useUser } from '../../app/auth.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ExportButton } from '../../components/export-button.tsx';
import { EChart, type ChartClick } from './echart.tsx';
import { TriageAccuracyCard } from './triage-accuracy.tsx';
import { hbarOption, overdueOption, pieOption, statusOption, trendOption } from './charts.ts';

type Period = 'today' | 'month';
/** The chart shows the departments with the most overdue orders; the table below lists them all. */
const TOP_OVERDUE = 12;
const PERIOD_LABEL: Record<Period, string> = { today: '今日', month: '本月' };

function ChartCard({
  title,
  empty,
  testId,
  extra,
  children,
}: {
  title: string;
  empty: boolean;
  testId: string;
  extra?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Card size="small" title={title} extra={extra} data-testid={testId} style={{ height: '100%' }}>
      {empty ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" style={{ padding: '48px 0' }} />
      ) : (
        children
      )}
    </Card>
  );
}

/** 看板 — intake today and this month, overdue orders by department, the last 30 days. */
export default function DashboardPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [period, setPeriod] = useState<Period>('today');
  const q = useQuery({
    queryKey: ['stats', 'overview'],
    queryFn: () => unwrap(client.GET('/api/stats/overview')),
    refetchInterval: 60_000,
  });
  const data = q.data;
  const summary = data?.[period];

  const options = useMemo(() => {
    if (!data || !summary) return null;
    return {
      channel: pieOption(summary.byChannel, CHANNEL_LABELS),
      type: pieOption(summary.byType, TYPE_LABELS),
      status: statusOption(summary.byStatus),
      category: hbarOption(summary.byCategory, null),
      overdue: overdueOption(data.overdueByDepartment.slice(0, TOP_OVERDUE)),
      trend: trendOption(data.trend),
    };
  }, [data, summary]);

  const overdueTotal = data?.overdueByDepartment.reduce((s, r) => s + r.count, 0) ?? 0;
  const trendReceived = data?.trend.reduce((s, t) => s + t.count, 0) ?? 0;
  const trendClosed = data?.trend.reduce((s, t) => s + t.closed, 0) ?? 0;
  const overdueLink = (departmentId: number) => `/orders?departmentId=${departmentId}&overdue=true`;

  const onOverdueClick = useCallback(
    (e: ChartClick) => {
      const rows = (data?.overdueByDepartment ?? []).slice(0, TOP_OVERDUE);
      // The chart lists the departments bottom-up.
      const row = rows[rows.length - 1 - e.dataIndex];
      if (row) navigate(overdueLink(row.departmentId));
    },
    [data, navigate],
  );

  return (
    <div data-testid="dashboard">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          看板{user.role === 'department' ? '（本单位）' : ''}
        </Typography.Title>
        <Space>
          <ExportButton path="/api/stats/overview/export.xlsx" fileName="dashboard.xlsx" size="small" />
        </Space>
        <Typography.Text type="secondary">
          {q.dataUpdatedAt
            ? `数据更新于 ${new Date(q.dataUpdatedAt).toLocaleTimeString('zh-CN')}，每分钟自动刷新`
            : ''}
        </Typography.Text>
      </Space>
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {data && summary && options && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Row gutter={[16, 16]} data-testid="dashboard-totals">
              <Col xs={12} lg={6}>
                <Card size="small">
                  <Statistic title="今日受理" value={data.today.total} suffix="件" />
                </Card>
              </Col>
              <Col xs={12} lg={6}>
                <Card size="small">
                  <Statistic title="本月受理" value={data.month.total} suffix="件" />
                </Card>
              </Col>
              <Col xs={12} lg={6}>
                <Link to="/orders?overdue=true">
                  <Card size="small" hoverable>
                    <Statistic
                      title="办理超期（在办）"
                      value={overdueTotal}
                      suffix="件"
                      valueStyle={overdueTotal ? { color: '#cf1322' } : undefined}
                    />
                  </Card>
                </Link>
              </Col>
              <Col xs={12} lg={6}>
                <Card size="small">
                  <Statistic
                    title="近 30 日受理 / 其中已办结"
                    value={trendReceived}
                    suffix={<span style={{ fontSize: 14 }}>/ {trendClosed} 件</span>}
                  />
                </Card>
              </Col>
            </Row>

            <Card
              size="small"
              title="受理情况"
              data-testid="dashboard-intake"
              extra={
                <Segmented<Period>
                  data-testid="dashboard-period"
                  value={period}
                  onChange={setPeriod}
                  options={[
                    { value: 'today', label: `今日（${data.today.total}）` },
                    { value: 'month', label: `本月（${data.month.total}）` },
                  ]}
                />
              }
            >
              <Row gutter={[16, 16]}>
                <Col xs={24} md={12} xl={8}>
                  <ChartCard
                    title={`${PERIOD_LABEL[period]} · 按渠道`}
                    empty={!summary.byChannel.length}
                    testId="dashboard-by-channel"
                  >
                    <EChart option={options.channel} height={280} />
                  </ChartCard>
                </Col>
                <Col xs={24} md={12} xl={8}>
                  <ChartCard
                    title={`${PERIOD_LABEL[period]} · 按类型`}
                    empty={!summary.byType.length}
                    testId="dashboard-by-type"
                  >
                    <EChart option={options.type} height={280} />
                  </ChartCard>
                </Col>
                <Col xs={24} xl={8}>
                  <ChartCard
                    title={`${PERIOD_LABEL[period]} · 按当前状态`}
                    empty={!summary.byStatus.length}
                    testId="dashboard-by-status"
                  >
                    <EChart option={options.status} height={280} />
                  </ChartCard>
                </Col>
                <Col xs={24}>
                  <ChartCard
                    title={`${PERIOD_LABEL[period]} · 按一级分类`}
                    empty={!summary.byCategory.length}
                    testId="dashboard-by-category"
                  >
                    <EChart
                      option={options.category}
                      height={Math.max(200, summary.byCategory.length * 24 + 24)}
                    />
                  </ChartCard>
                </Col>
              </Row>
            </Card>

            <ChartCard
              title="近 30 日趋势（按受理日期）"
              empty={trendReceived === 0}
              testId="dashboard-trend"
            >
              <EChart option={options.trend} height={300} />
            </ChartCard>

            <TriageAccuracyCard />

            <ChartCard
              title="各单位办理超期工单（在办）"
              empty={!data.overdueByDepartment.length}
              testId="dashboard-overdue"
              extra={<Typography.Text type="secondary">点击单位查看超期工单</Typography.Text>}
            >
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={14}>
                  {data.overdueByDepartment.length > TOP_OVERDUE && (
                    <Typography.Text type="secondary">图示超期最多的 {TOP_OVERDUE} 个单位</Typography.Text>
                  )}
                  <EChart
                    option={options.overdue}
                    height={Math.max(160, Math.min(data.overdueByDepartment.length, TOP_OVERDUE) * 28 + 24)}
                    onClick={onOverdueClick}
                    testId="dashboard-overdue-chart"
                  />
                </Col>
                <Col xs={24} xl={10}>
                  <Table
                    data-testid="dashboard-overdue-table"
                    size="small"
                    rowKey="departmentId"
                    pagination={
                      data.overdueByDepartment.length > 10 ? { pageSize: 10, size: 'small' } : false
                    }
                    dataSource={data.overdueByDepartment}
                    columns={[
                      {
                        title: '承办单位',
                        dataIndex: 'name',
                        render: (n: string, r) => <Link to={overdueLink(r.departmentId)}>{n}</Link>,
                      },
                      { title: '超期件数', dataIndex: 'count', width: 90, align: 'right' },
                    ]}
                  />
                </Col>
              </Row>
            </ChartCard>
          </Space>
        )}
      </QueryState>
    </div>
  );
}
