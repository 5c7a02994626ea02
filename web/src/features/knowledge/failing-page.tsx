import { useState } from 'react';
import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { client, unwrap, type paths } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';

type Failing =
  paths['/api/kb/feedback/failing']['get']['responses'][200]['content']['application/json']['items'][number];

const PERIODS = [
  { label: '近 7 天', value: 7 },
  { label: '近 30 天', value: 30 },
  { label: '近 90 天', value: 90 },
];

/**
 * 待改进知识: the articles agents marked 没用 under a search (GET /api/kb/feedback/failing), the most often first,
 * with the queries they failed for, so an editor sees which answers do not answer and in whose words.
 */
export default function FailingArticlesPage() {
  const [days, setDays] = useState(30);
  const failing = useQuery({
    queryKey: ['kb', 'failing', days],
    queryFn: () =>
      unwrap(client.GET('/api/kb/feedback/failing', { params: { query: { days } } })).then((r) => r.items),
  });
  return (
    <Card
      title="待改进知识"
      extra={
        <Segmented
          data-testid="kb-failing-period"
          options={PERIODS}
          value={days}
          onChange={(v) => setDays(Number(v))}
        />
      }
    >
      <Typography.Paragraph type="secondary">
        话务员在知识推荐或检索结果上标记“没用”的知识，按被标记次数排序，并列出最近未答上的检索内容。请据此补充或改写这些知识，必要时在“词典与同义词”中补充群众的说法。
      </Typography.Paragraph>
      <QueryState
        loading={failing.isLoading}
        error={failing.error}
        empty={(failing.data ?? []).length === 0}
        emptyText="该期间没有被标记为没用的知识"
        onRetry={() => void failing.refetch()}
      >
        <Table<Failing>
          data-testid="kb-failing"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={failing.data ?? []}
          columns={[
            {
              title: '知识标题',
              dataIndex: 'title',
              render: (_, a) => <Link to={`/kb/articles/${a.id}`}>{a.title}</Link>,
            },
            {
              title: '没用',
              dataIndex: 'notUseful',
              width: 80,
              render: (n: number) => <Tag color="red">{n}</Tag>,
            },
            {
              title: '有用',
              dataIndex: 'useful',
              width: 80,
              render: (n: number) => <Tag color={n > 0 ? 'green' : undefined}>{n}</Tag>,
            },
            {
              title: '最近未答上的检索',
              dataIndex: 'recentQueries',
              render: (qs: string[]) =>
                qs.length === 0 ? (
                  <Typography.Text type="secondary">（未记录检索内容）</Typography.Text>
                ) : (
                  <Space direction="vertical" size={2}>
                    {qs.map((q, i) => (
                      <Typography.Text key={i} ellipsis={{ tooltip: q }} style={{ maxWidth: 480 }}>
                        {q}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}
