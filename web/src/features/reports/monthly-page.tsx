import { useState } from 'react';
import dayjs from 'dayjs';
import { App, Button, Card, DatePicker, Progress, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../app/api.ts';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { downloadFile, type MonthlyRecord, STATUS_LABELS } from './reports-api.ts';

const FORMATS = ['docx', 'pdf', 'xlsx'] as const;
type Action =
  { kind: 'generate' | 'submit'; month: string } | { kind: 'decide'; month: string; accept: boolean };

/** 月度分析报告 — generate (with progress), download, submit (operator) and accept (office): KPI 11's evidence. */
export default function MonthlyReportsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(dayjs().subtract(1, 'month'));
  const q = useQuery({
    queryKey: ['reports', 'monthly-records'],
    queryFn: () => unwrap(client.GET('/api/reports/monthly-records')),
    // While one generates, follow its progress.
    refetchInterval: (query) =>
      query.state.data?.items.some((r) => r.status === 'generating') ? 1500 : false,
  });
  const act = useMutation({
    mutationFn: (a: Action) => {
      const params = { path: { month: a.month } };
      if (a.kind === 'decide')
        return unwrap(
          client.POST('/api/reports/monthly-records/{month}/decide', { params, body: { accept: a.accept } }),
        );
      if (a.kind === 'generate')
        return unwrap(client.POST('/api/reports/monthly-records/{month}/generate', { params, body: {} }));
      return unwrap(client.POST('/api/reports/monthly-records/{month}/submit', { params, body: {} }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports', 'monthly-records'] }),
    onError: (e) => message.error(e instanceof ApiError ? e.messageZh : '操作失败'),
  });
  const download = (path: string, name: string) =>
    downloadFile(path, name).catch((e) => message.error(e instanceof ApiError ? e.messageZh : '下载失败'));
  const base = (m: string) => `/api/reports/monthly-records/${m}`;
  const columns: ColumnsType<MonthlyRecord> = [
    { title: '月份', dataIndex: 'month', width: 90 },
    {
      title: '状态',
      render: (_, r) => {
        const [label, color] = STATUS_LABELS[r.status];
        return r.status === 'generating' ? (
          <Space direction="vertical" size={0} style={{ width: 160 }}>
            <Tag color={color}>{label}</Tag>
            <Progress percent={Math.round(r.progress * 100)} size="small" />
          </Space>
        ) : (
          <Tag color={color}>{label}</Tag>
        );
      },
    },
    { title: '合同', dataIndex: 'contractId', render: (v) => v ?? '无' },
    {
      title: '完整性',
      render: (_, r) =>
        r.complete == null ? (
          '—'
        ) : r.complete ? (
          <Tag color="green">完整</Tag>
        ) : (
          <Tag color="red">缺少章节</Tag>
        ),
    },
    { title: '生成', dataIndex: 'generatedAt', render: (v) => (v ? fmtTime(v) : '—') },
    { title: '提交', dataIndex: 'submittedAt', render: (v) => (v ? fmtTime(v) : '—') },
    {
      title: '操作',
      render: (_, r) => (
        <Space wrap>
          {r.generatedAt &&
            FORMATS.map((f) => (
              <Button
                key={f}
                size="small"
                onClick={() => download(`${base(r.month)}/files/${f}`, `monthly-${r.month}.${f}`)}
              >
                {f.toUpperCase()}
              </Button>
            ))}
          {user.role === 'team_lead' && r.status === 'generated' && (
            <Button
              size="small"
              type="primary"
              onClick={() => act.mutate({ kind: 'submit', month: r.month })}
            >
              提交
            </Button>
          )}
          {user.role === 'office' && r.status === 'submitted' && (
            <>
              <Button
                size="small"
                type="primary"
                onClick={() => act.mutate({ kind: 'decide', month: r.month, accept: true })}
              >
                验收
              </Button>
              <Button
                size="small"
                danger
                onClick={() => act.mutate({ kind: 'decide', month: r.month, accept: false })}
              >
                退回修改
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];
  const canGenerate = user.role === 'team_lead' || user.role === 'office';
  const key = month.format('YYYY-MM');
  return (
    <Card title="月度分析报告（月常规业务数据分析）">
      <Typography.Paragraph type="secondary">
        每月第一个工作日平台自动生成上月报告；运营方审阅后提交，热线办验收。提交时间与完整性计入第 11
        项考核指标（次月 5 个工作日内）。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} />
        {canGenerate && (
          <Button onClick={() => act.mutate({ kind: 'generate', month: key })} loading={act.isPending}>
            生成 / 重新生成
          </Button>
        )}
        {FORMATS.map((f) => (
          <Button key={f} onClick={() => download(`/api/reports/monthly/${key}.${f}`, `monthly-${key}.${f}`)}>
            即时下载 {f.toUpperCase()}
          </Button>
        ))}
      </Space>
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Table
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={q.data?.items ?? []}
          pagination={false}
        />
      </QueryState>
    </Card>
  );
}
