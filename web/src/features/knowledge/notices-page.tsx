import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { ApiError } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtRemaining, fmtTime } from '../../app/format.ts';
import { QueryState, errorText } from '../../components/query-state.tsx';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { ArticleLink, ArticlePicker } from './article-picker.tsx';
import { INDICATOR_READERS, NOTICE_EDITORS, useNotices, useNow, type KbNotice } from './kb-api.ts';
import { NOTICE_FIELD_LABELS, NOTICE_STATE_COLORS, NOTICE_STATE_LABELS } from './labels.ts';
import { NoticeTimeliness } from './notice-timeliness.tsx';

interface NoticeValues {
  receivedAt: Dayjs;
  source: string;
  title: string;
  requiredChange: string;
  articleIds?: number[];
}

function RecordNoticeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<NoticeValues>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: NoticeValues) =>
      unwrap(
        client.POST('/api/kb/notices', {
          body: {
            receivedAt: v.receivedAt.toISOString(),
            source: v.source.trim(),
            title: v.title.trim(),
            requiredChange: v.requiredChange.trim(),
            articleIds: v.articleIds ?? [],
          },
        }),
      ),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['kb', 'notices'] });
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, NOTICE_FIELD_LABELS)),
  });
  return (
    <Modal
      open={open}
      title="登记知识更新通知"
      okText="提交"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<NoticeValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ receivedAt: dayjs() }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
        data-testid="kb-notice-form"
      >
        <Form.Item
          name="receivedAt"
          label="收到时间"
          extra="须在收到后 24 小时内完成知识更新并发布"
          rules={[
            { required: true, message: '请选择收到时间' },
            {
              validator: async (_, v?: Dayjs) => {
                if (v && v.isAfter(dayjs().add(1, 'minute'))) throw new Error('收到时间不能晚于现在');
              },
            },
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="source"
          label="来文单位"
          rules={[
            { required: true, whitespace: true, message: '请填写来文单位' },
            { max: 100, message: '不超过 100 字' },
          ]}
        >
          <Input placeholder="如：市医疗保障局" data-testid="kb-notice-source" />
        </Form.Item>
        <Form.Item
          name="title"
          label="通知标题"
          rules={[
            { required: true, whitespace: true, message: '请填写通知标题' },
            { max: 200, message: '不超过 200 字' },
          ]}
        >
          <Input data-testid="kb-notice-title" />
        </Form.Item>
        <Form.Item
          name="requiredChange"
          label="需更新内容"
          rules={[
            { required: true, whitespace: true, message: '请填写需要更新的内容' },
            { max: 5000, message: '不超过 5000 字' },
          ]}
        >
          <Input.TextArea rows={4} data-testid="kb-notice-change" />
        </Form.Item>
        <Form.Item name="articleIds" label="关联知识" extra="可稍后关联">
          <ArticlePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LinkArticlesModal({ notice, onClose }: { notice: KbNotice | null; onClose: () => void }) {
  const [ids, setIds] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  useEffect(() => {
    setIds(notice?.articleIds ?? []);
    setError(null);
  }, [notice]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/kb/notices/{id}/articles', {
          params: { path: { id: notice!.id } },
          body: { articleIds: ids },
        }),
      ),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['kb', 'notices'] });
      onClose();
    },
    onError: (err) => setError(errorText(err)),
  });
  return (
    <Modal
      open={notice != null}
      title={`关联知识：${notice?.title ?? ''}`}
      okText="提交"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
      width={600}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph type="secondary">
        选择按本通知需要修改的知识；全部修改并发布后才能完成本通知。
      </Typography.Paragraph>
      <ArticlePicker value={ids} onChange={setIds} testId="kb-notice-articles" />
    </Modal>
  );
}

function CompleteModal({ notice, onClose }: { notice: KbNotice | null; onClose: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  useEffect(() => {
    setNote('');
    setError(null);
  }, [notice]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/kb/notices/{id}/complete', {
          params: { path: { id: notice!.id } },
          body: { note: note.trim() || undefined },
        }),
      ),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['kb', 'notices'] });
      onClose();
    },
    onError: (err) =>
      setError(
        err instanceof ApiError && err.fields.some((f) => f.field === 'articleIds')
          ? '请先关联本通知修改的知识'
          : errorText(err),
      ),
  });
  return (
    <Modal
      open={notice != null}
      title={`完成更新：${notice?.title ?? ''}`}
      okText="提交"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 12 }}
          data-testid="kb-notice-complete-error"
        />
      )}
      <Typography.Paragraph type="secondary">
        完成时间取关联知识最后一次修改发布的时间，不是点击的时间。
      </Typography.Paragraph>
      <Input.TextArea
        rows={3}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="完成说明（可不填）"
      />
    </Modal>
  );
}

