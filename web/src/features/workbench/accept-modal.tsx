import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../app/api.ts';
import { CHANNEL_LABELS, TYPE_LABELS, URGENCY_LABELS, options } from '../../app/labels.ts';
import { fmtTime } from '../../app/format.ts';
import { useDepartments } from '../../app/reference-data.ts';
import type { Order } from '../../api/models.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { type ActionBody, type OrderActionAnswer, postOrderAction } from '../orders/order-api.ts';
import { CategorySelect, categoryLimit, useCategoryIndex } from './category-select.tsx';
import { suggestByKeywords } from './category-search.ts';
import { resolveSuggestedCategory } from './leaf-pick.ts';
import { TriagePanel } from './triage-panel.tsx';

const noop = () => undefined;

type AcceptBody = ActionBody<'accept'>;

interface AcceptValues {
  categoryId?: number;
  type: NonNullable<AcceptBody['type']>;
  urgency: NonNullable<AcceptBody['urgency']>;
  note?: string;
  departmentId?: number;
  timeLimitWorkingDays?: number;
}

/**
 * 受理 an online submission: the agent reads it, classifies it (category, type, urgency) and takes it in —
 * and may dispatch it in the same step (受理并派单) to the category's department or another.
 */
export function AcceptModal({
  order,
  onClose,
  onDone,
}: {
  order: Order;
  onClose: () => void;
  onDone: (o: OrderActionAnswer, dispatched: boolean) => void;
}) {
  const [form] = Form.useForm<AcceptValues>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'accept' | 'dispatch' | null>(null);
  const [accepted, setAccepted] = useState<OrderActionAnswer | null>(null);
  const alsoDispatch = useRef(false);
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const { byId, data: categories } = useCategoryIndex();
  const [branchHint, setBranchHint] = useState<string | null>(null);
  // 建议分类: the catalogue's keywords found in the citizen's words (works without a trained model), beside the
  // classifier's suggestions; a click fills the category and its department, only ever a leaf.
  const byKeywords = useMemo(
    () => suggestByKeywords(`${order.title} ${order.content}`, categories ?? []),
    [order.title, order.content, categories],
  );
  const pick = (id: number) => {
    const r = resolveSuggestedCategory(id, byId);
    if (!r) return;
    if ('branch' in r) {
      setBranchHint(
        `建议分类「${r.branch.path.join(' › ')}」下有 ${r.leaves.length} 个具体事项，请在分类中选择其一`,
      );
      form.setFieldValue('departmentId', r.branch.effective.departmentId ?? undefined);
      return;
    }
    setBranchHint(null);
    form.setFieldValue('categoryId', r.leaf.id);
    form.setFieldValue('departmentId', r.leaf.effective.departmentId ?? undefined);
  };
  const categoryId = Form.useWatch('categoryId', form);
  const urgency = Form.useWatch('urgency', form);
  const limit = categoryLimit(categoryId != null ? byId.get(categoryId) : undefined, urgency);

  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ['orders'] });
    queryClient.invalidateQueries({ queryKey: ['order', order.id] });
    queryClient.invalidateQueries({ queryKey: ['queues'] });
  };

  const submit = async (dispatch: boolean) => {
    alsoDispatch.current = dispatch;
    setError(null);
    let values: AcceptValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(dispatch ? 'dispatch' : 'accept');
    try {
      let current = accepted;
      if (!current) {
        current = await postOrderAction(order.id, 'accept', {
          categoryId: values.categoryId,
          type: values.type,
          urgency: values.urgency,
          note: values.note?.trim() || undefined,
          expectedVersion: order.version,
        });
        setAccepted(current);
        refresh();
      }
      if (dispatch) {
        try {
          current = await postOrderAction(order.id, 'dispatch', {
            // The form's validator asks for the department when dispatching.
            departmentId: values.departmentId!,
            timeLimitWorkingDays: values.timeLimitWorkingDays ?? undefined,
            expectedVersion: current.version,
          });
          refresh();
        } catch (err) {
          const msg =
            err instanceof ApiError && err.fields.length
              ? applyZhServerErrors(form, err)
              : err instanceof ApiError
                ? err.messageZh
                : '网络错误';
          setError(
            `已受理，但派单失败：${msg}。可修改主办单位后再次点击「受理并派单」，或关闭后在工单详情中派单。`,
          );
          return;
        }
      }
      onDone(current, dispatch);
    } catch (err) {
      setError(applyZhServerErrors(form, err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={`受理 · ${order.number}`}
      onCancel={() => (accepted ? onDone(accepted, false) : onClose())}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={() => (accepted ? onDone(accepted, false) : onClose())}>
            {accepted ? '关闭' : '取消'}
          </Button>
          {!accepted && (
            <Button
              loading={busy === 'accept'}
              disabled={busy === 'dispatch'}
              onClick={() => submit(false)}
              data-testid="accept-submit"
            >
              受理
            </Button>
          )}
          <Button
            type="primary"
            loading={busy === 'dispatch'}
            disabled={busy === 'accept'}
            onClick={() => submit(true)}
            data-testid="accept-dispatch"
          >
            受理并派单
          </Button>
        </Space>
      }
    >
      <Descriptions size="small" bordered column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="标题" span={2}>
          {order.title}
        </Descriptions.Item>
        <Descriptions.Item label="内容" span={2}>
          <div style={{ whiteSpace: 'pre-wrap', maxHeight: 160, overflow: 'auto' }}>{order.content}</div>
        </Descriptions.Item>
        <Descriptions.Item label="渠道">{CHANNEL_LABELS[order.channel] ?? order.channel}</Descriptions.Item>
        <Descriptions.Item label="提交时间">{fmtTime(order.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label="地点" span={2}>
          {[order.location.district, order.location.address].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
      </Descriptions>
      {error && (
        <Alert
          type={accepted ? 'warning' : 'error'}
          showIcon
          message={error}
          style={{ marginBottom: 12 }}
          data-testid="action-error"
        />
      )}
      <Form<AcceptValues>
        form={form}
        layout="vertical"
        initialValues={{
          type: order.type,
          urgency: order.urgency,
          categoryId: order.categoryId ?? undefined,
          departmentId:
            (order.categoryId != null ? byId.get(order.categoryId)?.effective.departmentId : undefined) ??
            undefined,
        }}
        onValuesChange={(changed) => {
          if ('categoryId' in changed) {
            const c = changed.categoryId != null ? byId.get(changed.categoryId) : undefined;
            form.setFieldValue('departmentId', c?.effective.departmentId ?? undefined);
          }
        }}
      >
        {!accepted && (
          <div style={{ marginBottom: 12 }} data-testid="accept-suggestions">
            <Typography.Text type="secondary">建议分类（按市民用语）：</Typography.Text>
            {byKeywords.length === 0 ? (
              <Typography.Text type="secondary">无</Typography.Text>
            ) : (
              byKeywords.map((h) => (
                <Tag.CheckableTag
                  key={h.category.id}
                  checked={categoryId === h.category.id}
                  onChange={() => pick(h.category.id)}
                  data-testid="accept-keyword-suggestion"
                >
                  {h.category.path.join(' › ')}（{h.words.join('、')}）
                </Tag.CheckableTag>
              ))
            )}
            <div style={{ marginTop: 8 }}>
              <TriagePanel
                title={order.title}
                content={order.content}
                onPickCategory={pick}
                onPickDepartment={(id) => form.setFieldValue('departmentId', id)}
                onSuggestion={noop}
              />
            </div>
            {branchHint && <Alert type="info" showIcon message={branchHint} style={{ marginTop: 8 }} />}
          </div>
        )}
        <Form.Item name="categoryId" label="分类">
          <CategorySelect testId="accept-category" disabled={accepted != null} />
        </Form.Item>
        <Form.Item name="type" label="诉求类型" rules={[{ required: true, message: '请选择诉求类型' }]}>
          <Radio.Group
            options={options(TYPE_LABELS)}
            optionType="button"
            buttonStyle="solid"
            disabled={accepted != null}
          />
        </Form.Item>
        <Form.Item name="urgency" label="紧急程度" rules={[{ required: true, message: '请选择紧急程度' }]}>
          <Radio.Group
            options={options(URGENCY_LABELS)}
            optionType="button"
            buttonStyle="solid"
            disabled={accepted != null}
          />
        </Form.Item>
        <Form.Item name="note" label="受理备注" rules={[{ max: 2000, message: '备注不超过 2000 字' }]}>
          <Input.TextArea rows={2} disabled={accepted != null} />
        </Form.Item>
        <Space align="start" wrap>
          <Form.Item
            name="departmentId"
            label="主办单位（受理并派单时）"
            style={{ width: 320 }}
            rules={[
              {
                validator: async (_, v) => {
                  if (alsoDispatch.current && v == null) throw new Error('派单请选择主办单位');
                },
              },
            ]}
          >
            <Select
              showSearch
              allowClear
              optionFilterProp="label"
              placeholder="选择分类后自动填入"
              options={(departments.data ?? [])
                .filter((d) => d.active)
                .map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item
            name="timeLimitWorkingDays"
            label="时限（工作日）"
            extra={limit ? `分类默认 ${limit} 天` : undefined}
          >
            <InputNumber min={1} max={365} precision={0} placeholder={limit ? String(limit) : '默认'} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
