import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, query, unwrap } from '../../api/client.ts';
import type { ApiBody, ApiQuery } from '../../api/responses.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { FormModal } from './form-modal.tsx';
import { PeriodSelect, usePeriod } from './period-select.tsx';
import { orderIdOf, useAgents } from './people.ts';
import {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_STATUS,
  drillPath,
  pct,
  useDrillIds,
  type ServiceComplaint,
} from './shared.ts';
import { DrillFilterNotice } from './drill-filter-notice.tsx';

interface RecordValues {
  receivedAt: Dayjs;
  source: string;
  kind: ApiBody<'/api/quality/complaints'>['kind'];
  description: string;
  orderNumber?: string;
  agentId?: number;
}

const RECORD_LABELS = {
  receivedAt: '收到时间',
  source: '投诉来源',
  kind: '投诉类型',
  description: '投诉内容',
  orderNumber: '关联工单',
  orderId: '关联工单',
  agentId: '被投诉话务员',
};

function RecordModal({ onClose }: { onClose: () => void }) {
  const agents = useAgents();
  return (
    <FormModal<RecordValues>
      title="登记服务投诉"
      labels={RECORD_LABELS}
      testId="complaint-form"
      invalidate={[['quality']]}
      successText="已登记，进入调查"
      initialValues={{ receivedAt: dayjs(), kind: 'attitude' }}
      submit={async (v) =>
        unwrap(
          client.POST('/api/quality/complaints', {
            body: {
              receivedAt: v.receivedAt.toISOString(),
              source: v.source.trim(),
              kind: v.kind,
              description: v.description.trim(),
              orderId: await orderIdOf(v.orderNumber),
              agentId: v.agentId ?? null,
            },
          }),
        )
      }
      onClose={onClose}
    >
      <Form.Item name="receivedAt" label="收到时间" rules={[{ required: true, message: '请选择收到时间' }]}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          disabledDate={(d) => d.isAfter(dayjs())}
        />
      </Form.Item>
      <Form.Item
        name="source"
        label="投诉来源"
        rules={[{ required: true, whitespace: true, message: '请填写投诉来源' }]}
      >
        <Input maxLength={200} placeholder="如：市民来电、信件、热线办转交" />
      </Form.Item>
      <Form.Item name="kind" label="投诉类型" rules={[{ required: true, message: '请选择投诉类型' }]}>
        <Radio.Group
          options={Object.entries(COMPLAINT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label="投诉内容"
        rules={[{ required: true, whitespace: true, message: '请填写投诉内容' }]}
      >
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="orderNumber" label="关联工单编号">
            <Input placeholder="选填" maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="agentId" label="被投诉话务员">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={agents.isLoading}
              options={agents.data?.map((a) => ({ value: a.id, label: a.name }))}
              placeholder="选填"
            />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}

interface DecideValues {
  confirm: boolean;
  reason: string;
  investigation?: string;
}

function DecideModal({ complaint, onClose }: { complaint: ServiceComplaint; onClose: () => void }) {
  return (
    <FormModal<DecideValues>
      title="投诉认定"
      labels={{ confirm: '认定结果', reason: '认定理由', investigation: '调查情况' }}
      testId="complaint-decide-form"
      invalidate={[['quality']]}
      successText={(r) =>
        (r as ServiceComplaint).status === 'confirmed' ? '已确认投诉成立' : '已认定投诉不成立'
      }
      initialValues={{ investigation: complaint.investigation ?? undefined }}
      submit={(v) =>
        unwrap(
          client.POST('/api/quality/complaints/{id}/decide', {
            params: { path: { id: complaint.id } },
            body: {
              confirm: v.confirm,
              reason: v.reason.trim(),
              investigation: v.investigation?.trim() || undefined,
            },
          }),
        )
      }
      onClose={onClose}
    >
      <Alert type="info" style={{ marginBottom: 12 }} title={complaint.description} />
      <Form.Item name="investigation" label="调查情况">
        <Input.TextArea rows={3} maxLength={5000} placeholder="调听录音、核实经过等" />
      </Form.Item>
      <Form.Item name="confirm" label="认定结果" rules={[{ required: true, message: '请选择认定结果' }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: true, label: '投诉成立' },
            { value: false, label: '投诉不成立' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label="认定理由"
        rules={[{ required: true, whitespace: true, message: '请填写认定理由' }]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

/** The confirmed-complaint rate (KPI 5) for the selected period. */
function ComplaintRate() {
  const [period, setPeriod] = usePeriod();
  const range = { from: period.from, to: period.to };
  const q = useQuery({
    queryKey: ['quality', 'indicators', range],
    queryFn: () => unwrap(client.GET('/api/quality/indicators', { params: { query: query(range) } })),
  });
  const f = q.data?.complaintRate;
  const investigating = f?.excluded.find((e) => e.reason === 'under investigation')?.ids ?? [];
  return (
    <Card
      size="small"
      title={`服务质量投诉率 · ${period.label}（目标 ≤ 0.01%）`}
      extra={<PeriodSelect period={period} onChange={setPeriod} />}
      data-testid="complaint-rate"
    >
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {f && (
          <Row gutter={16}>
            <Col span={6}>
              <Statistic
                title="投诉率"
                value={pct(f.value, 4)}
                styles={{ content: { color: f.value != null && f.value > 0.0001 ? '#cf1322' : '#389e0d' } }}
              />
            </Col>
            <Col span={6}>
              <div data-testid="complaint-confirmed">
                <Statistic title="确认成立的投诉" value={f.numerator} />
              </div>
              {f.numerator > 0 && (
                <Link
                  to={drillPath('/quality/complaints', f.evidence.met)}
                  data-testid="complaint-rate-records"
                >
                  查看
                </Link>
              )}
            </Col>
            <Col span={6}>
              <Statistic title="人工接通量" value={f.denominator} />
            </Col>
            <Col span={6}>
              <Statistic title="调查中（暂不计）" value={investigating.length} />
            </Col>
          </Row>
        )}
      </QueryState>
    </Card>
  );
}

/** 服务投诉 — complaints about the service: registered, investigated, confirmed or dismissed by the office. */
export default function ComplaintsPage() {
  const user = useUser();
  const [status, setStatus] = useState<NonNullable<ApiQuery<'/api/quality/complaints'>['status']> | 'all'>(
    'all',
  );
  const [recording, setRecording] = useState(false);
  const [deciding, setDeciding] = useState<ServiceComplaint | null>(null);
  const [ids, clearIds] = useDrillIds();
  const agents = useAgents();
  const q = useQuery({
    queryKey: ['quality', 'complaints', status],
    queryFn: () =>
      unwrap(
        client.GET('/api/quality/complaints', {
          params: { query: query({ status: status === 'all' ? undefined : status }) },
        }),
      ),
  });
  const items = (q.data?.items ?? []).filter((c) => !ids || ids.has(String(c.id)));
  const canRecord = user.role === 'team_lead' || user.role === 'office';
  const agentName = (id: number | null) =>
    id == null ? '—' : (agents.data?.find((a) => a.id === id)?.name ?? `#${id}`);
  const columns: ColumnsType<ServiceComplaint> = [
    { title: '编号', dataIndex: 'id', width: 70 },
    { title: '收到时间', dataIndex: 'receivedAt', width: 140, render: fmtTime },
    { title: '来源', dataIndex: 'source', width: 120, ellipsis: true },
    { title: '类型', dataIndex: 'kind', width: 90, render: (k: string) => COMPLAINT_KIND_LABELS[k] ?? k },
    { title: '内容', dataIndex: 'description', ellipsis: true },
    {
      title: '关联',
      key: 'links',
      width: 160,
      render: (_, c) => (
        <Space size={4} wrap>
          {c.orderId && <Link to={`/orders/${c.orderId}`}>工单 #{c.orderId}</Link>}
          {c.agentId && <span>{agentName(c.agentId)}</span>}
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 100,
      render: (_, c) => {
        const [label, color] = COMPLAINT_STATUS[c.status] ?? [c.status, 'default'];
        return <Tag color={color}>{label}</Tag>;
      },
    },
    {
      title: '认定',
      key: 'decision',
      ellipsis: true,
      render: (_, c) =>
        c.decidedAt ? (
          <Typography.Text title={c.investigation ?? undefined}>
            {fmtTime(c.decidedAt).slice(0, 10)} {c.decisionReason}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
    ...(user.role === 'office'
      ? [
          {
            title: '操作',
            key: 'action',
            width: 80,
            render: (_: unknown, c: ServiceComplaint) =>
              c.status === 'investigating' ? (
                <Button size="small" onClick={() => setDeciding(c)} data-testid={`complaint-decide-${c.id}`}>
                  认定
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quality-complaints">
      <Typography.Title level={4} style={{ margin: 0 }}>
        服务质量投诉
      </Typography.Title>
      <ComplaintRate />
      <Card
        size="small"
        title={
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={[
              { value: 'all', label: '全部' },
              { value: 'investigating', label: '调查中' },
              { value: 'confirmed', label: '已确认' },
              { value: 'dismissed', label: '不成立' },
            ]}
          />
        }
        extra={
          canRecord && (
            <Button
              icon={<PlusOutlined />}
              type="primary"
              onClick={() => setRecording(true)}
              data-testid="complaint-record"
            >
              登记投诉
            </Button>
          )
        }
      >
        <DrillFilterNotice ids={ids} onClear={clearIds} unit="条投诉" />
        <QueryState
          loading={q.isLoading}
          error={q.error}
          onRetry={() => q.refetch()}
          empty={!items.length}
          emptyText="没有服务投诉"
        >
          <Table<ServiceComplaint>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            scroll={{ x: 1100 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </QueryState>
      </Card>
      {recording && <RecordModal onClose={() => setRecording(false)} />}
      {deciding && <DecideModal complaint={deciding} onClose={() => setDeciding(null)} />}
    </Space>
  );
}
