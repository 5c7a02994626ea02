import { useState } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Switch, message } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ACTION_LABELS, RETURN_REASON_LABELS, SATISFACTION_LABELS, options } from '../../app/labels.ts';
import { useDepartments } from '../../app/reference-data.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { CoAnswers } from './co-tasks-panel.tsx';
import { type ActionBody, isOrderAction, type OrderView, postOrderAction } from './order-api.ts';

type FieldKind =
  | 'textarea'
  | 'number'
  | 'boolean'
  | 'department'
  | 'departments'
  | 'satisfaction'
  | 'returnReason'
  | 'orderId'
  | 'approve'
  | 'resolved'
  | 'coDepartment'
  | 'disputeDecision';

interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  /** Chinese message shown before sending. */
  message?: string;
  min?: number;
  max?: number;
}

/** The form of each action, mirroring the server's input schema (src/modules/orders/model.ts). */
export const ACTION_FORMS: Record<string, FieldSpec[]> = {
  accept: [{ name: 'note', label: '备注', kind: 'textarea' }],
  'close-direct': [
    { name: 'answer', label: '答复内容', kind: 'textarea', required: true, message: '请填写答复内容' },
  ],
  dispatch: [
    {
      name: 'departmentId',
      label: '主办单位',
      kind: 'department',
      required: true,
      message: '请选择主办单位',
    },
    { name: 'coDepartmentIds', label: '协办单位', kind: 'departments' },
    {
      name: 'timeLimitWorkingDays',
      label: '办理时限（工作日，不填按分类默认）',
      kind: 'number',
      min: 1,
      max: 365,
    },
    { name: 'note', label: '交办意见', kind: 'textarea' },
  ],
  sign: [{ name: 'note', label: '备注', kind: 'textarea' }],
  return: [
    {
      name: 'reasonCode',
      label: '退回原因',
      kind: 'returnReason',
      required: true,
      message: '请选择退回原因',
    },
    { name: 'reason', label: '退回说明', kind: 'textarea', required: true, message: '请填写退回说明' },
  ],
  'judge-return': [
    { name: 'operatorFault', label: '是否属于派单差错（计入退回率）', kind: 'boolean' },
    { name: 'note', label: '认定意见', kind: 'textarea' },
  ],
  'request-extension': [
    {
      name: 'workingDays',
      label: '延期工作日数',
      kind: 'number',
      required: true,
      min: 1,
      max: 60,
      message: '请填写延期天数（1–60）',
    },
    { name: 'reason', label: '延期理由', kind: 'textarea', required: true, message: '请填写延期理由' },
  ],
  'decide-extension': [
    { name: 'approve', label: '审核结果', kind: 'approve', required: true, message: '请选择审核结果' },
    { name: 'note', label: '审核意见', kind: 'textarea' },
  ],
  supervise: [
    { name: 'note', label: '督办意见', kind: 'textarea', required: true, message: '请填写督办意见' },
  ],
  instruct: [
    { name: 'text', label: '批示内容', kind: 'textarea', required: true, message: '请填写批示内容' },
  ],
  reply: [{ name: 'reply', label: '办理结果', kind: 'textarea', required: true, message: '请填写办理结果' }],
  'send-back': [
    {
      name: 'reason',
      label: '退回重办理由（答复未回应的诉求要点）',
      kind: 'textarea',
      required: true,
      message: '请填写退回重办理由',
    },
  ],
  callback: [
    { name: 'reached', label: '是否联系上市民', kind: 'boolean' },
    { name: 'satisfaction', label: '满意度', kind: 'satisfaction' },
    { name: 'resolved', label: '是否解决', kind: 'resolved', message: '请选择问题是否解决' },
    { name: 'reopen', label: '不满意，退回重办', kind: 'boolean' },
    { name: 'note', label: '回访记录', kind: 'textarea' },
  ],
  close: [{ name: 'note', label: '办结说明', kind: 'textarea' }],
  appeal: [
    { name: 'reason', label: '申诉理由', kind: 'textarea', required: true, message: '请填写申诉理由' },
  ],
  'decide-appeal': [
    { name: 'accept', label: '审核结果', kind: 'approve', required: true, message: '请选择审核结果' },
    { name: 'note', label: '审核意见', kind: 'textarea' },
  ],
  merge: [
    {
      name: 'intoOrderId',
      label: '合并到工单（ID）',
      kind: 'orderId',
      required: true,
      message: '请填写目标工单 ID',
    },
  ],
  archive: [{ name: 'note', label: '备注', kind: 'textarea' }],
  'co-sign': [{ name: 'note', label: '备注', kind: 'textarea' }],
  'co-reply': [
    {
      name: 'reply',
      label: '协办答复（本单位办理情况，供主办单位汇总）',
      kind: 'textarea',
      required: true,
      message: '请填写协办答复',
    },
  ],
  'release-co': [
    {
      name: 'departmentId',
      label: '解除协办的单位',
      kind: 'coDepartment',
      required: true,
      message: '请选择协办单位',
    },
    { name: 'reason', label: '解除理由', kind: 'textarea', required: true, message: '请填写解除理由' },
  ],
  dispute: [
    {
      name: 'reason',
      label: '异议理由（为何不属本单位办理）',
      kind: 'textarea',
      required: true,
      message: '请填写异议理由',
    },
    { name: 'proposedDepartmentId', label: '建议承办单位（可选）', kind: 'department' },
  ],
  'decide-dispute': [
    {
      name: 'decision',
      label: '裁定结果',
      kind: 'disputeDecision',
      required: true,
      message: '请选择裁定结果',
    },
    { name: 'departmentId', label: '改派 / 联合办理单位（不填按单位建议）', kind: 'department' },
    {
      name: 'timeLimitWorkingDays',
      label: '改派后办理时限（工作日，不填按分类默认）',
      kind: 'number',
      min: 1,
      max: 365,
    },
    { name: 'note', label: '裁定意见', kind: 'textarea' },
  ],
};

