import { Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client.ts';
import { fmtTime } from '../../app/format.ts';

/**
 * The orders an indicator counts, by number, title and department, each linking to the order (issue 14: the
 * drill-down listed internal ids). Titles wrap rather than being cut.
 */
export function OrderBriefs({ ids, testId }: { ids: number[]; testId?: string }) {
  const key = ids.join(',');
  const q = useQuery({
    queryKey: ['orders', 'briefs', key],
    queryFn: () => unwrap(client.GET('/api/orders/briefs', { params: { query: { ids: key } } })),
    enabled: ids.length > 0,
  });
  return (
    <div data-testid={testId}>
      <Table
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          {
            title: '工单编号',
            dataIndex: 'number',
            width: 150,
            render: (n: string, r) => (
              <Link to={`/orders/${r.id}`} data-testid="drill-order">
                {n}
              </Link>
            ),
          },
          {
            title: '标题',
            dataIndex: 'title',
            render: (t: string) => <span style={{ whiteSpace: 'normal' }}>{t}</span>,
          },
          { title: '承办单位', dataIndex: 'departmentName', render: (d: string | null) => d ?? '—' },
          { title: '状态', dataIndex: 'statusLabel', width: 80 },
          { title: '受理时间', dataIndex: 'receivedAt', width: 150, render: fmtTime },
        ]}
      />
      {q.data && q.data.items.length < ids.length && (
        <Typography.Text type="secondary">
          另有 {ids.length - q.data.items.length} 条不在您的查看范围内
        </Typography.Text>
      )}
    </div>
  );
}
