import { useState } from 'react';
import { Button, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, query, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtDeadline, fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { CallbackModal } from './callback-modal.tsx';
import { monthRange, pct, thisMonth, type OwedCallback } from './shared.ts';

const RATE_ROLES = new Set(['team_lead', 'office', 'admin']);

/** The month's 工单回访率 (KPI 4), each number linking to the orders it counts. */
function MonthRate() {
  const month = thisMonth();
  const range = monthRange(month);
  const q = useQuery({
    queryKey: ['quality', 'indicators', range],
    queryFn: () => unwrap(client.GET('/api/quality/indicators', { params: { query: query(range) } })),
  });
  const f = q.data?.callbackRate;
  const notDue = f?.excluded.find((e) => e.reason === 'callback not yet due')?.ids ?? [];
  return (
    <Card size="small" title={`${month} 工单回访率（目标 100%）`} data-testid="callback-rate">
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {f && (
          <Row gutter={16}>
            <Col span={6}>
              <Statistic
                title="回访率"
                value={pct(f.value)}
                styles={{ content: { color: f.value == null || f.value >= 1 ? '#389e0d' : '#cf1322' } }}
              />
            </Col>
            <Col span={6}>
              <Statistic title="已回访" value={f.numerator} />
              <Link to={`/quality/indicators?month=${month}&figure=callbackRate`}>查看工单</Link>
            </Col>
            <Col span={6}>
              <Statistic title="应回访" value={f.denominator} />
              <Link to={`/quality/indicators?month=${month}&figure=callbackRate`}>查看工单</Link>
            </Col>
            <Col span={6}>
              <Statistic title="未到期（暂不计）" value={notDue.length} />
            </Col>
          </Row>
        )}
      </QueryState>
    </Card>
  );
}

/** 回访队列 — replied orders still owed a callback, oldest first, with attempts so far and the time it is due. */
export default function QualityCallbacksPage() {
  const user = useUser();
  const [current, setCurrent] = useState<OwedCallback | null>(null);
  const q = useQuery({
    queryKey: ['quality', 'callbacks'],
    queryFn: () => unwrap(client.GET('/api/quality/callbacks')),
    refetchInterval: 60_000,
  });
  const items = q.data?.items ?? [];
  const columns: ColumnsType<OwedCallback> = [
    {
      title: '工单编号',
      dataIndex: 'number',
      width: 150,
      render: (n: string, o) => <Link to={`/orders/${o.id}`}>{n}</Link>,
    },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    { title: '反馈时间', dataIndex: 'repliedAt', width: 140, render: fmtTime },
    {
      title: '已回访',
      key: 'attempts',
      width: 150,
      render: (_, o) =>
        o.attempts ? `${o.attempts} 次（上次 ${fmtTime(o.lastAttemptAt).slice(5)}）` : <Tag>未回访</Tag>,
    },
    {
      title: '回访期限',
      key: 'due',
      width: 190,
      render: (_, o) => (
        <Tag color={o.overdue ? 'red' : 'blue'}>
          {o.overdue ? '已超期 · ' : ''}
          {fmtDeadline(o.dueAt)}
        </Tag>
      ),
    },
    {
      title: '操作',
      key: 'action',
      width: 90,
      render: (_, o) => (
        <Button
          size="small"
          type="primary"
          onClick={() => setCurrent(o)}
          data-testid={`callback-${o.number}`}
        >
          回访
        </Button>
      ),
    },
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quality-callbacks">
      <Typography.Title level={4} style={{ margin: 0 }}>
        回访队列
      </Typography.Title>
      {RATE_ROLES.has(user.role) && <MonthRate />}
      <Card
        size="small"
        title={`待回访工单（${items.length}）`}
        extra={
          <Typography.Text type="secondary">
            {items.filter((o) => o.overdue).length} 件已超过回访期限
          </Typography.Text>
        }
      >
        <QueryState
          loading={q.isLoading}
          error={q.error}
          onRetry={() => q.refetch()}
          empty={!items.length}
          emptyText="没有待回访的工单"
        >
          <Table<OwedCallback>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            scroll={{ x: 900 }}
            onRow={(o) => (o.overdue ? { style: { background: '#fff1f0' } } : {})}
            pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条` }}
          />
        </QueryState>
      </Card>
      {current && <CallbackModal item={current} onClose={() => setCurrent(null)} />}
    </Space>
  );
}
