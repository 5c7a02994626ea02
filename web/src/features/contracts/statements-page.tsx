import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { CheckOutlined, DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { get } from '../../app/api.ts';
import { useUser } from '../../app/auth.tsx';
import { fmtTime } from '../../app/format.ts';
import { QueryState } from '../../components/query-state.tsx';
import { ContractPicker } from './contract-picker.tsx';
import { ReadingsTable } from './readings-table.tsx';
import { ConfirmModal, PaymentModal } from './statement-forms.tsx';
import {
  bpPct,
  currentQuarter,
  download,
  fmtIndicator,
  fmtTarget,
  periodLabel,
  READING_LABELS,
  STATEMENT_STATUS,
  useContract,
  useContractParam,
  yuan,
  type Deduction,
  type IndicatorResult,
  type StatementWithHistory,
} from './shared.ts';

const DEDUCTION_KIND: Record<string, string> = {
  missed_indicator: '指标未达标',
  serious_incident: '严重舆论事件',
  headcount: '人员缺编',
};

function readingText(reading: string): string {
  const [key, ...rest] = reading.split('=');
  let value = rest.join('=');
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object')
      value = Object.entries(parsed)
        .map(([k, v]) => `${k}: ${String(v)}`)
        .join('，');
  } catch {
    /* a plain value such as per_quarter */
  }
  return `${READING_LABELS[key!] ?? key}：${value}`;
}

