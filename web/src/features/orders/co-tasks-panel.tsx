import { Card, List, Table, Tag, Typography } from 'antd';
import { fmtDeadline, fmtTime } from '../../app/format.ts';
import type { OrderView } from './order-api.ts';

type CoTask = OrderView['coTasks'][number];

/** Where a co-handler's task stands (协办): the words the office and the lead read. */
export function coTaskState(t: CoTask): { text: string; color: string } {
  if (t.releasedAt) return { text: '已解除协办', color: 'default' };
  if (t.repliedAt) return { text: '已答复', color: 'green' };
  if (t.closedAt) return { text: '已终止', color: 'default' };
  if (t.signedAt) return { text: '办理中', color: 'blue' };
  return { text: '待签收', color: 'gold' };
}

/** 协办单位办理情况 — each co-handler's own deadline, sign, answer or release, and whether it ran late. */
export function CoTasksPanel({ order }: { order: Pick<OrderView, 'coTasks'> }) {
  if (!order.coTasks.length) return null;
  return (
    <Card title="协办单位办理情况" size="small" data-testid="co-tasks">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={order.coTasks}
        columns={[
          {
            title: '协办单位',
            dataIndex: 'departmentName',
            render: (n: string | null, r) => n ?? `#${r.departmentId}`,
          },
          { title: '协办时限', dataIndex: 'dueAt', render: fmtDeadline },
          { title: '签收', dataIndex: 'signedAt', render: fmtTime },
          { title: '答复时间', dataIndex: 'repliedAt', render: fmtTime },
          {
            title: '状态',
            key: 'state',
            render: (_: unknown, r) => {
              const s = coTaskState(r);
              return (
                <span data-testid={`co-task-state-${r.departmentId}`}>
                  <Tag color={s.color}>{s.text}</Tag>
                  {r.overdue && <Tag color="red">超期</Tag>}
                </span>
              );
            },
          },
          {
            title: '答复内容 / 解除理由',
            key: 'text',
            render: (_: unknown, r) => r.reply ?? r.releaseReason ?? '—',
          },
        ]}
      />
    </Card>
  );
}

/** The co-handlers' answers above the lead's reply form, so the lead writes one consolidated reply. */
export function CoAnswers({ coTasks }: { coTasks: CoTask[] }) {
  const shown = coTasks.filter((t) => !t.closedAt);
  if (!shown.length) return null;
  return (
    <List
      size="small"
      bordered
      style={{ marginBottom: 12 }}
      data-testid="co-answers"
      header={<strong>协办单位答复（请汇总后统一答复）</strong>}
      dataSource={shown}
      renderItem={(t) => (
        <List.Item>
          <div>
            <Typography.Text strong>{t.departmentName ?? `#${t.departmentId}`}</Typography.Text>{' '}
            <Tag color={coTaskState(t).color}>{coTaskState(t).text}</Tag>
            <div style={{ whiteSpace: 'pre-wrap' }}>{t.reply ?? t.releaseReason ?? '—'}</div>
          </div>
        </List.Item>
      )}
    />
  );
}
