import { useMemo, useState } from 'react';
import { Button, Card, Input, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useUser } from '../../app/auth.tsx';
import { departmentName, useCategories, useDepartments } from '../../app/reference-data.ts';
import type { Category } from '../../api/models.ts';
import { QueryState } from '../../components/query-state.tsx';
import { allKeys, buildTree, type TreeRow } from './admin-shared.ts';
import { CategoryFormModal, type CategoryEdit } from './category-form.tsx';

/** A value the node sets itself, or (grey, marked 继承) the one it inherits; null everywhere = the city default. */
function Inherited({
  own,
  effective,
  render,
}: {
  own: number | null;
  effective: number | null;
  render: (v: number) => string;
}) {
  if (own != null) return <span>{render(own)}</span>;
  if (effective != null)
    return (
      <Tooltip title="未单独设置，继承上级分类">
        <Typography.Text type="secondary">
          {render(effective)} <Tag bordered={false}>继承</Tag>
        </Typography.Text>
      </Tooltip>
    );
  return <Typography.Text type="secondary">全市默认</Typography.Text>;
}

/** 分类与时限 — the dispatch catalogue: each matter's default department and working-day limits. */
export default function CategoriesPage() {
  const user = useUser();
  const q = useCategories();
  const departments = useDepartments();
  const [search, setSearch] = useState('');
  const [showInactive, setShowInactive] = useState(true);
  const [edit, setEdit] = useState<CategoryEdit | null>(null);
  const [expanded, setExpanded] = useState<readonly React.Key[]>([]);
  const canEdit = user.role === 'admin' || user.role === 'office';
  const depName = (id: number) => departmentName(departments.data, id);
  const childCount = useMemo(() => {
    const m = new Map<number, number>();
    for (const c of q.data ?? []) if (c.parentId != null) m.set(c.parentId, (m.get(c.parentId) ?? 0) + 1);
    return m;
  }, [q.data]);

  const s = search.trim().toLowerCase();
  const filtering = Boolean(s) || !showInactive;
  const tree = useMemo(() => {
    const match = (c: Category) =>
      (showInactive || c.active) &&
      (!s ||
        c.code.toLowerCase().includes(s) ||
        c.path.join('/').toLowerCase().includes(s) ||
        (c.effective.departmentId != null &&
          departmentName(departments.data, c.effective.departmentId).toLowerCase().includes(s)));
    return buildTree(q.data ?? [], filtering ? match : undefined);
  }, [q.data, departments.data, s, showInactive, filtering]);

  const columns: ColumnsType<TreeRow<Category>> = [
    {
      title: '分类名称',
      dataIndex: 'name',
      render: (n: string, c) => (
        <Space size={4}>
          <Typography.Text
            delete={!c.active}
            type={c.active ? undefined : 'secondary'}
            mark={Boolean(s) && n.toLowerCase().includes(s)}
          >
            {n}
          </Typography.Text>
          {!c.isLeaf && <Typography.Text type="secondary">（{childCount.get(c.id) ?? 0}）</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '编码',
      dataIndex: 'code',
      width: 140,
      render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
    },
    {
      title: '默认承办单位',
      key: 'department',
      width: 230,
      render: (_: unknown, c) => (
        <Inherited own={c.departmentId} effective={c.effective.departmentId} render={depName} />
      ),
    },
    {
      title: '一般时限',
      key: 'limit',
      width: 140,
      render: (_: unknown, c) => (
        <Inherited
          own={c.timeLimitDays}
          effective={c.effective.timeLimitDays}
          render={(v) => `${v} 个工作日`}
        />
      ),
    },
    {
      title: '紧急时限',
      key: 'urgent',
      width: 140,
      render: (_: unknown, c) => (
        <Inherited
          own={c.urgentTimeLimitDays}
          effective={c.effective.urgentTimeLimitDays}
          render={(v) => `${v} 个工作日`}
        />
      ),
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
            render: (_: unknown, c: Category) => (
              <Space size={4}>
                <Button
                  size="small"
                  type="link"
                  onClick={() => setEdit({ mode: 'edit', category: c })}
                  data-testid={`category-edit-${c.code}`}
                >
                  编辑
                </Button>
                <Button size="small" type="link" onClick={() => setEdit({ mode: 'create', parentId: c.id })}>
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
      title="分类与时限（派单目录）"
      data-testid="admin-categories"
      extra={
        canEdit && (
          <Button
            type="primary"
            onClick={() => setEdit({ mode: 'create', parentId: null })}
            data-testid="category-create"
          >
            新增一级分类
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        话务员选定分类后，系统按此目录带出默认承办单位和办理时限（工作日）；未单独设置的分类沿用最近一级上级的设置，都未设置时按全市默认时限。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder="搜索分类名称、编码或承办单位"
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 280 }}
          data-testid="category-search"
        />
        <Space size={4}>
          <Switch size="small" checked={showInactive} onChange={setShowInactive} />
          <span>显示停用分类</span>
        </Space>
        <Button onClick={() => setExpanded(allKeys(tree))}>全部展开</Button>
        <Button onClick={() => setExpanded([])}>全部收起</Button>
      </Space>
      <QueryState
        loading={q.isLoading}
        error={q.error}
        empty={tree.length === 0}
        emptyText={filtering ? '没有符合条件的分类' : '目录为空，点击“新增一级分类”添加'}
        onRetry={() => q.refetch()}
      >
        <Table<TreeRow<Category>>
          data-testid="admin-categories-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={tree}
          pagination={false}
          scroll={{ x: 1000 }}
          expandable={{
            expandedRowKeys: s ? allKeys(tree) : expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys),
          }}
        />
      </QueryState>
      {edit && q.data && (
        <CategoryFormModal
          edit={edit}
          categories={q.data}
          departments={departments.data ?? []}
          onClose={() => setEdit(null)}
        />
      )}
    </Card>
  );
}
