import { useState } from 'react';
import { Alert, Col, Form, Input, Modal, Row, Select, Switch, TreeSelect } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { options } from '../../app/labels.ts';
import type { Department } from '../../api/models.ts';
import {
  CODE_MESSAGE,
  CODE_PATTERN,
  DEPARTMENT_KIND_LABELS,
  selfAndDescendants,
  treeSelectData,
} from './admin-shared.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';

const LABELS: Record<string, string> = {
  code: '编码',
  name: '名称',
  shortName: '简称',
  kind: '类型',
  parentId: '上级单位',
  contactName: '联系人',
  contactPhone: '联系电话',
  active: '启用',
};

/** What the modal edits: a new department (maybe under a parent) or an existing one. */
export type DepartmentEdit =
  { mode: 'create'; parentId: number | null } | { mode: 'edit'; department: Department };

interface Values {
  code?: string;
  name: string;
  shortName: string;
  kind: string;
  parentId?: number | null;
  contactName?: string;
  contactPhone?: string;
  active?: boolean;
}

const orNull = (s: string | undefined) => (s?.trim() ? s.trim() : null);

export function DepartmentFormModal({
  edit,
  departments,
  onClose,
}: {
  edit: DepartmentEdit;
  departments: Department[];
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const current = edit.mode === 'edit' ? edit.department : null;
  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name.trim(),
        shortName: v.shortName.trim(),
        kind: v.kind,
        parentId: v.parentId ?? null,
        contactName: orNull(v.contactName),
        contactPhone: orNull(v.contactPhone),
      };
      return current
        ? api<Department>('PATCH', `/api/departments/${current.id}`, { ...body, active: v.active })
        : api<Department>('POST', '/api/departments', { ...body, code: v.code?.trim() });
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['departments'] });
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  const parents = treeSelectData(
    departments,
    current ? selfAndDescendants(departments, current.id) : undefined,
  );
  const initial: Partial<Values> = current
    ? {
        ...current,
        contactName: current.contactName ?? undefined,
        contactPhone: current.contactPhone ?? undefined,
      }
    : { kind: 'municipal', parentId: edit.mode === 'create' ? edit.parentId : null };

  return (
    <Modal
      open
      title={current ? `编辑承办单位 · ${current.name}` : '新增承办单位'}
      okText="保存"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'department-save' } as Record<string, string>}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          message={error}
          style={{ marginBottom: 12 }}
          data-testid="department-form-error"
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
        data-testid="department-form"
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="code"
              label="编码"
              extra={current ? '编码创建后不可修改' : '稳定的单位编码，如 ZJJ'}
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
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
              <Select options={options(DEPARTMENT_KIND_LABELS)} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col xs={24} sm={14}>
            <Form.Item
              name="name"
              label="名称"
              rules={[
                { required: true, whitespace: true, message: '请填写单位名称' },
                { max: 100, message: '不能超过 100 字' },
              ]}
            >
              <Input maxLength={100} placeholder="如：漯河市住房和城乡建设局" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={10}>
            <Form.Item
              name="shortName"
              label="简称"
              rules={[
                { required: true, whitespace: true, message: '请填写简称' },
                { max: 30, message: '不能超过 30 字' },
              ]}
            >
              <Input maxLength={30} placeholder="如：市住建局" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="parentId" label="上级单位" extra="不选则为顶级单位">
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            treeData={parents}
            placeholder="无（顶级）"
            treeDefaultExpandedKeys={initial.parentId ? [initial.parentId] : []}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label="联系人" rules={[{ max: 50, message: '不能超过 50 字' }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="contactPhone"
              label="联系电话"
              rules={[
                { max: 30, message: '不能超过 30 位' },
                { pattern: /^[0-9+\-() ,;、转]*$/, message: '电话号码只能包含数字和 + - ( ) 空格' },
              ]}
            >
              <Input maxLength={30} />
            </Form.Item>
          </Col>
        </Row>
        {current && (
          <Form.Item
            name="active"
            label="启用"
            valuePropName="checked"
            extra="停用后不能再向该单位交办工单（已有数据保留）"
          >
            <Switch checkedChildren="启用" unCheckedChildren="停用" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
