/**
 * 考勤记录 of a rota's period: each stored clock-in record with 更正 / 删除 (a reason is required; the server keeps
 * who changed what, before and after), the change history, and 下载工资表 (the CLI's pay workbook).
 */
import { useState } from 'react';
import { App as AntApp, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap, type Answer } from '../../api/client.ts';
import { ApiError } from '../../app/api.ts';
import { QueryState } from '../../components/query-state.tsx';
import { downloadFile } from '../../components/export-button.tsx';
import { plusDays } from './planning-shared.ts';

type Row = Answer<'/api/workforce/attendance', 'get'>['items'][number];
type Change = Answer<'/api/workforce/attendance/changes', 'get'>['items'][number];

/** `YYYY-MM-DD HH:mm` in the city's time (UTC+8, no daylight saving): what the server reads back as +08:00. */
const local = (t: string | Date) =>
  new Date(new Date(t).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function PayDownloadButton({ rotaId, monthlyWageFen }: { rotaId: number; monthlyWageFen: number }) {
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      disabled={monthlyWageFen <= 0}
      onClick={() => {
        setBusy(true);
        downloadFile(
          `/api/workforce/rotas/${rotaId}/pay.xlsx?monthlyWageFen=${monthlyWageFen}`,
          '加班工资.xlsx',
        )
          .catch((e: Error) => message.error(e instanceof ApiError ? e.messageZh : '下载失败'))
          .finally(() => setBusy(false));
      }}
    >
      下载工资表
    </Button>
  );
}

type Editing = { row: Row; action: 'correct' | 'delete' } | null;

function ChangeDialog({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ clockIn: string; clockOut: string; reason: string }>();
  const save = useMutation({
    mutationFn: async (v: { clockIn: string; clockOut: string; reason: string }) => {
      const id = editing!.row.id;
      if (editing!.action === 'delete')
        return unwrap(
          client.DELETE('/api/workforce/attendance/{id}', {
            params: { path: { id } },
            body: { reason: v.reason },
          }),
        );
      return unwrap(
        client.PATCH('/api/workforce/attendance/{id}', {
          params: { path: { id } },
          body: { clockIn: v.clockIn, clockOut: v.clockOut, reason: v.reason },
        }),
      );
    },
    onSuccess: () => {
      message.success(editing!.action === 'delete' ? '已删除考勤记录' : '已更正考勤记录');
      void qc.invalidateQueries({ queryKey: ['workforce', 'pay'] });
      void qc.invalidateQueries({ queryKey: ['workforce', 'attendance'] });
      onClose();
    },
    onError: (e: Error) => {
      if (e instanceof ApiError)
        form.setFields(
          e.fields.flatMap((f) => {
            const name = f.field.replace(/^body\./, '');
            return name === 'clockIn' || name === 'clockOut' || name === 'reason'
              ? [{ name, errors: [f.message] }]
              : [];
          }),
        );
      message.error(e instanceof ApiError ? e.messageZh : e.message);
    },
  });
  const row = editing?.row;
  return (
    <Modal
      open={editing != null}
      title={editing?.action === 'delete' ? '删除考勤记录' : '更正考勤记录'}
      okText={editing?.action === 'delete' ? '删除' : '保存更正'}
      okButtonProps={{ danger: editing?.action === 'delete', loading: save.isPending }}
      onOk={() => void form.validateFields().then((v) => save.mutate(v))}
      onCancel={onClose}
      destroyOnHidden
    >
      {row && (
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ clockIn: local(row.clockIn), clockOut: local(row.clockOut), reason: '' }}
        >
          <Typography.Paragraph>
            {row.name}，{row.workDate}：{local(row.clockIn)} – {local(row.clockOut)}（{row.hours} 小时）
          </Typography.Paragraph>
          {editing.action === 'correct' && (
            <>
              <Form.Item name="clockIn" label="签到时间" rules={[{ required: true }]}>
                <Input placeholder="YYYY-MM-DD HH:mm" aria-label="签到时间" />
              </Form.Item>
              <Form.Item name="clockOut" label="签退时间" rules={[{ required: true }]}>
                <Input placeholder="YYYY-MM-DD HH:mm" aria-label="签退时间" />
              </Form.Item>
            </>
          )}
          <Form.Item
            name="reason"
            label="原因"
            rules={[{ required: true, whitespace: true, message: '请填写原因' }, { max: 500 }]}
          >
            <Input.TextArea rows={2} aria-label="原因" maxLength={500} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

const ACTION = { correct: { label: '更正', color: 'blue' }, delete: { label: '删除', color: 'red' } };

export function AttendanceRecords({
  from,
  weeks,
  canEdit,
}: {
  from: string;
  weeks: number;
  canEdit: boolean;
}) {
  const to = plusDays(from, 7 * weeks);
  const [editing, setEditing] = useState<Editing>(null);
  const records = useQuery({
    queryKey: ['workforce', 'attendance', from, to],
    queryFn: () => unwrap(client.GET('/api/workforce/attendance', { params: { query: { from, to } } })),
  });
  const changes = useQuery({
    queryKey: ['workforce', 'attendance', 'changes', from, to],
    queryFn: () =>
      unwrap(client.GET('/api/workforce/attendance/changes', { params: { query: { from, to } } })),
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>
        考勤记录（{from} 至 {plusDays(to, -1)}）
      </Typography.Title>
      <QueryState loading={records.isLoading} error={records.error} onRetry={() => records.refetch()}>
        <Table<Row>
          size="small"
          rowKey="id"
          data-testid="attendance-records"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={records.data?.items ?? []}
          columns={[
            { title: '话务员', dataIndex: 'name' },
            { title: '日期', dataIndex: 'workDate', width: 110 },
            { title: '签到', key: 'in', render: (_, r) => local(r.clockIn) },
            { title: '签退', key: 'out', render: (_, r) => local(r.clockOut) },
            { title: '小时', dataIndex: 'hours', width: 70 },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    key: 'act',
                    width: 130,
                    render: (_: unknown, r: Row) => (
                      <Space size={4}>
                        <Button size="small" onClick={() => setEditing({ row: r, action: 'correct' })}>
                          更正
                        </Button>
                        <Button size="small" danger onClick={() => setEditing({ row: r, action: 'delete' })}>
                          删除
                        </Button>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </QueryState>
      {(changes.data?.items.length ?? 0) > 0 && (
        <Table<Change>
          size="small"
          rowKey="id"
          title={() => '更正记录'}
          data-testid="attendance-changes"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={changes.data?.items ?? []}
          columns={[
            { title: '时间', key: 'at', width: 140, render: (_, c) => local(c.changedAt) },
            { title: '操作人', dataIndex: 'changedBy', width: 100 },
            {
              title: '操作',
              key: 'action',
              width: 70,
              render: (_, c) => <Tag color={ACTION[c.action].color}>{ACTION[c.action].label}</Tag>,
            },
            { title: '话务员', dataIndex: 'name', width: 90 },
            {
              title: '更正前',
              key: 'before',
              render: (_, c) => `${local(c.before.clockIn)} – ${local(c.before.clockOut).slice(11)}`,
            },
            {
              title: '更正后',
              key: 'after',
              render: (_, c) =>
                c.after ? `${local(c.after.clockIn)} – ${local(c.after.clockOut).slice(11)}` : '（已删除）',
            },
            { title: '原因', dataIndex: 'reason' },
          ]}
        />
      )}
      <ChangeDialog editing={editing} onClose={() => setEditing(null)} />
    </Space>
  );
}
