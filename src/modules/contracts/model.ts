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
  /** 合同生效日 — when the contract took effect; absent = the signing day. */
  effectiveOn: day.optional(),
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
  /** 整改 — the days a rectification notice gives (Luohe art. 5.4: 7); absent = the contract sets none. */
  rectification: z.object({ days: z.number().int().positive(), clause: z.string() }).optional(),
  /** 7×24 — every half-hour of the term staffed (Luohe art. 1.2; Sanmenxia art. 7); checked on the published rotas. */
  serviceHours: z.object({ kind: z.literal('7x24'), clause: z.string() }).optional(),
  /** 加班工资 — overtime and holiday pay owed under the Labour Law (Sanmenxia art. 11), from the published rotas. */
  overtimePay: z.object({ clause: z.string() }).optional(),
  /** 劳动报酬、社保、公积金 — payroll evidence the operator records and the office checks (Luohe art. 6.6). */
  payroll: z.object({ clause: z.string() }).optional(),
  /** 移交与《数据已销毁确认函》 — hand-over within N working days of the end (Luohe art. 8.5). */
  handover: z.object({ workingDays: z.number().int().positive(), clause: z.string() }).optional(),
  /** 新聘人员条件 — checked on each new member (Sanmenxia art. 13.1). */
  hiringRules: z
    .object({
      maxAgeYears: z.number().int().positive(),
      minEducation: z.enum(['college', 'bachelor']),
      fullTimeEducation: z.boolean(),
      cleanRecord: z.boolean(),
      trainingMonths: z.number().int().nonnegative(),
      roles: z.array(z.string()).min(1),
      clause: z.string(),
    })
    .optional(),
  /** 续签 — a yearly decision fed by the year's assessment, within a tender period (Sanmenxia art. 17). */
  renewal: z.object({ tenderYears: z.number().int().positive(), clause: z.string() }).optional(),
  /** What each version changed (a changed file is a new version: statements name the version they used). */
  changes: z.array(z.object({ version: z.number().int().positive(), change: z.string() })).optional(),
  deadlines: z.array(z.object({ id: z.string(), name: z.string(), rule: z.string(), clause: z.string() })),
  terminationTriggers: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      clause: z.string(),
      /** `office`: a ground the office records as an event (Luohe art. 8.3(2)(6)(7)); else detected by the platform. */
      recordedBy: z.literal('office').optional(),
    }),
  ),
});
export type ContractDefinition = z.infer<typeof ContractDefinition>;

// What each route answers. Fastify serialises every answer through these, so a field not declared here is
// not sent, and an answer that does not match fails loudly instead of reaching the console.

export const GetContractsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      name: z.string(),
      city: z.string(),
      term: z.object({ from: z.string(), to: z.string(), clause: z.string() }),
      totalFen: z.number(),
      source: z.string(),
      loadedAt: z.date(),
    }),
  ),
});

/** The contract's terms as both the definition and the overview answer carry them (one shape, declared once). */
const CONTRACT_TERMS = {
  headcount: z.object({
    agreed: z.number(),
    deductionBpPerPerson: z.number(),
    clause: z.string(),
    staffingRateTarget: z.number().optional(),
    vacancyFillDays: z.number().optional(),
    replacementDays: z.number().optional(),
    changeNoticeDays: z.number().optional(),
  }),
  indicators: z.array(
    z.object({
      id: z.string(),
      no: z.number(),
      name: z.string(),
      measure: z.enum([
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
      ]),
      comparator: z.enum(['>=', '<=']),
      target: z.number(),
      period: z.enum(['month', 'quarter', 'year']),
      deduction: z.enum(['missed', 'incident']),
      clause: z.string(),
    }),
  ),
  deductions: z.object({
    missedIndicatorBp: z.number(),
    missedIndicatorClause: z.string(),
    seriousIncidentBp: z.array(z.number()),
    seriousIncidentClause: z.string(),
  }),
  reports: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      every: z.literal('month'),
      due: z.object({ kind: z.literal('nth_working_day_of_next_month'), n: z.number() }),
      clause: z.string(),
    }),
  ),
  deadlines: z.array(z.object({ id: z.string(), name: z.string(), rule: z.string(), clause: z.string() })),
  terminationTriggers: z.array(z.object({ id: z.string(), name: z.string(), clause: z.string() })),
};

