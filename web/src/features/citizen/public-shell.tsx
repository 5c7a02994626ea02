import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { NavLink } from 'react-router';

const linkStyle = ({ isActive }: { isActive: boolean }) => ({
  color: '#fff',
  padding: '4px 10px',
  borderRadius: 4,
  background: isActive ? 'rgba(255,255,255,0.22)' : 'transparent',
  whiteSpace: 'nowrap' as const,
});

/** The citizens' frame: no staff menu, a simple header, one column that fits a phone. */
export function PublicShell({ children }: { children: ReactNode }) {
  return (
    <div style={{ minHeight: '100vh', background: '#f3f5f9', overflowX: 'hidden' }}>
      <header style={{ background: '#1f5fbf', color: '#fff' }}>
        <div
          style={{
            maxWidth: 760,
            margin: '0 auto',
            padding: '12px 16px',
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
          }}
        >
          <div style={{ fontSize: 18, fontWeight: 600, letterSpacing: 1 }} data-testid="public-header">
            12345 政务服务便民热线
          </div>
          <nav style={{ display: 'flex', gap: 4 }}>
            <NavLink to="/public/submit" style={linkStyle} data-testid="link-submit">
              我要反映
            </NavLink>
            <NavLink to="/public/track" style={linkStyle} data-testid="link-track">
              办理查询
            </NavLink>
          </nav>
        </div>
      </header>
      <main style={{ maxWidth: 760, margin: '0 auto', padding: '16px 12px 32px' }}>{children}</main>
      <footer style={{ textAlign: 'center', padding: '0 16px 24px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          也可拨打 12345 热线电话反映诉求（7×24 小时）。您的个人信息仅用于办理本诉求。
        </Typography.Text>
      </footer>
    </div>
  );
}

/** What the tracking page reads (GET /api/public/orders/:number). */
export interface PublicOrder {
  number: string;
  status: string;
  statusLabel: string;
  type: string;
  title: string;
  content: string;
  receivedAt: string;
  responseDueAt: string | null;
  department: string | null;
  handleDueAt: string | null;
  answer: string | null;
  reply: string | null;
  repliedAt: string | null;
  closedAt: string | null;
  timeline: { at: string; action: string; label: string; status: string }[];
}

/** What a submission answers (POST /api/public/orders). */
export interface SubmitResult {
  number: string;
  trackingCode: string;
  status: string;
  receivedAt: string;
  responseDueAt: string | null;
}

/** The server takes digits, "+", "-", "()" and spaces (5–20); a mobile number must have its 11 digits. */
export function phoneProblem(value: string): string | null {
  const v = value.trim();
  if (!/^[0-9+\-() ]{5,20}$/.test(v)) return '请填写正确的电话号码（手机号或带区号的固话）';
  const digits = v.replace(/\D/g, '');
  if (digits.length < 5) return '电话号码位数不足';
  if (/^1\d*$/.test(v) && digits.length !== 11 && digits.length > 5) return '手机号码应为 11 位数字';
  return null;
}
