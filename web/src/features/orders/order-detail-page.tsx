import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Space,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import {
  ACTION_LABELS,
  APPEAL_LABELS,
  CHANNEL_LABELS,
  EXTENSION_OUTCOME_LABELS,
  RETURN_REASON_LABELS,
  ROLE_LABELS,
  SATISFACTION_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
  URGENCY_LABELS,
} from '../../app/labels.ts';
import { fmtDeadline, fmtTime } from '../../app/format.ts';
import { departmentName, useDepartments } from '../../app/reference-data.ts';
import { fetchOrder, type OrderView } from './order-api.ts';
import { DeadlineBadge, StatusTag, UrgencyTag } from '../../components/order-tags.tsx';
import { QueryState } from '../../components/query-state.tsx';
import { ActionModal } from './action-forms.tsx';
import { AttachmentsPanel } from './attachments-panel.tsx';
import { ReplyQualityPanel } from './reply-quality-panel.tsx';
import { CoTasksPanel } from './co-tasks-panel.tsx';
import { DisputesPanel } from './disputes-panel.tsx';

/** Buttons in the order a case moves: the forward step first, oversight after. */
const ACTION_ORDER = [
  'accept',
  'dispatch',
  'sign',
  'reply',
  'send-back',
  'callback',
  'close',
  'close-direct',
  'return',
  'judge-return',
  'request-extension',
  'decide-extension',
  'supervise',
  'instruct',
  'appeal',
  'decide-appeal',
  'merge',
  'archive',
  'co-sign',
  'co-reply',
  'release-co',
  'dispute',
  'decide-dispute',
];

/** How a dispatch ended, as the dispatches table says it. */
const DISPATCH_OUTCOMES: Record<string, string> = {
  returned: ACTION_LABELS['return']!,
  replied: ACTION_LABELS['reply']!,
  merged: ACTION_LABELS['merge']!,
  redirected: '异议改派',
};

type HistoryEntry = OrderView['history'][number];

function historyColor(h: HistoryEntry): string {
  if (h.action === 'auto-supervise' || h.action === 'return' || h.action === 'co-overdue') return 'red';
  if (h.action === 'deadline-warning') return 'orange';
  if (h.toStatus === 'closed' || h.toStatus === 'archived') return 'green';
  return 'blue';
}

