import { Button, Space, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { type Answer, client, unwrap } from '../../api/client.ts';
import { STATUS_LABELS } from '../../app/labels.ts';
import { fmtDeadline, fmtRemaining, fmtTime } from '../../app/format.ts';
import type { PendingAction } from '../workbench/order-action-launcher.tsx';

type CoTaskRow = Answer<'/api/orders/co-tasks', 'get'>['items'][number];

/**
 * 协办 — orders my department co-handles, with my own deadline (a working day or more before the lead's), to
 * sign and answer my part; the lead department consolidates the answers into the citizen's reply.
 */
export function CoTasksTab({ onAction }: { onAction: (p: PendingAction) => void }) {
  const q = useQuery({
    queryKey: ['orders', 'co-tasks'],
    queryFn: () => unwrap(client.GET('/api/orders/co-tasks', { params: { query: { open: 'true' } } })),
    refetchInterval: 60_000,
  });
  const act = (r: CoTaskRow, action: string) =>
    onAction({ orderId: r.orderId, number: r.orderNumber, action });
  return (
    <Table<CoTaskRow>
      data-testid="dept-list-co"
      size="small"
      rowKey="id"
      loading={q.isLoading}
      dataSource={q.data?.items ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: '没有待办的协办工单' }}
      columns={[
        { title: '工单编号', dataIndex: 'orderNumber', width: 150 },
        {
          title: '标题',
          dataIndex: 'title',
          render: (t: string, r) => (
            <>
              <Tag color="purple">协办</Tag>
              {r.overdue && <Tag color="red">协办超期</Tag>}
              {t}
            </>
          ),
        },
        { title: '状态', dataIndex: 'orderStatus', width: 90, render: (s: string) => STATUS_LABELS[s] ?? s },
        {
          title: '本单位协办时限',
          dataIndex: 'dueAt',
          width: 190,
          render: (d: string) => {
            const left = fmtRemaining(d);
            return (
              <span data-testid="co-due">
                {fmtDeadline(d)} <Tag color={left.overdue ? 'red' : 'blue'}>{left.text}</Tag>
              </span>
            );
          },
        },
        { title: '签收', dataIndex: 'signedAt', width: 140, render: fmtTime },
        {
          title: '操作',
          key: 'actions',
          width: 220,
          render: (_: unknown, r) => (
            <Space size={4}>
              {!r.signedAt && (
                <Button size="small" type="primary" onClick={() => act(r, 'co-sign')} data-testid="co-sign">
                  协办签收
                </Button>
              )}
              <Button size="small" onClick={() => act(r, 'co-reply')} data-testid="co-reply">
                协办答复
              </Button>
              <Link to={`/orders/${r.orderId}`}>详情</Link>
            </Space>
          ),
        },
      ]}
    />
  );
}
