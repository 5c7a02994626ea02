import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import { EXEMPTION_STATUS_COLORS, EXEMPTION_STATUS_LABELS } from '../../app/labels.ts';
import type { CallExemption } from './types.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ExemptionDecideModal, ExemptionRequestModal } from './exemption-forms.tsx';
import { windowLength } from './shared.ts';

/** 突发事件免责时段 — requested by team leads, decided by the office; approved windows leave the KPI. */
export function ExemptionsPanel() {
  const user = useUser();
  const [requesting, setRequesting] = useState(false);
  const [deciding, setDeciding] = useState<{ exemption: CallExemption; approve: boolean } | null>(null);
  const q = useQuery({
    queryKey: ['calls', 'exemptions'],
    queryFn: () => unwrap(client.GET('/api/calls/exemptions')),
  });
  const canRequest = user.role === 'team_lead' || user.role === 'office';
  const canDecide = user.role === 'office';
  const items = q.data?.items ?? [];
  const pending = items.filter((e) => e.status === 'pending').length;

  const columns: ColumnsType<CallExemption> = [
    {
      title: '时段',
      key: 'window',
      width: 320,
      render: (_, e) => (
        <span>
          {fmtTime(e.startsAt)} 至 {fmtTime(e.endsAt)}
        </span>
      ),
    },
    {
      title: '时长',
      key: 'length',
      render: (_, e) => windowLength(e.startsAt, e.endsAt),
    },
    { title: '事由', dataIndex: 'reason', ellipsis: true },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: string) => <Tag color={EXEMPTION_STATUS_COLORS[s]}>{EXEMPTION_STATUS_LABELS[s] ?? s}</Tag>,
    },
    { title: '申请时间', key: 'requestedAt', render: (_, e) => fmtTime(e.requestedAt) },
    {
      title: '审核',
      key: 'decision',
      render: (_, e) =>
        e.decidedAt ? (
          <span>
            {fmtTime(e.decidedAt)}
            {e.decisionNote && (
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {e.decisionNote}
              </Typography.Text>
            )}
          </span>
        ) : (
          '—'
        ),
    },
    ...(canDecide
      ? [
          {
            title: '操作',
            key: 'action',
            render: (_: unknown, e: CallExemption) =>
              e.status === 'pending' ? (
                <Space size={4}>
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setDeciding({ exemption: e, approve: true })}
                    data-testid="exemption-approve"
                  >
                    批准
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() => setDeciding({ exemption: e, approve: false })}
                    data-testid="exemption-reject"
                  >
                    驳回
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title={
        <Space>
          突发事件免责时段
          {pending > 0 && <Tag color="gold">待审核 {pending}</Tag>}
        </Space>
      }
      extra={
        canRequest && (
          <Button icon={<PlusOutlined />} onClick={() => setRequesting(true)} data-testid="exemption-request">
            {user.role === 'office' ? '登记免责时段' : '申请免责时段'}
          </Button>
        )
      }
      data-testid="incidents-exemptions"
    >
      <QueryState
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
        empty={!items.length}
        emptyText="没有免责时段"
      >
        <Table<CallExemption>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          scroll={{ x: 900 }}
          pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        />
      </QueryState>
      {requesting && (
        <ExemptionRequestModal direct={user.role === 'office'} onClose={() => setRequesting(false)} />
      )}
      {deciding && <ExemptionDecideModal {...deciding} onClose={() => setDeciding(null)} />}
    </Card>
  );
}
