import { useState } from 'react';
import { Alert, App, Descriptions, Form, Input, Modal, Radio, Timeline, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { ABANDON_REASON_LABELS } from '../../app/labels.ts';
import type { CallbackTask } from './types.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { fmtSecond, numberSetting, useSettings } from './shared.ts';

interface Values {
  reached?: boolean;
  note?: string;
  orderNumber?: string;
}

const LABELS = { reached: '回拨结果', note: '情况说明', orderNumber: '工单编号' };

/** 回拨 — one attempt to call a missed caller back: reached or not, a note, the order it produced. */
export function CallbackAttemptModal({ task, onClose }: { task: CallbackTask; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useSettings();
  const maxAttempts = numberSetting(settings.data, 'calls.callbackMaxAttempts', 3);
  const reached = Form.useWatch('reached', form);
  const history = useQuery({
    queryKey: ['calls', 'callback-attempts', task.id],
    queryFn: () =>
      unwrap(client.GET('/api/calls/callbacks/{id}/attempts', { params: { path: { id: task.id } } })),
  });
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        client.POST('/api/calls/callbacks/{id}/attempts', {
          params: { path: { id: task.id } },
          body: {
            // The form requires the choice, so it is a boolean by now.
            reached: v.reached === true,
            note: v.note?.trim() || undefined,
            orderNumber: v.orderNumber?.trim() || undefined,
          },
        }),
      ),
    onSuccess: (after) => {
      queryClient.invalidateQueries({ queryKey: ['calls', 'callbacks'] });
      queryClient.invalidateQueries({ queryKey: ['calls', 'callback-stats'] });
      message.success(
        after.status === 'done'
          ? '已回拨，任务完成'
          : after.status === 'unreachable'
            ? `已尝试 ${after.attempts} 次未接通，标记为无法联系`
            : `已记录未接通（第 ${after.attempts} 次）`,
      );
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  const left = maxAttempts - task.attempts;

  return (
    <Modal
      open
      title={`回拨 ${task.callerNumber}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'callback-attempt-save' } as Record<string, string>}
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="来电号码">
          <Typography.Text copyable strong data-testid="callback-number">
            <a href={`tel:${task.callerNumber}`}>{task.callerNumber}</a>
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="漏接时间">{fmtSecond(task.missedAt)}</Descriptions.Item>
        <Descriptions.Item label="放弃原因">
          {task.abandonReason ? ABANDON_REASON_LABELS[task.abandonReason] : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="已尝试">{task.attempts} 次</Descriptions.Item>
      </Descriptions>
      {history.data && history.data.items.length > 0 && (
        <Timeline
          style={{ marginBottom: 8 }}
          items={history.data.items.map((a) => ({
            color: a.reached ? 'green' : 'gray',
            content: `${fmtSecond(a.at)} ${a.reached ? '接通' : '未接通'}${a.note ? `：${a.note}` : ''}`,
          }))}
        />
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="callback-attempt-error"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          mutation.mutate(v);
        }}
        data-testid="callback-attempt-form"
      >
        <Form.Item name="reached" label="回拨结果" rules={[{ required: true, message: '请选择回拨结果' }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: '接通' },
              { value: false, label: '未接通' },
            ]}
            data-testid="callback-reached"
          />
        </Form.Item>
        {reached === false && left <= 1 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`这是第 ${task.attempts + 1} 次尝试，未接通将标记为无法联系（最多 ${maxAttempts} 次）`}
          />
        )}
        <Form.Item name="note" label="情况说明" rules={[{ max: 1000, message: '不能超过 1000 字' }]}>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder={reached ? '来电人诉求及处理情况' : '如：无人接听、关机、空号'}
          />
        </Form.Item>
        {reached && (
          <Form.Item
            name="orderNumber"
            label="工单编号"
            extra="回拨时登记了工单的，填写工单编号（选填）"
            rules={[
              { max: 40, message: '不能超过 40 个字符' },
              { pattern: /^[A-Za-z0-9-]*$/, message: '工单编号只能包含字母、数字和“-”' },
            ]}
          >
            <Input maxLength={40} placeholder="如 2026030100001" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
