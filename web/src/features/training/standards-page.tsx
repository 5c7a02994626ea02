import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { QueryState } from '../../components/query-state.tsx';
import { fmtRate } from '../knowledge/labels.ts';
import { TRAINERS, useTrainingIndicators, type Standard } from './training-api.ts';

export function useStandards() {
  return useQuery({
    queryKey: ['training', 'standards'],
    queryFn: () => unwrap(client.GET('/api/standards')).then((r) => r.items),
  });
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
/** A required date field of the form (the form refuses to submit without it). */
const requiredDay = (d: Dayjs | null | undefined) => day(d) as string;

type Dialog = { kind: 'new' } | { kind: 'complete'; s: Standard } | { kind: 'revise'; s: Standard } | null;

const LABELS = {
  code: '编号',
  title: '名称',
  version: '版本',
  plannedOn: '计划完成日期',
  completedOn: '完成日期',
  revisedOn: '修订日期',
  summary: '修订内容',
};

function StandardDialog({ dialog, onClose }: { dialog: Dialog; onClose: () => void }) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Record<string, unknown>) => {
      if (dialog?.kind === 'new')
        return unwrap(
          client.POST('/api/standards', {
            body: {
              code: String(v.code).trim(),
              title: String(v.title).trim(),
              version: String(v.version ?? '1.0').trim() || '1.0',
              plannedOn: requiredDay(v.plannedOn as Dayjs),
            },
          }),
        );
      if (dialog?.kind === 'complete')
        return unwrap(
          client.POST('/api/standards/{id}/complete', {
            params: { path: { id: dialog.s.id } },
            body: { completedOn: requiredDay(v.completedOn as Dayjs) },
          }),
        );
      return unwrap(
        client.POST('/api/standards/{id}/revisions', {
          params: { path: { id: dialog!.s.id } },
          body: {
            version: String(v.version).trim(),
            revisedOn: requiredDay(v.revisedOn as Dayjs),
            summary: String(v.summary).trim(),
          },
        }),
      );
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['training'] });
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  const title =
    dialog?.kind === 'new'
      ? '新增标准'
      : dialog?.kind === 'complete'
        ? `完成：${dialog.s.title}`
        : `修订：${dialog?.s.title ?? ''}`;
  return (
    <Modal
      open={dialog != null}
      title={title}
      okText="提交"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterOpenChange={(o) => o && setError(null)}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ version: '1.0', completedOn: dayjs(), revisedOn: dayjs() }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        {dialog?.kind === 'new' && (
          <>
            <Form.Item
              name="code"
              label="编号"
              rules={[
                { required: true, message: '请填写编号' },
                { pattern: /^[A-Za-z0-9_.-]{1,40}$/, message: '只能使用字母、数字和“_”“-”“.”（1–40 位）' },
              ]}
            >
              <Input placeholder="如 BZ-2025-01" />
            </Form.Item>
            <Form.Item
              name="title"
              label="名称"
              rules={[
                { required: true, whitespace: true, message: '请填写名称' },
                { max: 200, message: '不超过 200 字' },
              ]}
            >
              <Input placeholder="如：话务员服务用语规范" />
            </Form.Item>
            <Form.Item name="version" label="版本" rules={[{ max: 20, message: '不超过 20 字' }]}>
              <Input style={{ width: 120 }} />
            </Form.Item>
            <Form.Item
              name="plannedOn"
              label="计划完成日期"
              rules={[{ required: true, message: '请选择计划完成日期' }]}
            >
              <DatePicker />
            </Form.Item>
          </>
        )}
        {dialog?.kind === 'complete' && (
          <Form.Item
            name="completedOn"
            label="完成日期"
            rules={[{ required: true, message: '请选择完成日期' }]}
          >
            <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        )}
        {dialog?.kind === 'revise' && (
          <>
            <Form.Item
              name="version"
              label="新版本号"
              rules={[
                { required: true, whitespace: true, message: '请填写新版本号' },
                { max: 20, message: '不超过 20 字' },
              ]}
            >
              <Input style={{ width: 120 }} placeholder={`当前 ${dialog.s.version}`} />
            </Form.Item>
            <Form.Item
              name="revisedOn"
              label="修订日期"
              rules={[{ required: true, message: '请选择修订日期' }]}
            >
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="summary"
              label="修订内容"
              rules={[
                { required: true, whitespace: true, message: '请填写修订内容' },
                { max: 2000, message: '不超过 2000 字' },
              ]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 操作规范（标准编写）— the operator's standards: planned, completed, revised; the year's completion rate. */
export default function StandardsPage() {
  const role = useUser().role;
  const canAct = TRAINERS.includes(role);
  const canPlan = role === 'office';
  const standards = useStandards();
  const [dialog, setDialog] = useState<Dialog>(null);
  const year = dayjs().year();
  const yearFigure = useTrainingIndicators({ from: `${year}-01-01`, to: `${year + 1}-01-01` }, canAct);
  const today = dayjs().format('YYYY-MM-DD');
  const columns: ColumnsType<Standard> = [
    { title: '编号', dataIndex: 'code', width: 140 },
    { title: '名称', dataIndex: 'title' },
    { title: '版本', dataIndex: 'version', width: 80 },
    { title: '计划完成', dataIndex: 'plannedOn', width: 120 },
    {
      title: '完成',
      key: 'completed',
      width: 160,
      render: (_, s) =>
        s.completedOn ? (
          <Space size={4}>
            {s.completedOn}
            {s.completedOn > s.plannedOn && <Tag color="orange">逾期完成</Tag>}
          </Space>
        ) : s.plannedOn < today ? (
          <Tag color="red">逾期未完成</Tag>
        ) : (
          <Tag>计划中</Tag>
        ),
    },
    { title: '修订', key: 'revisions', width: 70, render: (_, s) => s.revisions.length || '—' },
    ...(canAct
      ? [
          {
            title: '操作',
            key: 'op',
            width: 100,
            render: (_: unknown, s: Standard) =>
              s.status === 'completed' ? (
                <Typography.Link onClick={() => setDialog({ kind: 'revise', s })}>修订</Typography.Link>
              ) : (
                <Typography.Link onClick={() => setDialog({ kind: 'complete', s })}>完成</Typography.Link>
              ),
          },
        ]
      : []),
  ];
  const f = yearFigure.data?.standardsCompletion;
  return (
    <Card
      title="操作规范（标准编写）"
      extra={
        <Space>
          {f && (
            <Typography.Text data-testid="standards-year-rate">
              {year} 年完成率 {fmtRate(f.value)}（{f.numerator}/{f.denominator}）
            </Typography.Text>
          )}
          {/* The plan is Party A's record (KPI 12): only the office adds a planned standard. */}
          {canPlan && (
            <Button type="primary" onClick={() => setDialog({ kind: 'new' })}>
              新增标准
            </Button>
          )}
        </Space>
      }
    >
      <QueryState
        loading={standards.isLoading}
        error={standards.error}
        empty={!standards.data?.length}
        emptyText="还没有登记标准"
        onRetry={() => standards.refetch()}
      >
        <Table<Standard>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={standards.data}
          pagination={false}
          expandable={{
            rowExpandable: (s) => s.revisions.length > 0,
            expandedRowRender: (s) => (
              <Timeline
                items={s.revisions.map((r) => ({
                  key: r.id,
                  children: (
                    <span>
                      <strong>{r.version}</strong>（{r.revisedOn}）{r.summary}
                    </span>
                  ),
                }))}
              />
            ),
          }}
        />
      </QueryState>
      <StandardDialog dialog={dialog} onClose={() => setDialog(null)} />
    </Card>
  );
}
