import { useMemo, useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useUser } from '../../app/auth.tsx';
import { options } from '../../app/labels.ts';
import { useDepartments } from '../../app/reference-data.ts';
import type { Department } from '../../api/models.ts';
import { QueryState } from '../../components/query-state.tsx';
import {
  allKeys,
  buildTree,
  DEPARTMENT_KIND_COLORS,
  DEPARTMENT_KIND_LABELS,
  type TreeRow,
} from './admin-shared.ts';
import { DepartmentFormModal, type DepartmentEdit } from './department-form.tsx';

/** 承办单位管理 — the departments as a tree, created and edited in a modal. */
export default function DepartmentsPage() {
  const user = useUser();
  const q = useDepartments();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [edit, setEdit] = useState<DepartmentEdit | null>(null);
  const [expanded, setExpanded] = useState<readonly React.Key[]>([]);
  const canEdit = user.role === 'admin' || user.role === 'office';

  const filtering = Boolean(search.trim() || kind);
  const tree = useMemo(() => {
    const s = search.trim().toLowerCase();
    const match = (d: Department) =>
      (!kind || d.kind === kind) &&
      (!s || [d.name, d.shortName, d.code, d.contactName ?? ''].some((x) => x.toLowerCase().includes(s)));
    return buildTree(q.data ?? [], filtering ? match : undefined);
  }, [q.data, search, kind, filtering]);

  const columns: ColumnsType<TreeRow<Department>> = [
    {
      title: '名称',
      dataIndex: 'name',
      render: (n: string, d) => (
        <Typography.Text delete={!d.active} type={d.active ? undefined : 'secondary'}>
          {n}
        </Typography.Text>
      ),
    },
    { title: '简称', dataIndex: 'shortName', width: 130 },
    {
      title: '编码',
      dataIndex: 'code',
      width: 110,
      render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 110,
      render: (k: string) => <Tag color={DEPARTMENT_KIND_COLORS[k]}>{DEPARTMENT_KIND_LABELS[k] ?? k}</Tag>,
    },
    {
      title: '联系人',
      key: 'contact',
      width: 200,
      render: (_: unknown, d) =>
        d.contactName || d.contactPhone ? `${d.contactName ?? ''} ${d.contactPhone ?? ''}`.trim() : '—',
    },
    {
      title: '状态',
      dataIndex: 'active',
      width: 80,
      render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
    },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 150,
            render: (_: unknown, d: Department) => (
              <Space size={4}>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setEdit({ mode: 'edit', department: d })}
                  data-testid={`department-edit-${d.code}`}
                >
                  编辑
                </Button>
                <Button size="small" type="link" onClick={() => setEdit({ mode: 'create', parentId: d.id })}>
                  新增下级
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title="承办单位管理"
      data-testid="admin-departments"
      extra={
        canEdit && (
          <Button
            type="primary"
            onClick={() => setEdit({ mode: 'create', parentId: null })}
            data-testid="department-create"
          >
            新增单位
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="搜索名称、简称、编码、联系人"
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 260 }}
          data-testid="department-search"
        />
        <Select
          allowClear
          placeholder="全部类型"
          options={options(DEPARTMENT_KIND_LABELS)}
          value={kind}
          onChange={setKind}
          style={{ width: 140 }}
        />
        <Button onClick={() => setExpanded(allKeys(tree))}>全部展开</Button>
        <Button onClick={() => setExpanded([])}>全部收起</Button>
        {q.data && (
          <Typography.Text type="secondary">
            共 {q.data.length} 个单位，其中停用 {q.data.filter((d) => !d.active).length} 个
          </Typography.Text>
        )}
      </Space>
      <QueryState
        loading={q.isLoading}
        error={q.error}
        empty={tree.length === 0}
        emptyText={filtering ? '没有符合条件的单位' : '还没有承办单位，点击“新增单位”添加'}
        onRetry={() => q.refetch()}
      >
        <Table<TreeRow<Department>>
          data-testid="admin-departments-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tree}
          pagination={false}
          scroll={{ x: 960 }}
          expandable={{
            expandedRowKeys: filtering ? allKeys(tree) : expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys),
          }}
        />
      </QueryState>
      {edit && q.data && (
        <DepartmentFormModal edit={edit} departments={q.data} onClose={() => setEdit(null)} />
      )}
    </Card>
  );
}
