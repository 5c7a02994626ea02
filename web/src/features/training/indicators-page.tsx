import { useState } from 'react';
import { Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { IndicatorCard, MonthPicker, monthPeriod, thisMonth } from '../knowledge/indicator-card.tsx';
import { useHotTopics, useSessions, useTrainingIndicators, type TrainingSession } from './training-api.ts';
import { useStandards } from './standards-page.tsx';

function SessionsCard() {
  const sessions = useSessions();
  return (
    <Card size="small" title="培训记录" data-testid="training-sessions">
      <QueryState
        loading={sessions.isLoading}
        error={sessions.error}
        empty={!sessions.data?.length}
        emptyText="还没有培训记录"
        onRetry={() => sessions.refetch()}
      >
        <Table<TrainingSession>
          rowKey="id"
          size="small"
          dataSource={sessions.data}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: '时间', key: 'heldAt', width: 140, render: (_, s) => fmtTime(s.heldAt) },
            {
              title: '主题',
              key: 'title',
              render: (_, s) =>
                s.hotTopicId ? <Link to={`/training/hot-topics/${s.hotTopicId}`}>{s.title}</Link> : s.title,
            },
            { title: '培训人', dataIndex: 'trainer', width: 100, render: (v: string | null) => v ?? '—' },
            {
              title: '参训人员',
              key: 'attendees',
              render: (_, s) => (
                <Typography.Text
                  ellipsis={{ tooltip: s.attendees.map((a) => a.name).join('、') }}
                  style={{ maxWidth: 320 }}
                >
                  {s.attendees.length} 人：{s.attendees.map((a) => a.name).join('、')}
                </Typography.Text>
              ),
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}

/**
 * 培训指标 — the month's hot-topic training timeliness (every frontline agent within 24 hours of confirmation)
 * and the standards completion rate, each with the records behind it; and the training sessions held.
 */
export default function TrainingIndicatorsPage() {
  const [month, setMonth] = useState(thisMonth);
  const period = monthPeriod(month);
  const indicators = useTrainingIndicators(period);
  const topics = useHotTopics();
  const standards = useStandards();
  const topicById = new Map((topics.data ?? []).map((t) => [t.id, t]));
  const standardById = new Map((standards.data ?? []).map((s) => [s.id, s]));
  const common = {
    loading: indicators.isLoading,
    error: indicators.error,
    onRetry: () => indicators.refetch(),
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Space>
          <Typography.Text>统计月份</Typography.Text>
          <MonthPicker value={month} onChange={setMonth} />
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <IndicatorCard
            {...common}
            title="热点问题培训及时率（确认后 24 小时内全员培训）"
            figure={indicators.data?.hotTopicTraining}
            metLabel="按时全员培训"
            missLabel="未按时完成"
            testId="training-timeliness"
            describe={(id) => {
              const t = topicById.get(Number(id));
              return t ? (
                <Space orientation="vertical" size={0}>
                  <Link to={`/training/hot-topics/${t.id}`}>{t.title}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    确认 {fmtTime(t.confirmedAt)} · 时限 {fmtTime(t.trainingDueAt)}
                  </Typography.Text>
                </Space>
              ) : (
                `热点 #${id}`
              );
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <IndicatorCard
            {...common}
            title="标准编写完成率（本月计划的标准）"
            figure={indicators.data?.standardsCompletion}
            metLabel="已完成"
            missLabel="未完成"
            testId="standards-completion"
            describe={(id) => {
              const s = standardById.get(Number(id));
              return s ? (
                <Space size={4}>
                  <Tag>{s.code}</Tag>
                  {s.title}
                  <Typography.Text type="secondary">计划 {s.plannedOn}</Typography.Text>
                </Space>
              ) : (
                `标准 #${id}`
              );
            }}
          />
        </Col>
      </Row>
      <SessionsCard />
    </Space>
  );
}
