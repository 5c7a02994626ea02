import { useMemo, useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap, type paths } from '../../api/client.ts';
import { ApiError } from '../../app/api.ts';
import { ROLE_LABELS } from '../../app/labels.ts';
import { departmentName, useDepartments } from '../../app/reference-data.ts';

type User = paths['/api/users']['get']['responses'][200]['content']['application/json']['items'][number];
import { QueryState } from '../../components/query-state.tsx';
import { UserFormModal, roleOptions } from './user-form.tsx';

const ROLE_COLORS: Record<string, string> = {
  agent: 'blue',
  team_lead: 'geekblue',
  office: 'purple',
  department: 'cyan',
  admin: 'red',
};

/** 用户与角色 (admin) — every account, its role and department; created and edited in a modal. */
export default function UsersPage() {
  const { message } = App.useApp();
  const q = useQuery({
    queryKey: ['users'],
    queryFn: () => unwrap(client.GET('/api/users')).then((r) => r.items),
  });
  const resetSecondFactor = async (u: User) => {
    try {
      await unwrap(client.POST('/api/users/{id}/totp/reset', { params: { path: { id: u.id } } }));
      message.success(`已重置 ${u.username} 的动态口令，其登录会话已全部注销`);
      await q.refetch();
    } catch (err) {
      message.error(err instanceof ApiError ? err.messageZh : '重置失败');
    }
  };
  const departments = useDepartments();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<string | undefined>();
  const [editing, setEditing] = useState<User | 'new' | null>(null);

  const rows = useMemo(() => {
    const s = search.trim().toLowerCase();
    return (q.data ?? []).filter(
      (u) =>
        (!role || u.role === role) &&
        (!s ||
          u.username.toLowerCase().includes(s) ||
          u.displayName.toLowerCase().includes(s) ||
          (u.departmentId != null &&
            departmentName(departments.data, u.departmentId).toLowerCase().includes(s))),
    );
  }, [q.data, departments.data, search, role]);

  return (
    <Card
      title="用户与角色"
      data-testid="admin-users"
      extra={
        <Button type="primary" onClick={() => setEditing('new')} data-testid="user-create">
          新增用户
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="搜索用户名、姓名或单位"
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 240 }}
          data-testid="user-search"
        />
        <Select
          allowClear
          placeholder="全部角色"
          options={roleOptions}
          value={role}
          onChange={setRole}
          style={{ width: 140 }}
        />
      </Space>
      <QueryState
        loading={q.isLoading}
        error={q.error}
        empty={rows.length === 0}
        emptyText={search || role ? '没有符合条件的用户' : '还没有用户'}
        onRetry={() => q.refetch()}
      >
        <Table<User>
          data-testid="admin-users-table"
          rowKey="id"
          size="middle"
          dataSource={rows}
          scroll={{ x: 860 }}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 个用户`, hideOnSinglePage: true }}
          columns={[
            {
              title: '用户名',
              dataIndex: 'username',
              width: 160,
              render: (u: string) => <Typography.Text code>{u}</Typography.Text>,
            },
            { title: '显示名称', dataIndex: 'displayName' },
            {
              title: '角色',
              dataIndex: 'role',
              width: 120,
              render: (r: string) => <Tag color={ROLE_COLORS[r]}>{ROLE_LABELS[r] ?? r}</Tag>,
            },
            {
              title: '所属单位',
              dataIndex: 'departmentId',
              width: 240,
              ellipsis: true,
              render: (id: number | null) => departmentName(departments.data, id),
            },
            {
              title: '状态',
              dataIndex: 'active',
              width: 80,
              render: (a?: boolean) => (a === false ? <Tag>停用</Tag> : <Tag color="green">启用</Tag>),
            },
            {
              title: '双因素',
              dataIndex: 'secondFactor',
              width: 90,
              render: (on: boolean) => (on ? <Tag color="green">已启用</Tag> : <Tag>未启用</Tag>),
            },
            {
              title: '操作',
              key: 'actions',
              width: 170,
              render: (_: unknown, u) => (
                <Space size={0}>
                  <Button
                    size="small"
                    type="link"
                    onClick={() => setEditing(u)}
                    data-testid={`user-edit-${u.username}`}
                  >
                    编辑
                  </Button>
                  {u.secondFactor && (
                    <Popconfirm
                      title="重置动态口令？"
                      description="用于手机丢失等情况：该用户的动态口令和恢复码作废、已登录的会话全部注销，之后需重新绑定。"
                      okText="重置"
                      cancelText="取消"
                      onConfirm={() => resetSecondFactor(u)}
                    >
                      <Button size="small" type="link" danger data-testid={`user-totp-reset-${u.username}`}>
                        重置动态口令
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
      {editing && (
        <UserFormModal
          user={editing === 'new' ? null : editing}
          departments={departments.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
