import { Alert, Modal, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ACTION_LABELS } from '../../app/labels.ts';
import { errorText } from '../../components/query-state.tsx';
import { ActionModal } from '../orders/action-forms.tsx';
import { fetchOrder } from '../orders/order-api.ts';

export interface PendingAction {
  orderId: number;
  number: string;
  action: string;
  initial?: Record<string, unknown>;
}

/**
 * Opens an order action from a list row. `ActionModal` needs the order's detail (its current `version` for the
 * optimistic lock), so the detail is fetched afresh first; an action the order no longer allows (someone else
 * got there first) is said plainly instead of sending a request bound to fail.
 */
export function OrderActionLauncher({
  pending,
  onClose,
}: {
  pending: PendingAction | null;
  onClose: () => void;
}) {
  const q = useQuery({
    queryKey: ['order', pending?.orderId],
    queryFn: () => fetchOrder(pending!.orderId),
    enabled: pending != null,
    refetchOnMount: 'always',
  });
  if (!pending) return null;
  const title = `${ACTION_LABELS[pending.action] ?? pending.action} · ${pending.number}`;
  if (q.isFetching || q.error || !q.data) {
    return (
      <Modal open title={title} footer={null} onCancel={onClose} data-testid="action-loading">
        {q.error ? (
          <Alert type="error" showIcon message={errorText(q.error)} />
        ) : (
          <Spin style={{ display: 'block', margin: '24px auto' }} description="正在读取工单…">
            <div style={{ height: 48 }} />
          </Spin>
        )}
      </Modal>
    );
  }
  if (!(q.data.allowedActions as string[]).includes(pending.action)) {
    return (
      <Modal open title={title} footer={null} onCancel={onClose}>
        <Alert
          type="warning"
          showIcon
          message={`工单当前状态（${q.data.statusLabel}）不允许此操作，可能已被他人处理，请刷新列表。`}
        />
      </Modal>
    );
  }
  return <ActionModal order={q.data} action={pending.action} initial={pending.initial} onClose={onClose} />;
}
