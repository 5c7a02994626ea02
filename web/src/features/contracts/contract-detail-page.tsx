import { Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { QueryState } from '../../components/query-state.tsx';
import { ReadingsTable } from './readings-table.tsx';
import {
  bpPct,
  fmtTarget,
  PERIOD_LABELS,
  useContract,
  yuan,
  type IndicatorDefinition,
  type Payment,
} from './shared.ts';
import { periodText } from '../../app/dates.ts';

/** 合同详情 — parties, term, amount, payment schedule with windows, bond, indicators, readings, deadlines. */
export default function ContractDetailPage() {
  const { id } = useParams();
  const q = useContract(id);
  const c = q.data;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="contract-detail">
      <QueryState loading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {c && (
          <>
            <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {c.name}
              </Typography.Title>
              <Space>
                <Link to={`/contracts/board?contract=${c.id}`}>
                  <Button>考核看板</Button>
                </Link>
                <Link to={`/contracts/statements?contract=${c.id}`}>
                  <Button type="primary">结算单</Button>
                </Link>
              </Space>
            </Space>
            <Card size="small">
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                bordered
                styles={{ label: { whiteSpace: 'nowrap' } }}
              >
                <Descriptions.Item label="甲方">
                  {c.parties.partyA.name}
                  {c.parties.partyA.address && (
                    <div style={{ color: '#888' }}>{c.parties.partyA.address}</div>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="乙方">
                  {c.parties.partyB.name}
                  {c.parties.partyB.taxId && (
                    <div style={{ color: '#888' }}>税号 {c.parties.partyB.taxId}</div>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label="签订日期">{c.signedOn}</Descriptions.Item>
                <Descriptions.Item label="服务期">
                  {periodText(c.term.from, c.term.to)}
                  <div style={{ color: '#888' }}>{c.term.clause}</div>
                </Descriptions.Item>
                <Descriptions.Item label="合同金额">
                  <Typography.Text strong data-testid="contract-total">
                    {yuan(c.totalFen)}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="履约保证金">
                  {yuan(c.bondFen)}，{c.bondReturnBy} 前退还
                </Descriptions.Item>
                <Descriptions.Item label="约定人数">
                  {c.headcount.agreed} 人<div style={{ color: '#888' }}>{c.headcount.clause}</div>
                </Descriptions.Item>
                <Descriptions.Item label="版本">v{c.version}</Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small">
              <Tabs
                items={[
                  {
                    key: 'payments',
                    label: '付款计划',
                    children: (
                      <>
                        <Table<Payment>
                          rowKey="quarter"
                          size="small"
                          pagination={false}
                          dataSource={c.payments}
                          columns={[
                            {
                              title: '期次',
                              key: 'q',
                              render: (_, p) => (
                                <Link to={`/contracts/statements?contract=${c.id}&quarter=${p.quarter}`}>
                                  第 {p.quarter} 季度
                                </Link>
                              ),
                            },
                            {
                              title: '结算期间',
                              key: 'period',
                              render: (_, p) => periodText(p.period.from, p.period.to),
                            },
                            {
                              title: '比例',
                              key: 'share',
                              render: (_, p) => (p.shareBp ? bpPct(p.shareBp) : '—'),
                            },
                            { title: '金额', key: 'base', align: 'right', render: (_, p) => yuan(p.baseFen) },
                            {
                              title: '付款窗口',
                              key: 'window',
                              render: (_, p) => `${p.dueFrom} 至 ${p.dueTo}`,
                            },
                            {
                              title: '发票',
                              key: 'inv',
                              render: (_, p) => (p.invoiceRequired ? '凭有效发票' : '—'),
                            },
                          ]}
                          summary={() => (
                            <Table.Summary.Row>
                              <Table.Summary.Cell index={0} colSpan={3}>
                                合计
                              </Table.Summary.Cell>
                              <Table.Summary.Cell index={3} align="right">
                                {yuan(c.payments.reduce((s, p) => s + p.baseFen, 0))}
                              </Table.Summary.Cell>
                              <Table.Summary.Cell index={4} colSpan={2} />
                            </Table.Summary.Row>
                          )}
                        />
                        <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                          {c.rounding}
                        </Typography.Paragraph>
                      </>
                    ),
                  },
                  {
                    key: 'indicators',
                    label: `考核指标（${c.indicators.length}）`,
                    children: (
                      <Table<IndicatorDefinition>
                        rowKey="id"
                        size="small"
                        pagination={false}
                        dataSource={c.indicators}
                        columns={[
                          { title: '序号', dataIndex: 'no', width: 60 },
                          { title: '指标', dataIndex: 'name' },
                          { title: '目标', key: 't', width: 120, render: (_, i) => fmtTarget(i) },
                          {
                            title: '考核周期',
                            key: 'p',
                            width: 90,
                            render: (_, i) => PERIOD_LABELS[i.period] ?? i.period,
                          },
                          { title: '条款', dataIndex: 'clause' },
                        ]}
                      />
                    ),
                  },
                  {
                    key: 'readings',
                    label: '合同解释',
                    children: <ReadingsTable readings={c.readings} />,
                  },
                  {
                    key: 'deadlines',
                    label: '期限与解除条件',
                    children: (
                      <>
                        <Table
                          rowKey="id"
                          size="small"
                          pagination={false}
                          dataSource={c.deadlines}
                          columns={[
                            { title: '期限', dataIndex: 'name', width: 200 },
                            { title: '规则', dataIndex: 'rule' },
                            { title: '条款', dataIndex: 'clause', width: 160 },
                          ]}
                        />
                        <Typography.Title level={5} style={{ marginTop: 16 }}>
                          甲方可解除合同的情形
                        </Typography.Title>
                        <Space orientation="vertical">
                          {c.terminationTriggers.map((t) => (
                            <span key={t.id}>
                              <Tag color="red">{t.clause}</Tag>
                              {t.name}
                            </span>
                          ))}
                        </Space>
                      </>
                    ),
                  },
                  {
                    key: 'reports',
                    label: '报告要求',
                    children: (
                      <Table
                        rowKey="id"
                        size="small"
                        pagination={false}
                        dataSource={c.reports}
                        columns={[
                          { title: '报告', dataIndex: 'name' },
                          {
                            title: '频次',
                            dataIndex: 'every',
                            width: 90,
                            render: (e: string) => PERIOD_LABELS[e] ?? e,
                          },
                          { title: '条款', dataIndex: 'clause' },
                          {
                            title: '',
                            key: 'l',
                            width: 100,
                            render: () => <Link to={`/contracts/reports?contract=${c.id}`}>报送记录</Link>,
                          },
                        ]}
                      />
                    ),
                  },
                ]}
              />
            </Card>
          </>
        )}
      </QueryState>
    </Space>
  );
}
