import { useState } from 'react';
import { Badge, Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PhoneOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtRemaining, fmtTime } from '../../app/format.ts';
import { ABANDON_REASON_LABELS, CALLBACK_STATUS_LABELS } from '../../app/labels.ts';
import type { CallbackStatus, CallbackTask } from './types.ts';
import { QueryState } from '../../components/query-state.tsx';
import { CallbackAttemptModal } from './callback-attempt-modal.tsx';
import { CallbackStatsCard } from './callback-stats.tsx';
import { hours, numberSetting, useSettings } from './shared.ts';

const STATUSES: CallbackStatus[] = ['open', 'done', 'unreachable'];
const EMPTY: Record<CallbackStatus, string> = {
  open: '没有待回拨的漏接来电',
  done: '没有已回拨的来电',
  unreachable: '没有无法联系的来电',
};
const PAGE_SIZE = 20;

function useCallbacks(status: CallbackStatus, page: number, enabled = true) {
  return useQuery({
    queryKey: ['calls', 'callbacks', status, page],
    queryFn: () =>
      unwrap(
        client.GET('/api/calls/callbacks', { params: { query: { status, page, pageSize: PAGE_SIZE } } }),
      ),
    enabled,
    placeholderData: keepPreviousData,
    refetchInterval: status === 'open' ? 60_000 : false,
  });
}

/** The number to dial (copyable), or masked for the roles that do not call back. */
const number = (c: CallbackTask) => (
  <Typography.Text strong copyable={c.callerNumber.includes('*') ? false : { text: c.callerNumber }}>
    {c.callerNumber}
  </Typography.Text>
);
const reason = (c: CallbackTask) => (c.abandonReason ? ABANDON_REASON_LABELS[c.abandonReason] : '—');

function openColumns(
  maxAttempts: number,
  onCall: ((c: CallbackTask) => void) | null,
): ColumnsType<CallbackTask> {
  return [
    { title: '来电号码', key: 'number', render: (_, c) => number(c) },
    { title: '漏接时间', key: 'missedAt', render: (_, c) => fmtTime(c.missedAt) },
    {
      title: '回拨时限',
      key: 'due',
      render: (_, c) => {
        const r = fmtRemaining(c.dueAt);
        return (
          <Space size={4} wrap>
            <span>{fmtTime(c.dueAt)}</span>
            {r.overdue ? (
              <Tag color="red" data-testid="callback-overdue">
                {r.text}
              </Tag>
            ) : (
              <Typography.Text type="secondary">{r.text}</Typography.Text>
            )}
          </Space>
        );
      },
    },
    { title: '放弃原因', key: 'reason', render: (_, c) => reason(c) },
    { title: '队列', dataIndex: 'queue', render: (q: string | null) => q ?? '—' },
    {
      title: '已尝试',
      key: 'attempts',
      align: 'center',
      render: (_, c) => (
        <span>
          {c.attempts} / {maxAttempts}
          {c.lastAttemptAt && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              最近 {fmtTime(c.lastAttemptAt)}
            </Typography.Text>
          )}
        </span>
      ),
    },
    ...(onCall
      ? [
          {
            title: '操作',
            key: 'action',
            fixed: 'right' as const,
            render: (_: unknown, c: CallbackTask) => (
              <Button
                type="primary"
                size="small"
                icon={<PhoneOutlined />}
                onClick={() => onCall(c)}
                data-testid="callback-attempt"
              >
                回拨
              </Button>
            ),
          },
        ]
      : []),
  ];
}

const closedColumns: ColumnsType<CallbackTask> = [
  { title: '来电号码', key: 'number', render: (_, c) => number(c) },
  { title: '漏接时间', key: 'missedAt', render: (_, c) => fmtTime(c.missedAt) },
  { title: '放弃原因', key: 'reason', render: (_, c) => reason(c) },
  { title: '完成时间', key: 'completedAt', render: (_, c) => fmtTime(c.completedAt) },
  {
    title: '用时',
    key: 'took',
    render: (_, c) => {
      if (!c.completedAt) return '—';
      const late = new Date(c.completedAt) > new Date(c.dueAt);
      const h = (new Date(c.completedAt).getTime() - new Date(c.missedAt).getTime()) / 3600_000;
      return (
        <Space size={4}>
          {hours(h)}
          {late && <Tag color="orange">超时完成</Tag>}
        </Space>
      );
    },
  },
  { title: '尝试次数', dataIndex: 'attempts', align: 'center' },
  { title: '情况说明', dataIndex: 'outcome', ellipsis: true, render: (o: string | null) => o ?? '—' },
];

/** 漏接回拨 — missed calls to call back, oldest first, and how the callbacks went. */
export default function CallbacksPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('tab')) ?? 'open';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const [calling, setCalling] = useState<CallbackTask | null>(null);
  const settings = useSettings();
  const maxAttempts = numberSetting(settings.data, 'calls.callbackMaxAttempts', 3);
  const dueHours = numberSetting(settings.data, 'calls.callbackDueHours', 24);
  const canCall = user.role === 'agent' || user.role === 'team_lead';

  const list = useCallbacks(status, page);
  const open = useCallbacks('open', 1, status !== 'open');
  const openTotal = status === 'open' ? list.data?.total : open.data?.total;

  const table = (s: CallbackStatus) => (
    <QueryState
      loading={list.isLoading}
      error={list.error}
      onRetry={() => list.refetch()}
      empty={list.data?.total === 0}
      emptyText={EMPTY[s]}
    >
      <Table<CallbackTask>
        rowKey="id"
        size="middle"
        data-testid={`callbacks-list-${s}`}
        columns={s === 'open' ? openColumns(maxAttempts, canCall ? setCalling : null) : closedColumns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching && !list.isLoading}
        scroll={{ x: 900 }}
        onRow={(c) =>
          s === 'open' && new Date(c.dueAt).getTime() < Date.now() ? { style: { background: '#fff1f0' } } : {}
        }
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (p) => setParams({ tab: s, page: String(p) }),
        }}
      />
    </QueryState>
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="callbacks">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          漏接回拨
        </Typography.Title>
        <Typography.Text type="secondary">
          未接通的来电须在 {dueHours} 小时内回拨；未接通 {maxAttempts} 次后标记为无法联系
        </Typography.Text>
      </Space>
      <Card size="small" data-testid="callbacks-list">
        <Tabs
          activeKey={status}
          onChange={(k) => setParams({ tab: k })}
          items={STATUSES.map((s) => ({
            key: s,
            label:
              s === 'open' ? (
                <Space size={6}>
                  {CALLBACK_STATUS_LABELS[s]}
                  <Badge count={openTotal ?? 0} overflowCount={999} />
                </Space>
              ) : (
                CALLBACK_STATUS_LABELS[s]
              ),
            children: s === status ? table(s) : null,
          }))}
        />
      </Card>
      <CallbackStatsCard />
      {calling && <CallbackAttemptModal task={calling} onClose={() => setCalling(null)} />}
    </Space>
  );
}
