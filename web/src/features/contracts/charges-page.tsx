import { Alert, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { client, unwrap } from '../../api/client.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ContractPicker } from './contract-picker.tsx';
import { bpPct, useContract, useContractParam, yuan, type ApiStatement, type Deduction } from './shared.ts';

/** Each kind of charge as the office says it. */
const KIND_ZH: Record<string, string> = {
  missed_indicator: '指标未达标',
  serious_incident: '严重舆论事件',
  headcount: '人员缺员',
  third_party_cost: '第三方服务费用',
  subcontracting_penalty: '转包违约金',
  carried_in: '上季度结转',
  bond_drawn: '从履约保函扣除',
};

interface Row {
  key: string;
  quarter: number;
  kind: string;
  reasonZh: string;
  clauseZh: string;
  bp: number | null;
  amountFen: number;
  evidence: unknown;
  asOf: string;
  provisional: boolean;
}

/** The evidence behind a charge in a line: periods and figures, the run of days short, the record's id. */
function evidenceText(e: unknown): string {
  if (!e || typeof e !== 'object') return '—';
  const o = e as Record<string, unknown>;
  if (Array.isArray(o.periods))
    return (o.periods as { period: string; numerator: number; denominator: number }[])
      .map((p) => `${p.period}：${p.numerator}/${p.denominator}`)
      .join('；');
  if (o.persons != null)
    return `${String(o.persons)} 人，${String(o.from)} 至 ${String(o.to)}，${String(o.days)} 天`;
  if (o.incidentId != null) return `事件 #${String(o.incidentId)}（${String(o.date)}）`;
  if (o.chargeId != null) return `甲方记录 #${String(o.chargeId)}（${String(o.occurredOn)}）`;
  if (o.fromQuarter != null) return `第 ${String(o.fromQuarter)} 季度结转`;
  return JSON.stringify(o).slice(0, 160);
}

function rowsOf(s: ApiStatement): Row[] {
  const base = { quarter: s.quarter, asOf: s.asOf, provisional: s.provisional };
  const rows: Row[] = s.deductions.map((d: Deduction, i) => ({
    ...base,
    key: `${s.quarter}-${i}`,
    kind: d.kind,
    reasonZh: d.reasonZh,
    clauseZh: d.clauseZh ?? d.clause,
    bp: d.bp,
    amountFen: d.amountFen,
    evidence: d.evidence,
  }));
  if (s.carriedInFen > 0)
    rows.push({
      ...base,
      key: `${s.quarter}-carried`,
      kind: 'carried_in',
      reasonZh: '以前季度扣减超过当季应付金额的部分，结转本季度扣除',
      clauseZh: '第二条第5款（甲方有权从履约保证金中直接扣除）',
      bp: null,
      amountFen: s.carriedInFen,
      evidence: { fromQuarter: s.quarter - 1 },
    });
  if (s.bond.drawnFen > 0)
    rows.push({
      ...base,
      key: `${s.quarter}-bond`,
      kind: 'bond_drawn',
      reasonZh: '末季度扣减后仍未扣足的部分，从履约保函中扣除',
      clauseZh: '第二条第5款',
      bp: null,
      amountFen: s.bond.drawnFen,
      evidence: { unrecoveredFen: s.bond.unrecoveredFen },
    });
  return rows;
}

/** 扣款明细 — every charge and deduction of the contract, each with its clause, evidence and as-of day. */
export default function ChargesPage() {
  const [contractId, setContract] = useContractParam();
  const contract = useContract(contractId);
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? '';
  const quarters = contract.data?.payments.map((p) => p.quarter) ?? [];
  const statements = useQueries({
    queries: quarters.map((quarter) => ({
      queryKey: ['contracts', contractId, 'settlement', quarter, asOf],
      queryFn: () =>
        unwrap(
          client.GET('/api/contracts/{id}/settlements/{quarter}', {
            params: { path: { id: contractId!, quarter }, query: asOf ? { asOf } : {} },
          }),
        ),
      enabled: Boolean(contractId),
    })),
  });
  const recorded = useQuery({
    queryKey: ['contracts', contractId, 'charges'],
    queryFn: () =>
      unwrap(client.GET('/api/contracts/{id}/charges', { params: { path: { id: contractId! } } })),
    enabled: Boolean(contractId),
  });
  const setAsOf = (day: string) => {
    const next = new URLSearchParams(params);
    if (day) next.set('asOf', day);
    else next.delete('asOf');
    setParams(next, { replace: true });
  };
  const loaded = statements.map((q) => q.data?.current).filter((s): s is ApiStatement => Boolean(s));
  const rows = loaded.flatMap(rowsOf);
  const total = rows.filter((r) => r.kind !== 'carried_in').reduce((s, r) => s + r.amountFen, 0);
  const warnings = loaded.flatMap((s) => s.warnings.map((w) => ({ ...w, quarter: s.quarter })));
  const held = loaded.at(-1)?.bond.held ?? [];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="contract-charges">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          扣款明细
        </Typography.Title>
        <Space wrap>
          <ContractPicker value={contractId} onChange={setContract} />
          <Input
            type="date"
            prefix="截至"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
            style={{ width: 190 }}
            allowClear
            data-testid="charges-as-of"
          />
        </Space>
      </Space>
      <QueryState
        loading={contract.isLoading || statements.some((q) => q.isLoading)}
        error={contract.error ?? statements.find((q) => q.error)?.error ?? null}
      >
        <Card
          size="small"
          title={`各季度扣款（截至 ${loaded[0]?.asOf ?? asOf}，以后发生的不计）`}
          extra={<Typography.Text strong>扣减合计 {yuan(total)}</Typography.Text>}
        >
          <Table<Row>
            rowKey="key"
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="charges-table"
            locale={{ emptyText: '截至该日没有扣款' }}
            columns={[
              {
                title: '季度',
                key: 'quarter',
                width: 110,
                render: (_, r) => (
                  <>
                    第 {r.quarter} 季度{r.provisional && <Tag color="blue">暂估</Tag>}
                  </>
                ),
              },
              {
                title: '事项',
                key: 'reason',
                render: (_, r) => (
                  <>
                    <Tag>{KIND_ZH[r.kind] ?? r.kind}</Tag>
                    {r.reasonZh}
                  </>
                ),
              },
              { title: '合同条款', dataIndex: 'clauseZh', width: 220 },
              {
                title: '依据',
                key: 'evidence',
                width: 240,
                render: (_, r) => (
                  <Typography.Text style={{ fontSize: 12 }}>{evidenceText(r.evidence)}</Typography.Text>
                ),
              },
              { title: '截至日', dataIndex: 'asOf', width: 110 },
              { title: '比例', key: 'bp', width: 70, render: (_, r) => (r.bp == null ? '—' : bpPct(r.bp)) },
              {
                title: '金额',
                key: 'amount',
                width: 140,
                align: 'right',
                render: (_, r) => <Typography.Text type="danger">{yuan(r.amountFen)}</Typography.Text>,
              },
            ]}
          />
        </Card>
        {held.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title="履约保函暂不退还（第二条第5款：服务期满且无质量问题后退还）"
            description={held.map((h) => h.messageZh).join('；')}
            data-testid="bond-held"
          />
        )}
        <Card size="small" title="甲方记录的扣款（第三方服务费用、转包违约金）">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={recorded.data?.items ?? []}
            locale={{ emptyText: '没有记录' }}
            columns={[
              { title: '发生日', dataIndex: 'occurredOn', width: 120 },
              {
                title: '类别',
                key: 'kind',
                width: 140,
                render: (_, c) =>
                  KIND_ZH[c.kind === 'subcontracting' ? 'subcontracting_penalty' : c.kind] ?? c.kind,
              },
              { title: '说明', dataIndex: 'note' },
              {
                title: '金额',
                key: 'amount',
                width: 140,
                align: 'right',
                render: (_, c) => yuan(c.amountFen),
              },
            ]}
          />
        </Card>
        <Card size="small" title="履约提示（无证据不扣款，须甲方逐项确认）">
          <Table
            rowKey={(w) => `${w.quarter}-${w.key}`}
            size="small"
            pagination={false}
            dataSource={warnings}
            data-testid="charges-warnings"
            locale={{ emptyText: '没有提示' }}
            columns={[
              { title: '季度', key: 'q', width: 100, render: (_, w) => `第 ${w.quarter} 季度` },
              { title: '提示', dataIndex: 'messageZh' },
              {
                title: '状态',
                key: 'ack',
                width: 100,
                render: (_, w) =>
                  (w as { notice?: boolean }).notice ? (
                    <Tag>提示</Tag>
                  ) : w.acknowledged ? (
                    <Tag color="green">已确认</Tag>
                  ) : (
                    <Tag color="gold">待确认</Tag>
                  ),
              },
            ]}
          />
        </Card>
      </QueryState>
    </Space>
  );
}
