import type { ReactNode } from 'react';
import {
  Button,
  Col,
  ConfigProvider,
  Form,
  InputNumber,
  Select,
  Space,
  Typography,
  type FormInstance,
} from 'antd';
import { departmentName, useDepartments } from '../../app/reference-data.ts';
import type { Category } from '../../api/models.ts';
import { categoryLimit } from './category-select.tsx';
import type { IntakeMode, IntakeValues } from './use-intake.ts';

/**
 * 主办单位 and 时限 of the dispatch: filled from the category, changeable by the agent, and still editable
 * when the order is already registered and only the dispatch is retried.
 */
export function DispatchFields({
  form,
  category,
  urgency,
  manual,
  onManualChange,
  mode,
}: {
  form: FormInstance<IntakeValues>;
  category: Category | undefined;
  urgency: string | undefined;
  manual: boolean;
  onManualChange: (manual: boolean) => void;
  mode: { current: IntakeMode };
}) {
  const departments = useDepartments();
  const departmentId = Form.useWatch('departmentId', form);
  const limit = categoryLimit(category, urgency);
  const deptOptions = (departments.data ?? [])
    .filter((d) => d.active)
    .map((d) => ({ value: d.id, label: d.name }));
  const fallback = category?.effective.departmentId ?? null;
  let extra: ReactNode = category ? '按分类默认填入，可修改' : undefined;
  if (category && manual && fallback !== departmentId) {
    extra = (
      <Typography.Link
        onClick={() => {
          form.setFieldValue('departmentId', fallback ?? undefined);
          onManualChange(false);
        }}
      >
        恢复分类默认：{departmentName(departments.data, fallback)}
      </Typography.Link>
    );
  }
  return (
    <ConfigProvider componentDisabled={false}>
      <Col xs={16} md={9}>
        <Form.Item
          name="departmentId"
          label="主办单位"
          extra={extra}
          rules={[
            {
              validator: async (_, v) => {
                if (mode.current === 'dispatch' && v == null) throw new Error('派单请选择主办单位');
              },
            },
          ]}
        >
          <Select
            showSearch
            allowClear
            optionFilterProp="label"
            options={deptOptions}
            placeholder="选择分类后自动填入"
            data-testid="workbench-department"
          />
        </Form.Item>
      </Col>
      <Col xs={8} md={5}>
        <Form.Item
          name="timeLimitWorkingDays"
          label="时限（工作日）"
          extra={category ? (limit ? `分类默认 ${limit} 天` : '全市默认') : undefined}
        >
          <InputNumber
            min={1}
            max={365}
            precision={0}
            placeholder={limit ? String(limit) : '默认'}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
    </ConfigProvider>
  );
}

/** 派单 / 直接办结 / 新来电, each with its shortcut. */
export function IntakeButtons({
  busy,
  onSend,
  onClear,
}: {
  busy: IntakeMode | null;
  onSend: (mode: IntakeMode) => void;
  onClear: () => void;
}) {
  const key = (k: string) => <span style={{ opacity: 0.65, fontSize: 12, marginLeft: 4 }}>{k}</span>;
  return (
    <Space wrap>
      <Button
        type="primary"
        loading={busy === 'dispatch'}
        disabled={busy === 'close-direct'}
        onClick={() => onSend('dispatch')}
        data-testid="workbench-dispatch"
      >
        派单{key('Alt+D')}
      </Button>
      <Button
        loading={busy === 'close-direct'}
        disabled={busy === 'dispatch'}
        onClick={() => onSend('close-direct')}
        data-testid="workbench-close-direct"
      >
        直接办结{key('Alt+J')}
      </Button>
      <Button onClick={onClear} data-testid="workbench-new">
        新来电{key('Alt+N')}
      </Button>
    </Space>
  );
}
