import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { userTitle } from '../../app/user-title.ts';
import type { Role } from '../../api/models.ts';
import { QueryState } from '../../components/query-state.tsx';

/** Each role's queues on its home page: label, and where the queue opens. */
const QUEUES: Record<string, { label: string; to: string; danger?: boolean }> = {
  awaitingIntake: { label: '待受理网络诉求', to: '/workbench' },
  toDispatch: { label: '待交办', to: '/orders?status=registered' },
  returned: { label: '退回待重派', to: '/orders?status=returned' },
  toCallBack: { label: '待回访', to: '/orders?status=replied' },
  responseOverdue: { label: '响应超期', to: '/orders?status=submitted&overdue=true', danger: true },
  toSign: { label: '待签收', to: '/department?tab=inbox' },
  inProgress: { label: '办理中', to: '/department?tab=progress' },
  dueSoon: { label: '即将到期', to: '/department?tab=soon' },
  overdue: { label: '已超期', to: '/orders?overdue=true', danger: true },
  returnsToJudge: { label: '待认定退回', to: '/office?tab=returns' },
  extensionsToDecide: { label: '待审核延期', to: '/office?tab=extensions' },
  appealsToDecide: { label: '待审核申诉', to: '/office?tab=appeals' },
  coToAnswer: { label: '待协办答复', to: '/department?tab=co' },
};

const START: Partial<Record<Role, { label: string; to: string }>> = {
  agent: { label: '进入话务员工作台', to: '/workbench' },
  team_lead: { label: '进入话务员工作台', to: '/workbench' },
  department: { label: '进入承办单位工作台', to: '/department' },
  office: { label: '进入热线办工作台', to: '/office' },
  admin: { label: '管理承办单位与用户', to: '/admin/users' },
};

export default function HomePage() {
  const user = useUser();
  const q = useQuery({
    queryKey: ['queues'],
    queryFn: () => unwrap(client.GET('/api/stats/queues')),
    refetchInterval: 60_000,
  });
  const start = START[user.role];
  return (
    <div>
      <Typography.Title level={4}>{userTitle(user)}，您好</Typography.Title>
      {start && (
        <Typography.Paragraph>
          <Link to={start.to}>{start.label}</Link>
        </Typography.Paragraph>
      )}
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        <Row gutter={[16, 16]} data-testid="queues">
          {Object.entries(q.data ?? {}).map(([key, count]) => {
            const def = QUEUES[key];
            if (!def) return null;
            return (
              <Col key={key} xs={12} md={8} lg={6}>
                <Link to={def.to}>
                  <Card hoverable>
                    <Statistic
                      title={def.label}
                      value={count}
                      valueStyle={def.danger && count ? { color: '#cf1322' } : undefined}
                    />
                  </Card>
                </Link>
              </Col>
            );
          })}
        </Row>
      </QueryState>
    </div>
  );
}
