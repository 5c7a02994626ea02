import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { client, query, unwrap } from '../../api/client.ts';
import { useUser } from '../../app/auth.tsx';
import { CITY_TZ } from '../../app/format.ts';
import {
  ABANDON_REASON_LABELS,
  CALL_OUTCOME_LABELS,
  CALL_SOURCE_LABELS,
  IVR_RATING_LABELS,
  options,
} from '../../app/labels.ts';
import type { CallRecord } from './types.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ImportPanel } from './import-panel.tsx';
import { ImportsHistory } from './imports-history.tsx';
import { between, duration, fmtSecond, fromPicker, toPicker } from './shared.ts';

const IMPORT_ROLES = new Set(['office', 'team_lead', 'admin']);

/** A time of the call, with the date only when it is not the day the call was offered. */
function sameDayTime(iso: string | null, offered: string) {
  if (!iso) return '—';
  const d = dayjs(iso).tz(CITY_TZ);
  return d.isSame(dayjs(offered).tz(CITY_TZ), 'day') ? d.format('HH:mm:ss') : d.format('MM-DD HH:mm:ss');
}

/** The outcomes the list filters by (an unknown one in the address is ignored). */
const OUTCOMES = ['answered', 'abandoned', 'waiting'] as const;

function outcome(c: CallRecord) {
  if (c.answeredAt) return <Tag color="green">已接通</Tag>;
  if (c.abandonedAt)
    return (
      <Tag color="red">
        放弃{c.abandonReason ? `·${ABANDON_REASON_LABELS[c.abandonReason] ?? c.abandonReason}` : ''}
      </Tag>
    );
  return <Tag color="blue">排队中</Tag>;
}

const columns: ColumnsType<CallRecord> = [
  {
    title: '进入队列',
    key: 'offeredAt',
    fixed: 'left',
    width: 170,
    render: (_, c) => fmtSecond(c.offeredAt),
  },
  {
    title: '来电号码',
    dataIndex: 'callerNumber',
    width: 130,
    render: (n: string | null) => n ?? <Typography.Text type="secondary">未知</Typography.Text>,
  },
  { title: '结果', key: 'outcome', width: 130, render: (_, c) => outcome(c) },
  { title: '接通', key: 'answeredAt', width: 100, render: (_, c) => sameDayTime(c.answeredAt, c.offeredAt) },
  {
    title: '结束',
    key: 'endedAt',
    width: 100,
    render: (_, c) => sameDayTime(c.endedAt ?? c.abandonedAt, c.offeredAt),
  },
  {
    title: '等待',
    key: 'wait',
    width: 90,
    align: 'right',
    render: (_, c) => {
      const w = between(c.offeredAt, c.answeredAt ?? c.abandonedAt);
      return <span style={{ color: w != null && w > 15 ? '#cf1322' : undefined }}>{duration(w)}</span>;
    },
  },
  {
    title: '通话',
    key: 'talk',
    width: 100,
    align: 'right',
    render: (_, c) => duration(between(c.answeredAt, c.endedAt)),
  },
  { title: '坐席', dataIndex: 'agent', width: 90, render: (a: string | null) => a ?? '—' },
  {
    title: '满意度',
    dataIndex: 'ivrRating',
    width: 110,
    render: (r: number | null) =>
      r == null ? (
        '—'
      ) : (
        <Tag
          color={r >= 4 ? 'green' : r === 3 ? 'default' : 'red'}
        >{`${r} 分 ${IVR_RATING_LABELS[r] ?? ''}`}</Tag>
      ),
  },
  {
    title: '工单',
    dataIndex: 'orderNumbers',
    width: 150,
    render: (ns: string[]) =>
      ns.length ? (
        <Space size={4} wrap>
          {ns.map((n) => (
            <Link key={n} to={`/orders?q=${encodeURIComponent(n)}`}>
              {n}
            </Link>
          ))}
        </Space>
      ) : (
        '—'
      ),
  },
  { title: '队列', dataIndex: 'queue', width: 90, render: (q: string | null) => q ?? '—' },
  {
    title: '来源',
    key: 'source',
    width: 120,
    render: (_, c) => (
      <Tooltip title={`呼叫编号 ${c.callId}`}>
        <span>{CALL_SOURCE_LABELS[c.source] ?? c.source}</span>
      </Tooltip>
    ),
  },
];

