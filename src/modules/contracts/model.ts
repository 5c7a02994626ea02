import { z } from 'zod';
import { isLocalDate } from '../../calendar/local-time.ts';

const day = z.string().refine(isLocalDate, 'a date YYYY-MM-DD');
const bp = z.number().int().min(0).max(10_000).describe('basis points: 100 = 1 %');

export const MEASURES = [
  'calls.answerRate',
  'orders.onlineResponseRate',
  'orders.returnRate',
  'quality.callbackRate',
  'quality.complaintRate',
  'quality.seriousIncidents',
  'quality.attitudeSatisfaction',
  'training.hotTopicTraining',
  'knowledge.noticeTimeliness',
  'quality.assistanceCompletion',
  'reports.onTimeComplete',
  'training.standardsCompletion',
  'workforce.staffingRate',
] as const;
export type Measure = (typeof MEASURES)[number];

export const IndicatorDefinition = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  no: z.number().int().positive(),
  name: z.string().min(1),
  measure: z.enum(MEASURES),
  comparator: z.enum(['>=', '<=']),
  target: z.number().min(0),
  period: z.enum(['month', 'quarter', 'year']),
  /** `incident`: the serious-incident money rule instead of the missed-indicator one. */
  deduction: z.enum(['missed', 'incident']).default('missed'),
  clause: z.string(),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;

/** A procurement contract as data (contracts/*.json): a new city's contract is a new file, not new code. */
export const ContractDefinition = z.object({
  id: z.string().regex(/^[a-z0-9-]{3,40}$/),
  version: z.number().int().positive(),
  name: z.string().min(1),
  city: z.string().min(1),
  source: z.string().optional(),
  parties: z.object({
    partyA: z.object({ name: z.string() }).passthrough(),
    partyB: z.object({ name: z.string() }).passthrough(),
  }),
  signedOn: day,
  term: z.object({ from: day, to: day, clause: z.string() }),
  serviceStartWithinDays: z.object({ days: z.number().int().positive(), clause: z.string() }).optional(),
  totalFen: z.number().int().positive(),
  totalClause: z.string(),
  payments: z.object({
    shares: z
      .array(bp)
      .min(1)
      .refine((s) => s.reduce((a, b) => a + b, 0) === 10_000, 'shares must add up to 10000 (100 %)'),
    clause: z.string(),
    window: z.object({
      kind: z.literal('first_days_of_next_quarter'),
      days: z.number().int().positive(),
      clause: z.string(),
    }),
    invoiceRequired: z.boolean(),
    invoiceClause: z.string().optional(),
  }),
  bond: z
    .object({
      shareBp: bp,
      amountFen: z.number().int().nonnegative(),
      form: z.string(),
      returnWithinWorkingDays: z.number().int().positive(),
      clause: z.string(),
    })
    .nullable(),
  headcount: z
    .object({
      agreed: z.number().int().positive(),
      deductionBpPerPerson: bp,
      staffingRateTarget: z.number().min(0).max(1).optional(),
      vacancyFillDays: z.number().int().positive().optional(),
      replacementDays: z.number().int().positive().optional(),
      changeNoticeDays: z.number().int().positive().optional(),
      clause: z.string(),
    })
    .passthrough(),
  indicators: z.array(IndicatorDefinition),
  deductions: z
    .object({
      missedIndicatorBp: bp,
      missedIndicatorClause: z.string(),
      seriousIncidentBp: z.array(bp),
      seriousIncidentClause: z.string(),
    })
    .passthrough(),
  reports: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      every: z.literal('month'),
      due: z.object({ kind: z.literal('nth_working_day_of_next_month'), n: z.number().int().positive() }),
      clause: z.string(),
    }),
  ),
  deadlines: z.array(z.object({ id: z.string(), name: z.string(), rule: z.string(), clause: z.string() })),
  terminationTriggers: z.array(z.object({ id: z.string(), name: z.string(), clause: z.string() })),
});
export type ContractDefinition = z.infer<typeof ContractDefinition>;
