/** 我的班次 — the signed-in user's own shifts on published rotas (agents see theirs only). */
import { useState } from 'react';
import dayjs from 'dayjs';
import { DatePicker, Space, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { client, unwrap } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';
import { localParts, mondayOf, plusDays, WEEKDAY } from './planning-shared.ts';

export default function MyShiftsPage() {
  const [from, setFrom] = useState(() => mondayOf(localParts(new Date()).date));
  const to = plusDays(from, 28);
  const q = useQuery({
    queryKey: ['workforce', 'my-shifts', from],
    queryFn: () => unwrap(client.GET('/api/workforce/my-shifts', { params: { query: { from, to } } })),
  });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        我的班次
      </Typography.Title>
      <Space>
        <DatePicker
          picker="week"
          aria-label="起始周"
          allowClear={false}
          value={dayjs(from)}
          onChange={(d) => d && setFrom(mondayOf(d.format('YYYY-MM-DD')))}
        />
        <Typography.Text type="secondary">已发布排班表中本人自 {from} 起 4 周的班次</Typography.Text>
      </Space>
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        <Table
          size="small"
          data-testid="my-shifts"
          rowKey={(s) => `${s.rotaId}-${s.start}`}
          pagination={false}
          dataSource={q.data?.items ?? []}
          locale={{ emptyText: '没有已发布的班次' }}
          columns={[
            {
              title: '日期',
              key: 'date',
              render: (_, s) => {
                const d = localParts(s.start).date;
                return `${d} ${WEEKDAY[new Date(`${d}T00:00:00Z`).getUTCDay()]}`;
              },
            },
            {
              title: '时间',
              key: 'time',
              render: (_, s) => `${localParts(s.start).time}–${localParts(s.end).time}`,
            },
            { title: '班次', dataIndex: 'template', render: (t: string | null) => t ?? '—' },
            { title: '排班表', dataIndex: 'rotaId', render: (id: number) => `#${id}` },
          ]}
        />
      </QueryState>
    </Space>
  );
}