export const PostContractsResponse = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  city: z.string(),
  parties: z.object({ partyA: z.object({ name: z.string() }), partyB: z.object({ name: z.string() }) }),
  signedOn: z.string(),
  term: z.object({ from: z.string(), to: z.string(), clause: z.string() }),
  totalFen: z.number(),
  totalClause: z.string(),
  payments: z.object({
    shares: z.array(z.number()),
    clause: z.string(),
    window: z.object({ kind: z.literal('first_days_of_next_quarter'), days: z.number(), clause: z.string() }),
    invoiceRequired: z.boolean(),
    invoiceClause: z.string().optional(),
  }),
  bond: z
    .object({
      shareBp: z.number(),
      amountFen: z.number(),
      form: z.string(),
      returnWithinWorkingDays: z.number(),
      clause: z.string(),
    })
    .nullable(),
  ...CONTRACT_TERMS,
  source: z.string().optional(),
  serviceStartWithinDays: z.object({ days: z.number(), clause: z.string() }).optional(),
});

/** A party of the contract as its file names it (the console shows the address and tax id when given). */
const Party = z.object({
  name: z.string(),
  address: z.string().optional(),
  taxId: z.string().optional(),
  creditCode: z.string().optional(),
});

/** A reading of an ambiguous clause (readings.ts describeReadings): value, question, options, in Chinese too. */
const ReadingUsed = z.object({
  key: z.string(),
  labelZh: z.string(),
  value: z.unknown(),
  valueZh: z.string(),
  isDefault: z.boolean(),
  question: z.string(),
  clause: z.string(),
  clauseZh: z.string(),
  options: z.string(),
});

export const ContractOverviewResponse = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  city: z.string(),
  parties: z.object({ partyA: Party, partyB: Party }),
  signedOn: z.string(),
  term: z.object({ from: z.string(), to: z.string(), clause: z.string() }),
  totalFen: z.number(),
  bondFen: z.number(),
  bondReturnBy: z.string().nullable(),
  payments: z.array(
    z.object({
      quarter: z.number(),
      shareBp: z.number(),
      baseFen: z.number(),
      period: z.object({ from: z.string(), to: z.string() }),
      dueFrom: z.string(),
      dueTo: z.string(),
      invoiceRequired: z.boolean(),
    }),
  ),
  rounding: z.string(),
  ...CONTRACT_TERMS,
  readings: z.array(ReadingUsed),
});

export const PutContractsIdReadingsKeyResponse = z.object({ key: z.string(), value: z.unknown() });

export const GetContractsIdSettlementsQuarterExportXlsxResponse = z.unknown();

// ---- Responses (the keys named by the issues are declared; the rest of a statement passes as computed) ----

const Warning = z.looseObject({
  code: z.string(),
  key: z.string(),
  message: z.string(),
  messageZh: z.string(),
  detail: z.record(z.string(), z.unknown()),
  acknowledged: z.object({ by: z.number().nullable(), at: z.string(), note: z.string() }).nullable(),
});

const IndicatorResult = z.looseObject({
  id: z.string(),
  no: z.number(),
  name: z.string(),
  period: z.string(),
  measuredFrom: z.string(),
  measuredTo: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  target: z.number(),
  comparator: z.enum(['>=', '<=']),
  met: z.boolean(),
  valueZh: z.string(),
  targetZh: z.string(),
  statusZh: z.string(),
  excluded: z.array(z.object({ reason: z.string(), ids: z.array(z.union([z.number(), z.string()])) })),
  evidence: z.looseObject({
    counted: z.array(z.union([z.number(), z.string()])),
    met: z.array(z.union([z.number(), z.string()])),
    entity: z.string(),
    /** Where to see the records when they are too many to list (calls). */
    drillDown: z.string().optional(),
  }),
  clause: z.string(),
  clauseZh: z.string(),
  provisional: z.boolean(),
});

