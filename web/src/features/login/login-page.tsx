import { useState } from 'react';
import { DemoProgressBanner } from '../../components/demo-progress.tsx';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { ApiError } from '../../app/api.ts';
import { ChangePasswordForm } from './change-password-form.tsx';

type Step =
  | { kind: 'password' }
  | { kind: 'code'; username: string; password: string }
  | { kind: 'expired'; username: string; secondFactor: boolean };

/**
 * 登录 — staff sign in: the password, then the one-time code when the account has a second factor, or the
 * change of an expired password before anything else. Citizens are pointed to the public pages.
 */
export default function LoginPage() {
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [step, setStep] = useState<Step>({ kind: 'password' });
  if (user) return <Navigate to="/" replace />;
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  const attempt = async (username: string, password: string, code?: string) => {
    setBusy(true);
    setError(null);
    try {
      await login(username, password, code);
      navigate(from, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required') {
        setStep({ kind: 'code', username, password });
        return;
      }
      if (err instanceof ApiError && err.code === 'password_expired') {
        setStep({ kind: 'expired', username, secondFactor: err.details.secondFactor === true });
        return;
      }
      setError(err instanceof ApiError ? err.messageZh : '登录失败');
      // Locked out: back to the start, the code will not help.
      if (err instanceof ApiError && err.status === 429) setStep({ kind: 'password' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'grid',
        placeItems: 'center',
        background: '#f0f2f5',
        padding: 16,
      }}
    >
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ textAlign: 'center' }}>
          12345 政务服务便民热线
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {step.kind === 'expired' ? '修改口令' : '工作人员登录'}
        </Typography.Paragraph>
        <DemoProgressBanner />
        {error && (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        {step.kind === 'password' && (
          <Form
            layout="vertical"
            onFinish={(v: { username: string; password: string }) => attempt(v.username, v.password)}
            requiredMark={false}
          >
            <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
              <Input autoFocus autoComplete="username" />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              登录
            </Button>
          </Form>
        )}
        {step.kind === 'code' && (
          <Form
            layout="vertical"
            onFinish={(v: { code: string }) => attempt(step.username, step.password, v.code.trim())}
            requiredMark={false}
            data-testid="login-code-form"
          >
            <Typography.Paragraph>
              账号 <Typography.Text code>{step.username}</Typography.Text>{' '}
              已启用双因素认证：请输入身份验证器（手机 App）中显示的 6
              位动态口令；手机丢失时可输入一个恢复码。
            </Typography.Paragraph>
            <Form.Item
              name="code"
              label="动态口令"
              rules={[{ required: true, message: '请输入动态口令或恢复码' }]}
            >
              <Input
                autoFocus
                inputMode="numeric"
                autoComplete="one-time-code"
                placeholder="6 位数字或恢复码"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              验证并登录
            </Button>
            <Button type="link" block onClick={() => setStep({ kind: 'password' })}>
              返回
            </Button>
          </Form>
        )}
        {step.kind === 'expired' && (
          <ChangePasswordForm
            username={step.username}
            secondFactor={step.secondFactor}
            onDone={() => navigate(from, { replace: true })}
          />
        )}
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          市民请 <Link to="/public/submit">在线提交诉求</Link> 或 <Link to="/public/track">查询办理进度</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
