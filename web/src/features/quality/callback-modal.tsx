import { useEffect } from 'react';
import { Alert, Form, Input, Radio, Skeleton, Switch } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { SATISFACTION_LABELS } from '../../app/labels.ts';
import type { ApiOk } from '../../api/responses.ts';
import { fmtTime } from '../../app/format.ts';
import { FormModal } from './form-modal.tsx';
import type { OwedCallback } from './shared.ts';

type Satisfaction = 'satisfied' | 'basically_satisfied' | 'unsatisfied';

/** The form's values; `reached` is a required field, so it is set when the form submits. */
interface Values {
  reached: boolean;
  satisfaction?: Satisfaction;
  attitude?: Satisfaction;
  resolved?: boolean;
  reopen?: boolean;
  note?: string;
}

const LABELS = {
  reached: '回访结果',
  satisfaction: '办理满意度',
  attitude: '服务态度满意度',
  resolved: '是否解决',
  note: '情况说明',
  reopen: '重办',
};
const SATISFACTION_OPTIONS = Object.entries(SATISFACTION_LABELS).map(([value, label]) => ({ value, label }));

/** Unsatisfied with the handling turns 重办 on (the agent can still turn it off, with a note). */
function AutoReopen() {
  const form = Form.useFormInstance();
  const satisfaction = Form.useWatch('satisfaction', form);
  useEffect(() => {
    if (satisfaction) form.setFieldValue('reopen', satisfaction === 'unsatisfied');
  }, [satisfaction, form]);
  return null;
}

/**
 * 回访 — one attempt to call the citizen back. Not reached: the reason is kept and the order waits. Reached: the
 * handling satisfaction and the attitude satisfaction are asked apart (Luohe KPI 7 counts only the latter);
 * unsatisfied with the handling → 重办 through the order's own action.
 */
export function CallbackModal({ item, onClose }: { item: OwedCallback; onClose: () => void }) {
  const order = useQuery({
    queryKey: ['orders', item.id, 'detail'],
    queryFn: () => unwrap(client.GET('/api/orders/{id}', { params: { path: { id: item.id } } })),
  });
  return (
    <FormModal<Values, ApiOk<'/api/orders/{id}/actions/callback', 'post'>>
      title={`回访 ${item.number}`}
      labels={LABELS}
      testId="quality-callback-form"
      invalidate={[['quality'], ['orders']]}
      initialValues={{ reopen: false }}
      successText={(o) =>
        o.status === 'closed'
          ? '回访完成，工单已办结'
          : o.reopenCount > 0 && o.status !== 'replied'
            ? '已重办，退回承办单位'
            : '已记录回访'
      }
      submit={(v) =>
        unwrap(
          client.POST('/api/orders/{id}/actions/callback', {
            params: { path: { id: item.id } },
            body: {
              expectedVersion: order.data?.version,
              reached: v.reached,
              satisfaction: v.reached ? v.satisfaction : undefined,
              attitude: v.reached ? v.attitude : undefined,
              resolved: v.reached ? v.resolved : undefined,
              reopen: v.reached ? Boolean(v.reopen) : false,
              note: v.note?.trim() || undefined,
            },
          }),
        )
      }
      onClose={onClose}
    >
      {(form) => (
        <>
          {order.isLoading ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : (
            order.data && (
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                title={order.data.title}
                description={
                  <>
                    <div>承办单位：{order.data.departmentName ?? '—'}</div>
                    <div>办理反馈：{order.data.reply ?? '—'}</div>
                    <div>
                      已回访 {item.attempts} 次
                      {item.lastAttemptAt ? `，上次 ${fmtTime(item.lastAttemptAt)}` : ''}
                      ；回访期限 {fmtTime(item.dueAt)}
                    </div>
                  </>
                }
              />
            )
          )}
          <AutoReopen />
          <Form.Item
            name="reached"
            label="回访结果"
            rules={[{ required: true, message: '请选择是否联系上市民' }]}
          >
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: true, label: '已联系上' },
                { value: false, label: '未联系上' },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              form.getFieldValue('reached') === true ? (
                <>
                  <Form.Item
                    name="satisfaction"
                    label="对办理结果的满意度"
                    rules={[{ required: true, message: '请选择办理满意度' }]}
                  >
                    <Radio.Group options={SATISFACTION_OPTIONS} data-testid="callback-satisfaction" />
                  </Form.Item>
                  <Form.Item
                    name="resolved"
                    label="问题是否解决"
                    rules={[{ required: true, message: '请选择问题是否解决' }]}
                  >
                    <Radio.Group
                      data-testid="callback-resolved"
                      optionType="button"
                      options={[
                        { value: true, label: '已解决' },
                        { value: false, label: '未解决' },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item
                    name="attitude"
                    label="对话务员服务态度的满意度"
                    extra="单独询问，计入用户满意度（服务态度）指标"
                    rules={[{ required: true, message: '请选择服务态度满意度' }]}
                  >
                    <Radio.Group options={SATISFACTION_OPTIONS} data-testid="callback-attitude" />
                  </Form.Item>
                  <Form.Item
                    name="reopen"
                    label="重办（退回承办单位重新办理）"
                    valuePropName="checked"
                    extra={
                      form.getFieldValue('satisfaction') === 'unsatisfied'
                        ? '市民对办理结果不满意，通常应重办'
                        : undefined
                    }
                  >
                    <Switch data-testid="callback-reopen" />
                  </Form.Item>
                </>
              ) : null
            }
          </Form.Item>
          <Form.Item
            name="note"
            label="情况说明"
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, v: string | undefined) =>
                  getFieldValue('reached') === false && !v?.trim()
                    ? Promise.reject(new Error('未联系上时请填写原因（如无人接听、关机、空号）'))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} placeholder="未联系上的原因，或市民的意见" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
