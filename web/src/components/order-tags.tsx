import { useEffect, useState } from 'react';
import { Tag, Tooltip } from 'antd';
import { DEADLINE_LABELS, STATUS_COLORS, STATUS_LABELS, URGENCY_LABELS } from '../app/labels.ts';
import { fmtDeadline, fmtRemaining } from '../app/format.ts';
import type { Order } from '../api/models.ts';

export function StatusTag({ status }: { status: string }) {
  return <Tag color={STATUS_COLORS[status] ?? 'default'}>{STATUS_LABELS[status] ?? status}</Tag>;
}

export function UrgencyTag({ urgency }: { urgency: string }) {
  return urgency === 'urgent' ? <Tag color="red">{URGENCY_LABELS.urgent}</Tag> : null;
}

/** Re-renders every `ms` so countdowns move while the page is open. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

/** The running clock's state: a warned or overdue badge with the time left or past, or the due time. */
export function DeadlineBadge({
  order,
  countdown = false,
}: {
  // deadlineState as a plain string: the generated types (api/schema.d.ts) do not narrow it.
  order: Pick<Order, 'activeDeadline'> & { deadlineState: string };
  countdown?: boolean;
}) {
  const now = useNow(countdown ? 1000 : 30_000);
  const d = order.activeDeadline;
  if (!d) {
    return order.deadlineState === 'overdue' ? <Tag color="red">曾超期</Tag> : null;
  }
  const remaining = fmtRemaining(d.dueAt, now);
  const color = remaining.overdue
    ? 'red'
    : order.deadlineState === 'warned' || new Date(d.dueAt).getTime() - now < 86_400_000
      ? 'orange'
      : 'blue';
  const label = color === 'orange' ? DEADLINE_LABELS.warned : d.kind === 'response' ? '待响应' : '办理中';
  return (
    <Tooltip title={`${d.kind === 'response' ? '首次响应' : '办理'}时限：${fmtDeadline(d.dueAt)}`}>
      <Tag color={color} data-testid="deadline-badge">
        {/* "超期 12 天" says it once (issue 14 found "超期 · 超期 12 天"). */}
        {remaining.overdue ? remaining.text : `${label} · ${remaining.text}`}
      </Tag>
    </Tooltip>
  );
}
