import { Card, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import type { ApiOk } from '../../api/responses.ts';
import { fmtDeadline, fmtTime } from '../../app/format.ts';
import { DISPUTE_OUTCOME_COLORS, DISPUTE_OUTCOME_LABELS } from '../../app/labels.ts';

export type DisputeRow = ApiOk<'/api/orders/{id}/disputes'>['items'][number];

/** A dispute's state as a tag: its outcome, and 超期 when the office's decision time has passed. */
export function DisputeOutcomeTag({ d }: { d: Pick<DisputeRow, 'outcome' | 'overdue'> }) {
  return (
    <>
      <Tag color={DISPUTE_OUTCOME_COLORS[d.outcome]}>{DISPUTE_OUTCOME_LABELS[d.outcome] ?? d.outcome}</Tag>
      {d.overdue && <Tag color="red">裁定超期</Tag>}
    </>
  );
}

/**
 * 派单异议 on the order page: each dispute, the department it proposed, when the office's decision is due and
 * what it decided. Raising and deciding are the order's actions (派单异议, 异议裁定); `version` refreshes the
 * list after one.
 */
export function DisputesPanel({ orderId, version }: { orderId: number; version: number }) {
  const q = useQuery({
    queryKey: ['order-disputes', orderId, version],
    queryFn: () => unwrap(client.GET('/api/orders/{id}/disputes', { params: { path: { id: orderId } } })),
  });
  const items = q.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Card title="派单异议" size="small" data-testid="order-disputes">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          { title: '提出单位', dataIndex: 'departmentName' },
          { title: '异议理由', dataIndex: 'reason' },
          { title: '建议单位', dataIndex: 'proposedDepartmentName', render: (n: string | null) => n ?? '—' },
          { title: '提出时间', dataIndex: 'raisedAt', render: fmtTime },
          { title: '裁定时限', dataIndex: 'decideDueAt', render: fmtDeadline },
          { title: '结果', key: 'outcome', render: (_: unknown, d) => <DisputeOutcomeTag d={d} /> },
          {
            title: '裁定',
            key: 'decision',
            render: (_: unknown, d) =>
              d.decidedAt
                ? `${d.decidedDepartmentName ? `${d.decidedDepartmentName}；` : ''}${d.decisionNote ?? ''}`
                : '—',
          },
        ]}
      />
    </Card>
  );
}
