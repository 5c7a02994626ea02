import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useAuth } from '../../app/auth.tsx';
import { ApiError } from '../../app/api.ts';

interface Values {
  username: string;
  currentPassword: string;
  newPassword: string;
  confirm: string;
  code?: string;
}

/**
 * 修改口令 — the expired password changed with the current one (and the one-time code for a user with a second
 * factor); the change signs in with the new password at once. Used by the sign-in page when the server says
 * `password_expired`, and in place of the console when a session's password expires while it is open.
 */
export function ChangePasswordForm(props: { username?: string; secondFactor: boolean; onDone(): void }) {
  const { changePassword } = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [needCode, setNeedCode] = useState(props.secondFactor);
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await changePassword({
        username: v.username,
        currentPassword: v.currentPassword,
        newPassword: v.newPassword,
        code: v.code?.trim() || undefined,
      });
      props.onDone();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'totp_required') setNeedCode(true);
      if (err instanceof ApiError && err.fields.length)
        form.setFields(
          err.fields.map((f) => ({
            name: f.field === 'password' ? 'newPassword' : (f.field as keyof Values),
            errors: [fieldMessage(f.message)],
          })),
        );
      setError(err instanceof ApiError ? err.messageZh : '修改失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      initialValues={{ username: props.username }}
      data-testid="change-password-form"
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        message="口令已过期"
        description="按等保要求口令须定期更换：请设置新口令（至少 8 位，含字母和数字，不得与最近使用过的口令相同）后继续。"
      />
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 16 }}
          data-testid="change-password-error"
        />
      )}
      <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
        <Input autoComplete="username" disabled={!!props.username} />
      </Form.Item>
      <Form.Item
        name="currentPassword"
        label="当前口令"
        rules={[{ required: true, message: '请输入当前口令' }]}
      >
        <Input.Password autoComplete="current-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label="新口令"
        rules={[
          { required: true, message: '请输入新口令' },
          { min: 8, message: '至少 8 位' },
          { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '须同时包含字母和数字' },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新口令"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新口令' },
          ({ getFieldValue }) => ({
            validator: (_, v) =>
              !v || v === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {needCode && (
        <Form.Item
          name="code"
          label="动态口令"
          rules={[{ required: true, message: '请输入动态口令或恢复码' }]}
        >
          <Input inputMode="numeric" autoComplete="one-time-code" placeholder="6 位数字或恢复码" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" block loading={busy}>
        修改口令并登录
      </Button>
    </Form>
  );
}

function fieldMessage(m: string): string {
  if (m.startsWith('must differ')) return '不得与最近使用过的口令相同';
  if (m.includes('8 characters')) return '至少 8 位';
  if (m.includes('letter and a digit')) return '须同时包含字母和数字';
  return m;
}
