import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Segmented,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtRemaining, fmtTime } from '../../app/format.ts';
import { QueryState, errorText } from '../../components/query-state.tsx';
import { applyZhServerErrors } from '../../components/zh-errors.ts';
import { useNow } from '../knowledge/kb-api.ts';
import {
  HOT_TOPIC_STATUS_LABELS,
  TRAINERS,
  useHotTopics,
  type HotTopic,
  type HotTopicStatus,
} from './training-api.ts';

export function ConfirmModal({ topic, onClose }: { topic: HotTopic | null; onClose: () => void }) {
  const [form] = Form.useForm<{ brief: string }>();
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const save = useMutation({
    mutationFn: (v: { brief: string }) =>
      unwrap(
        client.POST('/api/hot-topics/{id}/confirm', {
          params: { path: { id: topic!.id } },
          body: { brief: v.brief.trim() },
        }),
      ),
    onSuccess: (t) => {
      queryClient.invalidateQueries({ queryKey: ['training'] });
      onClose();
      navigate(`/training/hot-topics/${t.id}`);
    },
    onError: (err) => setError(applyZhServerErrors(form, err, { brief: '简要说明' })),
  });
  return (
    <Modal
      open={topic != null}
      title={`确认热点：${topic?.title ?? ''}`}
      okText="提交"
      cancelText="取消"
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={620}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="确认后开始计时：当前在岗的全部一线话务员须在 24 小时内完成培训。"
      />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ brief: topic?.brief ?? '' }}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        <Form.Item
          name="brief"
          label="简要说明（培训口径）"
          rules={[
            { required: true, whitespace: true, message: '请填写简要说明' },
            { max: 5000, message: '不超过 5000 字' },
          ]}
        >
          <Input.TextArea
            rows={5}
            placeholder="事件概况、答复口径、承办单位、注意事项"
            data-testid="hot-topic-brief"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CandidateCard({ t, canAct, onConfirm }: { t: HotTopic; canAct: boolean; onConfirm: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const dismiss = useMutation({
    mutationFn: () => unwrap(client.POST('/api/hot-topics/{id}/dismiss', { params: { path: { id: t.id } } })),
    onSuccess: () => {
      message.success('已忽略');
      queryClient.invalidateQueries({ queryKey: ['training', 'hot-topics'] });
    },
    onError: (err) => message.error(errorText(err)),
  });
  const d = t.detection;
  return (
    <Card
      size="small"
      data-testid="hot-topic-candidate"
      title={<Link to={`/training/hot-topics/${t.id}`}>{t.title}</Link>}
      extra={
        t.detectedAt ? (
          <Typography.Text type="secondary">检测于 {fmtTime(t.detectedAt)}</Typography.Text>
        ) : (
          <Tag>人工提出</Tag>
        )
      }
      actions={
        canAct
          ? [
              <Button key="c" type="link" onClick={onConfirm} data-testid="hot-topic-confirm">
                确认并启动培训
              </Button>,
              <Popconfirm
                key="d"
                title="忽略该候选热点？"
                okText="忽略"
                cancelText="取消"
                onConfirm={() => dismiss.mutateAsync()}
              >
                <Button type="link" danger data-testid="hot-topic-dismiss">
                  忽略
                </Button>
              </Popconfirm>,
            ]
          : undefined
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size={8}>
        <Row gutter={8}>
          <Col span={6}>
            <Statistic title="工单数" value={d?.count ?? t.orderIds.length} />
          </Col>
          <Col span={6}>
            <Statistic title="来电人数" value={d?.people ?? '—'} />
          </Col>
          <Col span={6}>
            <Statistic title="增长倍数" value={d ? d.growth.toFixed(1) : '—'} />
          </Col>
          <Col span={6}>
            <Statistic title="常态水平" value={d ? d.expected.toFixed(1) : '—'} />
          </Col>
        </Row>
        <div>
          <Typography.Text type="secondary">关键词：</Typography.Text>
          {t.keywords.length
            ? t.keywords.map((k) => (
                <Tag key={k} color="blue">
                  {k}
                </Tag>
              ))
            : '—'}
        </div>
        <div>
          <Typography.Text type="secondary">区县：</Typography.Text>
          {d?.districts.length
            ? d.districts.slice(0, 4).map((x) => (
                <Tag key={x.name}>
                  {x.name} {x.count}
                </Tag>
              ))
            : (t.district ?? '—')}
        </div>
        {d?.categories.length ? (
          <div>
            <Typography.Text type="secondary">分类：</Typography.Text>
            {d.categories.slice(0, 3).map((x) => (
              <Tag key={x.name}>
                {x.name} {x.count}
              </Tag>
            ))}
          </div>
        ) : null}
        {d && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            首次 {fmtTime(d.first)} · 最近 {fmtTime(d.last)}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

function ConfirmedCard({ t, now }: { t: HotTopic; now: number }) {
  const r = t.trainingDueAt ? fmtRemaining(t.trainingDueAt, now) : null;
  return (
    <Card
      size="small"
      data-testid="hot-topic-confirmed"
      title={<Link to={`/training/hot-topics/${t.id}`}>{t.title}</Link>}
    >
      <Space orientation="vertical" size={4}>
        <Typography.Text>确认于 {fmtTime(t.confirmedAt)}</Typography.Text>
        <Typography.Text>
          培训时限 {fmtTime(t.trainingDueAt)}{' '}
          {r && (
            <Typography.Text type={r.overdue ? 'secondary' : 'warning'}>
              （{r.overdue ? '已到期' : r.text}）
            </Typography.Text>
          )}
        </Typography.Text>
        {t.brief && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
            {t.brief}
          </Typography.Paragraph>
        )}
        <Link to={`/training/hot-topics/${t.id}`}>查看培训情况</Link>
      </Space>
    </Card>
  );
}

/**
 * 热点问题 — candidates the detector found in recent orders (bursts of similar requests by words, category
 * and place) for the office or operator to confirm or dismiss; confirmed topics with their training clock.
 */
export default function HotTopicsPage() {
  const { message } = App.useApp();
  const role = useUser().role;
  const canAct = TRAINERS.includes(role);
  const [status, setStatus] = useState<HotTopicStatus>('candidate');
  const topics = useHotTopics(status);
  const queryClient = useQueryClient();
  const now = useNow();
  const [confirming, setConfirming] = useState<HotTopic | null>(null);
  const detect = useMutation({
    mutationFn: () => unwrap(client.POST('/api/hot-topics/detect', { body: {} })),
    onSuccess: (r) => {
      message.success(
        `已分析 ${r.analysed} 件工单，发现 ${r.found} 个热点（新增 ${r.created}，更新 ${r.updated}）`,
      );
      queryClient.invalidateQueries({ queryKey: ['training', 'hot-topics'] });
      setStatus('candidate');
    },
    onError: (err) => message.error(`检测失败：${errorText(err)}`),
  });
  const items = topics.data ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title="热点问题"
        extra={
          canAct && (
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              loading={detect.isPending}
              onClick={() => detect.mutate()}
              data-testid="hot-topic-detect"
            >
              立即检测
            </Button>
          )
        }
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            系统按近 72 小时工单的文本相似度、分类和地点发现集中反映的问题，与此前 4 周的常态水平比较排序。
          </Typography.Text>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as HotTopicStatus)}
            options={(Object.keys(HOT_TOPIC_STATUS_LABELS) as HotTopicStatus[]).map((s) => ({
              value: s,
              label: HOT_TOPIC_STATUS_LABELS[s],
            }))}
            data-testid="hot-topic-status"
          />
        </Space>
      </Card>
      <QueryState loading={topics.isLoading} error={topics.error} onRetry={() => topics.refetch()}>
        {items.length === 0 ? (
          <Card>
            <Empty description={status === 'candidate' ? '暂无待确认的热点，可点击“立即检测”' : '暂无记录'} />
          </Card>
        ) : (
          <Row gutter={[16, 16]}>
            {items.map((t) => (
              <Col key={t.id} xs={24} lg={12} xxl={8}>
                {status === 'candidate' ? (
                  <CandidateCard t={t} canAct={role === 'office'} onConfirm={() => setConfirming(t)} />
                ) : status === 'confirmed' ? (
                  <ConfirmedCard t={t} now={now} />
                ) : (
                  <Card size="small" title={t.title}>
                    <Typography.Text type="secondary">忽略于 {fmtTime(t.dismissedAt)}</Typography.Text>
                  </Card>
                )}
              </Col>
            ))}
          </Row>
        )}
      </QueryState>
      <ConfirmModal topic={confirming} onClose={() => setConfirming(null)} />
    </Space>
  );
}
