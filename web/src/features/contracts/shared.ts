import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { get } from '../../app/api.ts';
import type { paths } from '../../api/client.ts';
import { today } from '../quality/shared.ts';

/** Shapes of the contracts module's answers (src/modules/contracts). Money is integer fen. */

export interface ContractSummary {
  id: string;
  version: number;
  name: string;
  city: string;
  term: { from: string; to: string; clause: string };
  totalFen: number;
  source: string;
  loadedAt: string;
}

export interface Payment {
  quarter: number;
  shareBp?: number;
  baseFen: number;
  period: { from: string; to: string };
  dueFrom: string;
  dueTo: string;
  invoiceRequired: boolean;
}

export interface IndicatorDefinition {
  id: string;
  no: number;
  name: string;
  clause: string;
  period: string;
  target: number;
  measure: string;
  deduction: string;
  comparator: '>=' | '<=';
}

export interface Reading {
  key: string;
  /** The reading and its value in Chinese, as the statement shows them. */
  labelZh?: string;
  value: unknown;
  valueZh?: string;
  isDefault: boolean;
  question: string;
  clause: string;
  clauseZh?: string;
  options: string;
}

/** 提示 — what the statement could not judge, for the office to acknowledge before confirming. */
export interface StatementWarning {
  code: string;
  key: string;
  messageZh: string;
  acknowledged: { by: number | null; at: string; note: string } | null;
}

/** A platform setting that moves a figure, listed on the statement. */
export interface SettingUsed {
  key: string;
  value: unknown;
  labelZh: string;
  source: string;
}

export interface ContractOverview {
  id: string;
  version: number;
  name: string;
  city: string;
  parties: {
    partyA: { name: string; address?: string };
    partyB: { name: string; address?: string; taxId?: string };
  };
  signedOn: string;
  term: { from: string; to: string; clause: string };
  totalFen: number;
  bondFen: number;
  bondReturnBy: string;
  payments: Payment[];
  rounding: string;
  headcount: { agreed: number; clause: string; deductionBpPerPerson?: number; staffingRateMin?: number };
  indicators: IndicatorDefinition[];
  deductions: Record<string, unknown>;
  reports: { id: string; name: string; every: string; clause: string }[];
  deadlines: { id: string; name: string; rule: string; clause: string }[];
  terminationTriggers: { id: string; name: string; clause: string }[];
  readings: Reading[];
}

export type Id = number | string;

export interface IndicatorResult {
  id: string;
  no: number;
  name: string;
  period: string;
  measuredFrom: string;
  measuredTo: string;
  numerator: number;
  denominator: number;
  value: number | null;
  target: number;
  comparator: '>=' | '<=';
  met: boolean;
  excluded: { reason: string; ids: Id[] }[];
  evidence: { counted: Id[]; met: Id[]; entity: string; drillDown?: string };
  clause: string;
  clauseZh?: string;
  /** As a person reads it: "96.07%（2,345/2,441）" or 无数据; "≥ 96%"; 达标 / 未达标 / 无数据. */
  valueZh?: string;
  targetZh?: string;
  statusZh?: string;
  provisional: boolean;
}

/**
 * An indicator as the assessment answers it (issue 18): its counts and a link to page its records from
 * (`evidence.drillDown`), not the records themselves.
 */
export type AssessedIndicator = Omit<IndicatorResult, 'excluded' | 'evidence'> & {
  excluded: { reason: string; count: number }[];
  evidence: { entity: string; counted: number; met: number; drillDown: string; listPage?: string };
};

export interface Assessment {
  contract: { id: string; version: number; name: string };
  period: { key: string; kind: string; from: string; to: string };
  indicators: AssessedIndicator[];
  readings: Reading[];
  generatedAt: string;
}

/** 结算单 as the API answers it (generated client types, `npm run gen:api`). */
export type ApiStatementWithHistory =
  paths['/api/contracts/{id}/settlements/{quarter}']['get']['responses'][200]['content']['application/json'];
