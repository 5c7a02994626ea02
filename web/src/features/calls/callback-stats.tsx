import { useState } from 'react';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { client, query, unwrap } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';
import { PeriodPicker } from './period-picker.tsx';
import { BAD_COLOR, hours, OK_COLOR, pct, thisMonth } from './shared.ts';

/** How quickly missed calls of a period were called back (`GET /api/calls/callbacks/stats`). */
export function CallbackStatsCard() {
  const [period, setPeriod] = useState(thisMonth);
  const q = useQuery({
    queryKey: ['calls', 'callback-stats', period],
    queryFn: () =>
      unwrap(client.GET('/api/calls/callbacks/stats', { params: { query: query({ ...period }) } })),
  });
  const s = q.data;
  const closed = s ? s.done + s.unreachable : 0;
  const inTime = s && closed ? s.doneInTime / closed : null;
  const cell = (title: string, value: string | number, color?: string, suffix?: string) => (
    <Col xs={12} sm={8} lg={6} xl={3}>
      <Statistic
        title={title}
        value={value}
        suffix={suffix}
        styles={{ content: color ? { color } : undefined }}
      />
    </Col>
  );
  return (
    <Card
      size="small"
      title="回拨完成情况"
      extra={<PeriodPicker value={period} onChange={setPeriod} testId="callback-stats-period" />}
      data-testid="callback-stats"
    >
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {s && (
          <>
            <Row gutter={[12, 12]}>
              {cell('漏接', s.missed, undefined, '通')}
              {cell('已回拨', s.done, OK_COLOR, '通')}
              {cell('无法联系', s.unreachable, undefined, '通')}
              {cell('待回拨', s.open, undefined, '通')}
              {cell('其中已超时', s.overdue, s.overdue ? BAD_COLOR : undefined, '通')}
              {cell('按时完成率', pct(inTime), inTime != null && inTime < 0.9 ? BAD_COLOR : undefined)}
              {cell('平均完成用时', hours(s.avgHours))}
              {cell('完成用时中位数', hours(s.medianHours))}
            </Row>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              按漏接时间统计；按时完成 = 在回拨时限内完成（已回拨或确认无法联系）{s.doneInTime} 通。
            </Typography.Text>
          </>
        )}
      </QueryState>
    </Card>
  );
}
