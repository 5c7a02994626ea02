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
  Input,
  Statistic,
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
  currentQuarter,
  download,
  STATEMENT_STATUS,
  useContract,
  useContractParam,
  yuan,
  type StatementWithHistory,
} from './shared.ts';
import { AssessmentsTable, DeductionsTable, SettingsTable, WarningsList } from './statement-tables.tsx';
import { periodText } from '../../app/dates.ts';

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
  /** 截至日: nothing after it counts; empty = today. */
  const asOf = params.get('asOf') ?? '';
  const asOfQuery = asOf ? `?asOf=${asOf}` : '';
  const q = useQuery({
    queryKey: ['contracts', contractId, 'settlement', quarter, asOf],
    queryFn: () =>
      get<StatementWithHistory>(`/api/contracts/${contractId}/settlements/${quarter}${asOfQuery}`),
    enabled: Boolean(contractId && quarter),
  });
  const setAsOf = (day: string) => {
    const next = new URLSearchParams(params);
    if (day) next.set('asOf', day);
    else next.delete('asOf');
    setParams(next, { replace: true });
  };
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
        `/api/contracts/${contractId}/settlements/${quarter}/export.xlsx${asOfQuery}`,
        `${contractId}-第${quarter}季度结算单${s ? `（截至${s.asOf}）` : ''}.xlsx`,
      );
    } catch {
      message.error('导出失败，请稍后重试');
    } finally {
      setExporting(false);
    }
  };
  const missed = (s?.assessments ?? []).filter((a) => a.statusZh === '未达标');
  const [, statusColor] = s ? (STATEMENT_STATUS[s.status] ?? [s.status, 'default']) : ['', ''];
  const openWarnings = (s?.warnings ?? []).filter((w) => !w.acknowledged).length;
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
          <Input
            type="date"
            prefix="截至"
            value={asOf}
            onChange={(e) => setAsOf(e.target.value)}
            style={{ width: 190 }}
            allowClear
            data-testid="statement-as-of"
          />
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
                title={`截至 ${s.asOf}，本季度尚未结束（或有待到期的事项），以下为暂估结算，季度结束后方可确认。`}
              />
            )}
            <WarningsList s={s} />
            <Card
              size="small"
              title={`${contract.data?.name ?? s.contractId} · 第 ${s.quarter} 季度（${periodText(s.period.from, s.period.to)}）· 截至 ${s.asOf}`}
              extra={
                <Space>
                  <Tag color={statusColor}>{s.statusZh}</Tag>
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
                        disabled={s.provisional || openWarnings > 0}
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
                <Col xs={24} md={6}>
                  <Statistic title="本期基数" value={yuan(s.baseFen)} data-testid="statement-base" />
                </Col>
                <Col xs={24} md={6}>
                  <Statistic
                    title={`扣减（${s.deductions.length} 项）`}
                    value={yuan(s.deductedFen)}
                    styles={{ content: { color: s.deductedFen ? '#cf1322' : undefined } }}
                    data-testid="statement-deducted"
                  />
                </Col>
                <Col xs={24} md={6}>
                  <Statistic
                    title="上期结转扣减"
                    value={yuan(s.carriedInFen)}
                    data-testid="statement-carried-in"
                  />
                </Col>
                <Col xs={24} md={6}>
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
                {s.carriedOutFen > 0 && (
                  <Descriptions.Item label={s.isLast ? '结转至履约保证金' : '结转下期扣减'}>
                    <span data-testid="statement-carried-out">{yuan(s.carriedOutFen)}</span>
                  </Descriptions.Item>
                )}
                <Descriptions.Item label="履约保证金">
                  {yuan(s.bond.amountFen)}
                  {s.bond.returnBy ? `，服务期满且无质量问题后于 ${s.bond.returnBy} 前退还` : ''}
                  {s.bond.drawnFen > 0 &&
                    `；从中扣除 ${yuan(s.bond.drawnFen)}，可退还 ${yuan(s.bond.returnableFen)}`}
                  {s.bond.unrecoveredFen > 0 && `；尚有 ${yuan(s.bond.unrecoveredFen)} 未能抵扣`}
                </Descriptions.Item>
                <Descriptions.Item label="合同版本">v{s.contractVersion}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                尾差规则：{s.roundingZh}
              </Typography.Paragraph>
            </Card>
            <Card size="small" title="扣减明细">
              <DeductionsTable s={s} />
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
              <AssessmentsTable s={s} contractId={contractId!} />
            </Card>
            <Card size="small" title="本结算单采用的合同解释">
              <ReadingsTable readings={s.readings} />
            </Card>
            <Card size="small" title="影响指标计算的平台设置">
              <SettingsTable settings={s.settings} />
            </Card>
            {confirming && <ConfirmModal s={s} onClose={() => setConfirming(false)} />}
            {paying && <PaymentModal s={s} onClose={() => setPaying(false)} />}
          </>
        )}
      </QueryState>
    </Space>
  );
}