export type ApiStatement = ApiStatementWithHistory['current'];
/** One deduction of a statement: kind, clause, reading, evidence, amount (generated from the server's schema). */
export type Deduction = ApiStatement['deductions'][number];
/** 甲方记录的扣款 (third-party cost, art. 5.4; subcontracting, Sanmenxia art. 19). */
export type RecordedCharge =
  paths['/api/contracts/{id}/charges']['get']['responses'][200]['content']['application/json']['items'][number];

export interface Statement {
  contractId: string;
  contractVersion: number;
  quarter: number;
  period: { from: string; to: string };
  baseFen: number;
  deductions: Deduction[];
  deductedFen: number;
  carriedInFen: number;
  payableFen: number;
  carriedOutFen: number;
  isLast: boolean;
  asOf: string;
  dueFrom: string;
  dueTo: string;
  invoiceRequired: boolean;
  provisional: boolean;
  warnings: StatementWarning[];
  bond: {
    amountFen: number;
    returnBy: string | null;
    drawnFen: number;
    returnableFen: number;
    unrecoveredFen: number;
  };
  rounding: string;
  roundingZh: string;
  readings: Reading[];
  settings: SettingUsed[];
  assessments: IndicatorResult[];
  invoice: { required: boolean; receivedOn: string | null; ref: string | null };
  payment: { paidOn: string | null; paidFen: number | null };
  status: 'provisional' | 'due' | 'invoiced' | 'paid' | 'withheld';
  statusZh: string;
}

export interface StatementWithHistory {
  current: Statement;
  confirmed: {
    at: string;
    by: number | null;
    note: string | null;
    inputsHash: string;
    outputsHash: string;
    statement: Statement;
  } | null;
  difference: {
    inputsChanged: boolean;
    outputsChanged: boolean;
    payableFen: { confirmed: number; now: number; delta: number };
    figures: {
      id: string;
      period: string;
      confirmed: { numerator: number; denominator: number; met: boolean } | null;
      now: { numerator: number; denominator: number; met: boolean };
    }[];
  } | null;
}

export interface Rectification {
  id: number;
  contractId: string;
  number: string;
  issuedAt: string;
  items: { text: string; basis?: string }[];
  /** Null when the contract sets no rectification period (Sanmenxia) and the office set none. */
  dueAt: string | null;
  response: string | null;
  respondedAt: string | null;
  verification: string | null;
  verifiedAt: string | null;
  verificationNote: string | null;
  status: 'issued' | 'responded' | 'accepted' | 'rejected';
  state: 'issued' | 'responded' | 'rejected' | 'overdue' | 'closed';
  thirdPartyAllowed: boolean;
}

export interface ReportDelivery {
  id: number;
  contractId: string;
  reportId: string;
  period: string;
  title: string;
  dueAt: string;
  deliveredAt: string | null;
  complete: boolean | null;
  note: string | null;
}