export function OrderHistory({ history }: { history: HistoryEntry[] }) {
  return (
    <Timeline
      data-testid="order-history"
      items={history.map((h) => ({
        color: historyColor(h),
        children: (
          <div>
            <Space wrap>
              <strong>{ACTION_LABELS[h.action] ?? h.action}</strong>
              {h.fromStatus !== h.toStatus && (
                <Typography.Text type="secondary">
                  {h.fromStatus ? `${STATUS_LABELS[h.fromStatus] ?? h.fromStatus} → ` : ''}
                  {STATUS_LABELS[h.toStatus] ?? h.toStatus}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">
                {fmtTime(h.at)} · {h.actor.name ?? ROLE_LABELS[h.actor.role] ?? h.actor.role}
              </Typography.Text>
            </Space>
            {h.note && <div style={{ whiteSpace: 'pre-wrap' }}>{h.note}</div>}
          </div>
        ),
      }))}
    />
  );
}

export default function OrderDetailPage() {
  const id = Number(useParams().id);
  const [action, setAction] = useState<string | null>(null);
  const departments = useDepartments();
  const q = useQuery({ queryKey: ['order', id], queryFn: () => fetchOrder(id) });
  const o = q.data;
  const actions = o ? ACTION_ORDER.filter((a) => (o.allowedActions as string[]).includes(a)) : [];
  return (
    <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
      {o && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card
            title={
              <Space wrap>
                <span data-testid="order-number">工单 {o.number}</span>
                <StatusTag status={o.status} />
                <UrgencyTag urgency={o.urgency} />
                <DeadlineBadge order={o} />
                {o.excludedFromAssessment && <Tag>不计入考核</Tag>}
              </Space>
            }
            extra={
              <Space>
                <Link to={`/orders/${o.id}/print`} target="_blank" data-testid="print-order">
                  打印工单
                </Link>
                {o.dispatches.length > 0 && (
                  <Link to={`/orders/${o.id}/print/dispatch`} target="_blank" data-testid="print-dispatch">
                    打印交办单
                  </Link>
                )}
                <Link to="/orders">返回列表</Link>
              </Space>
            }
          >
            {o.warnings?.length ? (
              <Alert type="warning" showIcon message={o.warnings.join('；')} style={{ marginBottom: 12 }} />
            ) : null}
            <Space wrap style={{ marginBottom: 16 }} data-testid="order-actions">
              {actions.map((a, i) => (
                <Button key={a} type={i === 0 ? 'primary' : 'default'} onClick={() => setAction(a)}>
                  {ACTION_LABELS[a]}
                </Button>
              ))}
              {actions.length === 0 && <Typography.Text type="secondary">当前无可执行的操作</Typography.Text>}
            </Space>
            <Descriptions bordered size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
              <Descriptions.Item label="标题" span={3}>
                {o.title}
              </Descriptions.Item>
              <Descriptions.Item label="诉求内容" span={3}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{o.content}</div>
              </Descriptions.Item>
              <Descriptions.Item label="类型">{TYPE_LABELS[o.type] ?? o.type}</Descriptions.Item>
              <Descriptions.Item label="渠道">{CHANNEL_LABELS[o.channel] ?? o.channel}</Descriptions.Item>
              <Descriptions.Item label="紧急程度">{URGENCY_LABELS[o.urgency]}</Descriptions.Item>
              <Descriptions.Item label="分类">{o.categoryPath?.join(' › ') ?? '未分类'}</Descriptions.Item>
              <Descriptions.Item label="地点">
                {[o.location.district, o.location.address].filter(Boolean).join(' ') || '—'}
              </Descriptions.Item>
              <Descriptions.Item label="诉求人">
                {o.caller.anonymous && <Tag>匿名</Tag>}
                {o.caller.name ?? '—'} {o.caller.phone ?? ''}
                {!o.caller.callbackWanted && <Tag>不需回访</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label="主办单位">{o.departmentName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="协办单位">
                {o.coDepartmentIds.length
                  ? o.coDepartmentIds.map((d) => departmentName(departments.data, d)).join('、')
                  : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="办理时限">
                {o.timeLimitDays ? `${o.timeLimitDays} 个工作日，至 ${fmtDeadline(o.handleDueAt)}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="受理时间">{fmtTime(o.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="响应时限">{fmtDeadline(o.responseDueAt)}</Descriptions.Item>
              <Descriptions.Item label="申诉">
                {APPEAL_LABELS[o.appealStatus] ?? o.appealStatus}
              </Descriptions.Item>
              {o.answer && (
                <Descriptions.Item label="直接答复" span={3}>
                  {o.answer}
                </Descriptions.Item>
              )}
              {o.reply && (
                <Descriptions.Item label="办理结果" span={3}>
                  {o.reply}
                </Descriptions.Item>
              )}
              {o.satisfaction && (
                <Descriptions.Item label="满意度">{SATISFACTION_LABELS[o.satisfaction]}</Descriptions.Item>
              )}
              {o.mergedIntoId && (
                <Descriptions.Item label="已合并到">
                  <Link to={`/orders/${o.mergedIntoId}`}>工单 #{o.mergedIntoId}</Link>
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
          <CoTasksPanel order={o} />
          <Card title="附件" size="small">
            <AttachmentsPanel order={o} />
          </Card>
          <ReplyQualityPanel orderId={o.id} hasReply={o.reply != null} />
          <DisputesPanel orderId={o.id} version={o.version} />
          <Row gutter={16}>
            <Col xs={24} lg={10}>
              <Card title="办理过程">
                <OrderHistory history={o.history} />
              </Card>
            </Col>
            <Col xs={24} lg={14}>
              <Card>
                <Tabs
                  items={[
                    {
                      key: 'dispatches',
                      label: `交办 (${o.dispatches.length})`,
                      children: (
                        <Table
                          size="small"
                          rowKey="id"
                          pagination={false}
                          dataSource={o.dispatches}
                          columns={[
                            {
                              title: '单位',
                              dataIndex: 'departmentId',
                              render: (d: number) => departmentName(departments.data, d),
                            },
                            { title: '交办时间', dataIndex: 'dispatchedAt', render: fmtTime },
                            { title: '时限', dataIndex: 'dueAt', render: fmtDeadline },
                            { title: '签收', dataIndex: 'signedAt', render: fmtTime },
                            {
                              title: '结果',
                              dataIndex: 'outcome',
                              render: (x: string | null, r) =>
                                `${x ? (DISPATCH_OUTCOMES[x] ?? x) : '办理中'}${r.reopen ? '（重办）' : ''}`,
                            },
                          ]}
                        />
                      ),
                    },
                    {
                      key: 'returns',
                      label: `退回 (${o.returns.length})`,
                      children: (
                        <Table
                          size="small"
                          rowKey="id"
                          pagination={false}
                          dataSource={o.returns}
                          columns={[
                            {
                              title: '单位',
                              dataIndex: 'departmentId',
                              render: (d: number) => departmentName(departments.data, d),
                            },
                            {
                              title: '原因',
                              dataIndex: 'reasonCode',
                              render: (c: string, r) => `${RETURN_REASON_LABELS[c] ?? c}：${r.reason}`,
                            },
                            { title: '退回时间', dataIndex: 'returnedAt', render: fmtTime },
                            {
                              title: '认定',
                              dataIndex: 'operatorFault',
                              render: (f: boolean | null) =>
                                f == null ? '待认定' : f ? '派单差错' : '非派单差错',
                            },
                          ]}
                        />
                      ),
                    },
                    {
                      key: 'extensions',
                      label: `延期 (${o.extensions.length})`,
                      children: (
                        <Table
                          size="small"
                          rowKey="id"
                          pagination={false}
                          dataSource={o.extensions}
                          columns={[
                            { title: '天数', dataIndex: 'workingDays' },
                            { title: '理由', dataIndex: 'reason' },
                            {
                              title: '结果',
                              dataIndex: 'outcome',
                              render: (x: string) => EXTENSION_OUTCOME_LABELS[x] ?? x,
                            },
                            { title: '新时限', dataIndex: 'newDueAt', render: fmtDeadline },
                          ]}
                        />
                      ),
                    },
                    {
                      key: 'callbacks',
                      label: `回访 (${o.callbacks.length})`,
                      children: (
                        <Table
                          size="small"
                          rowKey="id"
                          pagination={false}
                          dataSource={o.callbacks}
                          columns={[
                            { title: '时间', dataIndex: 'at', render: fmtTime },
                            {
                              title: '联系上',
                              dataIndex: 'reached',
                              render: (r: boolean) => (r ? '是' : '否'),
                            },
                            {
                              title: '满意度',
                              dataIndex: 'satisfaction',
                              render: (s: string | null) => (s ? SATISFACTION_LABELS[s] : '—'),
                            },
                            {
                              title: '是否解决',
                              dataIndex: 'resolved',
                              render: (r: boolean | null | undefined) =>
                                r == null ? '—' : r ? '已解决' : '未解决',
                            },
                            { title: '记录', dataIndex: 'note' },
                          ]}
                        />
                      ),
                    },
                    {
                      key: 'appeals',
                      label: `申诉 (${o.appeals.length})`,
                      children: (
                        <Table
                          size="small"
                          rowKey="id"
                          pagination={false}
                          dataSource={o.appeals}
                          columns={[
                            { title: '理由', dataIndex: 'reason' },
                            {
                              title: '申诉方',
                              dataIndex: 'appellantRole',
                              render: (r: string) => ROLE_LABELS[r] ?? r,
                            },
                            {
                              title: '结果',
                              dataIndex: 'accepted',
                              render: (a: boolean | null) => (a == null ? '待审核' : a ? '通过' : '驳回'),
                            },
                          ]}
                        />
                      ),
                    },
                    {
                      key: 'supervisions',
                      label: `督办 (${o.supervisions.length})`,
                      children: (
                        <Table
                          size="small"
                          rowKey="id"
                          pagination={false}
                          dataSource={o.supervisions}
                          columns={[
                            { title: '时间', dataIndex: 'at', render: fmtTime },
                            {
                              title: '方式',
                              dataIndex: 'kind',
                              render: (k: string) =>
                                k === 'manual'
                                  ? '人工督办'
                                  : k === 'auto_overdue_co'
                                    ? '协办超期自动督办'
                                    : '超期自动督办',
                            },
                            { title: '意见', dataIndex: 'note' },
                          ]}
                        />
                      ),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <ActionModal order={o} action={action} onClose={() => setAction(null)} />
        </Space>
      )}
    </QueryState>
  );
}
