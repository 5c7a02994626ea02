import { z } from 'zod';
import { clauseZh } from './format-zh.ts';

/**
 * Readings: where a contract's text is ambiguous, the platform does not guess silently. Each reading has a name,
 * a documented default, the clause it reads and the alternatives; every statement shows the readings it used.
 */
export interface ReadingDefinition<T> {
  key: string;
  /** The reading's name as the statement shows it (合同解释项). */
  labelZh: string;
  default: T;
  /** The value in words, as the statement shows it. */
  valueZh: (value: T) => string;
  schema: z.ZodType<T>;
  clause: string;
  question: string;
  options: string;
}

const define = <T>(r: ReadingDefinition<T>) => r;

export const READINGS = {
  missedIndicatorCounting: define({
    key: 'missedIndicatorCounting',
    labelZh: '未达标扣减计次',
    valueZh: (v) =>
      ({
        per_quarter: '每季度每项指标至多扣一次',
        per_period: '每个考核期未达标各扣一次',
        per_year: '每项指标全年至多扣一次',
      })[v],
    default: 'per_quarter' as 'per_period' | 'per_quarter' | 'per_year',
    schema: z.enum(['per_period', 'per_quarter', 'per_year']),
    clause:
      'Luohe art. 11: 其他服务考核指标未达到的，出现一项扣减合同总金额1%的服务费用; art. 2.2: 根据季度考核情况支付',
    question: 'Is a monthly indicator missed in several months one deduction or one per month?',
    options:
      'per_quarter (default): an indicator missed in any of its assessments within a payment quarter deducts once from that quarter; per_period: once per missed assessment (a month missed three times = 3 %); per_year: at most once per indicator per contract year, in the quarter it is first missed',
  }),
  secondIncidentDeduction: define({
    key: 'secondIncidentDeduction',
    labelZh: '第二次严重舆论事件扣减',
    valueZh: (v) => (v === 'cumulative' ? '累计共扣5%（第二次再扣4%）' : '第二次另扣5%（共6%）'),
    default: 'cumulative' as 'cumulative' | 'additional',
    schema: z.enum(['cumulative', 'additional']),
    clause: 'Luohe art. 11: 出现一次扣减合同总金额1%的服务费用，出现二次扣减合同总金额5%的服务费用',
    question: 'Does the second serious incident’s 5 % replace or add to the first 1 %?',
    options:
      'cumulative (default): two incidents cost 5 % in all (the second adds 4 %); additional: the second costs 5 % more (6 % in all)',
  }),
  quarterBasis: define({
    key: 'quarterBasis',
    labelZh: '季度划分',
    valueZh: (v) =>
      ({ contract: '自服务期起始日起每三个月', effective: '自合同生效日起每三个月', calendar: '自然季度' })[
        v
      ],
    default: 'contract' as 'contract' | 'effective' | 'calendar',
    schema: z.enum(['contract', 'effective', 'calendar']),
    clause: 'Luohe art. 2.2: 本合同生效后的第一季度…次季度的前10日内支付上季度合同金额',
    question: 'What is a quarter: three months from the start of service, or a calendar quarter?',
    options:
      'contract (default): quarters of three months from the start of the term (Luohe: Nov–Jan, Feb–Apr, May–Jul, Aug–Oct); effective: quarters of three months from the day the contract took effect (its signing, 合同生效), the first also covering the term before it, the last ending with the term; calendar: the calendar quarters the term overlaps, the last payment covering any remainder',
  }),
  headcountShortfall: define({
    key: 'headcountShortfall',
    labelZh: '缺员人数认定',
    valueZh: (v) =>
      v.measure === 'max_sustained'
        ? `持续不少于${v.minDays}天的最大缺员人数`
        : '季度日均缺员人数（向下取整）',
    default: { measure: 'max_sustained', minDays: 7 } as {
      measure: 'max_sustained' | 'average_daily';
      minDays: number;
    },
    schema: z.object({
      measure: z.enum(['max_sustained', 'average_daily']),
      minDays: z.number().int().min(1).max(92),
    }),
    clause: 'Luohe art. 7.2: 乙方服务团队人员数量发生变化…需经甲方同意，否则，少一人扣减合同总金额1%的服务费',
    question: 'How is a headcount shortfall measured (which days, how long, with consent)?',
    options:
      'max_sustained (default): per quarter, the largest number of people short (below the agreed headcount, changes with Party A’s consent excepted) that lasted at least minDays (default 7) days in a row; average_daily: the quarter’s average daily shortfall, rounded down',
  }),
  answerRateExemptions: define({
    key: 'answerRateExemptions',
    labelZh: '人工接通率免责',
    valueZh: (v) =>
      `${v.approvedWindows ? '剔除' : '不剔除'}甲方批准的突发事件时段；${v.shortAbandons ? '剔除' : '不剔除'}短时放弃来电`,
    default: { approvedWindows: true, shortAbandons: true } as {
      approvedWindows: boolean;
      shortAbandons: boolean;
    },
    schema: z.object({ approvedWindows: z.boolean(), shortAbandons: z.boolean() }),
    clause: 'Luohe art. 11 #1 备注: 因突发事件等客观原因引起的短期接通率下降可以免责',
    question: 'Which exemptions apply to the answer rate?',
    options:
      'approvedWindows (default on): calls in emergency windows the office approved are left out; shortAbandons (default on): calls abandoned within the calls.shortAbandonSeconds setting are left out (that setting defaults to 0 = none)',
  }),
  returnRateBasis: define({
    key: 'returnRateBasis',
    labelZh: '退回率考核口径',
    valueZh: (v) => (v === 'year_to_date' ? '按年度累计值逐月考核' : '按当月值考核'),
    default: 'year_to_date' as 'period' | 'year_to_date',
    schema: z.enum(['period', 'year_to_date']),
    clause: 'Luohe art. 11 #3: 指标值 全年≤1%，考核频次 月度',
    question: 'Is the monthly return-rate check on the month’s own figure or on the year so far?',
    options:
      'year_to_date (default): each month checks the contract year’s cumulative figure against 1 %; period: each month’s own figure',
  }),
  annualIndicatorsSettledIn: define({
    key: 'annualIndicatorsSettledIn',
    labelZh: '年度指标结算时点',
    valueZh: (v) =>
      v === 'last_quarter' ? '在最后一季度按全年考核' : '各季度显示年度累计值，仅最后一季度扣减',
    default: 'last_quarter' as 'last_quarter' | 'each_quarter',
    schema: z.enum(['last_quarter', 'each_quarter']),
    clause: 'Luohe art. 11: 考核频次 年度 (answer rate, complaints, incidents, satisfaction, standards)',
    question: 'When is a yearly indicator settled?',
    options:
      'last_quarter (default): judged once, on the whole term, in the last quarter’s statement; each_quarter: judged on the year so far in every quarter (shown, deducted only in the last)',
  }),
  paymentWindowRollsToWorkday: define({
    key: 'paymentWindowRollsToWorkday',
    labelZh: '付款期末日遇休息日',
    valueZh: (v) => (v ? '顺延至下一工作日（民法典第二百零三条）' : '不顺延，以第10个自然日为准'),
    default: true as boolean,
    schema: z.boolean(),
    clause:
      'Luohe art. 2.2 (次季度的前10日内); Civil Code art. 203: a period whose last day is a statutory holiday ends on the next working day',
    question:
      'When the 10th day falls on a rest day, does the payment window end then or on the next working day?',
    options: 'true (default): the next working day (Civil Code art. 203); false: the 10th calendar day',
  }),
  staffingPresentMeans: define({
    key: 'staffingPresentMeans',
    labelZh: '到岗认定',
    valueZh: (v) => (v === 'employed' ? '当日在册即计到岗' : '当日在册且未请假方计到岗'),
    default: 'employed' as 'employed' | 'employed_not_absent',
    schema: z.enum(['employed', 'employed_not_absent']),
    clause: 'Sanmenxia art. 13.4: 人员到位率不低于98%',
    question: 'Is a member on leave “present” for the staffing rate?',
    options:
      'employed (default): a member on the team that day; employed_not_absent: and not on recorded leave',
  }),
  rampUp: define({
    key: 'rampUp',
    labelZh: '组建期人员考核',
    valueZh: (v) =>
      v === 'after_service_start'
        ? '签订合同后约定的组建期（漯河：15个日历日）内不计缺员'
        : '自服务期起始日起计缺员',
    default: 'after_service_start' as 'after_service_start' | 'from_term_start',
    schema: z.enum(['after_service_start', 'from_term_start']),
    clause: 'Luohe art. 1.4: 自合同签订之日起15日历天内，运营团队具备运营服务能力',
    question: 'Is the headcount charged while the team is being built, before the start-up deadline?',
    options:
      'after_service_start (default): no headcount shortfall is charged through the last day of the start-up period (signing + serviceStartWithinDays; Luohe 2025-11-06 + 15 = 2025-11-21); from_term_start: charged from the first day of the term',
  }),
  laterIncidents: define({
    key: 'laterIncidents',
    labelZh: '第三次及以后严重舆论事件',
    valueZh: (v) =>
      v === 'no_further_deduction' ? '不再扣减（已达解除合同条件，提示甲方）' : '每次按第二次的扣减再扣',
    default: 'no_further_deduction' as 'no_further_deduction' | 'repeat_last_step',
    schema: z.enum(['no_further_deduction', 'repeat_last_step']),
    clause:
      'Luohe art. 11 #6 (出现一次扣减1%，出现二次扣减5%); art. 8.3(3) (严重舆论事件2次（含）以上, 甲方有权解除合同)',
    question: 'What does a third or later serious incident deduct? The contract names only two steps.',
    options:
      'no_further_deduction (default): nothing beyond the contract’s two steps; the statement warns that Party A may terminate (art. 8.3(3)); repeat_last_step: each further incident deducts the second step again (4 % under the cumulative reading, 5 % under the additional one)',
  }),
  rectificationDays: define({
    key: 'rectificationDays',
    labelZh: '整改期限',
    valueZh: (v) => (v == null ? '按合同文件（漯河：7日；三门峡：未约定）' : `${v}日`),
    default: null as number | null,
    schema: z.number().int().min(1).max(90).nullable(),
    clause: 'Luohe art. 5.4: 乙方应在收到整改通知后7日内整改; Sanmenxia: no such clause',
    question: 'How long does a rectification notice give the operator?',
    options:
      'null (default): the contract file’s `rectification.days` (Luohe 7; Sanmenxia none: a notice has no deadline and no third-party right follows); a number of days the office sets',
  }),
  staffingRatePeriod: define({
    key: 'staffingRatePeriod',
    labelZh: '人员到位率考核周期',
    valueZh: (v) => ({ quarter: '按付款季度', month: '按月', term: '按整个服务期' })[v],
    default: 'quarter' as 'quarter' | 'month' | 'term',
    schema: z.enum(['quarter', 'month', 'term']),
    clause: 'Sanmenxia art. 13.4: 人员到位率不低于98% (no period named); art. 10: 按季度支付',
    question: 'Over what period is the staffing rate judged?',
    options:
      'quarter (default): each payment quarter (payments are quarterly, art. 10); month: each month; term: once on the whole term',
  }),
  bondQualityProblem: define({
    key: 'bondQualityProblem',
    labelZh: '履约保函退还的“无质量问题”',
    valueZh: (v) =>
      v === 'open_findings'
        ? '有未整改完毕的整改通知书、甲方记录的未解决质量问题或解除合同事由时暂不退还'
        : '仅甲方记录的未解决质量问题暂不退还',
    default: 'open_findings' as 'open_findings' | 'office_finding_only',
    schema: z.enum(['open_findings', 'office_finding_only']),
    clause: 'Luohe art. 2.5: 本合同服务期满且服务无质量问题后7个工作日内，甲方将银行保函退还乙方',
    question: 'What is a “quality problem” that holds the bond back after the term?',
    options:
      'open_findings (default): a rectification notice of the term not accepted, a quality problem the office recorded and has not marked resolved, or a termination ground the office recorded (art. 8.3(2)(6)(7)); office_finding_only: only a quality problem the office recorded. The bond is returned 7 working days after the later of the term’s end and the last problem’s resolution',
  }),
  wagesDueDayOfNextMonth: define({
    key: 'wagesDueDayOfNextMonth',
    labelZh: '工资“按时”发放的期限',
    valueZh: (v) => (v >= 28 ? '次月最后一日前发放上月工资' : `次月${v}日前发放上月工资`),
    default: 31 as number,
    schema: z.number().int().min(1).max(31),
    clause:
      'Luohe art. 6.6: 按时足额发放劳动报酬 (no day named); 《工资支付暂行规定》第七条: 工资至少每月支付一次',
    question: 'By which day must a month’s wages be paid to count as “on time”?',
    options:
      '31 (default): by the last day of the next month (wages paid at least monthly); a day 1–31 of the next month (clamped to its last day) the office sets, e.g. the payday in the operator’s labour contracts',
  }),
  handoverWithholdsPayment: define({
    key: 'handoverWithholdsPayment',
    labelZh: '未按期移交数据时的未付费用',
    valueZh: (v) =>
      v ? '暂停支付全部未付费用，直至移交完毕并收到《数据已销毁确认函》' : '仅提示，不暂停支付',
    default: true as boolean,
    schema: z.boolean(),
    clause: 'Luohe art. 8.5: 乙方未履行本条项下义务的，甲方有权拒绝支付任何未付费用',
    question:
      'Once the 10 working days pass without the hand-over and the destruction letter, are unpaid fees withheld?',
    options:
      'true (default): every unpaid statement is marked withheld and no payment is recorded after the deadline until both are received; false: a warning only (the right is Party A’s to use)',
  }),
  coverageMinAgents: define({
    key: 'coverageMinAgents',
    labelZh: '7×24小时服务的最低在岗人数',
    valueZh: (v) => `每半小时至少${v}人在班`,
    default: 1 as number,
    schema: z.number().int().min(1).max(45),
    clause:
      'Sanmenxia art. 7: 每日（包含周六、周日、法定节假日）24小时提供约定的服务; Luohe art. 1.2: 7×24小时全天候人工服务',
    question: 'How many agents on shift make a half-hour “served”? The contracts name none.',
    options:
      '1 (default): a half-hour of the term is covered when at least one agent’s shift on a published rota spans it whole; a larger number the office sets',
  }),
  overtimeMonthlyWageFen: define({
    key: 'overtimeMonthlyWageFen',
    labelZh: '加班工资计算基数（月工资）',
    valueZh: (v) => (v == null ? '未设定（只列加班时数，不算金额）' : `月工资 ${(v / 100).toFixed(2)} 元`),
    default: null as number | null,
    schema: z.number().int().min(1).max(100_000_000).nullable(),
    clause:
      'Sanmenxia art. 11: 按照《劳动法》规定支付加班、加时工资 (the wage is the operator’s, not in the contract); 劳社部发〔2008〕3号: 月工资 ÷ 21.75 ÷ 8',
    question: 'On what monthly wage is the overtime pay owed computed?',
    options:
      'null (default): the hours owed are listed (150 %, 200 %, 300 %) with no money, and the statement warns overtime_wage_unset; a monthly wage in fen the office sets (e.g. from the payroll records)',
  }),
  hiringAgeLimit: define({
    key: 'hiringAgeLimit',
    labelZh: '新进员工“35周岁以下”',
    valueZh: (v) =>
      v === 'inclusive' ? '含35周岁（民法典第一千二百五十九条：“以下”包括本数）' : '不满35周岁',
    default: 'inclusive' as 'inclusive' | 'exclusive',
    schema: z.enum(['inclusive', 'exclusive']),
    clause:
      'Sanmenxia art. 13.1(3): 新进员工年龄35周岁以下; Civil Code art. 1259: 民法所称的“以上”、“以下”、“以内”、“届满”，包括本数',
    question: 'Is a new hire aged exactly 35 within “35周岁以下”?',
    options: 'inclusive (default, Civil Code art. 1259): an age of 35 or less at hire; exclusive: under 35',
  }),
  renewalQualified: define({
    key: 'renewalQualified',
    labelZh: '续签“考核合格”',
    valueZh: (v) =>
      v === 'no_missed_indicator' ? '合同年度内各项考核指标均达标' : '由甲方综合判断（只列考核结果）',
    default: 'no_missed_indicator' as 'no_missed_indicator' | 'office_judgement',
    schema: z.enum(['no_missed_indicator', 'office_judgement']),
    clause:
      'Sanmenxia art. 17: 合同到期前，甲方根据相关政策以及服务质量对乙方进行考核，考核合格后…以年为单位双方续签本合同',
    question: 'What makes the year’s assessment “合格” for a renewal?',
    options:
      'no_missed_indicator (default): every indicator of the contract met on the contract year as of the decision day, and no termination ground recorded; a decision to renew is refused otherwise; office_judgement: the assessment is shown, the office decides',
  }),
};

export type ReadingKey = keyof typeof READINGS;
export type Readings = { [K in ReadingKey]: (typeof READINGS)[K]['default'] };

export const DEFAULT_READINGS = Object.fromEntries(
  Object.entries(READINGS).map(([k, r]) => [k, r.default]),
) as Readings;

/** The readings a statement shows: each key with the value used and whether it is the default. */
export function describeReadings(readings: Readings) {
  return (Object.keys(READINGS) as ReadingKey[]).map((k) => ({
    key: k,
    labelZh: READINGS[k].labelZh,
    value: readings[k],
    valueZh: (READINGS[k].valueZh as (v: unknown) => string)(readings[k]),
    isDefault: JSON.stringify(readings[k]) === JSON.stringify(READINGS[k].default),
    question: READINGS[k].question,
    clause: READINGS[k].clause,
    clauseZh: clauseZh(READINGS[k].clause),
    options: READINGS[k].options,
  }));
}
