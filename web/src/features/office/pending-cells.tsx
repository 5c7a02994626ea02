import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';
import { fmtDeadline, fmtTime } from '../../app/format.ts';
import { RETURN_REASON_LABELS, ROLE_LABELS } from '../../app/labels.ts';
import { departmentName, useDepartments } from '../../app/reference-data.ts';
import type { Order } from '../../api/models.ts';

// The list answers each order with what waits for a decision (`pending`), so a queue shows the request it
// decides without opening every order's detail and its personal data.

const Text = ({ children }: { children: ReactNode }) => (
  <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: '展开' }} style={{ marginBottom: 0 }}>
    {children}
  </Typography.Paragraph>
);

/** 退回原因: who returned it, the reason code and the explanation. */
export function ReturnReason({ order }: { order: Order }) {
  const departments = useDepartments();
  const r = order.pending?.return;
  if (!r) return <>—</>;
  return (
    <Space orientation="vertical" size={0} data-testid="return-reason">
      <Typography.Text strong>
        {RETURN_REASON_LABELS[r.reasonCode] ?? r.reasonCode}
        <Typography.Text type="secondary">
          {' '}
          · {departmentName(departments.data, r.departmentId)} · {fmtTime(r.returnedAt)}
        </Typography.Text>
      </Typography.Text>
      <Text>{r.reason}</Text>
    </Space>
  );
}

/** 延期申请: the working days asked for, the reason, and the deadline it would move. */
export function ExtensionRequest({ order }: { order: Order }) {
  const e = order.pending?.extension;
  if (!e) return <>—</>;
  return (
    <Space orientation="vertical" size={0} data-testid="extension-request">
      <Typography.Text strong>
        申请延期 {e.workingDays} 个工作日
        <Typography.Text type="secondary">
          {' '}
          · 现时限 {fmtDeadline(order.handleDueAt)} · {fmtTime(e.requestedAt)} 申请
        </Typography.Text>
      </Typography.Text>
      <Text>{e.reason}</Text>
    </Space>
  );
}

/** 申诉: who appeals and why. */
export function AppealRequest({ order }: { order: Order }) {
  const a = order.pending?.appeal;
  if (!a) return <>—</>;
  return (
    <Space orientation="vertical" size={0} data-testid="appeal-request">
      <Typography.Text strong>
        {ROLE_LABELS[a.appellantRole] ?? a.appellantRole}申诉
        <Typography.Text type="secondary"> · {fmtTime(a.appealedAt)}</Typography.Text>
      </Typography.Text>
      <Text>{a.reason}</Text>
    </Space>
  );
}