/** 结算单 — a quarter's base, each deduction with its clause and the reading used, the payable amount. */
export default function StatementsPage() {
  const user = useUser();
  const { message } = App.useApp();
  const [contractId, setContract] = useContractParam();
  const contract = useContract(contractId);
  const [params, setParams] = useSearchParams();
  const quarter =
    Number(params.get('quarter') ?? (contract.data ? currentQuarter(contract.data) : 0)) || undefined;
  const [confirming, setConfirming] = useState(false);
  const [paying, setPaying] = useState(false);
  const [exporting, setExporting] = useState(false);
  const q = useQuery({
    queryKey: ['contracts', contractId, 'settlement', quarter],
    queryFn: () => get<StatementWithHistory>(`/api/contracts/${contractId}/settlements/${quarter}`),
    enabled: Boolean(contractId && quarter),
  });
  const s = q.data?.current;
  const setQuarter = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('quarter', String(n));
    setParams(next, { replace: true });
  };
  const exportXlsx = async () => {
    setExporting(true);
    try {
      await download(
        `/api/contracts/${contractId}/settlements/${quarter}/export.xlsx`,
        `${contractId}-第${quarter}季度结算单.xlsx`,
      );
    } catch {
      message.error('导出失败，请稍后重试');
    } finally {
      setExporting(false);
    }
  };
  const missed = (s?.assessments ?? []).filter((a) => !a.met);
  const [statusLabel, statusColor] = s ? (STATEMENT_STATUS[s.status] ?? [s.status, 'default']) : ['', ''];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="contract-statement">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          季度结算单
        </Typography.Title>
        <Space wrap>
          <ContractPicker value={contractId} onChange={setContract} />
          {contract.data && (
            <Segmented
              value={quarter}
              onChange={(v) => setQuarter(Number(v))}
              options={contract.data.payments.map((p) => ({
                value: p.quarter,
                label: `第 ${p.quarter} 季度`,
              }))}
              data-testid="statement-quarter"
            />
          )}
        </Space>
      </Space>
      <QueryState
        loading={q.isLoading || contract.isLoading}
        error={q.error ?? contract.error}
        onRetry={() => q.refetch()}
      >
        {s && (
          <>
            {q.data?.confirmed && (
              <Alert
                type="success"
                showIcon
                data-testid="statement-confirmed"
                title={`已于 ${fmtTime(q.data.confirmed.at)} 确认并冻结${q.data.confirmed.note ? `：${q.data.confirmed.note}` : ''}`}
                description={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    输入哈希 {q.data.confirmed.inputsHash.slice(0, 16)}… · 输出哈希{' '}
                    {q.data.confirmed.outputsHash.slice(0, 16)}…
                  </Typography.Text>
                }
              />
            )}
            {q.data?.difference && (
              <Alert
                type="warning"
                showIcon
                data-testid="statement-difference"
                title={`确认后数据发生变化：按现有数据应付 ${yuan(q.data.difference.payableFen.now)}，与已确认的 ${yuan(q.data.difference.payableFen.confirmed)} 相差 ${yuan(q.data.difference.payableFen.delta)}`}
                description={q.data.difference.figures
                  .map(
                    (f) =>
                      `${f.id}（${f.period}）：${f.confirmed ? `${f.confirmed.numerator}/${f.confirmed.denominator}` : '—'} → ${f.now.numerator}/${f.now.denominator}`,
                  )
                  .join('；')}
              />
            )}
            {s.provisional && (
              <Alert
                type="info"
                showIcon
                title="本季度尚未结束，以下为按现有数据计算的预计结算，季度结束后方可确认。"
              />
            )}
            <Card
              size="small"
              title={`${contract.data?.name ?? s.contractId} · 第 ${s.quarter} 季度（${s.period.from} 至 ${s.period.to}，不含末日）`}
              extra={
                <Space>
                  <Tag color={statusColor}>{statusLabel}</Tag>
                  <Button
                    icon={<DownloadOutlined />}
                    loading={exporting}
                    onClick={exportXlsx}
                    data-testid="statement-export"
                  >
                    导出 XLSX
                  </Button>
                  {user.role === 'office' && (
                    <>
                      <Button onClick={() => setPaying(true)}>发票与付款</Button>
                      <Button
                        type="primary"
                        icon={<CheckOutlined />}
                        disabled={s.provisional}
                        onClick={() => setConfirming(true)}
                        data-testid="statement-confirm"
                      >
                        {q.data?.confirmed ? '重新确认' : '确认结算单'}
                      </Button>
                    </>
                  )}
                </Space>
              }
            >
              <Row gutter={16} style={{ marginBottom: 16 }}>
                <Col xs={24} md={8}>
                  <Statistic title="本期基数" value={yuan(s.baseFen)} data-testid="statement-base" />
                </Col>
                <Col xs={24} md={8}>
                  <Statistic
                    title={`扣减（${s.deductions.length} 项）`}
                    value={yuan(s.deductedFen)}
                    styles={{ content: { color: s.deductedFen ? '#cf1322' : undefined } }}
                    data-testid="statement-deducted"
                  />
                </Col>
                <Col xs={24} md={8}>
                  <Statistic
                    title="应付金额"
                    value={yuan(s.payableFen)}
                    styles={{ content: { color: '#1f5fbf', fontWeight: 600 } }}
                    data-testid="statement-payable"
                  />
                </Col>
              </Row>
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2, xl: 3 }}
                bordered
                styles={{ label: { whiteSpace: 'nowrap' } }}
              >
                <Descriptions.Item label="付款窗口">
                  {s.dueFrom} 至 {s.dueTo}
                </Descriptions.Item>
                <Descriptions.Item label="发票">
                  {s.invoice.receivedOn
                    ? `${s.invoice.receivedOn} 收到 ${s.invoice.ref ?? ''}`
                    : s.invoice.required
                      ? '需凭有效发票付款，尚未收到'
                      : '不需要'}
                </Descriptions.Item>
                <Descriptions.Item label="付款">
                  {s.payment.paidOn ? `${s.payment.paidOn} 付 ${yuan(s.payment.paidFen)}` : '未付款'}
                </Descriptions.Item>
                <Descriptions.Item label="履约保证金">
                  {yuan(s.bond.amountFen)}，{s.bond.returnBy} 前退还
                </Descriptions.Item>
                <Descriptions.Item label="合同版本">v{s.contractVersion}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                尾差规则：{s.rounding}
              </Typography.Paragraph>
            </Card>
            <Card size="small" title="扣减明细">
              <Table<Deduction>
                rowKey={(d, i) => `${d.kind}-${d.indicatorId ?? ''}-${i}`}
                size="small"
                pagination={false}
                dataSource={s.deductions}
                data-testid="statement-deductions"
                locale={{ emptyText: '本季度没有扣减' }}
                summary={() =>
                  s.deductions.length ? (
                    <Table.Summary.Row>
                      <Table.Summary.Cell index={0} colSpan={4}>
                        <Typography.Text strong>合计</Typography.Text>
                      </Table.Summary.Cell>
                      <Table.Summary.Cell index={4} align="right">
                        <Typography.Text strong type="danger">
                          {yuan(s.deductedFen)}
                        </Typography.Text>
                      </Table.Summary.Cell>
                    </Table.Summary.Row>
                  ) : undefined
                }
                columns={[
                  {
                    title: '扣减事项',
                    key: 'reason',
                    render: (_, d) => (
                      <>
                        <Tag>{DEDUCTION_KIND[d.kind] ?? d.kind}</Tag>
                        {d.reasonZh ?? d.reason}
                      </>
                    ),
                  },
                  { title: '合同条款', dataIndex: 'clause', width: 260, ellipsis: true },
                  {
                    title: '采用的解释',
                    key: 'reading',
                    width: 220,
                    render: (_, d) => (
                      <Typography.Text style={{ fontSize: 12 }}>{readingText(d.reading)}</Typography.Text>
                    ),
                  },
                  { title: '比例', key: 'bp', width: 80, render: (_, d) => `${bpPct(d.bp)}` },
                  {
                    title: '金额',
                    key: 'amount',
                    width: 150,
                    align: 'right',
                    render: (_, d) => <Typography.Text type="danger">{yuan(d.amountFen)}</Typography.Text>,
                  },
                ]}
              />
            </Card>
            <Card
              size="small"
              title={`本季度考核（${s.assessments.length} 项次，未达标 ${missed.length}）`}
              extra={
                <Link to={`/contracts/board?contract=${contractId}&period=C${s.quarter}`}>
                  在考核看板中查看
                </Link>
              }
            >
              <Table<IndicatorResult>
                rowKey={(a) => `${a.id}-${a.period}`}
                size="small"
                dataSource={s.assessments}
                pagination={{ pageSize: 12, hideOnSinglePage: true }}
                columns={[
                  { title: '指标', key: 'name', render: (_, a) => `${a.no}. ${a.name}` },
                  { title: '考核期', dataIndex: 'period', width: 100, render: periodLabel },
                  {
                    title: '分子/分母',
                    key: 'nd',
                    width: 120,
                    render: (_, a) => `${a.numerator} / ${a.denominator}`,
                  },
                  { title: '指标值', key: 'v', width: 110, render: (_, a) => fmtIndicator(a) },
                  { title: '目标', key: 't', width: 110, render: (_, a) => fmtTarget(a) },
                  {
                    title: '结果',
                    key: 'met',
                    width: 90,
                    render: (_, a) => (a.met ? <Tag color="green">达标</Tag> : <Tag color="red">未达标</Tag>),
                  },
                  {
                    title: '',
                    key: 'drill',
                    width: 80,
                    render: (_, a) => (
                      <Link
                        to={`/contracts/board?contract=${contractId}&period=${a.period}&indicator=${a.id}`}
                      >
                        明细
                      </Link>
                    ),
                  },
                ]}
              />
            </Card>
            <Card size="small" title="本结算单采用的合同解释">
              <ReadingsTable readings={s.readings} />
            </Card>
            {confirming && <ConfirmModal s={s} onClose={() => setConfirming(false)} />}
            {paying && <PaymentModal s={s} onClose={() => setPaying(false)} />}
          </>
        )}
      </QueryState>
    </Space>
  );
}
