import {
  Alert,
  Badge,
  Card,
  Col,
  Descriptions,
  Drawer,
  Row,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { get, qs } from '../../app/api.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ExportButton } from '../../components/export-button.tsx';
import { EXCLUDED_REASON_LABELS } from '../quality/shared.ts';
import { ContractPicker } from './contract-picker.tsx';
import { IndicatorRecords } from './indicator-records.tsx';
import {
  currentQuarter,
  fmtIndicator,
  fmtTarget,
  PERIOD_LABELS,
  useContract,
  useContractParam,
  type AssessedIndicator,
  type Assessment,
  type ContractOverview,
} from './shared.ts';
import { periodText } from '../../app/dates.ts';

type Light = 'green' | 'amber' | 'red';

/** Green met, amber at risk (not met while the period still runs), red missed (the period is over). */
export function lightOf(i: Pick<AssessedIndicator, 'met' | 'provisional'>): Light {
  if (i.met) return 'green';
  return i.provisional ? 'amber' : 'red';
}

const LIGHT: Record<Light, { color: string; bg: string; label: string }> = {
  green: { color: '#52c41a', bg: '#f6ffed', label: '达标' },
  amber: { color: '#faad14', bg: '#fffbe6', label: '有风险' },
  red: { color: '#ff4d4f', bg: '#fff1f0', label: '未达标' },
};

function periodOptions(c: ContractOverview) {
  const months: string[] = [];
  for (
    let d = new Date(`${c.term.from}T00:00:00Z`);
    d.toISOString().slice(0, 10) < c.term.to;
    d.setUTCMonth(d.getUTCMonth() + 1)
  )
    months.push(d.toISOString().slice(0, 7));
  return [
    {
      label: '合同季度',
      options: c.payments.map((p) => ({
        value: `C${p.quarter}`,
        label: `第 ${p.quarter} 季度（${periodText(p.period.from, p.period.to)}）`,
      })),
    },
    {
      label: '合同年度',
      options: [{ value: 'term', label: `合同期（${periodText(c.term.from, c.term.to)}）` }],
    },
    { label: '月度', options: months.map((m) => ({ value: m, label: m })) },
  ];
}

/** Nothing to measure is not a miss (no deduction), but it is not an achievement either: shown grey. */
const NO_DATA = { color: '#bfbfbf', bg: '#fafafa', label: '无数据' };

function IndicatorCard({ i, onOpen }: { i: AssessedIndicator; onOpen: () => void }) {
  const light = i.value == null && i.met ? NO_DATA : LIGHT[lightOf(i)];
  return (
    <Card
      size="small"
      hoverable
      onClick={onOpen}
      style={{ borderLeft: `6px solid ${light.color}`, background: light.bg, height: '100%' }}
      data-testid={`board-indicator-${i.id}`}
      data-light={lightOf(i)}
    >
      <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
        <Typography.Text strong>
          {i.no}. {i.name}
        </Typography.Text>
        <Badge color={light.color} text={light.label} style={{ whiteSpace: 'nowrap' }} />
      </Space>
      <Statistic value={fmtIndicator(i)} styles={{ content: { color: light.color, fontSize: 26 } }} />
      <Typography.Text type="secondary">
        目标 {fmtTarget(i)} · {i.numerator} / {i.denominator}
      </Typography.Text>
      <div>
        {i.provisional && <Tag color="blue">期间未结束</Tag>}
        {i.value == null && <Tag>本期无考核对象</Tag>}
        {i.excluded.some((e) => e.count) && <Tag>不计入 {i.excluded.reduce((s, e) => s + e.count, 0)}</Tag>}
      </div>
    </Card>
  );
}

function IndicatorDrawer({
  i,
  onClose,
  exportPath,
}: {
  i: AssessedIndicator | undefined;
  onClose: () => void;
  /** The drill-down as XLSX: the figure and the records behind it. */
  exportPath?: string;
}) {
  return (
    <Drawer
      open={Boolean(i)}
      onClose={onClose}
      size={760}
      title={i ? `${i.no}. ${i.name}` : ''}
      extra={i && exportPath && <ExportButton path={exportPath} fileName={`${i.id}.xlsx`} label="导出明细" />}
    >
      {i && (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="结果">
              <Badge color={LIGHT[lightOf(i)].color} text={LIGHT[lightOf(i)].label} />
            </Descriptions.Item>
            <Descriptions.Item label="指标值">
              {fmtIndicator(i)}（目标 {fmtTarget(i)}）
            </Descriptions.Item>
            <Descriptions.Item label="分子 / 分母">
              {i.numerator} / {i.denominator}
            </Descriptions.Item>
            <Descriptions.Item label="统计区间">{periodText(i.measuredFrom, i.measuredTo)}</Descriptions.Item>
            <Descriptions.Item label="合同条款" span={2}>
              {i.clause}
            </Descriptions.Item>
            {i.excluded.some((e) => e.count) && (
              <Descriptions.Item label="不计入" span={2}>
                {i.excluded
                  .filter((e) => e.count)
                  .map((e) => `${EXCLUDED_REASON_LABELS[e.reason] ?? e.reason} ${e.count} 条`)
                  .join('；')}
              </Descriptions.Item>
            )}
          </Descriptions>
          <IndicatorRecords key={i.evidence.drillDown} i={i} />
        </>
      )}
    </Drawer>
  );
}

/** 考核看板 — the contract's twelve indicators for a period as traffic lights, each opening its evidence. */
export default function ContractBoardPage() {
  const [contractId, setContract] = useContractParam();
  const contract = useContract(contractId);
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? (contract.data ? `C${currentQuarter(contract.data)}` : undefined);
  const open = params.get('indicator');
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k === 'period') next.delete('indicator');
    setParams(next, { replace: true });
  };
  const q = useQuery({
    queryKey: ['contracts', contractId, 'assessment', period],
    queryFn: () => get<Assessment>(`/api/contracts/${contractId}/assessment${qs({ period })}`),
    enabled: Boolean(contractId && period),
  });
  const indicators = q.data?.indicators ?? [];
  const counts = { green: 0, amber: 0, red: 0 };
  for (const i of indicators) counts[lightOf(i)]++;
  const noData = indicators.filter((i) => i.value == null && i.met).length;
  const quarter = period?.startsWith('C') ? Number(period.slice(1)) : null;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="contract-board">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          考核看板
        </Typography.Title>
        <Space wrap>
          <ContractPicker value={contractId} onChange={setContract} />
          {contract.data && (
            <Select
              style={{ minWidth: 300 }}
              value={period}
              onChange={(v) => set('period', v)}
              options={periodOptions(contract.data)}
              data-testid="board-period"
            />
          )}
        </Space>
      </Space>
      <QueryState
        loading={q.isLoading || contract.isLoading}
        error={q.error ?? contract.error}
        onRetry={() => q.refetch()}
      >
        {q.data && (
          <>
            <Card size="small">
              <Space size="large" wrap>
                <Typography.Text strong>
                  {q.data.contract.name} · {periodText(q.data.period.from, q.data.period.to)}（
                  {PERIOD_LABELS[q.data.period.kind] ?? q.data.period.kind}）
                </Typography.Text>
                <Badge color={LIGHT.green.color} text={`达标 ${counts.green - noData}`} />
                {noData > 0 && <Badge color={NO_DATA.color} text={`无考核对象 ${noData}`} />}
                <Badge color={LIGHT.amber.color} text={`有风险 ${counts.amber}`} />
                <Badge color={LIGHT.red.color} text={`未达标 ${counts.red}`} />
                {quarter && (
                  <Link
                    to={`/contracts/statements?contract=${contractId}&quarter=${quarter}`}
                    data-testid="board-statement-link"
                  >
                    查看第 {quarter} 季度结算单
                  </Link>
                )}
              </Space>
            </Card>
            <Row gutter={[12, 12]} data-testid="board-grid">
              {indicators.map((i) => (
                <Col key={i.id} xs={24} sm={12} lg={8} xl={6}>
                  <IndicatorCard i={i} onOpen={() => set('indicator', i.id)} />
                </Col>
              ))}
            </Row>
            <Alert
              type="info"
              showIcon
              title="月度指标在季度、年度看板上按整个期间合计；结算单按合同约定逐月考核。点击指标查看计入的记录。"
            />
          </>
        )}
      </QueryState>
      <IndicatorDrawer
        i={indicators.find((i) => i.id === open)}
        onClose={() => set('indicator', null)}
        exportPath={
          open && contractId && period
            ? `/api/contracts/${contractId}/assessment/${open}/export.xlsx${qs({ period })}`
            : undefined
        }
      />
    </Space>
  );
}
