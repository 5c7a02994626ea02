import { Button, Card, DatePicker, Form, Input, Select, Space, Switch, TreeSelect } from 'antd';
import { useSearchParams } from 'react-router';
import dayjs from 'dayjs';
import { CHANNEL_LABELS, STATUS_LABELS, TYPE_LABELS, options } from '../../app/labels.ts';
import { categoryTree, useCategories, useDepartments } from '../../app/reference-data.ts';
import { useUser } from '../../app/auth.tsx';
import { OrderTable } from '../../components/order-table.tsx';
import { ExportButton } from '../../components/export-button.tsx';

const FILTER_KEYS = [
  'status',
  'channel',
  'type',
  'departmentId',
  'categoryId',
  'overdue',
  'q',
  'from',
  'to',
  'callerPhone',
  'unjudgedReturn',
  'extensionPending',
  'appealStatus',
  'dueSoon',
  'pauseState',
];

/** 工单列表 — every filter lives in the URL, so a filtered list can be bookmarked and shared. */
export default function OrdersPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const departments = useDepartments();
  const categories = useCategories();
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined]));
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  // The export takes the list's current filters (not its page): every matching order.
  const exportQuery = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filters[k]) exportQuery.set(k, filters[k]);
  const exportPath = `/api/orders/export.xlsx?${exportQuery.toString()}`;

  const apply = (v: Record<string, unknown>) => {
    const next = new URLSearchParams();
    const range = v.range as [dayjs.Dayjs, dayjs.Dayjs] | undefined;
    const values: Record<string, unknown> = {
      ...v,
      status: (v.status as string[] | undefined)?.join(','),
      overdue: v.overdue ? 'true' : undefined,
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.add(1, 'day').startOf('day').toISOString(),
      range: undefined,
    };
    for (const [k, val] of Object.entries(values))
      if (val !== undefined && val !== null && val !== '') next.set(k, String(val));
    setParams(next);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form
          key={params.toString()}
          layout="inline"
          onFinish={apply}
          initialValues={{
            ...filters,
            status: filters.status?.split(','),
            departmentId: filters.departmentId ? Number(filters.departmentId) : undefined,
            categoryId: filters.categoryId ? Number(filters.categoryId) : undefined,
            overdue: filters.overdue === 'true',
          }}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="q" label="关键词">
            <Input placeholder="编号、标题或内容" allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select
              mode="multiple"
              allowClear
              options={options(STATUS_LABELS)}
              style={{ minWidth: 160 }}
              placeholder="全部"
            />
          </Form.Item>
          <Form.Item name="channel" label="渠道">
            <Select allowClear options={options(CHANNEL_LABELS)} style={{ width: 110 }} placeholder="全部" />
          </Form.Item>
          <Form.Item name="type" label="类型">
            <Select allowClear options={options(TYPE_LABELS)} style={{ width: 100 }} placeholder="全部" />
          </Form.Item>
          {user.role !== 'department' && (
            <Form.Item name="departmentId" label="承办单位">
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                options={departments.data?.map((d) => ({ value: d.id, label: d.name }))}
                style={{ width: 200 }}
                placeholder="全部"
              />
            </Form.Item>
          )}
          <Form.Item name="categoryId" label="分类">
            <TreeSelect
              allowClear
              showSearch
              treeNodeFilterProp="title"
              treeData={
                categories.data ? categoryTree(categories.data).map((n) => ({ ...n, selectable: true })) : []
              }
              style={{ width: 200 }}
              placeholder="全部"
            />
          </Form.Item>
          <Form.Item name="range" label="受理日期">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="overdue" label="仅超期" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                查询
              </Button>
              <Button onClick={() => setParams(new URLSearchParams())}>重置</Button>
              <ExportButton path={exportPath} fileName="orders.xlsx" />
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small">
        <OrderTable
          testId="orders-table"
          filters={filters}
          page={page}
          pageSize={pageSize}
          onPage={(p, s) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            next.set('pageSize', String(s));
            setParams(next);
          }}
        />
      </Card>
    </Space>
  );
}
