import { useState } from 'react';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Radio,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import type { ApiBody } from '../../api/responses.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { FormModal } from './form-modal.tsx';
import { INCIDENT_STATUS, SEVERITY_LABELS, today, useDrillIds, type OpinionIncident } from './shared.ts';
import { DrillFilterNotice } from './drill-filter-notice.tsx';

interface RecordValues {
  occurredOn: Dayjs;
  source: string;
  link?: string;
  cause: string;
  severity: ApiBody<'/api/quality/incidents'>['severity'];
}

function RecordModal({ onClose }: { onClose: () => void }) {
  return (
    <FormModal<RecordValues>
      title="登记舆论事件"
      labels={{
        occurredOn: '发生日期',
        source: '曝光媒体',
        link: '链接',
        cause: '起因',
        severity: '严重程度',
      }}
      testId="incident-form"
      invalidate={[['quality']]}
      successText="已登记，待热线办认定"
      initialValues={{ occurredOn: dayjs(), severity: 'major' }}
      submit={(v) =>
        unwrap(
          client.POST('/api/quality/incidents', {
            body: {
              occurredOn: v.occurredOn.format('YYYY-MM-DD'),
              source: v.source.trim(),
              link: v.link?.trim() || null,
              cause: v.cause.trim(),
              severity: v.severity,
            },
          }),
        )
      }
      onClose={onClose}
    >
      <Form.Item name="occurredOn" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        name="source"
        label="曝光媒体"
        rules={[{ required: true, whitespace: true, message: '请填写曝光媒体' }]}
      >
        <Input maxLength={200} placeholder="如：某某日报、微博、抖音" />
      </Form.Item>
      <Form.Item name="link" label="链接" rules={[{ type: 'url', message: '请填写有效的网址' }]}>
        <Input maxLength={1000} placeholder="https://…" />
      </Form.Item>
      <Form.Item
        name="cause"
        label="起因"
        rules={[{ required: true, whitespace: true, message: '请填写事件起因' }]}
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="severity" label="严重程度" rules={[{ required: true, message: '请选择严重程度' }]}>
        <Radio.Group options={Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
    </FormModal>
  );
}

interface DecideValues {
  serious: boolean;
  causedByService: boolean;
  note?: string;
}

function DecideModal({ incident, onClose }: { incident: OpinionIncident; onClose: () => void }) {
  return (
    <FormModal<DecideValues>
      title="舆论事件认定"
      labels={{ serious: '是否严重', causedByService: '是否因服务态度或业务差错引起', note: '认定说明' }}
      testId="incident-decide-form"
      invalidate={[['quality']]}
      successText={(r) =>
        (r as OpinionIncident).status === 'confirmed'
          ? '已认定为严重舆论事件，计入考核'
          : '已认定，不计入考核'
      }
      initialValues={{ serious: false, causedByService: false }}
      submit={(v) =>
        unwrap(
          client.POST('/api/quality/incidents/{id}/decide', {
            params: { path: { id: incident.id } },
            body: {
              serious: v.serious,
              causedByService: v.causedByService,
              note: v.note?.trim() || undefined,
            },
          }),
        )
      }
      onClose={onClose}
    >
      <Alert type="info" style={{ marginBottom: 12 }} title={`${incident.source}：${incident.cause}`} />
      <Form.Item name="serious" label="属于严重舆论事件" valuePropName="checked">
        <Switch data-testid="incident-serious" />
      </Form.Item>
      <Form.Item name="causedByService" label="由话务员服务态度或业务差错引起" valuePropName="checked">
        <Switch data-testid="incident-caused" />
      </Form.Item>
      <Form.Item name="note" label="认定说明">
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Typography.Text type="secondary">
        两项均为“是”的事件计入严重舆论事件考核，每起扣减合同总金额，第二起起甲方有权解除合同。
      </Typography.Text>
    </FormModal>
  );
}

/** The assessment year an incident falls in, by the `quality.assessmentYearStart` setting (MM-DD). */
function yearOf(day: string, start: string): { from: string; to: string } {
  const y = Number(day.slice(0, 4));
  const from = day.slice(5) >= start ? `${y}-${start}` : `${y - 1}-${start}`;
  return { from, to: dayjs(from).add(1, 'year').format('YYYY-MM-DD') };
}

function useYearStart(): string {
  const q = useQuery({
    queryKey: ['settings'],
    queryFn: () => unwrap(client.GET('/api/settings')),
    staleTime: 300_000,
  });
  const v = q.data?.items.find((s) => s.key === 'quality.assessmentYearStart')?.value;
  return typeof v === 'string' ? v : '11-01';
}

/** 舆论事件 — media exposure; the office rules which are serious and caused by the service, counted per year. */
export default function OpinionIncidentsPage() {
  const user = useUser();
  const [recording, setRecording] = useState(false);
  const [deciding, setDeciding] = useState<OpinionIncident | null>(null);
  const [ids, clearIds] = useDrillIds();
  const yearStart = useYearStart();
  const q = useQuery({
    queryKey: ['quality', 'incidents'],
    queryFn: () => unwrap(client.GET('/api/quality/incidents')),
  });
  const all = q.data?.items ?? [];
  const items = all.filter((i) => !ids || ids.has(String(i.id)));
  const current = yearOf(today(), yearStart);
  const byYear = new Map<string, OpinionIncident[]>();
  for (const i of all.filter((x) => x.status === 'confirmed')) {
    const y = yearOf(i.occurredOn, yearStart).from;
    byYear.set(y, [...(byYear.get(y) ?? []), i]);
  }
  const thisYear = byYear.get(current.from) ?? [];
  const canRecord = user.role === 'team_lead' || user.role === 'office';
  const columns: ColumnsType<OpinionIncident> = [
    { title: '编号', dataIndex: 'id', width: 70 },
    { title: '发生日期', dataIndex: 'occurredOn', width: 110 },
    {
      title: '曝光媒体',
      key: 'source',
      width: 160,
      render: (_, i) =>
        i.link ? (
          <a href={i.link} target="_blank" rel="noreferrer">
            {i.source}
          </a>
        ) : (
          i.source
        ),
    },
    { title: '起因', dataIndex: 'cause', ellipsis: true },
    { title: '程度', dataIndex: 'severity', width: 70, render: (s: string) => SEVERITY_LABELS[s] ?? s },
    {
      title: '认定',
      key: 'status',
      width: 150,
      render: (_, i) => {
        const [label, color] = INCIDENT_STATUS[i.status] ?? [i.status, 'default'];
        return <Tag color={color}>{label}</Tag>;
      },
    },
    {
      title: '认定说明',
      key: 'note',
      ellipsis: true,
      render: (_, i) => (i.decidedAt ? `${fmtTime(i.decidedAt).slice(0, 10)} ${i.decisionNote ?? ''}` : '—'),
    },
    ...(user.role === 'office'
      ? [
          {
            title: '操作',
            key: 'action',
            width: 80,
            render: (_: unknown, i: OpinionIncident) =>
              i.status === 'reported' ? (
                <Button size="small" onClick={() => setDeciding(i)} data-testid={`incident-decide-${i.id}`}>
                  认定
                </Button>
              ) : null,
          },
        ]
      : []),
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="quality-incidents">
      <Typography.Title level={4} style={{ margin: 0 }}>
        舆论事件
      </Typography.Title>
      {thisYear.length >= 2 ? (
        <Alert
          type="error"
          showIcon
          data-testid="incident-alert"
          title={`本考核年度（${current.from} 起）已发生 ${thisYear.length} 起严重舆论事件：甲方有权解除合同`}
          description="依据合同第八条第3款第(3)项，严重舆论事件 2 次（含）以上甲方可解除合同；第二起扣减合同总金额 5%（第十一条）。"
        />
      ) : thisYear.length === 1 ? (
        <Alert
          type="warning"
          showIcon
          data-testid="incident-alert"
          title={`本考核年度（${current.from} 起）已发生 1 起严重舆论事件，扣减合同总金额 1%；再发生 1 起甲方有权解除合同`}
        />
      ) : null}
      <Card size="small" title="按考核年度统计（经认定的严重舆论事件）">
        {byYear.size === 0 ? (
          <Typography.Text type="secondary">没有经认定的严重舆论事件</Typography.Text>
        ) : (
          <Space wrap>
            {[...byYear.entries()]
              .sort(([a], [b]) => b.localeCompare(a))
              .map(([from, list]) => (
                <Tag
                  key={from}
                  color={list.length >= 2 ? 'red' : 'orange'}
                  style={{ fontSize: 14, padding: '4px 8px' }}
                >
                  {from} 至 {dayjs(from).add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD')}：
                  {list.length} 起
                </Tag>
              ))}
          </Space>
        )}
      </Card>
      <Card
        size="small"
        title={`事件记录（${items.length}）`}
        extra={
          canRecord && (
            <Button
              icon={<PlusOutlined />}
              type="primary"
              onClick={() => setRecording(true)}
              data-testid="incident-record"
            >
              登记事件
            </Button>
          )
        }
      >
        <DrillFilterNotice ids={ids} onClear={clearIds} unit="起事件" />
        <QueryState
          loading={q.isLoading}
          error={q.error}
          onRetry={() => q.refetch()}
          empty={!items.length}
          emptyText="没有舆论事件记录"
        >
          <Table<OpinionIncident>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            scroll={{ x: 1000 }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </QueryState>
      </Card>
      {recording && <RecordModal onClose={() => setRecording(false)} />}
      {deciding && <DecideModal incident={deciding} onClose={() => setDeciding(null)} />}
    </Space>
  );
}
