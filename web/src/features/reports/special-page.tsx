import { useState } from 'react';
import { App, Button, Card, Empty, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../app/api.ts';
import { client, unwrap } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';
import { downloadFile, type SpecialReport } from './reports-api.ts';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
type Subject = { hotTopic: number } | { orders: string };
type Block = SpecialReport['sections'][number]['blocks'][number];

const cellText = (v: string | number | null, format?: string) =>
  v == null ? '—' : typeof v === 'number' && format === 'pct' ? `${(v * 100).toFixed(2)}%` : String(v);

function BlockView({ block }: { block: Block }) {
  if (block.kind === 'text') return <Typography.Paragraph>{block.text}</Typography.Paragraph>;
  return (
    <Table
      size="small"
      title={() => block.title}
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={block.rows.map((r) => ({ r }))}
      columns={block.columns.map((c, i) => ({
        title: c.title,
        render: (_: unknown, row: { r: (string | number | null)[] }) => cellText(row.r[i] ?? null, c.format),
      }))}
      style={{ marginBottom: 16 }}
    />
  );
}

/** 专报 — a special report on a confirmed hot topic or chosen orders: previewed here, downloaded as Word or PDF. */
export default function SpecialReportPage() {
  const { message } = App.useApp();
  const [mode, setMode] = useState<'topic' | 'orders'>('topic');
  const [topic, setTopic] = useState<number>();
  const [numbers, setNumbers] = useState('');
  const [subject, setSubject] = useState<Subject>();
  const topics = useQuery({
    queryKey: ['hot-topics', 'confirmed'],
    queryFn: () => unwrap(client.GET('/api/hot-topics', { params: { query: { status: 'confirmed' } } })),
  });
  const report = useQuery({
    queryKey: ['reports', 'special', subject],
    enabled: subject != null,
    queryFn: () => unwrap(client.GET('/api/reports/special', { params: { query: subject! } })),
  });
  const query = subject
    ? 'hotTopic' in subject
      ? `hotTopic=${subject.hotTopic}`
      : `orders=${encodeURIComponent(subject.orders)}`
    : '';
  const preview = () => {
    if (mode === 'topic') {
      if (topic == null) return message.warning('请选择热点事项');
      setSubject({ hotTopic: topic });
    } else {
      const list = numbers
        .split(/[\s,，;；]+/)
        .map((n) => n.trim())
        .filter(Boolean);
      if (!list.length) return message.warning('请填写工单编号');
      setSubject({ orders: list.join(',') });
    }
  };
  return (
    <Card title="专报">
      <Typography.Paragraph type="secondary">
        就已确认的热点事项或指定的一组工单生成专报：基本情况、时间分布、地点分布、代表性诉求（个人信息已脱敏）、涉及部门、办理状态。
      </Typography.Paragraph>
      <Space wrap align="start" style={{ marginBottom: 16 }}>
        <Segmented
          value={mode}
          onChange={(v) => setMode(v as 'topic' | 'orders')}
          options={[
            { label: '热点事项', value: 'topic' },
            { label: '指定工单', value: 'orders' },
          ]}
        />
        {mode === 'topic' ? (
          <Select
            style={{ width: 320 }}
            placeholder="选择已确认的热点事项"
            loading={topics.isLoading}
            value={topic}
            onChange={setTopic}
            aria-label="热点事项"
            options={(topics.data?.items ?? []).map((t) => ({ value: t.id, label: t.title }))}
          />
        ) : (
          <Input.TextArea
            style={{ width: 420 }}
            rows={3}
            placeholder="工单编号，逗号或换行分隔（最多 2000 个）"
            aria-label="工单编号"
            value={numbers}
            onChange={(e) => setNumbers(e.target.value)}
          />
        )}
        <Button type="primary" onClick={preview} loading={report.isFetching}>
          生成预览
        </Button>
        {report.data &&
          (['docx', 'pdf'] as const).map((f) => (
            <Button
              key={f}
              onClick={() =>
                downloadFile(`/api/reports/special/${f}?${query}`, `special.${f}`).catch((e) =>
                  message.error(e instanceof ApiError ? e.messageZh : '下载失败'),
                )
              }
            >
              下载 {f === 'docx' ? 'Word' : 'PDF'}
            </Button>
          ))}
      </Space>
      {!subject ? (
        <Empty description="选择热点事项或填写工单编号后生成预览" />
      ) : (
        <QueryState loading={report.isLoading} error={report.error} onRetry={() => void report.refetch()}>
          {report.data && (
            <div data-testid="special-report">
              <Typography.Title level={3} style={{ textAlign: 'center' }}>
                {report.data.title}
              </Typography.Title>
              {report.data.meta.map((m) => (
                <Typography.Paragraph key={m} type="secondary" style={{ textAlign: 'center', margin: 0 }}>
                  {m}
                </Typography.Paragraph>
              ))}
              {report.data.sections.map((s, i) => (
                <section key={s.title} style={{ marginTop: 16 }}>
                  <Typography.Title level={5}>
                    {CN[i]}、{s.title}
                  </Typography.Title>
                  {s.blocks.map((b, j) => (
                    <BlockView key={j} block={b} />
                  ))}
                </section>
              ))}
            </div>
          )}
        </QueryState>
      )}
    </Card>
  );
}