function Countdown({ n, now }: { n: KbNotice; now: number }) {
  if (n.status === 'done')
    return <Typography.Text type="secondary">完成于 {fmtTime(n.completedAt)}</Typography.Text>;
  const r = fmtRemaining(n.dueAt, now);
  return (
    <Typography.Text
      type={r.overdue ? 'danger' : new Date(n.dueAt).getTime() - now < 4 * 3600_000 ? 'warning' : undefined}
      data-testid="kb-notice-countdown"
    >
      {r.text}
    </Typography.Text>
  );
}

/** 知识更新通知 — each notice counted down to its 24-hour due time, linked to the articles it changes, completed. */
export default function NoticesPage() {
  const role = useUser().role;
  const canEdit = NOTICE_EDITORS.includes(role);
  const [status, setStatus] = useState<'open' | 'done' | 'all'>('open');
  const notices = useNotices(status === 'all' ? undefined : status);
  // Never older than the list itself, so a notice just recorded does not show more than its 24 hours.
  const now = Math.max(useNow(), notices.dataUpdatedAt);
  const [recording, setRecording] = useState(false);
  const [linking, setLinking] = useState<KbNotice | null>(null);
  const [completing, setCompleting] = useState<KbNotice | null>(null);

  const columns: ColumnsType<KbNotice> = [
    {
      title: '通知',
      key: 'title',
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{n.title}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {n.source}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '需更新内容',
      dataIndex: 'requiredChange',
      ellipsis: true,
      render: (v: string) => <span title={v}>{v}</span>,
    },
    { title: '收到时间', key: 'receivedAt', width: 140, render: (_, n) => fmtTime(n.receivedAt) },
    {
      title: '更新时限',
      key: 'due',
      width: 170,
      render: (_, n) => (
        <Space orientation="vertical" size={0}>
          <span>{fmtTime(n.dueAt)}</span>
          <Countdown n={n} now={now} />
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'state',
      width: 100,
      render: (_, n) => (
        <Tag color={NOTICE_STATE_COLORS[n.state]} data-testid="kb-notice-state">
          {NOTICE_STATE_LABELS[n.state]}
        </Tag>
      ),
    },
    {
      title: '关联知识',
      key: 'articles',
      render: (_, n) =>
        n.articleIds.length ? (
          <Space orientation="vertical" size={0}>
            {n.articleIds.map((id) => (
              <ArticleLink key={id} id={id} />
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">未关联</Typography.Text>
        ),
    },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'op',
            width: 150,
            render: (_: unknown, n: KbNotice) =>
              n.status === 'open' ? (
                <Space>
                  <Typography.Link onClick={() => setLinking(n)} data-testid="kb-notice-link">
                    关联知识
                  </Typography.Link>
                  <Typography.Link onClick={() => setCompleting(n)} data-testid="kb-notice-complete">
                    完成
                  </Typography.Link>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="知识更新通知"
        extra={
          // The notice and its time of receipt are Party A's record (KPI 9): the office registers it.
          role === 'office' && (
            <Button type="primary" onClick={() => setRecording(true)} data-testid="kb-notice-new">
              登记通知
            </Button>
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={[
              { value: 'open', label: '待更新' },
              { value: 'done', label: '已完成' },
              { value: 'all', label: '全部' },
            ]}
          />
          <QueryState
            loading={notices.isLoading}
            error={notices.error}
            empty={!notices.data?.length}
            emptyText={status === 'open' ? '没有待更新的通知' : '没有通知'}
            onRetry={() => notices.refetch()}
          >
            <Table<KbNotice>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={notices.data}
              rowClassName={(n) => (n.state === 'overdue' ? 'row-overdue' : '')}
              pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
              data-testid="kb-notices"
            />
          </QueryState>
        </Space>
      </Card>
      {INDICATOR_READERS.includes(role) && <NoticeTimeliness />}
      <RecordNoticeModal open={recording} onClose={() => setRecording(false)} />
      <LinkArticlesModal notice={linking} onClose={() => setLinking(null)} />
      <CompleteModal notice={completing} onClose={() => setCompleting(null)} />
    </Space>
  );
}
