import { Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { today } from '../quality/shared.ts';
import { useContracts, yuan, type ContractSummary } from './shared.ts';
import { periodText } from '../../app/dates.ts';

/** 合同 — the contracts loaded on the platform, each opening its terms. */
export default function ContractsPage() {
  const q = useContracts();
  const items = q.data?.items ?? [];
  const d = today();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="contracts">
      <Typography.Title level={4} style={{ margin: 0 }}>
        合同
      </Typography.Title>
      <Card size="small">
        <QueryState
          loading={q.isLoading}
          error={q.error}
          onRetry={() => q.refetch()}
          empty={!items.length}
          emptyText="还没有载入合同"
        >
          <Table<ContractSummary>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={items}
            columns={[
              {
                title: '合同',
                key: 'name',
                render: (_, c) => (
                  <Link to={`/contracts/${c.id}`} data-testid={`contract-${c.id}`}>
                    {c.name}
                  </Link>
                ),
              },
              { title: '城市', dataIndex: 'city', width: 100 },
              {
                title: '服务期',
                key: 'term',
                width: 260,
                render: (_, c) => (
                  <Space>
                    {periodText(c.term.from, c.term.to)}
                    {c.term.from <= d && d < c.term.to ? (
                      <Tag color="green">履行中</Tag>
                    ) : d >= c.term.to ? (
                      <Tag>已到期</Tag>
                    ) : (
                      <Tag color="blue">未开始</Tag>
                    )}
                  </Space>
                ),
              },
              {
                title: '合同金额',
                key: 'total',
                width: 160,
                align: 'right',
                render: (_, c) => yuan(c.totalFen),
              },
              { title: '版本', key: 'version', width: 70, render: (_, c) => `v${c.version}` },
              {
                title: '',
                key: 'links',
                width: 220,
                render: (_, c) => (
                  <Space>
                    <Link to={`/contracts/board?contract=${c.id}`}>考核看板</Link>
                    <Link to={`/contracts/statements?contract=${c.id}`}>结算单</Link>
                    <Link to={`/contracts/rectifications?contract=${c.id}`}>整改</Link>
                  </Space>
                ),
              },
            ]}
          />
        </QueryState>
      </Card>
    </Space>
  );
}
