import { useState } from 'react';
import { Badge, Button, Card, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { ACTION_LABELS } from '../../app/labels.ts';
import type { Order } from '../../api/models.ts';
import { OrderActionLauncher, type PendingAction } from './order-action-launcher.tsx';
import { column, QueueTable } from './queue-table.tsx';
import { useCategoryIndex } from './category-select.tsx';

const COLUMNS: ColumnsType<Order> = [
  column('工单编号'),
  column('标题'),
  column('类型'),
  column('承办单位'),
  column('状态'),
  column('时限'),
];

const QUEUES = [
  {
    key: 'toDispatch',
    title: '已登记待派单',
    filters: { status: 'registered', sort: 'receivedAt' },
    actions: ['dispatch'],
    empty: '没有待派单的工单',
  },
  {
    key: 'returned',
    title: '退回待重派',
    filters: { status: 'returned', sort: 'receivedAt' },
    actions: ['dispatch'],
    empty: '没有退回待重派的工单',
  },
  {
    key: 'toCallBack',
    title: '待回访',
    filters: { status: 'replied', sort: 'receivedAt' },
    actions: ['callback', 'close'],
    empty: '没有待回访的工单',
  },
] as const;

/** 我的队列 — the operator's follow-up work: orders to dispatch, returned orders to re-dispatch, callbacks. */
export function AgentQueues({ counts }: { counts: Record<string, number> | undefined }) {
  const [pending, setPending] = useState<PendingAction | null>(null);
  const { byId } = useCategoryIndex();
  const open = (o: Order, action: string) => {
    // A registered order goes to its category's department by default; a returned one needs a fresh choice.
    const dept =
      o.status === 'registered' && o.categoryId != null
        ? byId.get(o.categoryId)?.effective.departmentId
        : undefined;
    setPending({
      orderId: o.id,
      number: o.number,
      action,
      initial: dept ? { departmentId: dept } : undefined,
    });
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="agent-queues">
      {QUEUES.map((q) => (
        <Card
          key={q.key}
          size="small"
          title={
            <Space>
              {q.title}
              <Badge
                count={counts?.[q.key] ?? 0}
                showZero
                color={counts?.[q.key] ? undefined : '#bfbfbf'}
                overflowCount={999}
              />
            </Space>
          }
          extra={<Link to={`/orders?status=${q.filters.status}`}>在工单列表中查看</Link>}
        >
          <QueueTable
            testId={`queue-${q.key}`}
            filters={q.filters}
            columns={COLUMNS}
            pageSize={5}
            emptyText={q.empty}
            actionsWidth={170}
            actions={(o) => (
              <Space>
                {q.actions
                  .filter((a) => o.allowedActions.includes(a))
                  .map((a) => (
                    <Button
                      key={a}
                      size="small"
                      type={a === q.actions[0] ? 'primary' : 'default'}
                      onClick={() => open(o, a)}
                      data-testid={`queue-action-${a}`}
                    >
                      {a === 'dispatch' ? '派单' : ACTION_LABELS[a]}
                    </Button>
                  ))}
                <Link to={`/orders/${o.id}`}>详情</Link>
              </Space>
            )}
          />
        </Card>
      ))}
      <OrderActionLauncher pending={pending} onClose={() => setPending(null)} />
    </Space>
  );
}
