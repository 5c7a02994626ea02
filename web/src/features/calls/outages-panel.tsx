import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import type { HotlineOutage } from './types.ts';
import { QueryState } from '../../components/query-state.tsx';
import { OutageEndModal, OutageRecordModal } from './outage-forms.tsx';
import { numberSetting, useSettings } from './shared.ts';

const FAULT: Record<string, [string, string]> = {
  true: ['运营方原因', 'red'],
  false: ['非运营方原因', 'default'],
  null: ['待认定', 'gold'],
};

/** 热线中断 — outages with their length; over the contract's hours they let Party A terminate. */
export function OutagesPanel() {
  const user = useUser();
  const [recording, setRecording] = useState(false);
  const [ending, setEnding] = useState<HotlineOutage | null>(null);
  const settings = useSettings();
  const limit = numberSetting(settings.data, 'calls.outageAlertHours', 6);
  const q = useQuery({
    queryKey: ['calls', 'outages'],
    queryFn: () => unwrap(client.GET('/api/calls/outages')),
    refetchInterval: 60_000,
  });
  const canEdit = user.role === 'team_lead' || user.role === 'office' || user.role === 'admin';
  const items = q.data?.items ?? [];
  const ongoing = items.filter((o) => !o.endedAt);

  const columns: ColumnsType<HotlineOutage> = [
    { title: '开始', key: 'startedAt', render: (_, o) => fmtTime(o.startedAt) },
    {
      title: '结束',
      key: 'endedAt',
      render: (_, o) => (o.endedAt ? fmtTime(o.endedAt) : <Tag color="red">中断中</Tag>),
    },
    {
      title: '持续时长',
      key: 'hours',
      render: (_, o) => (
        <Space size={4} wrap>
          <span>{o.hours.toFixed(2)} 小时</span>
          {o.overLimit && (
            <Tag color="red" data-testid="outage-over-limit">
              超过 {limit} 小时
            </Tag>
          )}
        </Space>
      ),
    },
    { title: '原因', dataIndex: 'cause', ellipsis: true },
    {
      title: '责任',
      key: 'fault',
      render: (_, o) => {
        const [label, color] = FAULT[String(o.operatorFault)]!;
        return <Tag color={color}>{label}</Tag>;
      },
    },
    { title: '登记时间', key: 'recordedAt', render: (_, o) => fmtTime(o.recordedAt) },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'action',
            render: (_: unknown, o: HotlineOutage) =>
              o.endedAt ? null : (
                <Button size="small" onClick={() => setEnding(o)} data-testid="outage-end">
                  结束
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      title="热线中断"
      extra={
        canEdit && (
          <Button icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="outage-record">
            登记中断
          </Button>
        )
      }
      data-testid="incidents-outages"
    >
      {ongoing.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`热线服务中断中（${ongoing.length} 起）：恢复后请及时登记结束时间`}
          description={
            <Typography.Text>
              连续中断超过 {limit} 小时将发出严重提醒，因运营方原因的，甲方有权解除合同。
            </Typography.Text>
          }
        />
      )}
      <QueryState
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
        empty={!items.length}
        emptyText="没有中断记录"
      >
        <Table<HotlineOutage>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          scroll={{ x: 900 }}
          onRow={(o) => (o.overLimit ? { style: { background: '#fff1f0' } } : {})}
          pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        />
      </QueryState>
      {recording && <OutageRecordModal onClose={() => setRecording(false)} />}
      {ending && <OutageEndModal outage={ending} onClose={() => setEnding(null)} />}
    </Card>
  );
}
