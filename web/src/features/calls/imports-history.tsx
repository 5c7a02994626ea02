import { Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { fmtTime } from '../../app/format.ts';
import { CALL_IMPORT_FORMAT_LABELS } from '../../app/labels.ts';
import type { CallImportRun, RejectedCallLine } from './types.ts';
import { QueryState } from '../../components/query-state.tsx';
import { rejectionColumns } from './import-panel.tsx';

const columns: ColumnsType<CallImportRun> = [
  { title: '导入时间', key: 'startedAt', render: (_, r) => fmtTime(r.startedAt) },
  { title: '文件', dataIndex: 'fileName', ellipsis: true, render: (f: string | null) => f ?? '—' },
  {
    title: '格式',
    dataIndex: 'format',
    render: (f: string) => CALL_IMPORT_FORMAT_LABELS[f]?.split('（')[0] ?? f,
  },
  { title: '读取行数', dataIndex: 'read', align: 'right' },
  { title: '新增', dataIndex: 'imported', align: 'right' },
  { title: '已存在', dataIndex: 'alreadyPresent', align: 'right' },
  {
    title: '拒绝',
    dataIndex: 'rejected',
    align: 'right',
    render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
  },
  { title: '跳过', dataIndex: 'skipped', align: 'right' },
  {
    title: '状态',
    key: 'finished',
    render: (_, r) => (r.finishedAt ? <Tag color="green">已完成</Tag> : <Tag color="orange">未完成</Tag>),
  },
];

/** The last imports (`GET /api/calls/imports`), the rejected lines of each under its row. */
export function ImportsHistory() {
  const q = useQuery({
    queryKey: ['calls', 'imports'],
    queryFn: () => unwrap(client.GET('/api/calls/imports')),
  });
  const items = q.data?.items ?? [];
  return (
    <Card size="small" title="导入记录（最近 100 次）" data-testid="call-imports">
      <QueryState
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
        empty={!items.length}
        emptyText="还没有导入过话单"
      >
        <Table<CallImportRun>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          scroll={{ x: 900 }}
          pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          expandable={{
            rowExpandable: (r) => Boolean(r.rejections?.length),
            expandedRowRender: (r) => (
              <Table<RejectedCallLine>
                size="small"
                rowKey={(x) => `${x.line}:${x.reason}`}
                columns={rejectionColumns}
                dataSource={r.rejections ?? []}
                pagination={
                  (r.rejections?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false
                }
              />
            ),
          }}
        />
      </QueryState>
    </Card>
  );
}