/** Where a quarter's payment stands (statements-service.ts). */
export const STATEMENT_STATUSES = ['provisional', 'due', 'invoiced', 'paid', 'withheld'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

const RecordId = z.union([z.number(), z.string()]);

/** An indicator as the assessment answers it (issue 18): its counts and where to page its records from. */
const IndicatorSummary = IndicatorResult.extend({
  excluded: z.array(z.object({ reason: z.string(), count: z.number() })),
  evidence: z.object({
    entity: z.string(),
    /** How many records the figure counts, and how many of them are met. */
    counted: z.number(),
    met: z.number(),
    /** GET this (with `part`, `page`, `pageSize`) for the records themselves. */
    drillDown: z.string(),
    /** The console's list of records too many to page by id (a period's calls). */
    listPage: z.string().optional(),
  }),
});

/** A page of the records behind an indicator's figure (the assessment's drill-down). */
export const IndicatorRecordsResponse = z.object({
  indicator: z.string(),
  period: z.string(),
  asOf: z.string(),
  entity: z.string().nullable(),
  part: z.enum(['counted', 'met', 'unmet', 'excluded']),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(z.object({ id: RecordId, met: z.boolean().nullable(), reason: z.string().nullable() })),
  listPage: z.string().optional(),
});

/** 结算单 — one payment quarter as of a day (`hotline settle --json` prints the same object). */
export const StatementResponse = z.looseObject({
  contractId: z.string(),
  contractVersion: z.number(),
  /** SHA-256 of the contract definition used. */
  contractHash: z.string(),
  quarter: z.number(),
  asOf: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  baseFen: z.number(),
  deductions: z.array(
    z.looseObject({
      kind: z.string(),
      indicatorId: z.string().optional(),
      bp: z.number(),
      amountFen: z.number(),
      reason: z.string(),
      reasonZh: z.string(),
      reading: z.string(),
      clause: z.string(),
      clauseZh: z.string().optional(),
      evidence: z.unknown(),
    }),
  ),
  deductedFen: z.number(),
  carriedInFen: z.number(),
  payableFen: z.number(),
  carriedOutFen: z.number(),
  isLast: z.boolean(),
  dueFrom: z.string(),
  dueTo: z.string(),
  invoiceRequired: z.boolean(),
  provisional: z.boolean(),
  rounding: z.string(),
  roundingZh: z.string(),
  invoice: z.object({ required: z.boolean(), receivedOn: z.string().nullable(), ref: z.string().nullable() }),
  payment: z.object({ paidOn: z.string().nullable(), paidFen: z.number().nullable() }),
  warnings: z.array(Warning),
  bond: z.looseObject({
    amountFen: z.number(),
    returnBy: z.string().nullable(),
    drawnFen: z.number(),
    returnableFen: z.number(),
    unrecoveredFen: z.number(),
    /** Luohe art. 2.5: what holds the bond back (a quality problem); empty when none. */
    held: z.array(z.object({ code: z.string(), messageZh: z.string(), since: z.string() })),
  }),
  /** The clauses beside the money: payroll, hiring, 7×24, overtime, termination grounds, hand-over. */
  obligations: z.looseObject({
    payroll: z.unknown(),
    hiring: z.unknown(),
    serviceHours: z.unknown(),
    overtime: z.unknown(),
    terminationEvents: z.array(
      z.looseObject({ id: z.number(), name: z.string(), clause: z.string(), occurredOn: z.string() }),
    ),
    handover: z.looseObject({ dueBy: z.string(), complete: z.boolean(), overdue: z.boolean() }).nullable(),
  }),
  paymentWithheld: z.boolean(),
  notices: z.array(
    z.looseObject({
      code: z.string(),
      key: z.string(),
      message: z.string(),
      messageZh: z.string(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
  readings: z.array(ReadingUsed),
  settings: z.array(
    z.object({ key: z.string(), value: z.unknown(), labelZh: z.string(), source: z.string() }),
  ),
  assessments: z.array(IndicatorResult),
  status: z.enum(STATEMENT_STATUSES),
  statusZh: z.string(),
});

export const StatementWithHistoryResponse = z.object({
  current: StatementResponse,
  confirmed: z
    .object({
      at: z.date(),
      by: z.number().nullable(),
      note: z.string().nullable(),
      inputsHash: z.string(),
      outputsHash: z.string(),
      /** The statement as it was frozen (its shape is that of the day it was confirmed). */
      statement: z.unknown(),
    })
    .nullable(),
  difference: z
    .object({
      inputsChanged: z.boolean(),
      contractVersion: z.object({ confirmed: z.number(), now: z.number() }).nullable(),
      outputsChanged: z.boolean(),
      payableFen: z.object({ confirmed: z.number(), now: z.number(), delta: z.number() }),
      figures: z.array(
        z.object({
          id: z.string(),
          period: z.string(),
          confirmed: z
            .object({ numerator: z.number(), denominator: z.number(), met: z.boolean() })
            .nullable(),
          now: z.object({ numerator: z.number(), denominator: z.number(), met: z.boolean() }),
        }),
      ),
    })
    .nullable(),
});

export const ConfirmedStatementResponse = z.looseObject({
  id: z.number(),
  contractId: z.string(),
  periodKey: z.string(),
  inputsHash: z.string(),
  outputsHash: z.string(),
});

export const RecordPaymentResponse = z.object({
  quarter: z.number(),
  updatedAt: z.date(),
  updatedBy: z.number().nullable(),
  contractId: z.string(),
  invoiceReceivedOn: z.string().nullable(),
  invoiceRef: z.string().nullable(),
  paidOn: z.string().nullable(),
  paidFen: z.number().nullable(),
});

export const GetContractsIdReportsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      contractId: z.string(),
      reportId: z.string(),
      period: z.string(),
      title: z.string(),
      dueAt: z.date(),
      deliveredAt: z.date().nullable(),
      complete: z.boolean().nullable(),
      note: z.string().nullable(),
      deliveredBy: z.number().nullable(),
      checkedBy: z.number().nullable(),
      checkedAt: z.date().nullable(),
    }),
  ),
});

