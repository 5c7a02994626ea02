/**
 * 提示 — what a statement cannot judge from the records, said instead of deducted: missing evidence is not proof
 * of absence. The office acknowledges each before it confirms the statement. Pure.
 */
export interface StatementWarning {
  code: WarningCode;
  message: string;
  messageZh: string;
  detail: Record<string, unknown>;
}

const WARNINGS = {
  roster_missing: {
    message: (d: { agreed?: unknown }) =>
      `No team roster is recorded: the headcount (agreed ${String(d.agreed)}) cannot be judged and nothing is deducted for it.`,
    messageZh: (d: { agreed?: unknown }) =>
      `未录入服务团队名册，无法核对约定的 ${String(d.agreed)} 人配备情况，本期不计缺员扣减；请录入名册或确认后再结算。`,
  },
  termination_ground: {
    message: (d: { nth?: unknown; day?: unknown }) =>
      `Serious incident no. ${String(d.nth)} of the term (${String(d.day)}): Party A may terminate the contract (art. 8.3(3)).`,
    messageZh: (d: { nth?: unknown; day?: unknown }) =>
      `服务期内第${String(d.nth)}次严重舆论事件（${String(d.day)}）：已达合同第八条第3款第(3)项约定的解除条件，甲方有权解除合同。`,
  },
  later_incident_not_deducted: {
    message: (d: { nth?: unknown; day?: unknown }) =>
      `Serious incident no. ${String(d.nth)} (${String(d.day)}) deducts nothing: the contract names two steps only (reading laterIncidents).`,
    messageZh: (d: { nth?: unknown; day?: unknown }) =>
      `第${String(d.nth)}次严重舆论事件（${String(d.day)}）：合同只约定两档扣减，按解释项“第三次及以后严重舆论事件”不再扣减。`,
  },
  payroll_missing: {
    message: (d: { month?: unknown; dueOn?: unknown }) =>
      `No payroll record for ${String(d.month)} (wages due by ${String(d.dueOn)}): wages, social insurance and housing fund cannot be checked (art. 6.6).`,
    messageZh: (d: { month?: unknown; dueOn?: unknown }) =>
      `${String(d.month)} 未录入工资、社保和公积金缴纳情况（工资应于 ${String(d.dueOn)} 前发放），无法核查（第六条第6款）。`,
  },
  payroll_problem: {
    message: (d: { month?: unknown; findings?: unknown }) =>
      `Payroll of ${String(d.month)} falls short of art. 6.6: ${(d.findings as string[]).join('; ')}`,
    messageZh: (d: { month?: unknown; findings?: unknown }) =>
      `${String(d.month)} 劳动报酬或社保、公积金未按规定发放缴纳（第六条第6款）：${(d.findings as string[]).join('；')}`,
  },
  payroll_unchecked: {
    message: (d: { month?: unknown }) =>
      `The payroll record of ${String(d.month)} is not yet checked by the office.`,
    messageZh: (d: { month?: unknown }) => `${String(d.month)} 乙方填报的工资社保记录尚未经甲方核查。`,
  },
  hiring_record_missing: {
    message: (d: { member?: unknown; startDate?: unknown }) =>
      `New member ${String(d.member)} (from ${String(d.startDate)}) has no hiring record: art. 13.1 cannot be checked.`,
    messageZh: (d: { member?: unknown; startDate?: unknown }) =>
      `新进人员 ${String(d.member)}（${String(d.startDate)} 起）未填报入职条件，无法核查第十三条第1款。`,
  },
  hiring_rule_failed: {
    message: (d: { member?: unknown; findings?: unknown }) =>
      `New member ${String(d.member)} does not meet art. 13.1: ${(d.findings as string[]).join('; ')}`,
    messageZh: (d: { member?: unknown; findings?: unknown }) =>
      `新进人员 ${String(d.member)} 不符合第十三条第1款：${(d.findings as string[]).join('；')}`,
  },
  rota_missing: {
    message: (d: { halfHours?: unknown }) =>
      `${String(d.halfHours)} half-hours of the period are on no published rota: 7×24 service cannot be checked there.`,
    messageZh: (d: { halfHours?: unknown }) =>
      `本期有 ${String(d.halfHours)} 个半小时时段无已发布的排班表，无法核查7×24小时服务。`,
  },
  coverage_gap: {
    message: (d: { halfHours?: unknown; first?: unknown }) =>
      `${String(d.halfHours)} half-hours with too few agents on the published rotas (first ${String(d.first)}): 7×24 service not planned.`,
    messageZh: (d: { halfHours?: unknown; first?: unknown }) =>
      `已发布排班表中有 ${String(d.halfHours)} 个半小时时段在班人数不足（首个 ${String(d.first)}），未能保证7×24小时服务。`,
  },
  overtime_underpaid: {
    message: (d: { month?: unknown; owedFen?: unknown; paidFen?: unknown }) =>
      `Overtime pay of ${String(d.month)}: ${String(d.paidFen)} fen recorded paid against ${String(d.owedFen)} fen owed by the rota (Labour Law art. 44).`,
    messageZh: (d: { month?: unknown; owedFen?: unknown; paidFen?: unknown }) =>
      `${String(d.month)} 加班工资：按排班应付 ${(Number(d.owedFen) / 100).toFixed(2)} 元，记录实付 ${(Number(d.paidFen) / 100).toFixed(2)} 元（劳动法第四十四条）。`,
  },
  overtime_wage_unset: {
    message: () =>
      'Overtime hours are owed but no monthly wage is set for the pay (reading overtimeMonthlyWageFen).',
    messageZh: () => '排班中有加班时数，但未设定加班工资计算基数（解释项“加班工资计算基数”），只列时数。',
  },
  termination_ground_recorded: {
    message: (d: { ground?: unknown; clause?: unknown; day?: unknown }) =>
      `Termination ground recorded by the office (${String(d.clause)}, ${String(d.day)}): ${String(d.ground)}. Party A may terminate.`,
    messageZh: (d: { ground?: unknown; clause?: unknown; day?: unknown }) =>
      `甲方登记的解除合同事由（${String(d.day)}）：${String(d.ground)}，甲方有权解除合同。`,
  },
  handover_pending: {
    message: (d: { dueBy?: unknown }) =>
      `Hand-over and the data-destruction letter are due by ${String(d.dueBy)} (art. 8.5).`,
    messageZh: (d: { dueBy?: unknown }) =>
      `乙方应于 ${String(d.dueBy)} 前完整移交资料、数据、系统权限并出具《数据已销毁确认函》（第八条第5款）。`,
  },
  handover_overdue: {
    message: (d: { dueBy?: unknown }) =>
      `Hand-over or the data-destruction letter not received by ${String(d.dueBy)}: Party A may refuse every unpaid fee (art. 8.5).`,
    messageZh: (d: { dueBy?: unknown }) =>
      `截至 ${String(d.dueBy)} 未完成移交或未收到法定代表人签章的《数据已销毁确认函》：甲方有权拒绝支付任何未付费用（第八条第5款）。`,
  },
} satisfies Record<string, { message: (d: never) => string; messageZh: (d: never) => string }>;

export type WarningCode = keyof typeof WARNINGS;
export const WARNING_CODES = Object.keys(WARNINGS) as WarningCode[];

export function warningOf(code: WarningCode, detail: Record<string, unknown>): StatementWarning {
  const w = WARNINGS[code] as {
    message: (d: Record<string, unknown>) => string;
    messageZh: (d: Record<string, unknown>) => string;
  };
  return { code, message: w.message(detail), messageZh: w.messageZh(detail), detail };
}

/** A warning's identity on a statement: the code and what it is about (two incidents give two warnings). */
export const warningKey = (w: { code: string; detail: Record<string, unknown> }) =>
  [w.code, w.detail.subject ?? w.detail.day ?? ''].filter(Boolean).join(':');
