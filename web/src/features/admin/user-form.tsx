import { useState } from 'react';
import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { ROLE_LABELS } from '../../app/labels.ts';
import type { Department, Role, UserAccount } from '../../api/models.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';

const LABELS: Record<string, string> = {
  username: '用户名',
  password: '密码',
  role: '角色',
  displayName: '显示名称',
  departmentId: '所属单位',
  active: '启用',
};

export const STAFF_ROLES: Role[] = ['agent', 'team_lead', 'office', 'department', 'admin'];
export const roleOptions = STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

interface Values {
  username?: string;
  displayName?: string;
  password?: string;
  confirm?: string;
  role: Role;
  departmentId?: number | null;
  active?: boolean;
  expirePassword?: boolean;
}

/** The platform's password rule (8+ characters with a letter and a digit), checked before sending. */
function passwordRule(required: boolean) {
  return {
    validator: (_: unknown, v?: string) => {
      if (!v) return required ? Promise.reject(new Error('请填写密码')) : Promise.resolve();
      if (v.length < 8) return Promise.reject(new Error('密码至少 8 位'));
      if (!/[A-Za-z]/.test(v) || !/\d/.test(v)) return Promise.reject(new Error('密码须同时包含字母和数字'));
      return Promise.resolve();
    },
  };
}

/** Creates a user, or edits one's role, department, display name, password and active flag. */
export function UserFormModal({
  user,
  departments,
  onClose,
}: {
  user: UserAccount | null;
  departments: Department[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  // An admin may not take away their own role or account: that could leave no one to manage users.
  const self = useUser().id === user?.id;
  const role = Form.useWatch('role', form) ?? user?.role;
  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const departmentId = v.role === 'department' ? v.departmentId : null;
      const displayName = v.displayName?.trim() || undefined;
      if (user) {
        return unwrap(
          client.PATCH('/api/users/{id}', {
            params: { path: { id: user.id } },
            body: {
              role: v.role,
              departmentId,
              displayName,
              active: v.active,
              password: v.password || undefined,
              ...(v.expirePassword && { expirePassword: true }),
            },
          }),
        );
      }
      return unwrap(
        client.POST('/api/users', {
          body: {
            username: v.username?.trim() ?? '',
            password: v.password ?? '',
            role: v.role,
            displayName,
            departmentId,
          },
        }),
      );
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  const deptOptions = departments
    .filter((d) => d.active || d.id === user?.departmentId)
    .map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（停用）` }));

  return (
    <Modal
      open
      title={user ? `编辑用户 · ${user.username}` : '新增用户'}
      okText="保存"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 12 }}
          data-testid="user-form-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        autoComplete="off"
        initialValues={user ? { ...user, active: user.active ?? true } : { role: 'agent' }}
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v);
        }}
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label="用户名"
          extra={user ? '用户名不可修改' : '登录用，2–40 位字母、数字或 _ - .'}
          rules={
            user
              ? []
              : [
                  { required: true, message: '请填写用户名' },
                  { pattern: /^[A-Za-z0-9_.-]{2,40}$/, message: '用户名为 2–40 位字母、数字或“_”“-”“.”' },
                ]
          }
        >
          <Input disabled={Boolean(user)} maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="显示名称"
          extra={user ? undefined : '不填则与用户名相同'}
          rules={[
            { max: 50, message: '不能超过 50 字' },
            ...(user ? [{ required: true, whitespace: true, message: '请填写显示名称' }] : []),
          ]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="role"
          label="角色"
          extra={self ? '不能修改自己的角色' : undefined}
          rules={[{ required: true, message: '请选择角色' }]}
        >
          <Select
            disabled={self}
            options={roleOptions}
            onChange={(r) => r !== 'department' && form.setFieldValue('departmentId', null)}
          />
        </Form.Item>
        {role === 'department' && (
          <Form.Item
            name="departmentId"
            label="所属单位"
            rules={[{ required: true, message: '承办单位角色须选择所属单位' }]}
            extra="承办单位账号只能看到并办理本单位的工单"
          >
            <Select showSearch optionFilterProp="label" options={deptOptions} placeholder="选择单位" />
          </Form.Item>
        )}
        <Form.Item
          name="password"
          label={user ? '重置密码' : '密码'}
          required={!user}
          extra={user ? '留空则不修改；修改后请告知本人' : '至少 8 位，须包含字母和数字'}
          rules={[passwordRule(!user)]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label="确认密码"
          dependencies={['password']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v?: string) =>
                (getFieldValue('password') ?? '') === (v ?? '')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        {user && (
          <Form.Item
            name="active"
            label="启用"
            valuePropName="checked"
            extra={self ? '不能停用自己的账号' : '停用后该用户立即退出登录，且不能再登录'}
          >
            <Switch disabled={self} checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        )}
        {user && !self && (
          <Form.Item
            name="expirePassword"
            label="下次登录须修改口令"
            valuePropName="checked"
            extra="如口令由管理员设置或告知，应要求用户登录后立即修改"
          >
            <Switch data-testid="user-expire-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