interface Filters {
  range?: [Dayjs, Dayjs] | null;
  agent?: string;
  outcome?: string;
}

/** 通话记录 — every call offered to the agent queue, filtered; the import of switch logs beside it. */
export default function CallRecordsPage() {
  const user = useUser();
  const canImport = IMPORT_ROLES.has(user.role);
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const agent = params.get('agent') ?? undefined;
  const outcomeFilter = OUTCOMES.find((o) => o === params.get('outcome'));
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const pageSize = Number(params.get('pageSize') ?? 50) || 50;

  const q = useQuery({
    queryKey: ['calls', 'records', { from, to, agent, outcome: outcomeFilter, page, pageSize }],
    queryFn: () =>
      unwrap(
        client.GET('/api/calls', {
          params: { query: query({ from, to, agent, outcome: outcomeFilter, page, pageSize }) },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  const apply = (v: Filters) => {
    const next: Record<string, string> = {};
    if (v.range?.[0] && v.range[1]) Object.assign(next, fromPicker(v.range));
    if (v.agent?.trim()) next.agent = v.agent.trim();
    if (v.outcome) next.outcome = v.outcome;
    setParams(next);
  };
  const setPage = (p: number, size: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(p));
    next.set('pageSize', String(size));
    setParams(next);
  };

  const view = params.get('view') === 'import' && canImport ? 'import' : 'list';
  const list = (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Form<Filters>
          key={params.toString()}
          layout="inline"
          onFinish={apply}
          style={{ rowGap: 8 }}
          initialValues={{ range: from && to ? toPicker({ from, to }) : null, agent, outcome: outcomeFilter }}
          data-testid="call-records-filters"
        >
          <Form.Item name="range" label="进入队列日期">
            <DatePicker.RangePicker placeholder={['开始日期', '结束日期（含）']} />
          </Form.Item>
          <Form.Item name="agent" label="坐席" rules={[{ max: 64, message: '不能超过 64 个字符' }]}>
            <Input allowClear placeholder="工号或分机" style={{ width: 140 }} maxLength={64} />
          </Form.Item>
          <Form.Item name="outcome" label="结果">
            <Select
              allowClear
              placeholder="全部"
              options={options(CALL_OUTCOME_LABELS)}
              style={{ width: 120 }}
            />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="call-records-search">
                查询
              </Button>
              <Button onClick={() => setParams({})}>重置</Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card size="small" data-testid="call-records-list">
        <QueryState
          loading={q.isLoading}
          error={q.error}
          onRetry={() => q.refetch()}
          empty={q.data?.total === 0}
          emptyText="没有符合条件的通话记录"
        >
          <Table<CallRecord>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={q.data?.items ?? []}
            loading={q.isFetching && !q.isLoading}
            scroll={{ x: 1500 }}
            pagination={{
              current: page,
              pageSize,
              total: q.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (n) => `共 ${n} 通`,
              onChange: setPage,
            }}
          />
        </QueryState>
      </Card>
    </Space>
  );

  return (
    <Space orientation="vertical" size="small" style={{ width: '100%' }} data-testid="call-records">
      <Typography.Title level={4} style={{ margin: 0 }}>
        通话记录
      </Typography.Title>
      <Tabs
        activeKey={view}
        onChange={(k) => setParams(k === 'import' ? { view: 'import' } : {})}
        items={[
          { key: 'list', label: '通话记录', children: view === 'list' ? list : null },
          ...(canImport
            ? [
                {
                  key: 'import',
                  label: '导入话单',
                  children:
                    view === 'import' ? (
                      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                        <ImportPanel />
                        <ImportsHistory />
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
