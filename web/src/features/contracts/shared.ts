import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { get } from '../../app/api.ts';
import { client, unwrap } from '../../api/client.ts';
import type { ApiOk } from '../../api/responses.ts';
import { today } from '../quality/shared.ts';

/**
 * The contracts module's answers, named from the generated OpenAPI types (`npm run gen:api`), never copied: a
 * change to a contracts route's response schema fails `tsc -p web` here. Money is integer fen.
 */

export type ContractSummary = ApiOk<'/api/contracts'>['items'][number];

/** A contract as `GET /api/contracts/{id}` shows it: parties, term, payments, indicators, readings. */
export type ContractOverview = ApiOk<'/api/contracts/{id}'>;
export type Payment = ContractOverview['payments'][number];
export type IndicatorDefinition = ContractOverview['indicators'][number];
/** A reading of an ambiguous clause: its value, question and options, in Chinese too. */
export type Reading = ContractOverview['readings'][number];

/** 考核 — every indicator of the contract over one period. */
export type Assessment = ApiOk<'/api/contracts/{id}/assessment'>;
/** An indicator as the assessment answers it: counts and a link to page its records from (issue 18). */
export type AssessedIndicator = Assessment['indicators'][number];

/** 结算单 with the confirmed one and what changed since. */
export type StatementWithHistory = ApiOk<'/api/contracts/{id}/settlements/{quarter}'>;
export type Statement = StatementWithHistory['current'];
/** Kept for the screens that name the statement as the API answers it. */
export type ApiStatementWithHistory = StatementWithHistory;
export type ApiStatement = Statement;
/** An indicator as a statement keeps it: with the ids of the records counted (its input digest covers them). */
export type IndicatorResult = Statement['assessments'][number];
/** One deduction of a statement: kind, clause, reading, evidence, amount. */
export type Deduction = Statement['deductions'][number];
/** 提示 — what the statement could not judge, for the office to acknowledge before confirming. */
export type StatementWarning = Statement['warnings'][number];
/** A platform setting that moves a figure, listed on the statement. */
export type SettingUsed = Statement['settings'][number];
/** 甲方记录的扣款 (third-party cost, art. 5.4; subcontracting, Sanmenxia art. 19). */
export type RecordedCharge = ApiOk<'/api/contracts/{id}/charges'>['items'][number];

/** 整改通知 with where it stands. */
export type Rectification = ApiOk<'/api/contracts/{id}/rectifications'>['items'][number];

/** A report the contract asks for, with its delivery. */
export type ReportDelivery = ApiOk<'/api/contracts/{id}/reports'>['items'][number];

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
    queryFn: () => unwrap(client.GET('/api/contracts')),
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
