import { useState, type ReactNode } from 'react';
import { Badge, Button, ConfigProvider, Space, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { get } from '../../app/api.ts';
import { allows, type Order } from '../../api/models.ts';
import { OrderActionLauncher, type PendingAction } from '../workbench/order-action-launcher.tsx';
import { column, QueueTable } from '../workbench/queue-table.tsx';
import { AppealRequest, ExtensionRequest, ReturnReason } from './pending-cells.tsx';
import { DisputesTab } from './disputes-tab.tsx';

/** The 派单异议 tab has its own list (disputes, not orders): its key, after the order queues. */
const DISPUTES_TAB = 'disputes';

/** Button texts stay exactly as written (签收, not 签 收), for the people and the tests that look for them. */
const NO_SPACE = { autoInsertSpace: false };

interface RowAction {
  action: string;
  label: string;
  initial?: Record<string, unknown>;
  primary?: boolean;
  danger?: boolean;
  testId: string;
}

interface OfficeTab {
  key: string;
  label: string;
  filters: Record<string, string>;
  count: string;
  empty: string;
  detail?: { title: string; render: (o: Order) => ReactNode };
  actions: RowAction[];
}

const TABS: OfficeTab[] = [
  {
    key: 'returns',
    label: '待认定退回',
    filters: { unjudgedReturn: 'true', sort: 'receivedAt' },
    count: 'returnsToJudge',
    empty: '没有待认定的退回',
    detail: { title: '退回原因', render: (o) => <ReturnReason order={o} /> },
    actions: [
      {
        action: 'judge-return',
        label: '派单差错',
        initial: { operatorFault: true },
        danger: true,
        testId: 'office-judge-fault',
      },
      {
        action: 'judge-return',
        label: '非派单差错',
        initial: { operatorFault: false },
        testId: 'office-judge-nofault',
      },
    ],
  },
  {
    key: 'extensions',
    label: '待审核延期',
    filters: { extensionPending: 'true', sort: 'handleDueAt' },
    count: 'extensionsToDecide',
    empty: '没有待审核的延期申请',
    detail: { title: '延期申请', render: (o) => <ExtensionRequest order={o} /> },
    actions: [
      {
        action: 'decide-extension',
        label: '同意',
        initial: { approve: true },
        primary: true,
        testId: 'office-approve',
      },
      {
        action: 'decide-extension',
        label: '不同意',
        initial: { approve: false },
        danger: true,
        testId: 'office-reject',
      },
    ],
  },
  {
    key: 'appeals',
    label: '待审核申诉',
    filters: { appealStatus: 'pending', sort: 'receivedAt' },
    count: 'appealsToDecide',
    empty: '没有待审核的申诉',
    detail: { title: '申诉理由', render: (o) => <AppealRequest order={o} /> },
    actions: [
      {
        action: 'decide-appeal',
        label: '同意',
        initial: { accept: true },
        primary: true,
        testId: 'office-approve',
      },
      {
        action: 'decide-appeal',
        label: '不同意',
        initial: { accept: false },
        danger: true,
        testId: 'office-reject',
      },
    ],
  },
  {
    key: 'overdue',
    label: '超期工单',
    filters: { overdue: 'true', sort: 'handleDueAt' },
    count: 'overdue',
    empty: '没有超期工单',
    actions: [
      { action: 'supervise', label: '督办', primary: true, testId: 'office-supervise' },
      { action: 'instruct', label: '批示', testId: 'office-instruct' },
    ],
  },
];

/** 热线办工作台 — judge returns, decide extensions and appeals, chase overdue orders. */
export default function OfficePage() {
  const [params, setParams] = useSearchParams();
  const [pending, setPending] = useState<PendingAction | null>(null);
  const tab = TABS.find((t) => t.key === params.get('tab')) ?? TABS[0]!;
  const activeKey = params.get('tab') === DISPUTES_TAB ? DISPUTES_TAB : tab.key;
  const queues = useQuery({
    queryKey: ['queues'],
    queryFn: () => get<Record<string, number>>('/api/stats/queues'),
    refetchInterval: 60_000,
  });

  const columnsFor = (t: OfficeTab): ColumnsType<Order> => [
    column('工单编号'),
    column('标题'),
    column('承办单位'),
    ...(t.detail
      ? [
          {
            title: t.detail.title,
            key: 'detail',
            width: 320,
            render: (_: unknown, o: Order) => t.detail!.render(o),
          },
        ]
      : [column('类型')]),
    column('状态'),
    column('时限'),
  ];

  const actionsFor = (t: OfficeTab) => (o: Order) => (
    <Space wrap size={4}>
      {t.actions
        .filter((a) => allows(o, a.action))
        .map((a) => (
          <Button
            key={a.label}
            size="small"
            type={a.primary ? 'primary' : 'default'}
            danger={a.danger}
            onClick={() =>
              setPending({ orderId: o.id, number: o.number, action: a.action, initial: a.initial })
            }
            data-testid={a.testId}
          >
            {a.label}
          </Button>
        ))}
      <Link to={`/orders/${o.id}`}>详情</Link>
    </Space>
  );

  return (
    <ConfigProvider button={NO_SPACE}>
      <div data-testid="office-page">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          热线办工作台
        </Typography.Title>
        <Tabs
          activeKey={activeKey}
          onChange={(k) => setParams(new URLSearchParams({ tab: k }))}
          destroyOnHidden
          items={TABS.map((t) => {
            const n = queues.data?.[t.count];
            return {
              key: t.key,
              label: (
                <Space size={6} data-testid={`office-tab-${t.key}`}>
                  {t.label}
                  {n ? (
                    <Badge
                      count={n}
                      overflowCount={999}
                      color={t.key === 'overdue' ? undefined : '#1f5fbf'}
                    />
                  ) : null}
                </Space>
              ),
              children: (
                <QueueTable
                  testId={`office-${t.key}`}
                  filters={t.filters}
                  columns={columnsFor(t)}
                  actions={actionsFor(t)}
                  actionsWidth={200}
                  pageSize={10}
                  emptyText={t.empty}
                />
              ),
            };
          }).concat({
            key: DISPUTES_TAB,
            label: (
              <Space size={6} data-testid="office-tab-disputes">
                派单异议
                {queues.data?.disputesToDecide ? (
                  <Badge count={queues.data.disputesToDecide} overflowCount={999} color="#1f5fbf" />
                ) : null}
              </Space>
            ),
            children: <DisputesTab onAction={setPending} />,
          })}
        />
        <OrderActionLauncher pending={pending} onClose={() => setPending(null)} />
      </div>
    </ConfigProvider>
  );
}
