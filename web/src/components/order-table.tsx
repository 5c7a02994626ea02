import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get, qs } from '../app/api.ts';
import { CHANNEL_LABELS, TYPE_LABELS } from '../app/labels.ts';
import { fmtTime } from '../app/format.ts';
import type { Order, OrderPage } from '../api/models.ts';
import { DeadlineBadge, StatusTag, UrgencyTag } from './order-tags.tsx';
import { QueryState } from './query-state.tsx';

export type OrderFilters = Record<string, string | number | boolean | undefined>;

export const orderColumns: ColumnsType<Order> = [
  {
    title: '工单编号',
    dataIndex: 'number',
    width: 150,
    render: (n: string, o) => <Link to={`/orders/${o.id}`}>{n}</Link>,
  },
  {
    title: '标题',
    dataIndex: 'title',
    // Wrapped, never cut: in a narrow list (the office's returns) an ellipsis left 4 characters (issue 14).
    onCell: () => ({ style: { minWidth: 180, whiteSpace: 'normal', wordBreak: 'break-all' } }),
    render: (t: string, o) => (
      <>
        <UrgencyTag urgency={o.urgency} />
        {t}
      </>
    ),
  },
  { title: '类型', dataIndex: 'type', width: 70, render: (t: string) => TYPE_LABELS[t] ?? t },
  { title: '渠道', dataIndex: 'channel', width: 80, render: (c: string) => CHANNEL_LABELS[c] ?? c },
  {
    title: '承办单位',
    dataIndex: 'departmentName',
    width: 160,
    render: (d: string | null) => d ?? '—',
  },
  { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <StatusTag status={s} /> },
  { title: '时限', key: 'deadline', width: 190, render: (_: unknown, o) => <DeadlineBadge order={o} /> },
  { title: '受理时间', dataIndex: 'receivedAt', width: 140, render: fmtTime },
];

/** A paged list of orders for any filter set, with loading, error and empty states. */
export function OrderTable({
  filters,
  page,
  pageSize = 20,
  onPage,
  emptyText = '没有符合条件的工单',
  title,
  testId,
}: {
  filters: OrderFilters;
  page: number;
  pageSize?: number;
  onPage: (page: number, pageSize: number) => void;
  emptyText?: string;
  title?: string;
  testId?: string;
}) {
  const q = useQuery({
    queryKey: ['orders', filters, page, pageSize],
    queryFn: () => get<OrderPage>(`/api/orders${qs({ ...filters, page, pageSize })}`),
  });
  return (
    <div data-testid={testId}>
      {title && <Typography.Title level={5}>{title}</Typography.Title>}
      <QueryState
        loading={q.isLoading}
        error={q.error}
        empty={q.data?.items.length === 0}
        emptyText={emptyText}
        onRetry={() => q.refetch()}
      >
        <Table<Order>
          rowKey="id"
          size="middle"
          columns={orderColumns}
          dataSource={q.data?.items}
          scroll={{ x: 900 }}
          pagination={{
            current: page,
            pageSize,
            total: q.data?.total,
            showSizeChanger: true,
            // A text search counts up to 1,000 matches (totalCapped): past that, ask for a narrower search.
            showTotal: (t) => (q.data?.totalCapped ? `超过 ${t} 条，请缩小搜索范围` : `共 ${t} 条`),
            onChange: onPage,
          }}
        />
      </QueryState>
    </div>
  );
}
