import { useState } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select, Switch, TreeSelect } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { departmentName } from '../../app/reference-data.ts';
import type { Category, Department } from '../../api/models.ts';
import { CODE_MESSAGE, CODE_PATTERN, selfAndDescendants, treeSelectData } from './admin-shared.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';

const LABELS: Record<string, string> = {
  code: '编码',
  name: '名称',
  parentId: '上级分类',
  departmentId: '默认承办单位',
  timeLimitDays: '一般时限',
  urgentTimeLimitDays: '紧急时限',
  sortOrder: '排序',
  keywords: '关键词',
  active: '启用',
};

export type CategoryEdit = { mode: 'create'; parentId: number | null } | { mode: 'edit'; category: Category };

interface Values {
  code?: string;
  name: string;
  parentId?: number | null;
  departmentId?: number | null;
  timeLimitDays?: number | null;
  urgentTimeLimitDays?: number | null;
  sortOrder?: number;
  keywords?: string[];
  active?: boolean;
}

/** What a node without its own value would get: the nearest ancestor's (the parent's effective value). */
function inherited(categories: Category[], parentId: number | null | undefined) {
  const parent = categories.find((c) => c.id === parentId);
  return parent?.effective ?? { departmentId: null, timeLimitDays: null, urgentTimeLimitDays: null };
}

const days = (n: number | null) => (n == null ? '全市默认时限' : `${n} 个工作日`);

export function CategoryFormModal({
  edit,
  categories,
  departments,
  onClose,
}: {
  edit: CategoryEdit;
  categories: Category[];
  departments: Department[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const current = edit.mode === 'edit' ? edit.category : null;
  const parentId = Form.useWatch('parentId', form);
  const from = inherited(
    categories,
    parentId === undefined
      ? current
        ? current.parentId
        : edit.mode === 'create'
          ? edit.parentId
          : null
      : parentId,
  );
  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name.trim(),
        parentId: v.parentId ?? null,
        departmentId: v.departmentId ?? null,
        timeLimitDays: v.timeLimitDays ?? null,
        urgentTimeLimitDays: v.urgentTimeLimitDays ?? null,
        sortOrder: v.sortOrder ?? 0,
        keywords: (v.keywords ?? []).map((k) => k.trim()).filter(Boolean),
      };
      return current
        ? unwrap(
            client.PATCH('/api/categories/{id}', {
              params: { path: { id: current.id } },
              body: { ...body, active: v.active },
            }),
          )
        : unwrap(client.POST('/api/categories', { body: { ...body, code: v.code?.trim() ?? '' } }));
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['categories'] });
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  const parents = treeSelectData(
    categories,
    current ? selfAndDescendants(categories, current.id) : undefined,
  );
  const deptOptions = departments
    .filter((d) => d.active || d.id === current?.departmentId)
    .map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（停用）` }));
  const initial: Partial<Values> = current ?? {
    parentId: edit.mode === 'create' ? edit.parentId : null,
    sortOrder: 0,
  };
  const parentName =
    edit.mode === 'create' && edit.parentId
      ? categories.find((c) => c.id === edit.parentId)?.path.join(' › ')
      : null;

  return (
    <Modal
      open
      width={600}
      title={
        current
          ? `编辑分类 · ${current.path.join(' › ')}`
          : parentName
            ? `新增下级分类 · ${parentName}`
            : '新增一级分类'
      }
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
          data-testid="category-form-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v);
        }}
        data-testid="category-form"
      >
        <Row gutter={12}>
          <Col xs={24} sm={10}>
            <Form.Item
              name="code"
              label="编码"
              extra={current ? '创建后不可修改' : '如 CXJS.WYGL'}
              rules={
                current
                  ? []
                  : [
                      { required: true, whitespace: true, message: '请填写编码' },
                      { pattern: CODE_PATTERN, message: CODE_MESSAGE },
                    ]
              }
            >
              <Input disabled={Boolean(current)} maxLength={32} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={14}>
            <Form.Item
              name="name"
              label="名称"
              rules={[
                { required: true, whitespace: true, message: '请填写分类名称' },
                { max: 100, message: '不能超过 100 字' },
              ]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="parentId"
          label="上级分类"
          extra="不选则为一级分类"
          normalize={(v?: number | null) => v ?? null}
        >
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeData={parents}
            placeholder="无（一级分类）"
          />
        </Form.Item>
        <Form.Item
          name="keywords"
          label="关键词"
          extra="市民常用的说法，分类搜索和受理建议按它们匹配（如 餐饮油烟：烧烤、油烟）"
        >
          <Select
            mode="tags"
            tokenSeparators={[',', '，', ' ', '、']}
            placeholder="输入后回车"
            maxCount={30}
            data-testid="category-keywords"
          />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label="默认承办单位"
          extra={`不选则继承上级：${departmentName(departments, from.departmentId) === '—' ? '未设置' : departmentName(departments, from.departmentId)}`}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={deptOptions}
            placeholder="继承上级"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="timeLimitDays"
              label="一般时限（工作日）"
              extra={`不填则继承：${days(from.timeLimitDays)}`}
              rules={[{ type: 'integer', min: 1, max: 365, message: '请填写 1–365 的整数' }]}
            >
              <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} placeholder="继承" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="urgentTimeLimitDays"
              label="紧急时限（工作日）"
              extra={`不填则继承：${days(from.urgentTimeLimitDays)}`}
              rules={[{ type: 'integer', min: 1, max: 365, message: '请填写 1–365 的整数' }]}
            >
              <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} placeholder="继承" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item
              name="sortOrder"
              label="排序"
              extra="数字小的在前"
              rules={[{ type: 'integer', message: '请填写整数' }]}
            >
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {current && (
            <Col xs={12}>
              <Form.Item name="active" label="启用" valuePropName="checked" extra="停用后话务员不能再选择">
                <Switch checkedChildren="启用" unCheckedChildren="停用" />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
