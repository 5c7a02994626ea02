import { useState } from 'react';
import { App, Button, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import type { Order } from '../../api/models.ts';
import { DeadlineBadge } from '../../components/order-tags.tsx';
import { AcceptModal } from './accept-modal.tsx';
import { column, QueueTable } from './queue-table.tsx';

const FILTERS = { status: 'submitted', sort: 'receivedAt' };

/**
 * 网络诉求待受理 — online submissions, oldest first, each with its first-response clock counting down
 * (1 working day, Luohe KPI 2 网络工单回应率).
 */
export function SubmissionsPanel() {
  const [accepting, setAccepting] = useState<Order | null>(null);
  const { message } = App.useApp();
  const columns: ColumnsType<Order> = [
    column('工单编号'),
    column('标题'),
    column('类型'),
    column('渠道'),
    column('受理时间'),
    {
      title: '首次响应倒计时',
      key: 'countdown',
      width: 210,
      render: (_: unknown, o) => <DeadlineBadge order={o} countdown />,
    },
  ];
  return (
    <>
      <QueueTable
        testId="submissions-list"
        filters={FILTERS}
        columns={columns}
        pageSize={20}
        refetchInterval={30_000}
        emptyText="暂无待受理的网络诉求"
        actionsWidth={140}
        actions={(o) => (
          <Space>
            <Button
              type="primary"
              size="small"
              onClick={() => setAccepting(o)}
              disabled={!o.allowedActions.includes('accept')}
              data-testid="submission-accept"
            >
              受理
            </Button>
            <Link to={`/orders/${o.id}`}>详情</Link>
          </Space>
        )}
      />
      {accepting && (
        <AcceptModal
          order={accepting}
          onClose={() => setAccepting(null)}
          onDone={(o, dispatched) => {
            setAccepting(null);
            message.success(
              dispatched
                ? `工单 ${o.number} 已受理并派单至 ${o.departmentName ?? '—'}`
                : `工单 ${o.number} 已受理，待派单`,
            );
          }}
        />
      )}
    </>
  );
}
