import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { client, unwrap, type paths } from '../../api/client.ts';
import { fmtTime } from '../../app/format.ts';
import { ROLE_LABELS } from '../../app/labels.ts';
import { QueryState } from '../../components/query-state.tsx';

type AuditRow = paths['/api/audit']['get']['responses'][200]['content']['application/json']['items'][number];

/** Common actions, in Chinese, for the filter and the table (anything else shows as it is stored). */
const AUDIT_ACTIONS: Record<string, string> = {
  login: '登录',
  login_failed: '登录失败',
  login_locked: '登录被锁定',
  logout: '退出',
  change_own_password: '修改本人口令',
  update_with_password: '修改用户（含口令）',
  create: '新增',
  update: '修改',
  set: '修改设置',
  view_personal_data: '查看个人信息',
  totp_enrol: '开始绑定动态口令',
  totp_enabled: '启用动态口令',
  totp_reset: '重置动态口令',
  totp_recovery_used: '使用恢复码登录',
  totp_recovery_renewed: '重新生成恢复码',
  audit_verify: '校验审计链',
  rotate_data_key: '轮换数据密钥',
  rotate_index_key: '轮换盲索引密钥',
  handover_export: '数据移交导出',
  handover_certificate: '数据销毁确认函',
};

const REASONS: Record<string, string> = {
  edited: '记录被修改',
  deleted_before: '此前的记录被删除',
  deleted_at_end: '末尾的记录被删除',
  unsealed: '记录未入链',
};

interface Filters {
  userId?: number;
  action?: string;
  entity?: string;
  entityId?: string;
  range?: [Dayjs, Dayjs] | null;
}

/**
 * 审计日志 — the audit trail for the office and the administrator (GB/T 22239-2019 8.1.4.3 c: audit records are
 * reviewed): filtered by who, what, which object and when, page by page, with the SM3 chain's verification.
 * The administrator sees personal values masked; the office's reading of them is itself audited.
 */
export default function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => unwrap(client.GET('/api/users')).then((r) => r.items),
  });
  const query = {
    page,
    pageSize,
    ...(filters.userId && { userId: filters.userId }),
    ...(filters.action && { action: filters.action }),
    ...(filters.entity && { entity: filters.entity }),
    ...(filters.entityId && { entityId: filters.entityId }),
    ...(filters.range && { from: filters.range[0].format(), to: filters.range[1].format() }),
  };
  const list = useQuery({
    queryKey: ['audit', query],
    queryFn: () => unwrap(client.GET('/api/audit', { params: { query } })),
  });
  const verify = useQuery({
    queryKey: ['audit-verify'],
    queryFn: () => unwrap(client.GET('/api/audit/verify')),
    staleTime: Infinity,
  });
  const names = useMemo(
    () => new Map((users.data ?? []).map((u) => [u.id, `${u.displayName}（${u.username}）`])),
    [users.data],
  );

  const v = verify.data;
  return (
    <Card title="审计日志" data-testid="audit-page">
      <div data-testid="audit-chain" style={{ marginBottom: 16 }}>
        {verify.isLoading && <Alert type="info" showIcon message="正在校验审计链…" />}
        {verify.error && <Alert type="error" showIcon message="审计链校验失败，请稍后重试" />}
        {v &&
          (v.ok ? (
            <Alert
              type="success"
              showIcon
              message={`审计链完整：${v.entries} 条记录逐条 SM3 校验通过`}
              description={`校验于 ${fmtTime(String(v.checkedAt))}，用时 ${v.seconds} 秒。每条记录含上一条的哈希，任何修改或删除都会在此报出。`}
              action={
                <Button size="small" onClick={() => verify.refetch()} loading={verify.isFetching}>
                  重新校验
                </Button>
              }
            />
          ) : (
            <Alert
              type="error"
              showIcon
              message={`审计链断裂：第 ${v.firstBroken?.id} 号记录（${REASONS[v.firstBroken?.reason ?? ''] ?? v.firstBroken?.reason}）`}
              description={`此前 ${v.entries} 条完整。${v.firstBroken?.detail ?? ''}。请立即报告并保全数据库。`}
              action={
                <Button size="small" onClick={() => verify.refetch()} loading={verify.isFetching}>
                  重新校验
                </Button>
              }
            />
          ))}
      </div>
      <Form<Filters>
        layout="inline"
        style={{ marginBottom: 12, rowGap: 8 }}
        onFinish={(f) => {
          setFilters(f);
          setPage(1);
        }}
        data-testid="audit-filters"
      >
        <Form.Item name="userId" label="操作人">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部"
            style={{ width: 200 }}
            options={(users.data ?? []).map((u) => ({
              value: u.id,
              label: `${u.displayName}（${u.username}）`,
            }))}
            data-testid="audit-filter-user"
          />
        </Form.Item>
        <Form.Item name="action" label="动作">
          <Select
            allowClear
            showSearch
            placeholder="全部"
            style={{ width: 180 }}
            options={Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({
              value,
              label: `${label} ${value}`,
            }))}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="entity" label="对象类型">
          <Input allowClear placeholder="如 order、user" style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="entityId" label="对象编号">
          <Input allowClear style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="range" label="时间">
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="audit-search">
          查询
        </Button>
      </Form>
      <QueryState loading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
        <Table<AuditRow>
          data-testid="audit-table"
          rowKey="id"
          size="small"
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: 980 }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => {
              setPage(s === pageSize ? p : 1);
              setPageSize(s);
            },
          }}
          expandable={{
            expandedRowRender: (r) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">客户端：{r.userAgent ?? '—'}</Typography.Text>
                <Typography.Text type="secondary">
                  哈希 <Typography.Text code>{r.hash}</Typography.Text>
                </Typography.Text>
                {r.before != null && (
                  <div>
                    变更前：
                    <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {JSON.stringify(r.before, null, 2)}
                    </pre>
                  </div>
                )}
                {r.after != null && (
                  <div>
                    内容：
                    <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {JSON.stringify(r.after, null, 2)}
                    </pre>
                  </div>
                )}
              </Space>
            ),
          }}
          columns={[
            { title: '编号', dataIndex: 'id', width: 80 },
            { title: '时间', dataIndex: 'at', width: 160, render: (at: string) => fmtTime(at) },
            {
              title: '操作人',
              key: 'actor',
              width: 200,
              render: (_: unknown, r) =>
                r.actorId == null ? (
                  <Tag>
                    {r.actorRole === 'system'
                      ? '系统'
                      : r.actorRole === 'citizen'
                        ? '市民/未登录'
                        : r.actorRole}
                  </Tag>
                ) : (
                  <span>
                    {names.get(r.actorId) ?? `用户 ${r.actorId}`}{' '}
                    <Typography.Text type="secondary">
                      {ROLE_LABELS[r.actorRole] ?? r.actorRole}
                    </Typography.Text>
                  </span>
                ),
            },
            {
              title: '动作',
              dataIndex: 'action',
              width: 160,
              render: (a: string) => (
                <Tag color={a.includes('fail') || a.includes('locked') ? 'red' : undefined}>
                  {AUDIT_ACTIONS[a] ?? a}
                </Tag>
              ),
            },
            {
              title: '对象',
              key: 'object',
              width: 150,
              render: (_: unknown, r) => `${r.entity}${r.entityId ? ` #${r.entityId}` : ''}`,
            },
            {
              title: '来源地址',
              dataIndex: 'clientAddress',
              width: 130,
              render: (a: string | null) => a ?? '—',
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}
