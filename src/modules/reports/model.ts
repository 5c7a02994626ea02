import { z } from 'zod';
import { validationFailed } from '../../platform/errors.ts';

/** A month `YYYY-MM` (01–12), the only period the monthly analysis (月常规业务数据分析) takes. */
export const MonthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

/** The month, checked; a bad one is a 400 naming `month`. Years outside 2000–2099 are refused as hostile. */
export function parseMonth(value: string): string {
  const ok = MonthKey.safeParse(value).success && value >= '2000-01' && value <= '2099-12';
  if (!ok) throw validationFailed([{ field: 'month', message: 'a month YYYY-MM (2000-01 … 2099-12)' }]);
  return value;
}

const rate = z.number().nullable();
const Counted = z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() }));

export const CallFiguresSchema = z.object({
  offered: z.number().int(),
  answered: z.number().int(),
  abandoned: z.number().int(),
  abandonedByCaller: z.number().int(),
  waiting: z.number().int(),
  answerRate: rate,
  answeredWithin15s: z.number().int(),
  answeredWithin15sRate: rate,
  asaSeconds: z.number().nullable(),
  ahtSeconds: z.number().nullable(),
  longestWaitSeconds: z.number().nullable(),
});

const DayCalls = CallFiguresSchema.pick({
  offered: true,
  answered: true,
  abandoned: true,
  answerRate: true,
  answeredWithin15sRate: true,
  asaSeconds: true,
}).extend({ date: z.string() });

const SlotCalls = z.object({
  slot: z.string(),
  offered: z.number().int(),
  answered: z.number().int(),
  answeredWithin15s: z.number().int(),
  answerRate: rate,
});

export const DepartmentHandlingSchema = z.object({
  departmentId: z.number().int(),
  name: z.string(),
  received: z.number().int(),
  signedOnTime: z.number().int(),
  due: z.number().int(),
  handledOnTime: z.number().int(),
  overdue: z.number().int(),
  returned: z.number().int(),
  returnedOperatorFault: z.number().int(),
  returnedNotOperatorFault: z.number().int(),
  returnedUnjudged: z.number().int(),
  extensions: z.number().int(),
  extensionsApproved: z.number().int(),
  extensionsRejected: z.number().int(),
  satisfied: z.number().int(),
  basicallySatisfied: z.number().int(),
  unsatisfied: z.number().int(),
});

export const IndicatorRow = z.object({
  no: z.number().int(),
  id: z.string(),
  name: z.string(),
  period: z.string(),
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  target: z.number(),
  comparator: z.enum(['>=', '<=']),
  met: z.boolean(),
  provisional: z.boolean(),
});

/** 月常规业务数据分析 — the one model the DOCX, PDF, XLSX and the console screen are all drawn from. */
export const MonthlyReport = z.object({
  month: z.string(),
  from: z.string(),
  to: z.string(),
  generatedAt: z.date(),
  contract: z.object({ id: z.string(), version: z.number().int(), name: z.string() }).nullable(),
  calls: z.object({
    totals: CallFiguresSchema,
    days: z.array(DayCalls),
    slots: z.array(SlotCalls),
    missedCallbacks: z.object({
      missed: z.number().int(),
      done: z.number().int(),
      unreachable: z.number().int(),
      open: z.number().int(),
      doneInTime: z.number().int(),
    }),
  }),
  orders: z.object({
    total: z.number().int(),
    previousTotal: z.number().int(),
    byChannel: Counted,
    byType: Counted,
    byCategory: Counted,
    byDistrict: Counted,
    byDepartment: Counted,
  }),
  topMatters: z.array(
    z.object({
      categoryId: z.number().int(),
      name: z.string(),
      count: z.number().int(),
      previous: z.number().int(),
    }),
  ),
  hotTopics: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      brief: z.string().nullable(),
      district: z.string().nullable(),
      orders: z.number().int(),
      confirmedAt: z.date().nullable(),
    }),
  ),
  handling: z.object({
    totals: DepartmentHandlingSchema.omit({ departmentId: true, name: true }),
    departments: z.array(DepartmentHandlingSchema),
  }),
  callbacks: z.object({
    attempts: z.number().int(),
    reached: z.number().int(),
    ordersReached: z.number().int(),
    reopened: z.number().int(),
    satisfied: z.number().int(),
    basicallySatisfied: z.number().int(),
    unsatisfied: z.number().int(),
    /** 是否解决 at reached callbacks: said solved, said not solved (not asked: in neither). */
    resolved: z.number().int(),
    unresolved: z.number().int(),
  }),
  indicators: z.array(IndicatorRow),
  summary: z.array(z.string()),
  sections: z.array(z.object({ id: z.string(), title: z.string(), present: z.boolean() })),
  settings: z.object({ signWithinHours: z.number().int() }),
});
export type MonthlyReport = z.infer<typeof MonthlyReport>;
export type DepartmentHandlingRow = z.infer<typeof DepartmentHandlingSchema>;
export type HandlingTotals = MonthlyReport['handling']['totals'];

/** The office files the reports; the operator's management (team leads, its analysts) prepares them. */
export const REPORT_READERS = ['office', 'team_lead', 'admin'] as const;

/** A generated file: the bytes are sent as they are (never through the JSON serialiser). */
export const FileResponse = z.string().meta({ format: 'binary', description: 'the file' });
