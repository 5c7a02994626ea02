import type { ReactNode } from 'react';
import { Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import type { Order } from '../../api/models.ts';
import { fmtDeadline, fmtTime } from '../../app/format.ts';
import { PAUSE_REASON_LABELS, PAUSE_STATUS_LABELS } from '../../app/labels.ts';
import type { OrderView } from './order-api.ts';

// 挂起 (clock pauses) on the console: the reason list from the office's setting, the order's pauses, the tag a
// list shows and the request the office decides.

/** The reasons a pause may be asked for (setting orders.pauseReasons) and the longest pause. */
export function usePauseReasons() {
  return useQuery({
    queryKey: ['pause-reasons'],
    queryFn: () => unwrap(client.GET('/api/orders/pause-reasons')),
    staleTime: 5 * 60_000,
  });
}

function useReasonLabel() {
  const reasons = usePauseReasons();
  return (code: string) =>
    reasons.data?.reasons.find((r) => r.code === code)?.label ?? PAUSE_REASON_LABELS[code] ?? code;
}

/** The reason picker of the request form (Form.Item hands it `value` and `onChange`). */
export function PauseReasonSelect(control: Record<string, unknown>) {
  const reasons = usePauseReasons();
  return (
    <Select
      {...control}
      data-testid="pause-reason"
      placeholder="选择挂起原因"
      options={(reasons.data?.reasons ?? []).map((r) => ({ value: r.code, label: r.label }))}
    />
  );
}

/** 已挂起 / 挂起审核中 beside an order's title. */
export function PauseTag({ order }: { order: Pick<Order, 'pauseState'> }) {
  if (order.pauseState === 'paused')
    return (
      <Tag color="purple" data-testid="tag-paused">
        已挂起
      </Tag>
    );
  if (order.pauseState === 'pending') return <Tag color="orange">挂起审核中</Tag>;
  return null;
}

const Text = ({ children }: { children: ReactNode }) => (
  <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ marginBottom: 0 }}>
    {children}
  </Typography.Paragraph>
);

/** 挂起申请 in the office's queue: the reason, the expected resume day and the department's note. */
export function PauseRequest({ order }: { order: Order }) {
  const label = useReasonLabel();
  const p = order.pending?.pause;
  if (!p) return <>—</>;
  return (
    <Space orientation="vertical" size={0} data-testid="pause-request">
      <Typography.Text strong>
        {label(p.reasonCode)}
        <Typography.Text type="secondary">
          {' '}
          · 预计 {p.expectedResumeOn} 恢复 · 现时限 {fmtDeadline(order.handleDueAt)} ·{' '}
          {fmtTime(p.requestedAt)} 申请
        </Typography.Text>
      </Typography.Text>
      <Text>{p.note}</Text>
    </Space>
  );
}

const minutes = (m: number | null) => {
  if (m == null) return '—';
  const [h, rest] = [Math.floor(m / 60), m % 60];
  return h && rest ? `${h} 小时 ${rest} 分` : h ? `${h} 小时` : `${rest} 分`;
};

/** Every pause of the order: reason, course, start and end, paused working time and the deadline it moved. */
export function PausesTable({ pauses }: { pauses: OrderView['pauses'] }) {
  const label = useReasonLabel();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={pauses}
      data-testid="order-pauses"
      columns={[
        { title: '原因', dataIndex: 'reasonCode', render: label },
        { title: '说明', dataIndex: 'note' },
        { title: '预计恢复', dataIndex: 'expectedResumeOn' },
        { title: '状态', dataIndex: 'status', render: (s: string) => PAUSE_STATUS_LABELS[s] ?? s },
        { title: '挂起', dataIndex: 'startedAt', render: (d: string | null) => (d ? fmtTime(d) : '—') },
        { title: '恢复', dataIndex: 'endedAt', render: (d: string | null) => (d ? fmtTime(d) : '—') },
        { title: '暂停计时（工作时间）', dataIndex: 'pausedWorkingMinutes', render: minutes },
        { title: '顺延后时限', dataIndex: 'newDueAt', render: fmtDeadline },
      ]}
    />
  );
}
