import { useEffect, useState, type HTMLAttributes, type ReactNode } from 'react';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { get, qs } from '../../app/api.ts';
import type { Order, OrderPage } from '../../api/models.ts';
import { orderColumns, type OrderFilters } from '../../components/order-table.tsx';
import { QueryState } from '../../components/query-state.tsx';

/** The shared order columns by title, so a queue can pick the ones it needs. */
export const column = (title: string) => orderColumns.find((c) => c.title === title)!;

/**
 * A work queue: a paged list of orders for one filter set, with the shared columns, queue-specific columns
 * and a column of quick actions per row; loading, error and empty states as everywhere.
 */
export function QueueTable({
  filters,
  columns,
  actions,
  actionsWidth = 220,
  emptyText,
  testId,
  pageSize: initialPageSize = 10,
  refetchInterval = 60_000,
}: {
  filters: OrderFilters;
  columns: ColumnsType<Order>;
  actions?: (o: Order) => ReactNode;
  actionsWidth?: number;
  emptyText: string;
  testId: string;
  pageSize?: number;
  refetchInterval?: number;
}) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const q = useQuery({
    queryKey: ['orders', filters, page, pageSize],
    queryFn: () => get<OrderPage>(`/api/orders${qs({ ...filters, page, pageSize })}`),
    refetchInterval,
  });
  // The last row of a later page was handled: go back to a page that has rows.
  const emptyPage = q.data != null && q.data.items.length === 0 && page > 1;
  useEffect(() => {
    if (emptyPage) setPage(1);
  }, [emptyPage]);
  const all: ColumnsType<Order> = actions
    ? [
        ...columns,
        {
          title: '操作',
          key: 'actions',
          width: actionsWidth,
          fixed: 'right',
          render: (_: unknown, o) => actions(o),
        },
      ]
    : columns;
  return (
    <div data-testid={testId}>
      <QueryState
        loading={q.isLoading}
        error={q.error}
        empty={q.data?.total === 0}
        emptyText={emptyText}
        onRetry={() => q.refetch()}
      >
        <Table<Order>
          rowKey="id"
          size="middle"
          columns={all}
          dataSource={q.data?.items}
          scroll={{ x: 1000 }}
          onRow={(o) => ({ 'data-order-number': o.number }) as HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize,
            total: q.data?.total,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
        />
      </QueryState>
    </div>
  );
}