export const RecordDeliveryResponse = z.object({
  id: z.number(),
  contractId: z.string(),
  reportId: z.string(),
  period: z.string(),
  title: z.string(),
  dueAt: z.date(),
  deliveredAt: z.date().nullable(),
  complete: z.boolean().nullable(),
  note: z.string().nullable(),
  deliveredBy: z.number().nullable(),
  checkedBy: z.number().nullable(),
  checkedAt: z.date().nullable(),
});

/** 整改通知书: issued → responded → accepted or rejected (rectification-service.ts). */
export const RECTIFICATION_STATUSES = ['issued', 'responded', 'accepted', 'rejected'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
/** Where a notice stands as of now: its status, or overdue past its days, or closed once accepted. */
export const RECTIFICATION_STATES = [...RECTIFICATION_STATUSES, 'overdue', 'closed'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export const RectificationItem = z.object({ text: z.string(), basis: z.string().optional() });
export type RectificationItem = z.infer<typeof RectificationItem>;

export const GetContractsIdRectificationsResponse = z.object({
  items: z.array(
    z.object({
      state: z.enum(RECTIFICATION_STATES),
      thirdPartyAllowed: z.boolean(),
      id: z.number(),
      contractId: z.string(),
      number: z.string(),
      issuedAt: z.date(),
      issuedBy: z.number().nullable(),
      items: z.array(RectificationItem),
      dueAt: z.date().nullable(),
      response: z.string().nullable(),
      respondedAt: z.date().nullable(),
      respondedBy: z.number().nullable(),
      verification: z.string().nullable(),
      verifiedAt: z.date().nullable(),
      verifiedBy: z.number().nullable(),
      verificationNote: z.string().nullable(),
      status: z.enum(RECTIFICATION_STATUSES),
    }),
  ),
});

export const PostContractsIdRectificationsResponse = z.object({
  number: z.string(),
  id: z.number(),
  items: z.array(RectificationItem),
  response: z.string().nullable(),
  status: z.enum(RECTIFICATION_STATUSES),
  respondedAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  contractId: z.string(),
  issuedAt: z.date(),
  issuedBy: z.number().nullable(),
  respondedBy: z.number().nullable(),
  verification: z.string().nullable(),
  verifiedAt: z.date().nullable(),
  verifiedBy: z.number().nullable(),
  verificationNote: z.string().nullable(),
});

export const RespondRectificationResponse = z.object({
  id: z.number(),
  contractId: z.string(),
  number: z.string(),
  issuedAt: z.date(),
  issuedBy: z.number().nullable(),
  items: z.array(RectificationItem),
  dueAt: z.date().nullable(),
  response: z.string().nullable(),
  respondedAt: z.date().nullable(),
  respondedBy: z.number().nullable(),
  verification: z.string().nullable(),
  verifiedAt: z.date().nullable(),
  verifiedBy: z.number().nullable(),
  verificationNote: z.string().nullable(),
  status: z.enum(RECTIFICATION_STATUSES),
});

export const GetContractsRectificationsIdPrintResponse = z.string();

export const GetContractsIdSecurityIncidentsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      contractId: z.string(),
      occurredAt: z.date(),
      description: z.string(),
      major: z.boolean().nullable(),
      confirmedBy: z.number().nullable(),
      confirmedAt: z.date().nullable(),
      recordedBy: z.number().nullable(),
      recordedAt: z.date(),
    }),
  ),
});

