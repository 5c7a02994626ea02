import { useState } from 'react';
import { Card, Drawer, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useQuery } from '@tanstack/react-query';
import { SCORECARD_FIGURE_LABELS } from '@shared/labels.ts';
import { client, unwrap } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';
import { PeriodBar } from './period-bar.tsx';
import { pct, type Scorecard, usePeriod } from './scorecard-api.ts';
import { ScorecardDetailView } from './scorecard-detail.tsx';

type Key = keyof Scorecard & keyof typeof SCORECARD_FIGURE_LABELS;
const COUNTS: Key[] = [
  'received',
  'signedOnTime',
  'handledOnTime',
  'overdue',
  'returned',
  'returnedNotOperatorFault',
  'coOverdue',
  'disputesRaised',
];
const RATES: Key[] = [
  'signedOnTimeRate',
  'handledOnTimeRate',
  'satisfactionRate',
  'replyGoodRate',
  'coOnTimeRate',
];

/** Sorts numbers with nulls (no figure) last in either direction. */
const byNumber = (k: Key) => (a: Scorecard, b: Scorecard) =>
  ((a[k] as number | null) ?? -1) - ((b[k] as number | null) ?? -1);

/**
 * 部门考评 — every department's scorecard for a period, sortable by any column; a department's row opens its
 * figures with the orders behind each count. The circular (通报) ranks the same figures.
 */
export default function ScorecardsPage() {
  const period = usePeriod();
  const { params } = period;
  const [open, setOpen] = useState<Scorecard | null>(null);
  const q = useQuery({
    queryKey: ['scorecards', params.from, params.to],
    queryFn: () => unwrap(client.GET('/api/departments/scorecards', { params: { query: params } })),
  });
  const columns: ColumnsType<Scorecard> = [
    {
      title: '承办单位',
      dataIndex: 'name',
      fixed: 'left',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (n: string, r) => (
        <Typography.Link data-testid="scorecard-department" onClick={() => setOpen(r)}>
          {n}
        </Typography.Link>
      ),
    },
    ...COUNTS.map((k) => ({ title: SCORECARD_FIGURE_LABELS[k], dataIndex: k, sorter: byNumber(k) })),
    ...RATES.map((k) => ({
      title: SCORECARD_FIGURE_LABELS[k],
      dataIndex: k,
      sorter: byNumber(k),
      render: (v: number | null) => pct(v),
    })),
    {
      title: '答复平均分',
      dataIndex: 'replyMeanScore',
      sorter: byNumber('replyMeanScore'),
      render: (v) => v ?? '—',
    },
  ];
  return (
    <Card title="部门考评">
      <PeriodBar period={period} />
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => void q.refetch()}>
        <Table
          rowKey="departmentId"
          size="small"
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={q.data?.departments ?? []}
          pagination={false}
          data-testid="scorecards"
        />
      </QueryState>
      <Drawer
        width={860}
        open={open != null}
        onClose={() => setOpen(null)}
        title={open?.name}
        destroyOnHidden
      >
        {open && <ScorecardDetailView departmentId={open.departmentId} params={params} />}
      </Drawer>
    </Card>
  );
}
