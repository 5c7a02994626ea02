import { useState } from 'react';
import { Button, Card, Radio, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client.ts';
import type { ApiOk } from '../../api/responses.ts';
import { fmtDeadline, fmtTime } from '../../app/format.ts';
import { DISPUTE_OUTCOME_LABELS } from '../../app/labels.ts';
import { QueryState } from '../../components/query-state.tsx';
import { DisputeOutcomeTag } from '../orders/disputes-panel.tsx';
import type { PendingAction } from '../workbench/order-action-launcher.tsx';

type Dispute = ApiOk<'/api/order-disputes'>['items'][number];
type Flag = ApiOk<'/api/order-disputes/flags'>['items'][number];
type State = 'pending' | 'overdue' | 'decided';

/**
 * 派单异议 for the office: disputes waiting for a decision (those past orders.disputeDecisionWorkingDays marked
 * 裁定超期), decided ones, and the catalogue entries disputed repeatedly (orders.disputeFlagCount within
 * orders.disputeFlagWindowDays) for whoever keeps the dispatch catalogue.
 */
export function DisputesTab({ onAction }: { onAction: (p: PendingAction) => void }) {
  const [state, setState] = useState<State>('pending');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['orders', 'disputes', state, page],
    queryFn: () =>
      unwrap(client.GET('/api/order-disputes', { params: { query: { state, page, pageSize: 10 } } })),
    refetchInterval: 60_000,
  });
  const flags = useQuery({
    queryKey: ['orders', 'dispute-flags'],
    queryFn: () => unwrap(client.GET('/api/order-disputes/flags')),
  });
  const decide = (d: Dispute, initial: Record<string, unknown>) =>
    onAction({ orderId: d.orderId, number: d.orderNumber, action: 'decide-dispute', initial });
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space>
        <Radio.Group
          value={state}
          onChange={(e) => {
            setState(e.target.value as State);
            setPage(1);
          }}
          optionType="button"
          options={[
            { value: 'pending', label: '待裁定' },
            { value: 'overdue', label: '裁定超期' },
            { value: 'decided', label: '已裁定' },
          ]}
        />
        {list.data?.overdue ? <Tag color="red">超期未裁定 {list.data.overdue} 件</Tag> : null}
      </Space>
      <QueryState loading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
        <Table<Dispute>
          size="small"
          rowKey="id"
          data-testid="office-disputes-table"
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: state === 'decided' ? '没有已裁定的异议' : '没有待裁定的派单异议' }}
          pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage }}
          columns={[
            {
              title: '工单编号',
              dataIndex: 'orderNumber',
              render: (n: string, d) => <Link to={`/orders/${d.orderId}`}>{n}</Link>,
            },
            { title: '标题', dataIndex: 'orderTitle', ellipsis: true },
            {
              title: '事项',
              dataIndex: 'categoryPath',
              render: (p: string[] | null) => p?.join(' / ') ?? '—',
            },
            { title: '提出单位', dataIndex: 'departmentName' },
            { title: '异议理由', dataIndex: 'reason', width: 240 },
            {
              title: '建议单位',
              dataIndex: 'proposedDepartmentName',
              render: (n: string | null) => n ?? '—',
            },
            { title: '裁定时限', dataIndex: 'decideDueAt', render: fmtDeadline },
            { title: '状态', key: 'outcome', render: (_: unknown, d) => <DisputeOutcomeTag d={d} /> },
            {
              title: '操作',
              key: 'actions',
              width: 220,
              render: (_: unknown, d) =>
                d.outcome === 'pending' ? (
                  <Space wrap size={4}>
                    <Button
                      size="small"
                      onClick={() => decide(d, { decision: 'uphold' })}
                      data-testid="dispute-uphold"
                    >
                      维持
                    </Button>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => decide(d, { decision: 'redirect' })}
                      data-testid="dispute-redirect"
                    >
                      改派
                    </Button>
                    <Button
                      size="small"
                      onClick={() => decide(d, { decision: 'joint' })}
                      data-testid="dispute-joint"
                    >
                      联合办理
                    </Button>
                  </Space>
                ) : (
                  (d.decidedDepartmentName ?? '—')
                ),
            },
          ]}
        />
      </QueryState>
      <Card size="small" title="派单异议较多的事项（提请目录管理者复核）" data-testid="dispute-flags">
        <QueryState loading={flags.isLoading} error={flags.error} onRetry={() => flags.refetch()}>
          {flags.data && (
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                近 {flags.data.windowDays} 天内被提出派单异议 {flags.data.minDisputes} 次及以上的事项
              </Typography.Paragraph>
              <Table<Flag>
                size="small"
                rowKey="categoryId"
                pagination={false}
                dataSource={flags.data.items}
                locale={{ emptyText: '没有需要复核的事项' }}
                columns={[
                  {
                    title: '事项',
                    dataIndex: 'categoryPath',
                    render: (p: string[] | null) => p?.join(' / ') ?? '—',
                  },
                  { title: '异议次数', dataIndex: 'disputes' },
                  {
                    title: '裁定情况',
                    dataIndex: 'outcomes',
                    render: (o: Record<string, number>) =>
                      Object.entries(o)
                        .map(([k, n]) => `${DISPUTE_OUTCOME_LABELS[k] ?? k} ${n}`)
                        .join('，'),
                  },
                  {
                    title: '涉及单位',
                    dataIndex: 'departments',
                    render: (ds: Flag['departments']) =>
                      ds.map((d) => `${d.name ?? d.departmentId}（${d.disputes}）`).join('、'),
                  },
                  { title: '最近一次', dataIndex: 'lastRaisedAt', render: fmtTime },
                ]}
              />
            </>
          )}
        </QueryState>
      </Card>
    </Space>
  );
}
