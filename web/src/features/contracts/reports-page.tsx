import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { Button, Card, DatePicker, Form, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { get, post } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtDeadline, fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { FormModal } from '../quality/form-modal.tsx';
import { useDrillIds } from '../quality/shared.ts';
import { ContractPicker } from './contract-picker.tsx';
import { useContractParam, type ReportDelivery } from './shared.ts';
import { DrillFilterNotice } from '../quality/drill-filter-notice.tsx';

function DeliveryModal({ r, onClose }: { r: ReportDelivery; onClose: () => void }) {
  return (
    <FormModal<{ deliveredAt: Dayjs; complete: boolean; note?: string }>
      title={`登记报送：${r.title}`}
      labels={{ deliveredAt: '报送时间', complete: '内容是否完整', note: '说明' }}
      testId="delivery-form"
      invalidate={[['contracts', r.contractId, 'reports']]}
      successText="已登记"
      initialValues={{ deliveredAt: dayjs(), complete: true }}
      submit={(v) =>
        post(`/api/contracts/reports/${r.id}/delivery`, {
          deliveredAt: v.deliveredAt.toISOString(),
          complete: v.complete,
          note: v.note?.trim() || undefined,
        })
      }
      onClose={onClose}
    >
      <Typography.Paragraph>应于 {fmtDeadline(r.dueAt)} 前报送。</Typography.Paragraph>
      <Form.Item name="deliveredAt" label="报送时间" rules={[{ required: true, message: '请选择报送时间' }]}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isAfter(dayjs())}
        />
      </Form.Item>
      <Form.Item name="complete" label="内容是否完整" rules={[{ required: true, message: '请选择' }]}>
        <Radio.Group
          options={[
            { value: true, label: '完整' },
            { value: false, label: '不完整' },
          ]}
        />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

function stateOf(r: ReportDelivery, now: number): [string, string] {
  if (!r.deliveredAt) return new Date(r.dueAt).getTime() < now ? ['逾期未报', 'red'] : ['待报送', 'blue'];
  const late = new Date(r.deliveredAt).getTime() > new Date(r.dueAt).getTime();
  if (late) return ['逾期报送', 'orange'];
  return r.complete === false ? ['按期但不完整', 'orange'] : ['按期完整', 'green'];
}

/** 分析报告 — each report the contract requires, its due time, delivery and completeness (KPI 11). */
export default function ReportsPage() {
  const user = useUser();
  const [contractId, setContract] = useContractParam();
  const [recording, setRecording] = useState<ReportDelivery | null>(null);
  const [ids, clearIds] = useDrillIds();
  const q = useQuery({
    queryKey: ['contracts', contractId, 'reports'],
    queryFn: () => get<{ items: ReportDelivery[] }>(`/api/contracts/${contractId}/reports`),
    enabled: Boolean(contractId),
  });
  const now = Date.now();
  const items = (q.data?.items ?? []).filter((r) => !ids || ids.has(String(r.id)));
  const canRecord = user.role === 'team_lead' || user.role === 'office';
  const columns: ColumnsType<ReportDelivery> = [
    { title: '报告', dataIndex: 'title' },
    { title: '期间', dataIndex: 'period', width: 90 },
    { title: '报送期限', dataIndex: 'dueAt', width: 150, render: fmtDeadline },
    { title: '报送时间', dataIndex: 'deliveredAt', width: 140, render: fmtTime },
    {
      title: '状态',
      key: 'state',
      width: 130,
      render: (_, r) => {
        const [label, color] = stateOf(r, now);
        return <Tag color={color}>{label}</Tag>;
      },
    },
    { title: '说明', dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? '—' },
    ...(canRecord
      ? [
          {
            title: '操作',
            key: 'action',
            width: 90,
            render: (_: unknown, r: ReportDelivery) => (
              <Button size="small" onClick={() => setRecording(r)}>
                {r.deliveredAt ? '更正' : '登记报送'}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="contract-reports">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          分析报告报送
        </Typography.Title>
        <ContractPicker value={contractId} onChange={setContract} />
      </Space>
      <DrillFilterNotice ids={ids} onClear={clearIds} unit="份报告" style={{}} />
      <Card size="small">
        <QueryState
          loading={q.isLoading}
          error={q.error}
          onRetry={() => q.refetch()}
          empty={!items.length}
          emptyText="没有需要报送的报告"
        >
          <Table<ReportDelivery>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            scroll={{ x: 900 }}
            pagination={{ pageSize: 24, hideOnSinglePage: true }}
          />
        </QueryState>
      </Card>
      {recording && <DeliveryModal r={recording} onClose={() => setRecording(null)} />}
    </Space>
  );
}
