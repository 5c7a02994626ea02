import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { fmtTime } from '../../app/format.ts';
import type { CallExemption } from './types.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { fromCityPicker } from './shared.ts';

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const LABELS = { startsAt: '开始时间', endsAt: '结束时间', reason: '事由', note: '审核意见' };

interface RequestValues {
  startsAt?: Dayjs;
  endsAt?: Dayjs;
  reason?: string;
}

/** 申请免责时段 — a team lead asks (the office enters it approved) that a window's calls be left out of the KPI. */
export function ExemptionRequestModal({ direct, onClose }: { direct: boolean; onClose: () => void }) {
  const [form] = Form.useForm<RequestValues>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (v: RequestValues) =>
      unwrap(
        client.POST('/api/calls/exemptions', {
          body: {
            startsAt: fromCityPicker(v.startsAt!),
            endsAt: fromCityPicker(v.endsAt!),
            reason: v.reason!.trim(),
          },
        }),
      ),
    onSuccess: () => {
      message.success(direct ? '免责时段已登记并生效' : '已提交，等待热线办审核');
      queryClient.invalidateQueries({ queryKey: ['calls', 'exemptions'] });
      queryClient.invalidateQueries({ queryKey: ['calls', 'metrics'] });
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  return (
    <Modal
      open
      title={direct ? '登记免责时段' : '申请免责时段'}
      okText={direct ? '登记' : '提交申请'}
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'exemption-save' } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">
        因突发事件（如话务激增、系统故障、自然灾害）造成的短时掉线，经热线办批准后，该时段内呼入的电话不计入人工接通率（合同第十一条第1项）。时间为北京时间。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<RequestValues>
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v);
        }}
        data-testid="exemption-form"
      >
        <Form.Item name="startsAt" label="开始时间" rules={[{ required: true, message: '请选择开始时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endsAt"
          label="结束时间"
          dependencies={['startsAt']}
          rules={[
            { required: true, message: '请选择结束时间' },
            ({ getFieldValue }) => ({
              validator: (_, v?: Dayjs) => {
                const start = getFieldValue('startsAt') as Dayjs | undefined;
                return !v || !start || v.isAfter(start)
                  ? Promise.resolve()
                  : Promise.reject(new Error('结束时间须晚于开始时间'));
              },
            }),
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label="事由"
          rules={[
            { required: true, whitespace: true, message: '请填写突发事件事由' },
            { max: 1000, message: '不能超过 1000 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder="如：运营商线路故障导致呼入中断" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The office approves or rejects a requested window; a rejection says why. */
export function ExemptionDecideModal({
  exemption,
  approve,
  onClose,
}: {
  exemption: CallExemption;
  approve: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (v: { note?: string }) =>
      unwrap(
        client.POST('/api/calls/exemptions/{id}/decide', {
          params: { path: { id: exemption.id } },
          body: { approve, note: v.note?.trim() || undefined },
        }),
      ),
    onSuccess: () => {
      message.success(approve ? '已批准' : '已驳回');
      queryClient.invalidateQueries({ queryKey: ['calls', 'exemptions'] });
      queryClient.invalidateQueries({ queryKey: ['calls', 'metrics'] });
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  return (
    <Modal
      open
      title={approve ? '批准免责时段' : '驳回免责申请'}
      okText={approve ? '批准' : '驳回'}
      okButtonProps={{
        danger: !approve,
        ...({ 'data-testid': 'exemption-decide-save' } as Record<string, string>),
      }}
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {fmtTime(exemption.startsAt)} 至 {fmtTime(exemption.endsAt)}：{exemption.reason}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => mutation.mutate(v)}>
        <Form.Item
          name="note"
          label="审核意见"
          rules={[
            ...(approve ? [] : [{ required: true, whitespace: true, message: '请填写驳回理由' }]),
            { max: 1000, message: '不能超过 1000 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} placeholder={approve ? '选填' : '驳回理由'} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
