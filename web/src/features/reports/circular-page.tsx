import { useState } from 'react';
import dayjs from 'dayjs';
import { App, Button, Card, DatePicker, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { fmtTime } from '../../app/format.ts';
import { client, unwrap } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';
import { type CircularRow, downloadFile, JOB_STATUS_LABELS, type ReportJob } from './reports-api.ts';

const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
const FORMATS = ['docx', 'pdf', 'xlsx'] as const;

/**
 * 通报 — the departments ranked on their handling of dispatched orders, for the office to circulate. The table
 * is read at once; the documents are generated as a background job whose progress the page follows.
 */
export default function CircularPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([
    dayjs().subtract(1, 'month').startOf('month'),
    dayjs().subtract(1, 'month').endOf('month'),
  ]);
  const params = { from: range[0].format('YYYY-MM-DD'), to: range[1].add(1, 'day').format('YYYY-MM-DD') };
  const q = useQuery({
    queryKey: ['reports', 'circular', params.from, params.to],
    queryFn: () => unwrap(client.GET('/api/reports/circular', { params: { query: params } })),
  });
  const jobs = useQuery({
    queryKey: ['reports', 'jobs', 'circular'],
    queryFn: () => unwrap(client.GET('/api/reports/jobs', { params: { query: { kind: 'circular' } } })),
    // While one is generating, follow its progress.
    refetchInterval: (query) =>
      query.state.data?.items.some((j) => j.status === 'queued' || j.status === 'running') ? 1000 : false,
  });
  const start = useMutation({
    mutationFn: () => unwrap(client.POST('/api/reports/circular/jobs', { body: params })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports', 'jobs', 'circular'] }),
    onError: (e) => message.error(e instanceof ApiError ? e.messageZh : '操作失败'),
  });
  const columns: ColumnsType<CircularRow> = [
    { title: '排名', dataIndex: 'rank', width: 60, render: (v) => v ?? '—' },
    { title: '承办单位', dataIndex: 'name' },
    { title: '接收', dataIndex: 'received' },
    { title: '按时签收', dataIndex: 'signedOnTime' },
    { title: '按时办结', dataIndex: 'handledOnTime' },
    { title: '超期', dataIndex: 'overdue' },
    { title: '退回', dataIndex: 'returned' },
    { title: '其中单位原因', dataIndex: 'returnedNotOperatorFault' },
    { title: '延期', dataIndex: 'extensions' },
    { title: '满意率', dataIndex: 'satisfactionRate', render: pct },
    { title: '答复良好率', dataIndex: 'replyGoodRate', render: pct },
    { title: '综合得分', dataIndex: 'score', render: (v) => (v == null ? '—' : v.toFixed(2)) },
  ];
  const jobColumns: ColumnsType<ReportJob> = [
    { title: '期间', render: (_, j) => `${j.params.from} 至 ${j.params.to}（不含）` },
    { title: '提交时间', dataIndex: 'requestedAt', render: (v) => fmtTime(v) },
    {
      title: '状态',
      render: (_, j) => {
        const [label, color] = JOB_STATUS_LABELS[j.status];
        return j.status === 'running' || j.status === 'queued' ? (
          <Space direction="vertical" size={0} style={{ width: 160 }}>
            <Tag color={color}>{label}</Tag>
            <Progress percent={Math.round(j.progress * 100)} size="small" />
          </Space>
        ) : (
          <Space>
            <Tag color={color}>{label}</Tag>
            {j.error && <Typography.Text type="danger">{j.error}</Typography.Text>}
          </Space>
        );
      },
    },
    {
      title: '文件',
      render: (_, j) =>
        j.status === 'done' && (
          <Space>
            {FORMATS.map((f) => (
              <Button
                key={f}
                size="small"
                onClick={() =>
                  downloadFile(`/api/reports/jobs/${j.id}/files/${f}`, `circular.${f}`).catch((e) =>
                    message.error(e instanceof ApiError ? e.messageZh : '下载失败'),
                  )
                }
              >
                {f.toUpperCase()}
              </Button>
            ))}
          </Space>
        ),
    },
  ];
  return (
    <Card
      title="承办单位通报"
      extra={<Link to={`/reports/scorecards?from=${params.from}&to=${params.to}`}>各单位考评明细</Link>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={range}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <Button type="primary" loading={start.isPending} onClick={() => start.mutate()}>
          生成通报文件
        </Button>
      </Space>
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Table
          rowKey="departmentId"
          size="small"
          columns={columns}
          dataSource={q.data?.departments ?? []}
          pagination={false}
        />
      </QueryState>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        生成任务（Word、PDF、Excel 在后台生成，完成后可下载）
      </Typography.Title>
      <QueryState loading={jobs.isLoading} error={jobs.error} onRetry={() => void jobs.refetch()}>
        <Table
          rowKey="id"
          size="small"
          columns={jobColumns}
          dataSource={jobs.data?.items ?? []}
          pagination={false}
          data-testid="circular-jobs"
        />
      </QueryState>
    </Card>
  );
}
