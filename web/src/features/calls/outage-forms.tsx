import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { fmtTime } from '../../app/format.ts';
import type { HotlineOutage } from './types.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { cityPickerValue, fromCityPicker } from './shared.ts';

const TIME_FORMAT = 'YYYY-MM-DD HH:mm';
const LABELS = { startedAt: '开始时间', endedAt: '结束时间', cause: '原因', operatorFault: '运营方责任' };
const picker = <DatePicker showTime={{ format: 'HH:mm' }} format={TIME_FORMAT} style={{ width: '100%' }} />;

/** Rejects a time after now: an outage is recorded as it happened. */
const notFuture = () => ({
  validator: (_: unknown, v?: Dayjs) =>
    !v || !v.isAfter(cityPickerValue().add(1, 'minute'))
      ? Promise.resolve()
      : Promise.reject(new Error('不能晚于当前时间')),
});

const afterStart = (start: Dayjs | string | undefined) => ({
  validator: (_: unknown, v?: Dayjs) => {
    const s = typeof start === 'string' ? cityPickerValue(start) : start;
    return !v || !s || v.isAfter(s) ? Promise.resolve() : Promise.reject(new Error('结束时间须晚于开始时间'));
  },
});

interface RecordValues {
  startedAt?: Dayjs;
  endedAt?: Dayjs;
  cause?: string;
  operatorFault?: 'yes' | 'no' | 'unknown';
}

const invalidate = (qc: ReturnType<typeof useQueryClient>) => {
  qc.invalidateQueries({ queryKey: ['calls', 'outages'] });
  qc.invalidateQueries({ queryKey: ['alerts'] });
};

/** 登记中断 — the hotline was (or is) down: when, why, whether the operator is at fault. */
export function OutageRecordModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<RecordValues>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (v: RecordValues) =>
      unwrap(
        client.POST('/api/calls/outages', {
          body: {
            startedAt: fromCityPicker(v.startedAt!),
            endedAt: v.endedAt ? fromCityPicker(v.endedAt) : null,
            cause: v.cause!.trim(),
            operatorFault: v.operatorFault === 'yes' ? true : v.operatorFault === 'no' ? false : null,
          },
        }),
      ),
    onSuccess: () => {
      message.success('中断已登记');
      invalidate(queryClient);
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  return (
    <Modal
      open
      title="登记热线中断"
      okText="登记"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'outage-save' } as Record<string, string>}
    >
      <Typography.Paragraph type="secondary">
        因运营方原因导致热线服务连续中断超过 6
        小时的，甲方有权解除合同（合同第八条第3款第(5)项）。仍在中断中的，结束时间留空。时间为北京时间。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form<RecordValues>
        form={form}
        layout="vertical"
        initialValues={{ operatorFault: 'unknown' }}
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v);
        }}
        data-testid="outage-form"
      >
        <Form.Item
          name="startedAt"
          label="开始时间"
          rules={[{ required: true, message: '请选择开始时间' }, notFuture()]}
        >
          {picker}
        </Form.Item>
        <Form.Item
          name="endedAt"
          label="结束时间"
          extra="仍在中断中的留空，恢复后再点“结束”"
          dependencies={['startedAt']}
          rules={[({ getFieldValue }) => afterStart(getFieldValue('startedAt')), notFuture()]}
        >
          {picker}
        </Form.Item>
        <Form.Item
          name="cause"
          label="原因"
          rules={[
            { required: true, whitespace: true, message: '请填写中断原因' },
            { max: 1000, message: '不能超过 1000 字' },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder="如：机房市电中断、运营商中继故障"
          />
        </Form.Item>
        <Form.Item name="operatorFault" label="运营方责任">
          <Radio.Group
            options={[
              { value: 'yes', label: '是（运营方原因）' },
              { value: 'no', label: '否' },
              { value: 'unknown', label: '待认定' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 结束中断 — service is back: when. */
export function OutageEndModal({ outage, onClose }: { outage: HotlineOutage; onClose: () => void }) {
  const [form] = Form.useForm<{ endedAt?: Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (v: { endedAt?: Dayjs }) =>
      unwrap(
        client.POST('/api/calls/outages/{id}/end', {
          params: { path: { id: outage.id } },
          body: { endedAt: fromCityPicker(v.endedAt!) },
        }),
      ),
    onSuccess: () => {
      message.success('中断已结束');
      invalidate(queryClient);
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  return (
    <Modal
      open
      title="结束中断"
      okText="确定"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'outage-end-save' } as Record<string, string>}
    >
      <Typography.Paragraph>
        自 {fmtTime(outage.startedAt)} 起：{outage.cause}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ endedAt: cityPickerValue() }}
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v);
        }}
      >
        <Form.Item
          name="endedAt"
          label="恢复时间"
          rules={[{ required: true, message: '请选择恢复时间' }, afterStart(outage.startedAt), notFuture()]}
        >
          {picker}
        </Form.Item>
      </Form>
    </Modal>
  );
}
