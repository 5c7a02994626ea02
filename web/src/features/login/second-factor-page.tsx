import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, QRCode, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { ApiError } from '../../app/api.ts';
import { fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';

interface Enrolment {
  secret: string;
  otpauthUri: string;
}

/**
 * 双因素认证 — the office's and the administrator's second factor (GB/T 22239-2019 8.1.4.1 d): scan the QR
 * code with an authenticator app (or type the key), confirm with a code, keep the recovery codes. `forced`: the
 * policy makes it compulsory and the console shows this page before anything else until it is done.
 */
export default function SecondFactorPage(props: { forced?: boolean; onEnabled?: () => void }) {
  const { message } = App.useApp();
  const status = useQuery({
    queryKey: ['totp-status'],
    queryFn: () => unwrap(client.GET('/api/auth/totp')),
  });
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setError(null);
    try {
      setEnrolment(await unwrap(client.POST('/api/auth/totp/enrol')));
    } catch (err) {
      setError(err instanceof ApiError ? err.messageZh : '操作失败');
    }
  };
  const confirm = async (v: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(client.POST('/api/auth/totp/confirm', { body: { code: v.code.trim() } }));
      setCodes(r.recoveryCodes);
      setEnrolment(null);
      message.success('已启用双因素认证');
      await status.refetch();
    } catch (err) {
      setError(
        err instanceof ApiError
          ? err.fields.length
            ? '动态口令不正确或已过期，请输入 App 中最新的 6 位数字'
            : err.messageZh
          : '操作失败',
      );
    } finally {
      setBusy(false);
    }
  };
  const renew = async (v: { code: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await unwrap(client.POST('/api/auth/totp/recovery-codes', { body: { code: v.code.trim() } }));
      setCodes(r.recoveryCodes);
      await status.refetch();
    } catch (err) {
      setError(
        err instanceof ApiError ? (err.fields.length ? '动态口令不正确或已使用' : err.messageZh) : '操作失败',
      );
    } finally {
      setBusy(false);
    }
  };

  const s = status.data;
  return (
    <Card
      title="双因素认证（动态口令）"
      data-testid="second-factor"
      style={props.forced ? { maxWidth: 640, margin: '40px auto' } : undefined}
    >
      {props.forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="请先绑定动态口令"
          description="按本平台的安全设置，您的角色须使用双因素认证登录。完成绑定后才能使用其他功能。"
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
          data-testid="second-factor-error"
        />
      )}
      <QueryState loading={status.isLoading} error={status.error} onRetry={() => status.refetch()}>
        {s && (
          <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label="状态">
              {s.enabled ? (
                <Tag color="green" data-testid="second-factor-status">
                  已启用
                </Tag>
              ) : (
                <Tag data-testid="second-factor-status">未启用</Tag>
              )}
              {s.required && <Tag color="orange">本角色必须启用</Tag>}
            </Descriptions.Item>
            {s.enabled && s.enabledAt && (
              <Descriptions.Item label="启用时间">{fmtTime(s.enabledAt)}</Descriptions.Item>
            )}
            {s.enabled && <Descriptions.Item label="剩余恢复码">{s.recoveryCodesLeft} 个</Descriptions.Item>}
          </Descriptions>
        )}
      </QueryState>
      {codes && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          message="恢复码（只显示这一次，请抄写或打印后妥善保管）"
          description={
            <div>
              <Typography.Paragraph>手机丢失时，每个恢复码可代替动态口令登录一次。</Typography.Paragraph>
              <pre data-testid="recovery-codes" style={{ columns: 2, fontSize: 15 }}>
                {codes.join('\n')}
              </pre>
              {props.forced && (
                <Button type="primary" onClick={props.onEnabled} data-testid="second-factor-continue">
                  我已保存，进入系统
                </Button>
              )}
            </div>
          }
        />
      )}
      {s && !s.enabled && !enrolment && (
        <Button type="primary" onClick={start} data-testid="second-factor-start">
          开始绑定
        </Button>
      )}
      {enrolment && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph>
            1. 用身份验证器 App（如 Microsoft Authenticator、Google 身份验证器、FreeOTP
            等）扫描二维码，或手动输入密钥：
          </Typography.Paragraph>
          <Space align="start" wrap>
            <QRCode value={enrolment.otpauthUri} size={180} data-testid="second-factor-qr" />
            <div>
              <Typography.Text type="secondary">密钥（基于时间，6 位，30 秒）</Typography.Text>
              <br />
              <Typography.Text code copyable data-testid="second-factor-secret">
                {enrolment.secret}
              </Typography.Text>
            </div>
          </Space>
          <Typography.Paragraph>2. 输入 App 中显示的 6 位数字完成绑定：</Typography.Paragraph>
          <Form layout="inline" onFinish={confirm} requiredMark={false}>
            <Form.Item name="code" label="动态口令" rules={[{ required: true, message: '请输入 6 位数字' }]}>
              <Input inputMode="numeric" autoComplete="one-time-code" style={{ width: 140 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="second-factor-confirm">
              确认绑定
            </Button>
          </Form>
        </Space>
      )}
      {s?.enabled && !codes && (
        <Form layout="inline" onFinish={renew} requiredMark={false}>
          <Form.Item name="code" label="动态口令" rules={[{ required: true, message: '请输入 6 位数字' }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" style={{ width: 140 }} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            重新生成恢复码
          </Button>
        </Form>
      )}
      {s?.enabled && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          更换手机或丢失全部恢复码时，请联系系统管理员在“用户与角色”中重置动态口令后重新绑定。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
