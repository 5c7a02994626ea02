import { Space, Typography } from 'antd';
import { useUser } from '../../app/auth.tsx';
import { AlertsPanel } from './alerts-panel.tsx';
import { ExemptionsPanel } from './exemptions-panel.tsx';
import { OutagesPanel } from './outages-panel.tsx';

const ALERT_ROLES = new Set(['office', 'team_lead', 'admin']);

/** 突发事件与中断 — open alerts, exemption windows for the answer rate, and hotline outages. */
export default function IncidentsPage() {
  const user = useUser();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="incidents">
      <Typography.Title level={4} style={{ margin: 0 }}>
        突发事件与中断
      </Typography.Title>
      {ALERT_ROLES.has(user.role) && <AlertsPanel />}
      <OutagesPanel />
      <ExemptionsPanel />
    </Space>
  );
}
