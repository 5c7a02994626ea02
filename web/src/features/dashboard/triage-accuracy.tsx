import { useMemo } from 'react';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import type { ApiOk } from '../../api/responses.ts';
import { ApiError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { CITY_TZ } from '../../app/format.ts';
import type { Role } from '../../api/models.ts';
import { EChart, type ChartOption } from './echart.tsx';

/** Who may read the figures (GET /api/triage/accuracy); the card is not shown to the others. */
const ROLES: Role[] = ['agent', 'team_lead', 'office', 'admin'];
const DAYS = 30;

/** The answer of GET /api/triage/accuracy, named from the generated OpenAPI types. */
export type TriageAccuracy = ApiOk<'/api/triage/accuracy'>;

/** The last 30 city days, today included. */
export function lastDays(days = DAYS, now = dayjs()): { from: string; to: string } {
  const today = now.tz(CITY_TZ);
  return { from: today.subtract(days - 1, 'day').format('YYYY-MM-DD'), to: today.format('YYYY-MM-DD') };
}

const pct = (r: number | null) => (r == null ? null : Math.round(r * 1000) / 10);

export function accuracyOption(byDay: TriageAccuracy['byDay']): ChartOption {
  const line = (name: string, data: (number | null)[]) => ({
    type: 'line' as const,
    name,
    data,
    connectNulls: true,
    // A day alone between empty ones is a point, not a line: always draw the symbols.
    showSymbol: true,
    showAllSymbol: true,
    symbolSize: 6,
    z: 3,
    yAxisIndex: 0,
  });
  return {
    color: ['#1f5fbf', '#4ecb73', '#fa8c16', '#d9d9d9'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: ['首选命中率', '前三命中率', '承办单位命中率', '建议次数'] },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: byDay.map((d) => d.day.slice(5)) },
    yAxis: [
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      // The counts take the lower half, under the rates.
      {
        type: 'value',
        minInterval: 1,
        max: ({ max }: { max: number }) => Math.max(2, Math.ceil(max * 2)),
        splitLine: { show: false },
      },
    ],
    series: [
      line(
        '首选命中率',
        byDay.map((d) => pct(d.top1Rate)),
      ),
      line(
        '前三命中率',
        byDay.map((d) => pct(d.top3Rate)),
      ),
      line(
        '承办单位命中率',
        byDay.map((d) => pct(d.departmentRate)),
      ),
      {
        type: 'bar',
        name: '建议次数',
        yAxisIndex: 1,
        data: byDay.map((d) => d.suggestions),
        barMaxWidth: 12,
        z: 1,
      },
    ],
  };
}

function Rate({
  title,
  rate,
  hits,
  of,
  testId,
}: {
  title: string;
  rate: number | null;
  hits: number;
  of: number;
  testId: string;
}) {
  return (
    <Statistic
      title={title}
      value={rate == null ? '—' : (pct(rate) ?? 0).toFixed(1)}
      suffix={
        rate == null ? undefined : (
          <span style={{ fontSize: 13 }}>
            %{' '}
            <Typography.Text type="secondary">
              （{hits}/{of}）
            </Typography.Text>
          </span>
        )
      }
      data-testid={testId}
    />
  );
}

/**
 * 智能分派采纳率 — over the last 30 days, how often the agents' final category was the suggested one (top 1, among
 * the top 3) and the first suggested department the chosen one. Shown to those who may read the figures; it
 * stays out of the way (no card) when the server refuses them.
 */
export function TriageAccuracyCard() {
  const user = useUser();
  const allowed = ROLES.includes(user.role);
  const period = useMemo(() => lastDays(), []);
  const q = useQuery({
    queryKey: ['triage', 'accuracy', period.from, period.to],
    queryFn: () => unwrap(client.GET('/api/triage/accuracy', { params: { query: period } })),
    enabled: allowed,
    retry: false,
    refetchInterval: 5 * 60_000,
  });
  const option = useMemo(() => (q.data ? accuracyOption(q.data.byDay) : null), [q.data]);
  if (!allowed) return null;
  if (q.error instanceof ApiError && [401, 403, 404].includes(q.error.status)) return null;

  const d = q.data;
  let body;
  if (q.isLoading) {
    body = <Typography.Text type="secondary">加载中…</Typography.Text>;
  } else if (q.error || !d || !option) {
    body = <Typography.Text type="secondary">采纳率暂时无法加载</Typography.Text>;
  } else if (d.suggestions === 0) {
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="近 30 日暂无智能分派建议"
        style={{ padding: '24px 0' }}
        data-testid="triage-accuracy-empty"
      />
    );
  } else {
    body = (
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Row gutter={[16, 16]}>
            <Col span={12}>
              <Statistic
                title="给出建议"
                value={d.suggestions}
                suffix="次"
                data-testid="triage-accuracy-suggestions"
              />
            </Col>
            <Col span={12}>
              <Statistic
                title="已记录选择"
                value={d.withChoice}
                suffix="次"
                data-testid="triage-accuracy-with-choice"
              />
            </Col>
            <Col span={12}>
              <Rate
                title="首选命中率"
                rate={d.top1Rate}
                hits={d.top1Hits}
                of={d.withChoice}
                testId="triage-accuracy-top1"
              />
            </Col>
            <Col span={12}>
              <Rate
                title="前三命中率"
                rate={d.top3Rate}
                hits={d.top3Hits}
                of={d.withChoice}
                testId="triage-accuracy-top3"
              />
            </Col>
            <Col span={12}>
              <Rate
                title="承办单位命中率"
                rate={d.departmentRate}
                hits={d.departmentHits}
                of={d.withDepartment}
                testId="triage-accuracy-department"
              />
            </Col>
          </Row>
        </Col>
        <Col xs={24} xl={15}>
          <EChart option={option} height={220} testId="triage-accuracy-chart" />
        </Col>
      </Row>
    );
  }
  return (
    <Card
      size="small"
      title="智能分派采纳率"
      extra={
        <Typography.Text type="secondary">
          近 {DAYS} 日（{period.from.slice(5)} 至 {period.to.slice(5)}），命中率以已记录选择为分母
        </Typography.Text>
      }
      data-testid="dashboard-triage-accuracy"
    >
      {body}
    </Card>
  );
}
