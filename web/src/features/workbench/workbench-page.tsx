import { lazy, Suspense } from 'react';
import { Badge, ConfigProvider, Skeleton, Space, Tabs } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { get } from '../../app/api.ts';
import { IntakeForm } from './intake-form.tsx';

// The call form is what an agent needs the moment a call comes in; the tables of the other tabs load after it.
const AgentQueues = lazy(() => import('./agent-queues.tsx').then((m) => ({ default: m.AgentQueues })));
const SubmissionsPanel = lazy(() =>
  import('./submissions-panel.tsx').then((m) => ({ default: m.SubmissionsPanel })),
);
import { useShortcuts } from './use-shortcuts.ts';

/** Button texts stay exactly as written (签收, not 签 收), for the people and the tests that look for them. */
const NO_SPACE = { autoInsertSpace: false };

const TABS = ['intake', 'submissions', 'queues'] as const;
type Tab = (typeof TABS)[number];

const label = (text: string, count: number | undefined, danger = false) => (
  <Space size={6}>
    {text}
    {count ? <Badge count={count} overflowCount={999} color={danger ? undefined : '#1f5fbf'} /> : null}
  </Space>
);

/**
 * 话务员工作台 — built for a live call: register the caller's request and dispatch or answer it in one go,
 * take in online submissions before their first-response deadline, and work the follow-up queues.
 */
export default function WorkbenchPage() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'intake';
  const setTab = (t: Tab) => {
    if (t === tab) return;
    const next = new URLSearchParams(params);
    if (t === 'intake') next.delete('tab');
    else next.set('tab', t);
    setParams(next, { replace: true });
  };
  const queues = useQuery({
    queryKey: ['queues'],
    queryFn: () => get<Record<string, number>>('/api/stats/queues'),
    refetchInterval: 60_000,
  });
  const c = queues.data;

  useShortcuts({
    intakeTab: () => setTab('intake'),
    submissionsTab: () => setTab('submissions'),
    queuesTab: () => setTab('queues'),
  });

  return (
    <ConfigProvider button={NO_SPACE}>
      <div data-testid="workbench">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as Tab)}
          items={[
            {
              key: 'intake',
              label: <span data-testid="workbench-tab-intake">来电登记</span>,
              children: <IntakeForm active={tab === 'intake'} onActivate={() => setTab('intake')} />,
            },
            {
              key: 'submissions',
              label: (
                <span data-testid="workbench-tab-submissions">
                  {label('网络诉求待受理', c?.awaitingIntake, Boolean(c?.responseOverdue))}
                </span>
              ),
              children: (
                <Suspense fallback={<Skeleton active />}>
                  <SubmissionsPanel />
                </Suspense>
              ),
            },
            {
              key: 'queues',
              label: (
                <span data-testid="workbench-tab-queues">
                  {label(
                    '我的队列',
                    c ? (c.toDispatch ?? 0) + (c.returned ?? 0) + (c.toCallBack ?? 0) : undefined,
                  )}
                </span>
              ),
              children: (
                <Suspense fallback={<Skeleton active />}>
                  <AgentQueues counts={c} />
                </Suspense>
              ),
            },
          ]}
        />
      </div>
    </ConfigProvider>
  );
}