/** ¥1,311,315.85 — integer fen shown as yuan with two decimals, by integer arithmetic (no float rounding). */
export function yuan(fen: number | null | undefined): string {
  if (fen == null) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Basis points as a percentage: 100 → 1%, 4500 → 45%. */
export const bpPct = (bp: number) => `${bp / 100}%`;

/** A value shown against its target: rates as percentages, incident counts as counts. */
export function fmtIndicator(
  ind: { id: string; value?: number | null; target: number },
  v: number | null | undefined = ind.value,
): string {
  if (v == null) return '—';
  if (ind.id === 'serious_incidents') return `${v} 起`;
  const digits = ind.target > 0 && ind.target < 0.001 ? 4 : 2;
  return `${(v * 100).toFixed(digits)}%`;
}

export function fmtTarget(ind: { id: string; target: number; comparator: '>=' | '<=' }): string {
  const t = ind.id === 'serious_incidents' ? `${ind.target} 起` : `${Number((ind.target * 100).toFixed(4))}%`;
  return `${ind.comparator === '>=' ? '≥' : '≤'} ${t}`;
}

/** An assessment period key as people say it: 2026-08, 第 2 季度, 合同期. */
export function periodLabel(key: string): string {
  if (key === 'term') return '合同期';
  const c = /^C(\d)$/.exec(key);
  if (c) return `第 ${c[1]} 季度`;
  return key;
}

export const PERIOD_LABELS: Record<string, string> = {
  month: '月度',
  quarter: '季度',
  year: '年度',
  term: '合同期',
};

export const STATEMENT_STATUS: Record<string, [string, string]> = {
  provisional: ['季度未结束（预计）', 'blue'],
  due: ['待开票付款', 'gold'],
  invoiced: ['已收发票', 'cyan'],
  paid: ['已付款', 'green'],
  withheld: ['暂停支付（未移交数据）', 'red'],
};

export const RECTIFICATION_STATE: Record<string, [string, string]> = {
  issued: ['待答复', 'gold'],
  responded: ['待验收', 'blue'],
  rejected: ['验收未通过', 'volcano'],
  overdue: ['已逾期', 'red'],
  closed: ['已整改', 'green'],
};

export const READING_LABELS: Record<string, string> = {
  missedIndicatorCounting: '多月未达标的扣减次数',
  secondIncidentDeduction: '第二起严重舆论事件的扣减',
  quarterBasis: '“季度”的口径',
  headcountShortfall: '人员缺编的计算',
  answerRateExemptions: '接通率的免责情形',
  returnRateBasis: '退回率月度考核口径',
  annualIndicatorsSettledIn: '年度指标的结算季度',
  paymentWindowRollsToWorkday: '付款期限遇节假日顺延',
  staffingPresentMeans: '到位率中“在岗”的口径',
  rampUp: '组建期人员考核',
  laterIncidents: '第三次及以后严重舆论事件',
  rectificationDays: '整改期限',
  staffingRatePeriod: '人员到位率考核周期',
  bondQualityProblem: '履约保函退还的“无质量问题”',
  wagesDueDayOfNextMonth: '工资“按时”发放的期限',
  handoverWithholdsPayment: '未按期移交数据时的未付费用',
  coverageMinAgents: '7×24小时服务的最低在岗人数',
  overtimeMonthlyWageFen: '加班工资计算基数（月工资）',
  hiringAgeLimit: '新进员工“35周岁以下”',
  renewalQualified: '续签“考核合格”',
};

export function useContracts() {
  return useQuery({
    queryKey: ['contracts', 'list'],
    queryFn: () => get<{ items: ContractSummary[] }>('/api/contracts'),
    staleTime: 300_000,
  });
}

/** The contract in force today, else the one that ended last. */
export function defaultContract(items: ContractSummary[]): string | undefined {
  const d = today();
  const running = items.find((c) => c.term.from <= d && d < c.term.to);
  if (running) return running.id;
  return [...items].sort((a, b) => b.term.to.localeCompare(a.term.to))[0]?.id;
}

/** `?contract=` in the URL, or the default one once the list has loaded. */
export function useContractParam(): [string | undefined, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const list = useContracts();
  const id = params.get('contract') ?? (list.data ? defaultContract(list.data.items) : undefined);
  const set = (v: string) => {
    const next = new URLSearchParams(params);
    next.set('contract', v);
    setParams(next, { replace: true });
  };
  return [id, set];
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: ['contracts', id, 'overview'],
    queryFn: () => get<ContractOverview>(`/api/contracts/${id}`),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

/** The payment quarter containing today, else the last one that has begun. */
export function currentQuarter(c: ContractOverview): number {
  const d = today();
  const now = c.payments.find((p) => p.period.from <= d && d < p.period.to);
  if (now) return now.quarter;
  const begun = c.payments.filter((p) => p.period.from <= d);
  return begun.length ? begun[begun.length - 1]!.quarter : 1;
}

/** Downloads a file from the API (the session cookie goes along) and saves it under `filename`. */
export async function download(path: string, filename: string): Promise<void> {
  const res = await fetch(path, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${res.status}`);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
