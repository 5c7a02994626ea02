/** Request and response schemas of the planning routes (forecast, rotas, shifts). */
import { z } from 'zod';
import { isLocalDate } from '../../calendar/index.ts';
import { zInstant } from '../../platform/input.ts';

export const planDay = z
  .string()
  .refine((s) => isLocalDate(s), { message: 'must be a real date YYYY-MM-DD' });

export const ForecastQuery = z.object({ from: planDay, to: planDay });
export const ForecastResponse = z.object({
  from: z.string(),
  to: z.string(),
  intervals: z.array(z.object({ start: z.date(), expected: z.number(), actual: z.number().nullable() })),
  days: z.array(z.object({ date: z.string(), kind: z.string(), expected: z.number() })),
  basis: z.object({
    historyFrom: z.string().nullable(),
    historyDays: z.number(),
    outlierDays: z.array(z.string()),
    level: z.number(),
    slopePerDay: z.number(),
  }),
});

export const RotaCreate = z.object({
  from: planDay,
  weeks: z.number().int().min(1).max(8).default(4),
  agents: z.number().int().min(1).max(1000).optional(),
  /** lp (default): the integer programme's shift counts, then agents; heuristic: the greedy alone. */
  method: z.enum(['lp', 'heuristic']).default('lp'),
});

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const ShiftsReplace = z.object({
  shifts: z
    .array(
      z.object({
        agent: z.string().min(1).max(100),
        start: instant,
        end: instant,
        template: z.string().max(20).nullable().optional(),
      }),
    )
    .max(20_000),
});

const Agent = z.object({
  agent: z.string(),
  name: z.string(),
  memberId: z.number().nullable(),
  userId: z.number().nullable(),
});
const Violation = z.object({
  code: z.string(),
  agent: z.string().nullable(),
  at: z.string(),
  hours: z.number().optional(),
  rule: z.string(),
});
export const RotaSummary = z.object({
  id: z.number(),
  from: z.string(),
  weeks: z.number(),
  status: z.enum(['draft', 'published']),
  agents: z.number(),
  createdAt: z.date(),
  publishedAt: z.date().nullable(),
});
export const RotaList = z.object({ items: z.array(RotaSummary) });
export const RotaDetail = z.object({
  id: z.number(),
  from: z.string(),
  weeks: z.number(),
  status: z.enum(['draft', 'published']),
  note: z.string().nullable(),
  agents: z.array(Agent),
  parameters: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  updatedAt: z.date(),
  publishedAt: z.date().nullable(),
  shifts: z.array(
    z.object({
      id: z.number(),
      agent: z.string(),
      memberId: z.number().nullable(),
      template: z.string().nullable(),
      start: z.date(),
      end: z.date(),
    }),
  ),
  coverage: z.array(z.object({ start: z.date(), required: z.number(), scheduled: z.number() })),
  summary: z.object({
    intervals: z.number(),
    intervalsMet: z.number(),
    coverage: z.number(),
    shortAgentSlots: z.number(),
    shortShare: z.number(),
  }),
  violations: z.array(Violation),
});
export const MyShiftsQuery = z.object({ from: planDay, to: planDay });
export const MyShifts = z.object({
  items: z.array(
    z.object({ rotaId: z.number(), template: z.string().nullable(), start: z.date(), end: z.date() }),
  ),
});

export const PayQuery = z.object({ monthlyWageFen: z.coerce.number().int().min(1).max(1_000_000_000) });
export const PayResponse = z.object({
  lines: z.array(
    z.object({
      agent: z.string(),
      name: z.string(),
      month: z.string(),
      hours: z.number(),
      overtime150: z.number(),
      restDay200: z.number(),
      holiday300: z.number(),
      overtimePayFen: z.number().int(),
      /** Work days taken from the clock-in records / from the published rota (less leave). */
      attendanceDays: z.number().int(),
      rotaDays: z.number().int(),
      days: z.array(
        z.object({ date: z.string(), source: z.enum(['attendance', 'rota']), hours: z.number() }),
      ),
    }),
  ),
});

