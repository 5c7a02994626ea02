import { useState } from 'react';
import { Badge, Button, ConfigProvider, Space, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { get } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import { allows, type Order } from '../../api/models.ts';
import { OrderActionLauncher, type PendingAction } from '../workbench/order-action-launcher.tsx';
import { column, QueueTable } from '../workbench/queue-table.tsx';
import { CoTasksTab } from './co-tasks-tab.tsx';

/** Button texts stay exactly as written (签收, not 签 收), for the people and the tests that look for them. */
const NO_SPACE = { autoInsertSpace: false };

/** The tabs, their list filters and the home page's queue each answers to (`?tab=`). */
const TABS = [
  {
    key: 'inbox',
    label: '待签收',
    filters: { status: 'dispatched', sort: 'handleDueAt' },
    count: 'toSign',
    empty: '没有待签收的工单',
  },
  {
    key: 'progress',
    label: '办理中',
    filters: { status: 'in_progress', sort: 'handleDueAt' },
    count: 'inProgress',
    empty: '没有办理中的工单',
  },
  {
    key: 'soon',
    label: '即将到期',
    filters: { dueSoon: 'true', sort: 'handleDueAt' },
    count: 'dueSoon',
    empty: '没有一个工作日内到期的工单',
  },
  {
    key: 'overdue',
    label: '已超期',
    filters: { overdue: 'true', sort: 'handleDueAt' },
    count: 'overdue',
    empty: '没有超期工单',
    danger: true,
  },
  {
    key: 'returned',
    label: '已退回',
    filters: { status: 'returned', sort: '-receivedAt' },
    count: null,
    empty: '没有已退回待重新派单的工单',
  },
] as const;
type TabKey = (typeof TABS)[number]['key'];

/** The department's actions, in the order a case moves; the row shows those the order allows. */
const ROW_ACTIONS: { action: string; label: string; primary?: boolean; danger?: boolean }[] = [
  { action: 'sign', label: '签收', primary: true },
  { action: 'reply', label: '反馈' },
  { action: 'request-extension', label: '申请延期' },
  { action: 'return', label: '退回', danger: true },
  { action: 'co-sign', label: '协办签收', primary: true },
  { action: 'co-reply', label: '协办答复' },
  { action: 'dispute', label: '派单异议' },
];

/** 承办单位工作台 — sign for dispatched orders, handle, reply, return misrouted ones, ask for more time. */
export default function DepartmentPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const tabKey = (
    [...TABS.map((t) => t.key as string), 'co'].includes(params.get('tab') ?? '')
      ? params.get('tab')
      : 'inbox'
  ) as TabKey | 'co';
  const queues = useQuery({
    queryKey: ['queues'],
    queryFn: () => get<Record<string, number>>('/api/stats/queues'),
    refetchInterval: 60_000,
  });

  const columns: ColumnsType<Order> = [
    column('工单编号'),
    {
      ...column('标题'),
      render: (t: string, o) => (
        <>
          {o.urgency === 'urgent' && <Tag color="red">紧急</Tag>}
          {o.departmentId !== user.departmentId && <Tag color="purple">协办</Tag>}
          {o.extensionPending && <Tag color="orange">延期审核中</Tag>}
          {t}
        </>
      ),
    },
    column('类型'),
    column('状态'),
    { title: '交办时间', dataIndex: 'dispatchedAt', width: 140, render: fmtTime },
    column('时限'),
  ];

  const actions = (o: Order) => {
    const allowed = ROW_ACTIONS.filter((a) => allows(o, a.action));
    return (
      <Space wrap size={4}>
        {allowed.map((a) => (
          <Button
            key={a.action}
            size="small"
            type={a.primary ? 'primary' : 'default'}
            danger={a.danger}
            onClick={() => setPending({ orderId: o.id, number: o.number, action: a.action })}
            data-testid={`dept-action-${a.action}`}
          >
            {a.label}
          </Button>
        ))}
        <Link to={`/orders/${o.id}`}>详情</Link>
      </Space>
    );
  };

  return (
    <ConfigProvider button={NO_SPACE}>
      <div data-testid="department-page">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          承办单位工作台
        </Typography.Title>
        <Tabs
          activeKey={tabKey}
          onChange={(k) => setParams(new URLSearchParams({ tab: k }))}
          items={[
            ...TABS.map((t) => {
              const n = t.count ? queues.data?.[t.count] : undefined;
              return {
                key: t.key,
                label: (
                  <Space size={6} data-testid={`dept-tab-${t.key}`}>
                    {t.label}
                    {n ? (
                      <Badge count={n} overflowCount={999} color={'danger' in t ? undefined : '#1f5fbf'} />
                    ) : null}
                  </Space>
                ),
                children: (
                  <QueueTable
                    testId={`dept-list-${t.key}`}
                    filters={t.filters}
                    columns={columns}
                    actions={actions}
                    actionsWidth={260}
                    pageSize={20}
                    emptyText={t.empty}
                  />
                ),
              };
            }),
            {
              key: 'co',
              label: (
                <Space size={6} data-testid="dept-tab-co">
                  协办
                  {queues.data?.coToAnswer ? (
                    <Badge count={queues.data.coToAnswer} overflowCount={999} color="#722ed1" />
                  ) : null}
                </Space>
              ),
              children: <CoTasksTab onAction={setPending} />,
            },
          ]}
          destroyOnHidden
        />
        <OrderActionLauncher pending={pending} onClose={() => setPending(null)} />
      </div>
    </ConfigProvider>
  );
}