const INITIAL: Record<string, Record<string, unknown>> = {
  callback: { reached: true, reopen: false },
  'judge-return': { operatorFault: false },
  dispatch: { coDepartmentIds: [] },
};

/** Form.Item hands its child `value`/`checked` and `onChange`: they are passed on to the control. */
function FieldInput({
  spec,
  departments,
  coDepartments,
  ...control
}: {
  spec: FieldSpec;
  departments: { value: number; label: string }[];
  /** Co-handlers still waiting to answer (解除协办 names one of them). */
  coDepartments: { value: number; label: string }[];
  [injected: string]: unknown;
}) {
  switch (spec.kind) {
    case 'textarea':
      return <Input.TextArea {...control} rows={3} maxLength={2000} showCount />;
    case 'number':
      return <InputNumber {...control} min={spec.min} max={spec.max} style={{ width: '100%' }} />;
    case 'orderId':
      return <InputNumber {...control} min={1} style={{ width: '100%' }} />;
    case 'boolean':
      return <Switch {...control} />;
    case 'department':
      return (
        <Select
          {...control}
          showSearch
          optionFilterProp="label"
          options={departments}
          placeholder="选择单位"
        />
      );
    case 'departments':
      return (
        <Select
          {...control}
          mode="multiple"
          showSearch
          optionFilterProp="label"
          options={departments}
          placeholder="可选"
        />
      );
    case 'satisfaction':
      return <Radio.Group {...control} options={options(SATISFACTION_LABELS)} />;
    case 'returnReason':
      return <Select {...control} options={options(RETURN_REASON_LABELS)} placeholder="选择原因" />;
    case 'resolved':
      return (
        <Radio.Group
          {...control}
          data-testid="callback-resolved"
          options={[
            { value: true, label: '已解决' },
            { value: false, label: '未解决' },
          ]}
        />
      );
    case 'coDepartment':
      return (
        <Select {...control} options={coDepartments} placeholder="选择协办单位" data-testid="co-department" />
      );
    case 'disputeDecision':
      return (
        <Radio.Group
          {...control}
          data-testid="dispute-decision"
          options={[
            { value: 'uphold', label: '维持原派单' },
            { value: 'redirect', label: '改派' },
            { value: 'joint', label: '联合办理' },
          ]}
        />
      );
    case 'approve':
      return (
        <Radio.Group
          {...control}
          options={[
            { value: true, label: '同意' },
            { value: false, label: '不同意' },
          ]}
        />
      );
  }
}

/** One action on an order: its form, client-side checks in Chinese, the server's field errors on the fields. */
export function ActionModal({
  order,
  action,
  initial,
  onClose,
}: {
  order: Pick<OrderView, 'id' | 'number' | 'version'> & { coTasks?: OrderView['coTasks'] };
  action: string | null;
  initial?: Record<string, unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const reached = Form.useWatch('reached', form);
  const mutation = useMutation({
    // The form is built from ACTION_FORMS, which mirrors the server's schema; the server checks the body again.
    mutationFn: (body: Record<string, unknown>) => {
      if (!action || !isOrderAction(action)) throw new Error(`unknown order action ${action}`);
      return postOrderAction(order.id, action, body as ActionBody<typeof action>);
    },
    onSuccess: (updated) => {
      // Every action says it worked (issue 14: sign, reply, callback and 督办 gave no sign of success).
      message.success(`${ACTION_LABELS[action!] ?? '操作'}成功：工单 ${updated.number}`);
      queryClient.setQueryData(['order', order.id], updated);
      queryClient.invalidateQueries({ queryKey: ['orders'] });
      queryClient.invalidateQueries({ queryKey: ['queues'] });
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err)),
  });
  if (!action) return null;
  const specs = (ACTION_FORMS[action] ?? []).filter(
    (s) =>
      action !== 'callback' || reached !== false || !['satisfaction', 'resolved', 'reopen'].includes(s.name),
  );
  const deptOptions = (departments.data ?? [])
    .filter((d) => d.active)
    .map((d) => ({ value: d.id, label: d.name }));
  const openCo = (order.coTasks ?? [])
    .filter((t) => !t.repliedAt && !t.releasedAt && !t.closedAt)
    .map((t) => ({ value: t.departmentId, label: t.departmentName ?? `#${t.departmentId}` }));
  const submit = (values: Record<string, unknown>) => {
    setError(null);
    const body = Object.fromEntries(
      Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''),
    );
    mutation.mutate({ ...body, expectedVersion: order.version });
  };
  return (
    <Modal
      open
      title={`${ACTION_LABELS[action] ?? action} · ${order.number}`}
      okText="提交"
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
          data-testid="action-error"
        />
      )}
      {action === 'reply' && order.coTasks && <CoAnswers coTasks={order.coTasks} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ ...INITIAL[action], ...initial }}
        preserve={false}
      >
        {specs.map((spec) => (
          <Form.Item
            key={spec.name}
            name={spec.name}
            label={spec.label}
            valuePropName={spec.kind === 'boolean' ? 'checked' : 'value'}
            rules={[
              ...(spec.required ||
              (action === 'callback' &&
                (spec.name === 'satisfaction' || spec.name === 'resolved') &&
                reached !== false)
                ? [{ required: true, message: spec.message ?? `请填写${spec.label}` }]
                : []),
            ]}
          >
            <FieldInput spec={spec} departments={deptOptions} coDepartments={openCo} />
          </Form.Item>
        ))}
        {specs.length === 0 && <p>确认执行此操作？</p>}
      </Form>
    </Modal>
  );
}
