import { z } from 'zod';

/**
 * Readings: where a contract's text is ambiguous, the platform does not guess silently. Each reading has a name,
 * a documented default, the clause it reads and the alternatives; every statement shows the readings it used.
 */
export interface ReadingDefinition<T> {
  key: string;
  default: T;
  schema: z.ZodType<T>;
  clause: string;
  question: string;
  options: string;
}

const define = <T>(r: ReadingDefinition<T>) => r;

export const READINGS = {
  missedIndicatorCounting: define({
    key: 'missedIndicatorCounting',
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
    default: 'cumulative' as 'cumulative' | 'additional',
    schema: z.enum(['cumulative', 'additional']),
    clause: 'Luohe art. 11: 出现一次扣减合同总金额1%的服务费用，出现二次扣减合同总金额5%的服务费用',
    question: 'Does the second serious incident’s 5 % replace or add to the first 1 %?',
    options:
      'cumulative (default): two incidents cost 5 % in all (the second adds 4 %); additional: the second costs 5 % more (6 % in all)',
  }),
  quarterBasis: define({
    key: 'quarterBasis',
    default: 'contract' as 'contract' | 'calendar',
    schema: z.enum(['contract', 'calendar']),
    clause: 'Luohe art. 2.2: 本合同生效后的第一季度…次季度的前10日内支付上季度合同金额',
    question: 'What is a quarter: three months from the start of service, or a calendar quarter?',
    options:
      'contract (default): quarters of three months from the start of the term (Luohe: Nov–Jan, Feb–Apr, May–Jul, Aug–Oct); calendar: the calendar quarters the term overlaps, the last payment covering any remainder',
  }),
  headcountShortfall: define({
    key: 'headcountShortfall',
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
    default: 'year_to_date' as 'period' | 'year_to_date',
    schema: z.enum(['period', 'year_to_date']),
    clause: 'Luohe art. 11 #3: 指标值 全年≤1%，考核频次 月度',
    question: 'Is the monthly return-rate check on the month’s own figure or on the year so far?',
    options:
      'year_to_date (default): each month checks the contract year’s cumulative figure against 1 %; period: each month’s own figure',
  }),
  annualIndicatorsSettledIn: define({
    key: 'annualIndicatorsSettledIn',
    default: 'last_quarter' as 'last_quarter' | 'each_quarter',
    schema: z.enum(['last_quarter', 'each_quarter']),
    clause: 'Luohe art. 11: 考核频次 年度 (answer rate, complaints, incidents, satisfaction, standards)',
    question: 'When is a yearly indicator settled?',
    options:
      'last_quarter (default): judged once, on the whole term, in the last quarter’s statement; each_quarter: judged on the year so far in every quarter (shown, deducted only in the last)',
  }),
  paymentWindowRollsToWorkday: define({
    key: 'paymentWindowRollsToWorkday',
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
    default: 'employed' as 'employed' | 'employed_not_absent',
    schema: z.enum(['employed', 'employed_not_absent']),
    clause: 'Sanmenxia art. 13.4: 人员到位率不低于98%',
    question: 'Is a member on leave “present” for the staffing rate?',
    options:
      'employed (default): a member on the team that day; employed_not_absent: and not on recorded leave',
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
    value: readings[k],
    isDefault: JSON.stringify(readings[k]) === JSON.stringify(READINGS[k].default),
    question: READINGS[k].question,
    clause: READINGS[k].clause,
    options: READINGS[k].options,
  }));
}
