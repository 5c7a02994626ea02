import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { client, query, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { FormModal } from './form-modal.tsx';
import { PeriodSelect, usePeriod } from './period-select.tsx';
import { drillPath, pct, today, useDrillIds, type AssistanceTask } from './shared.ts';
import { Link } from 'react-router';
import { DrillFilterNotice } from './drill-filter-notice.tsx';

function AssignModal({ onClose }: { onClose: () => void }) {
  return (
    <FormModal<{ title: string; description: string; dueOn: Dayjs }>
      title="布置协助监督任务"
      labels={{ title: '任务名称', description: '任务内容', dueOn: '完成期限' }}
      testId="task-form"
      invalidate={[['quality']]}
      successText="已布置"
      submit={(v) =>
        unwrap(
          client.POST('/api/quality/tasks', {
            body: {
              title: v.title.trim(),
              description: v.description.trim(),
              dueOn: v.dueOn.format('YYYY-MM-DD'),
            },
          }),
        )
      }
      onClose={onClose}
    >
      <Form.Item
        name="title"
        label="任务名称"
        rules={[{ required: true, whitespace: true, message: '请填写任务名称' }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="description"
        label="任务内容"
        rules={[{ required: true, whitespace: true, message: '请填写任务内容' }]}
      >
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="dueOn" label="完成期限" rules={[{ required: true, message: '请选择完成期限' }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}

function CompleteModal({ task, onClose }: { task: AssistanceTask; onClose: () => void }) {
  return (
    <FormModal<{ result: string }>
      title={`完成任务：${task.title}`}
      labels={{ result: '完成情况' }}
      testId="task-complete-form"
      invalidate={[['quality']]}
      successText="已完成"
      submit={(v) =>
        unwrap(
          client.POST('/api/quality/tasks/{id}/complete', {
            params: { path: { id: task.id } },
            body: { result: v.result.trim() },
          }),
        )
      }
      onClose={onClose}
    >
      <Alert type="info" style={{ marginBottom: 12 }} title={task.description} />
      <Form.Item
        name="result"
        label="完成情况"
        rules={[{ required: true, whitespace: true, message: '请填写完成情况' }]}
      >
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

/** 协助监督任务 — tasks the office assigns, their completion, and the quarter's completion rate (KPI 10). */
export default function AssistanceTasksPage() {
  const user = useUser();
  const [period, setPeriod] = usePeriod();
  const [assigning, setAssigning] = useState(false);
  const [completing, setCompleting] = useState<AssistanceTask | null>(null);
  const [ids, clearIds] = useDrillIds();
  const q = useQuery({
    queryKey: ['quality', 'tasks'],
    queryFn: () => unwrap(client.GET('/api/quality/tasks')),
  });
  const range = { from: period.from, to: period.to };
  const rate = useQuery({
    queryKey: ['quality', 'indicators', range],
    queryFn: () => unwrap(client.GET('/api/quality/indicators', { params: { query: query(range) } })),
  });
  const f = rate.data?.assistanceCompletion;
  const items = (q.data?.items ?? []).filter((t) => !ids || ids.has(String(t.id)));
  const day = today();
  const onTime = (t: AssistanceTask) => t.status === 'done' && fmtTime(t.completedAt).slice(0, 10) <= t.dueOn;
  const columns: ColumnsType<AssistanceTask> = [
    { title: '编号', dataIndex: 'id', width: 70 },
    { title: '任务', dataIndex: 'title', width: 200, ellipsis: true },
    { title: '内容', dataIndex: 'description', ellipsis: true },
    { title: '布置时间', dataIndex: 'assignedAt', width: 140, render: fmtTime },
    { title: '期限', dataIndex: 'dueOn', width: 110 },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, t) =>
        t.status === 'done' ? (
          <Tag color={onTime(t) ? 'green' : 'orange'}>{onTime(t) ? '按期完成' : '逾期完成'}</Tag>
        ) : t.dueOn < day ? (
          <Tag color="red">逾期未完成</Tag>
        ) : (
          <Tag color="blue">进行中</Tag>
        ),
    },
    {
      title: '完成情况',
      key: 'result',
      ellipsis: true,
      render: (_, t) => (t.completedAt ? `${fmtTime(t.completedAt)} ${t.result ?? ''}` : '—'),
    },
    ...(user.role === 'team_lead'
      ? [
          {
            title: '操作',
            key: 'action',
            width: 80,
            render: (_: unknown, t: AssistanceTask) =>
              t.status === 'open' ? (
                <Button size="small" onClick={() => setCompleting(t)} data-testid={`task-complete-${t.id}`}>
                  完成
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quality-tasks">
      <Typography.Title level={4} style={{ margin: 0 }}>
        协助监督任务
      </Typography.Title>
      <Card
        size="small"
        title={`协助监督考核完成率 · ${period.label}（目标 100%）`}
        extra={<PeriodSelect period={period} onChange={setPeriod} kinds={['quarter', 'month', 'year']} />}
        data-testid="task-rate"
      >
        <QueryState loading={rate.isLoading} error={rate.error} onRetry={() => rate.refetch()}>
          {f && (
            <Row gutter={16}>
              <Col span={8}>
                <Statistic
                  title="完成率"
                  value={pct(f.value)}
                  styles={{ content: { color: f.value == null || f.value >= 1 ? '#389e0d' : '#cf1322' } }}
                />
              </Col>
              <Col span={8}>
                <Statistic title="按期完成" value={f.numerator} />
                {f.numerator > 0 && <Link to={drillPath('/quality/tasks', f.evidence.met)}>查看</Link>}
              </Col>
              <Col span={8}>
                <Statistic title="期内到期" value={f.denominator} />
                {f.denominator > 0 && <Link to={drillPath('/quality/tasks', f.evidence.counted)}>查看</Link>}
              </Col>
            </Row>
          )}
        </QueryState>
      </Card>
      <Card
        size="small"
        title={`任务（${items.length}）`}
        extra={
          user.role === 'office' && (
            <Button
              icon={<PlusOutlined />}
              type="primary"
              onClick={() => setAssigning(true)}
              data-testid="task-assign"
            >
              布置任务
            </Button>
          )
        }
      >
        <DrillFilterNotice ids={ids} onClear={clearIds} unit="项任务" />
        <QueryState
          loading={q.isLoading}
          error={q.error}
          onRetry={() => q.refetch()}
          empty={!items.length}
          emptyText="没有协助监督任务"
        >
          <Table<AssistanceTask>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            scroll={{ x: 1000 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </QueryState>
      </Card>
      {assigning && <AssignModal onClose={() => setAssigning(false)} />}
      {completing && <CompleteModal task={completing} onClose={() => setCompleting(null)} />}
    </Space>
  );
}