/** 考勤导入: the clock system's CSV as text (attendance.ts names the columns). */
export const ATTENDANCE_CSV_MAX = 5_000_000;
export const AttendanceImport = z.object({ csv: z.string().min(1).max(ATTENDANCE_CSV_MAX) });
export const AttendanceImported = z.object({
  imported: z.number().int(),
  repeats: z.number().int(),
  members: z.number().int(),
  from: z.string(),
  to: z.string(),
});
export const AttendanceQuery = z.object({ from: planDay, to: planDay });
export const AttendanceList = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      memberId: z.number(),
      name: z.string(),
      workDate: z.string(),
      clockIn: z.date(),
      clockOut: z.date(),
      hours: z.number(),
    }),
  ),
});

/** 人力测算: head counts (comma-separated, at most five) for `from`/`weeks`, or a stored rota as edited. */
export const WhatIfQuery = z
  .object({
    from: planDay.optional(),
    weeks: z.coerce.number().int().min(1).max(8).default(4),
    agents: z
      .string()
      .max(40)
      .regex(/^\d{1,3}(,\d{1,3}){0,4}$/, 'head counts 1–500, comma-separated, at most five')
      .transform((s) => s.split(',').map(Number))
      .refine((a) => a.every((n) => n >= 1 && n <= 500), 'head counts 1–500')
      .optional(),
    rota: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    simulateWeeks: z.coerce.number().int().min(1).max(4).default(1),
    seed: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.rota == null && q.from == null)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'from (with agents) or rota is required' });
    if (q.rota != null && q.agents != null)
      ctx.addIssue({ code: 'custom', path: ['agents'], message: 'give head counts or a rota, not both' });
  });

const Money = z.object({
  line: z.number(),
  meets: z.boolean().nullable(),
  stakeFen: z.number().nullable(),
  deductionFen: z.number().nullable(),
});
export const WhatIfResponse = z.object({
  from: z.string(),
  weeks: z.number(),
  simulateWeeks: z.number(),
  line: z.number(),
  contract: z.object({ id: z.string(), totalFen: z.number().nullable() }).nullable(),
  rows: z.array(
    z.object({
      agents: z.number(),
      rotaId: z.number().nullable(),
      coverage: z.number(),
      erlangAnswerRate: z.number().nullable(),
      simulatedAnswerRate: z.number(),
      simulatedOffered: z.number(),
      erlang: Money,
      simulated: Money,
      days: z.array(z.object({ date: z.string(), erlangAnswerRate: z.number().nullable() })),
    }),
  ),
});

export const ShiftTemplates = z.object({
  items: z.array(z.object({ code: z.string(), name: z.string(), startHour: z.number(), hours: z.number() })),
});

/** 更正 / 删除 a stored attendance record: a reason is required (the office must see why a clock-in changed). */
const reason = z.string().trim().min(1).max(500);
export const AttendanceCorrectionBody = z.object({ clockIn: zInstant, clockOut: zInstant, reason });
export const AttendanceDeleteBody = z.object({ reason });
export const AttendanceCorrected = z.object({
  id: z.number(),
  memberId: z.number(),
  workDate: z.string(),
  clockIn: z.date(),
  clockOut: z.date(),
  reason: z.string(),
});
export const AttendanceDeleted = z.object({ id: z.number(), deleted: z.literal(true) });
const changeTimes = z.object({ clockIn: z.string(), clockOut: z.string() });
export const AttendanceChanges = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      recordId: z.number(),
      memberId: z.number(),
      name: z.string(),
      workDate: z.string(),
      action: z.enum(['correct', 'delete']),
      before: changeTimes,
      after: changeTimes.nullable(),
      reason: z.string(),
      changedBy: z.string(),
      changedAt: z.date(),
    }),
  ),
});
/** The pay workbook (pay-xlsx.ts) as a download. */
export const PayWorkbookFile = z.string().meta({ format: 'binary', description: 'the XLSX workbook' });
