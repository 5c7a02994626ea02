import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { applyZhServerErrors } from '../../components/zh-errors.ts';

interface Values {
  title: string;
  heldAt: Dayjs;
  trainer?: string;
  materials?: string;
  attendeeIds: number[];
}

const LABELS = {
  title: '培训主题',
  heldAt: '培训时间',
  trainer: '培训人',
  materials: '培训材料',
  attendeeIds: '参训人员',
};

/**
 * 记录培训 — a session with its attendance. On a hot topic, attending trains the agent on it at the session's
 * time; the agents still outstanding are ticked by default.
 */
export function SessionModal({
  open,
  onClose,
  hotTopic,
  people,
  preselected,
}: {
  open: boolean;
  onClose: () => void;
  hotTopic?: { id: number; title: string };
  people: { id: number; name: string; hint?: string }[];
  preselected: number[];
}) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        client.POST('/api/training/sessions', {
          body: {
            title: v.title.trim(),
            hotTopicId: hotTopic?.id ?? null,
            heldAt: v.heldAt.toISOString(),
            trainer: v.trainer?.trim() || null,
            materials: v.materials?.trim() || null,
            attendeeIds: v.attendeeIds,
          },
        }),
      ),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['training'] });
      onClose();
    },
    onError: (err) => setError(applyZhServerErrors(form, err, LABELS)),
  });
  return (
    <Modal
      open={open}
      title="记录培训"
      okText="提交"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          title: hotTopic ? `热点培训：${hotTopic.title}` : '',
          heldAt: dayjs(),
          attendeeIds: preselected,
        }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
        data-testid="training-session-form"
      >
        <Form.Item
          name="title"
          label="培训主题"
          rules={[
            { required: true, whitespace: true, message: '请填写培训主题' },
            { max: 200, message: '不超过 200 字' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="heldAt"
          label="培训时间"
          rules={[
            { required: true, message: '请选择培训时间' },
            {
              validator: async (_, v?: Dayjs) => {
                if (v && v.isAfter(dayjs().add(1, 'minute'))) throw new Error('培训时间不能晚于现在');
              },
            },
          ]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="trainer" label="培训人" rules={[{ max: 50, message: '不超过 50 字' }]}>
          <Input placeholder="可不填" style={{ width: 220 }} />
        </Form.Item>
        <Form.Item
          name="attendeeIds"
          label="参训人员"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一名参训人员' }]}
        >
          <Checkbox.Group
            style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}
            data-testid="training-attendees"
          >
            {people.map((p) => (
              <Checkbox key={p.id} value={p.id} style={{ width: 180, marginInlineStart: 0 }}>
                {p.name}
                {p.hint && <Typography.Text type="secondary"> {p.hint}</Typography.Text>}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        <Form.Item
          name="materials"
          label="培训材料 / 内容"
          rules={[{ max: 5000, message: '不超过 5000 字' }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
