import { useEffect } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Skeleton, Timeline, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ApiError, get } from '../../app/api.ts';
import { TYPE_LABELS } from '../../app/labels.ts';
import { fmtDeadline, fmtTime } from '../../app/format.ts';
import { StatusTag } from '../../components/order-tags.tsx';
import { PublicShell, type PublicOrder } from './public-shell.tsx';

function trackError(err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 404) return '未查到该工单，请核对工单编号和查询码是否正确（查询码不区分大小写）。';
    if (err.status === 429) return '查询过于频繁，请稍后再试。';
    if (err.status === 400) return '工单编号或查询码格式不正确，请核对后重试。';
    return err.messageZh;
  }
  return '查询失败，请稍后再试。';
}

/** Where the request stands, in the citizen's words. */
const STATUS_HINTS: Record<string, string> = {
  submitted: '已收到您的诉求，等待受理',
  registered: '已受理，正在分派承办单位',
  dispatched: '已转交承办单位办理',
  in_progress: '承办单位正在办理',
  returned: '正在重新分派承办单位',
  replied: '承办单位已答复，热线将进行回访',
  closed: '已办结',
  archived: '已办结',
  merged: '已与相同诉求合并办理',
};

/** Statuses in which the handling clock no longer runs for the citizen. */
const DONE = new Set(['replied', 'closed', 'archived', 'merged']);

function TrackResult({ order }: { order: PublicOrder }) {
  const answer = order.reply ?? order.answer;
  return (
    <Card
      data-testid="track-result"
      title={`工单 ${order.number}`}
      extra={<StatusTag status={order.status} />}
    >
      <Descriptions column={1} size="small" styles={{ label: { width: 88 } }}>
        <Descriptions.Item label="当前状态">
          <span data-testid="track-status">
            {order.statusLabel}
            {STATUS_HINTS[order.status] && (
              <Typography.Text type="secondary">（{STATUS_HINTS[order.status]}）</Typography.Text>
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="诉求类型">{TYPE_LABELS[order.type] ?? order.type}</Descriptions.Item>
        <Descriptions.Item label="标题">{order.title}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{fmtTime(order.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="承办单位">
          <span data-testid="track-department">{order.department ?? '待分派'}</span>
        </Descriptions.Item>
        {order.handleDueAt && !DONE.has(order.status) && (
          <Descriptions.Item label="办理时限">{fmtDeadline(order.handleDueAt)} 前</Descriptions.Item>
        )}
        {order.closedAt && <Descriptions.Item label="办结时间">{fmtTime(order.closedAt)}</Descriptions.Item>}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        诉求内容
      </Typography.Title>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
        ellipsis={{ rows: 4, expandable: true, symbol: '展开' }}
      >
        {order.content}
      </Typography.Paragraph>
      <Typography.Title level={5}>答复</Typography.Title>
      {answer ? (
        <Alert
          type="success"
          data-testid="track-reply"
          message={<div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{answer}</div>}
          description={
            order.repliedAt || order.closedAt ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                答复时间：{fmtTime(order.repliedAt ?? order.closedAt)}
              </Typography.Text>
            ) : undefined
          }
        />
      ) : (
        <Typography.Paragraph type="secondary" data-testid="track-reply">
          {WAITING_TEXT[order.status] ?? '暂无答复，正在办理中。'}
        </Typography.Paragraph>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        办理过程
      </Typography.Title>
      <Timeline
        data-testid="track-timeline"
        items={order.timeline.map((t, i) => ({
          color: i === order.timeline.length - 1 ? 'blue' : 'gray',
          children: (
            <>
              <div>{t.label}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {fmtTime(t.at)}
              </Typography.Text>
            </>
          ),
        }))}
      />
    </Card>
  );
}

/** 办理查询 — by order number and tracking code; `?number=&code=` in the address looks up at once. */
/** What a citizen reads while there is no reply yet, by status (a 待受理 order is not 正在办理中). */
const WAITING_TEXT: Record<string, string> = {
  submitted: '暂无答复，诉求已提交，等待热线受理。',
  registered: '暂无答复，诉求已登记，等待交办承办单位。',
  returned: '暂无答复，正在重新确定承办单位。',
  merged: '该诉求已与相同事项合并办理。',
};

export default function CitizenTrackPage() {
  const [params, setParams] = useSearchParams();
  const number = params.get('number')?.trim() ?? '';
  const code = params.get('code')?.trim() ?? '';
  const [form] = Form.useForm<{ number: string; code: string }>();
  useEffect(() => form.setFieldsValue({ number, code: code.toUpperCase() }), [form, number, code]);

  const q = useQuery({
    queryKey: ['public-order', number, code.toUpperCase()],
    queryFn: () =>
      get<PublicOrder>(`/api/public/orders/${encodeURIComponent(number)}?code=${encodeURIComponent(code)}`),
    enabled: Boolean(number && code),
    retry: false,
    staleTime: 30_000,
  });

  const search = (v: { number: string; code: string }) => {
    const next = new URLSearchParams({ number: v.number.trim(), code: v.code.trim().toUpperCase() });
    if (next.toString() === params.toString()) q.refetch();
    else setParams(next, { replace: true });
  };

  return (
    <PublicShell>
      <Card title="办理查询" style={{ marginBottom: 16 }} data-testid="citizen-track">
        <Form
          form={form}
          layout="vertical"
          onFinish={search}
          initialValues={{ number, code: code.toUpperCase() }}
          data-testid="track-form"
        >
          <Form.Item
            name="number"
            label="工单编号"
            rules={[
              { required: true, whitespace: true, message: '请填写工单编号' },
              { pattern: /^\s*\d{8,20}\s*$/, message: '工单编号为数字，如 2026112200042' },
            ]}
          >
            <Input
              placeholder="提交成功后显示的工单编号"
              inputMode="numeric"
              maxLength={20}
              autoComplete="off"
            />
          </Form.Item>
          <Form.Item
            name="code"
            label="查询码"
            normalize={(v: string) => v?.toUpperCase()}
            rules={[
              { required: true, whitespace: true, message: '请填写查询码' },
              { pattern: /^\s*[A-Za-z0-9]{4,40}\s*$/, message: '查询码由字母和数字组成' },
            ]}
          >
            <Input placeholder="8 位字母数字" maxLength={40} autoComplete="off" autoCapitalize="characters" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={q.isFetching}
            data-testid="track-button"
          >
            查询
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          还没有提交？<Link to="/public/submit">我要反映</Link>
        </Typography.Paragraph>
      </Card>
      {q.isLoading && <Skeleton active paragraph={{ rows: 6 }} />}
      {q.error && <Alert type="error" showIcon message={trackError(q.error)} data-testid="track-error" />}
      {q.data && !q.error && <TrackResult order={q.data} />}
    </PublicShell>
  );
}
