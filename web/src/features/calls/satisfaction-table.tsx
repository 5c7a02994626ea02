import { Card, Progress, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { client, query, unwrap } from '../../api/client.ts';
import type { CallSatisfaction } from './types.ts';
import { IVR_RATING_LABELS } from '../../app/labels.ts';
import { QueryState } from '../../components/query-state.tsx';
import { periodText, type Period } from './shared.ts';

interface AgentRow {
  key: string;
  agent: string;
  counts: Record<number, number>;
  total: number;
  good: number;
}

const RATINGS = [1, 2, 3, 4, 5];
const NO_AGENT = '（未记录坐席）';

/** One row per agent with the counts of each rating; all agents together last. */
export function byAgent(items: CallSatisfaction['items']): AgentRow[] {
  const rows = new Map<string, AgentRow>();
  const add = (key: string, rating: number, count: number) => {
    let r = rows.get(key);
    if (!r) {
      r = { key, agent: key, counts: {}, total: 0, good: 0 };
      rows.set(key, r);
    }
    r.counts[rating] = (r.counts[rating] ?? 0) + count;
    r.total += count;
    if (rating >= 4) r.good += count;
  };
  for (const i of items) add(i.agent ?? NO_AGENT, i.rating, i.count);
  const list = [...rows.values()].sort((a, b) => a.agent.localeCompare(b.agent, 'zh-CN', { numeric: true }));
  if (list.length > 1) {
    const all: AgentRow = { key: '__all', agent: '合计', counts: {}, total: 0, good: 0 };
    for (const r of list) {
      for (const n of RATINGS) all.counts[n] = (all.counts[n] ?? 0) + (r.counts[n] ?? 0);
      all.total += r.total;
      all.good += r.good;
    }
    list.push(all);
  }
  return list;
}

const columns: ColumnsType<AgentRow> = [
  {
    title: '坐席',
    dataIndex: 'agent',
    render: (a: string, r) => (r.key === '__all' ? <b>{a}</b> : a),
  },
  ...RATINGS.map((n) => ({
    title: `${n} 分 · ${IVR_RATING_LABELS[n]}`,
    key: `r${n}`,
    align: 'right' as const,
    render: (_: unknown, r: AgentRow) => r.counts[n] ?? 0,
  })),
  { title: '评价数', dataIndex: 'total', align: 'right' },
  {
    title: '满意（4–5 分）占比',
    key: 'good',
    width: 200,
    render: (_: unknown, r) => {
      const share = r.total ? (r.good / r.total) * 100 : 0;
      return (
        <Progress
          percent={Math.round(share * 10) / 10}
          size="small"
          status={share >= 90 ? 'success' : share >= 80 ? 'normal' : 'exception'}
          format={() => `${share.toFixed(1)}%`}
        />
      );
    },
  },
];

/** 按键满意度 — the post-call IVR ratings per agent (`GET /api/calls/satisfaction`). */
export function SatisfactionTable({ period }: { period: Period }) {
  const q = useQuery({
    queryKey: ['calls', 'satisfaction', period],
    queryFn: () => unwrap(client.GET('/api/calls/satisfaction', { params: { query: query({ ...period }) } })),
  });
  const rows = q.data ? byAgent(q.data.items) : [];
  return (
    <Card
      size="small"
      title="通话后按键满意度（按坐席）"
      extra={<Typography.Text type="secondary">{periodText(period)}</Typography.Text>}
      data-testid="metrics-satisfaction"
    >
      <QueryState
        loading={q.isLoading}
        error={q.error}
        onRetry={() => q.refetch()}
        empty={!rows.length}
        emptyText="该期间没有按键评价"
      >
        <Table<AgentRow>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
        />
      </QueryState>
    </Card>
  );
}
