import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Progress,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import { REPLY_ELEMENT_LABELS, REPLY_VERDICT_LABELS } from '../../app/labels.ts';

const VERDICT_COLORS: Record<string, string> = { good: 'green', fair: 'gold', poor: 'red' };
const READERS = ['office', 'team_lead', 'admin'];

/**
 * 答复意见评价 — the computed quality of the department's reply with the evidence for each score (terms taken up,
 * points answered, the elements found), for the office before the callback; the office may set its own verdict
 * with a reason, and send the reply back (退回重办) from the order's actions.
 */
export function ReplyQualityPanel({ orderId, hasReply }: { orderId: number; hasReply: boolean }) {
  const role = useUser().role;
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [reviewing, setReviewing] = useState(false);
  const [form] = Form.useForm<{ verdict: 'good' | 'fair' | 'poor'; note: string }>();
  const enabled = hasReply && READERS.includes(role);
  const q = useQuery({
    queryKey: ['reply-quality', orderId],
    enabled,
    queryFn: () =>
      unwrap(client.GET('/api/orders/{id}/reply-quality', { params: { path: { id: orderId } } })),
  });
  const review = useMutation({
    mutationFn: (body: { verdict: 'good' | 'fair' | 'poor'; note: string }) =>
      unwrap(
        client.POST('/api/orders/{id}/reply-quality/review', { params: { path: { id: orderId } }, body }),
      ),
    onSuccess: (r) => {
      queryClient.setQueryData(['reply-quality', orderId], r);
      setReviewing(false);
      message.success('已保存答复评价');
    },
    onError: (e: Error) => message.error(e.message),
  });
  if (!enabled || !q.data) return null;
  const r = q.data;
  const label = REPLY_VERDICT_LABELS[r.verdict];
  const color = VERDICT_COLORS[r.verdict];
  return (
    <Card
      size="small"
      title="答复质量"
      data-testid="reply-quality"
      extra={
        role === 'office' && (
          <Button size="small" onClick={() => setReviewing(true)} data-testid="reply-quality-review">
            人工评价
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={color} data-testid="reply-quality-verdict">
            {label}
          </Tag>
          <Typography.Text>综合 {r.score.overall} 分</Typography.Text>
          {r.review && (
            <Typography.Text type="secondary">
              （人工评价，系统评分为{REPLY_VERDICT_LABELS[r.score.verdict]}；{r.review.note}，
              {fmtTime(r.review.reviewedAt)}）
            </Typography.Text>
          )}
        </Space>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="针对性">
            <Progress percent={Math.round(r.score.relevance * 100)} size="small" />
          </Descriptions.Item>
          <Descriptions.Item label="完整性">
            <Progress percent={Math.round(r.score.completeness * 100)} size="small" />
          </Descriptions.Item>
          <Descriptions.Item label="可理解性">
            <Progress percent={Math.round(r.score.interpretability * 100)} size="small" />
          </Descriptions.Item>
        </Descriptions>
        <div>
          <Typography.Text type="secondary">回应的诉求词语：</Typography.Text>
          {r.score.evidence.sharedTerms.length ? r.score.evidence.sharedTerms.join('、') : '无'}
        </div>
        {r.score.evidence.points.map((p, i) => (
          <div key={i}>
            <Tag color={p.answered ? 'green' : 'red'}>{p.answered ? '已回应' : '未回应'}</Tag>
            {p.text}
          </div>
        ))}
        <div>
          {Object.entries(REPLY_ELEMENT_LABELS).map(([k, name]) => (
            <Tag key={k} color={r.score.evidence.elements[k] ? 'blue' : 'default'}>
              {name}：{r.score.evidence.elements[k] ?? '未见'}
            </Tag>
          ))}
        </div>
        {r.score.reasons.length > 0 && (
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="reply-quality-reasons">
            {r.score.reasons.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        )}
      </Space>
      <Modal
        open={reviewing}
        title="人工评价答复质量"
        okText="保存"
        cancelText="取消"
        confirmLoading={review.isPending}
        onCancel={() => setReviewing(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => review.mutate(v)}
          initialValues={{ verdict: r.verdict }}
        >
          <Form.Item name="verdict" label="评价" rules={[{ required: true }]}>
            <Radio.Group
              options={Object.entries(REPLY_VERDICT_LABELS).map(([value, text]) => ({ value, label: text }))}
            />
          </Form.Item>
          <Form.Item name="note" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
