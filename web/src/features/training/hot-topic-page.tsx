import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Modal,
  Progress,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtRemaining, fmtTime } from '../../app/format.ts';
import { QueryState, errorText } from '../../components/query-state.tsx';
import { useNow } from '../knowledge/kb-api.ts';
import { ConfirmModal } from './hot-topics-page.tsx';
import { SessionModal } from './session-form.tsx';
import {
  HOT_TOPIC_STATUS_LABELS,
  TRAINEE_STATE_COLORS,
  TRAINEE_STATE_LABELS,
  TRAINERS,
  type Trainee,
} from './training-api.ts';
import type { HotTopicStatus } from './training-api.ts';

function NoteModal({
  topicId,
  trainee,
  onClose,
}: {
  topicId: number;
  trainee: Trainee | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  // Filled when the dialog opens, not after its animation (typing during the animation would be overwritten).
  useEffect(() => {
    if (trainee) setNote(trainee.note ?? '');
  }, [trainee]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST('/api/hot-topics/{id}/trainees/{agentId}/note', {
          params: { path: { id: topicId, agentId: trainee!.agentId } },
          body: { note: note.trim() },
        }),
      ),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ['training', 'hot-topic', topicId] });
      onClose();
    },
    onError: (err) => message.error(errorText(err)),
  });
  return (
    <Modal
      open={trainee != null}
      title={`未培训原因：${trainee?.name ?? ''}`}
      okText="提交"
      cancelText="取消"
      onCancel={onClose}
      okButtonProps={{ disabled: !note.trim() }}
      confirmLoading={save.isPending}
      onOk={() => save.mutate()}
    >
      <Input.TextArea
        rows={3}
        maxLength={500}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder="如：休假至周五，返岗当日补训"
      />
    </Modal>
  );
}

/** 热点详情 — the brief, the roster snapshot at confirmation and each agent's training against the deadline. */
export default function HotTopicPage() {
  const id = Number(useParams().id);
  const role = useUser().role;
  const canAct = TRAINERS.includes(role);
  const now = useNow();
  const q = useQuery({
    queryKey: ['training', 'hot-topic', id],
    queryFn: () => unwrap(client.GET('/api/hot-topics/{id}', { params: { path: { id } } })),
  });
  const [recording, setRecording] = useState(false);
  const [noting, setNoting] = useState<Trainee | null>(null);
  const [confirming, setConfirming] = useState(false);
  const t = q.data;
  const trained = t?.trainees.filter((x) => x.trainedAt).length ?? 0;
  const total = t?.trainees.length ?? 0;
  const remaining = t?.trainingDueAt ? fmtRemaining(t.trainingDueAt, now) : null;

  const columns: ColumnsType<Trainee> = [
    { title: '话务员', key: 'name', render: (_, x) => `${x.name}（${x.username}）` },
    {
      title: '培训状态',
      key: 'state',
      render: (_, x) => (
        <Tag color={TRAINEE_STATE_COLORS[x.state]} data-testid="trainee-state">
          {TRAINEE_STATE_LABELS[x.state]}
        </Tag>
      ),
    },
    { title: '培训时间', key: 'trainedAt', render: (_, x) => fmtTime(x.trainedAt) },
    { title: '备注', dataIndex: 'note', render: (v: string | null) => v ?? '' },
    ...(canAct
      ? [
          {
            title: '',
            key: 'op',
            width: 110,
            render: (_: unknown, x: Trainee) =>
              x.trainedAt ? null : <Typography.Link onClick={() => setNoting(x)}>填写原因</Typography.Link>,
          },
        ]
      : []),
  ];

  return (
    <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
      {t && (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Card
            title={
              <Space>
                <span data-testid="hot-topic-title">{t.title}</span>
                <Tag
                  color={t.status === 'confirmed' ? 'green' : t.status === 'candidate' ? 'gold' : 'default'}
                >
                  {HOT_TOPIC_STATUS_LABELS[t.status as HotTopicStatus] ?? t.status}
                </Tag>
              </Space>
            }
            extra={
              <Space>
                <Link to="/training/hot-topics">返回热点列表</Link>
                {canAct && t.status === 'candidate' && (
                  <Button type="primary" onClick={() => setConfirming(true)}>
                    确认并启动培训
                  </Button>
                )}
                {canAct && t.status === 'confirmed' && (
                  <Button type="primary" onClick={() => setRecording(true)} data-testid="training-record">
                    记录培训
                  </Button>
                )}
              </Space>
            }
          >
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label="关键词">
                {t.keywords.map((k) => (
                  <Tag key={k} color="blue">
                    {k}
                  </Tag>
                ))}
              </Descriptions.Item>
              <Descriptions.Item label="区县">
                {t.detection?.districts.map((d) => `${d.name} ${d.count} 件`).join('、') || t.district || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="相关工单">
                <Space wrap size={4}>
                  {t.orderIds.slice(0, 20).map((o) => (
                    <Link key={o} to={`/orders/${o}`}>
                      #{o}
                    </Link>
                  ))}
                  {t.orderIds.length > 20 && `等 ${t.orderIds.length} 件`}
                  {!t.orderIds.length && '—'}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="确认时间">{fmtTime(t.confirmedAt)}</Descriptions.Item>
              <Descriptions.Item label="培训时限">
                {fmtTime(t.trainingDueAt)}
                {remaining && (
                  <Typography.Text type={remaining.overdue ? 'danger' : 'warning'}>
                    {' '}
                    （{remaining.overdue ? '已到期' : remaining.text}）
                  </Typography.Text>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="简要说明" span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {t.brief ?? '—'}
                </Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {t.status === 'confirmed' && (
            <Card size="small" title="一线话务员培训情况（确认时在岗名单）" data-testid="hot-topic-trainees">
              <Row gutter={16} align="middle" style={{ marginBottom: 12 }}>
                <Col>
                  <Progress
                    type="circle"
                    size={72}
                    percent={total ? Math.round((trained / total) * 100) : 0}
                  />
                </Col>
                <Col>
                  <Typography.Text>
                    已培训 {trained} / {total} 人
                    {t.trainees.some((x) => x.state === 'overdue') && (
                      <Typography.Text type="danger">
                        ，{t.trainees.filter((x) => x.state === 'overdue').length} 人超时未培训
                      </Typography.Text>
                    )}
                  </Typography.Text>
                </Col>
              </Row>
              <Table<Trainee>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={t.trainees}
                pagination={false}
              />
            </Card>
          )}
          <SessionModal
            open={recording}
            onClose={() => setRecording(false)}
            hotTopic={t}
            people={t.trainees.map((x) => ({
              id: x.agentId,
              name: x.name,
              hint: x.trainedAt ? '已培训' : undefined,
            }))}
            preselected={t.trainees.filter((x) => !x.trainedAt).map((x) => x.agentId)}
          />
          <NoteModal topicId={t.id} trainee={noting} onClose={() => setNoting(null)} />
          <ConfirmModal topic={confirming ? t : null} onClose={() => setConfirming(false)} />
        </Space>
      )}
    </QueryState>
  );
}