export const PostContractsIdSecurityIncidentsResponse = z.object({
  id: z.number(),
  description: z.string(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
  major: z.boolean().nullable(),
  confirmedAt: z.date().nullable(),
  confirmedBy: z.number().nullable(),
  contractId: z.string(),
  occurredAt: z.date(),
});

export const ConfirmSecurityIncidentResponse = z.object({
  id: z.number(),
  contractId: z.string(),
  occurredAt: z.date(),
  description: z.string(),
  major: z.boolean().nullable(),
  confirmedBy: z.number().nullable(),
  confirmedAt: z.date().nullable(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
});
export const AcknowledgedWarning = z.object({
  key: z.string(),
  code: z.string(),
  note: z.string(),
  acknowledgedAt: z.string(),
});

/** 考核 — every indicator over one period as of a day (`hotline assess --json`). */
export const AssessmentResponse = z.looseObject({
  contract: z.object({ id: z.string(), version: z.number(), name: z.string() }),
  period: z.object({ key: z.string(), kind: z.string(), from: z.string(), to: z.string() }),
  asOf: z.string(),
  provisional: z.boolean(),
  indicators: z.array(IndicatorSummary),
  readings: z.array(ReadingUsed),
});

/** 甲方记录的扣款 (third-party cost, art. 5.4; subcontracting, Sanmenxia art. 19). */
export const Charge = z.object({
  id: z.number(),
  contractId: z.string(),
  kind: z.string(),
  occurredOn: z.string(),
  amountFen: z.number(),
  note: z.string(),
  recordedBy: z.number().nullable(),
  recordedAt: z.string(),
});
export const ChargesResponse = z.object({ items: z.array(Charge) });

/** 履约记录 — a fact a clause asks for (payroll, hiring, termination ground, hand-over, quality problem, renewal). */
export const ContractRecordResponse = z.object({
  id: z.number(),
  contractId: z.string(),
  kind: z.string(),
  subject: z.string(),
  occurredOn: z.string(),
  data: z.record(z.string(), z.unknown()),
  recordedBy: z.number().nullable(),
  recordedAt: z.string(),
  checkedBy: z.number().nullable(),
  checkedAt: z.string().nullable(),
  accepted: z.boolean().nullable(),
  checkNote: z.string().nullable(),
});
export const ContractRecordsResponse = z.object({ items: z.array(ContractRecordResponse) });

/** 续签考核 — the contract year's assessment behind a renewal decision (Sanmenxia art. 17). */
export const RenewalResponse = z.object({
  asOf: z.string(),
  tenderYears: z.number().nullable(),
  clause: z.string().nullable(),
  reading: z.string(),
  indicators: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      met: z.boolean(),
      valueZh: z.string(),
      targetZh: z.string(),
    }),
  ),
  missed: z.array(z.object({ id: z.string(), name: z.string(), valueZh: z.string() })),
  terminationGrounds: z.array(z.string()),
  qualified: z.boolean(),
  decisions: z.array(ContractRecordResponse),
});
