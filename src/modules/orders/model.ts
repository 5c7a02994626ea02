import { z } from 'zod';

/** 渠道 — how the request came in. */
export const CHANNELS = ['phone', 'web', 'app', 'wechat', 'email', 'letter', 'transfer'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Online channels owe a first response within 1 working day (Luohe art. 11, KPI 2 网络工单回应率). */
export const ONLINE_CHANNELS: readonly Channel[] = ['web', 'app', 'wechat', 'email'];

/** 诉求类型: 咨询 求助 投诉 举报 建议 表扬 其他. */
export const ORDER_TYPES = [
  'inquiry',
  'help',
  'complaint',
  'report',
  'suggestion',
  'praise',
  'other',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/**
 * Reasons a department gives when returning an order (退回). The list is what the console offers; other
 * snake_case codes are accepted so a city can add its own without a release.
 */
export const RETURN_REASON_CODES = [
  'not_our_duty',
  'wrong_category',
  'out_of_jurisdiction',
  'insufficient_info',
  'duplicate',
  'other',
] as const;

const id = z.coerce.number().int().positive();
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, 'a telephone number: digits, "+", "-", spaces (5–20)');
const expectedVersion = z.number().int().positive().optional().describe('optimistic lock: 409 when stale');

export const CallerInput = z.object({
  name: z.string().trim().max(50).nullish(),
  phone: phone.nullish(),
  /** The caller does not want their identity shown to the handling department. */
  anonymous: z.boolean().default(false),
  /** The caller agrees to be called back (回访); without a phone there can be none. */
  callbackWanted: z.boolean().default(true),
});

export const LocationInput = z.object({
  district: z.string().trim().max(50).nullish(),
  address: z.string().trim().max(200).nullish(),
});

const content = z.string().trim().min(1, 'required').max(5000);
const title = z.string().trim().min(1).max(100);

export const CreateOrderInput = z.object({
  channel: z.enum(CHANNELS),
  type: z.enum(ORDER_TYPES),
  categoryId: id.nullish(),
  urgency: z.enum(URGENCIES).default('normal'),
  title: title.optional(),
  content,
  caller: CallerInput.default({ anonymous: false, callbackWanted: true }),
  location: LocationInput.default({}),
  /** When the request actually arrived (a letter, a transfer); defaults to now, never in the future. */
  receivedAt: z.coerce.date().optional(),
});
export type CreateOrderInput = z.infer<typeof CreateOrderInput>;

export const PublicSubmissionInput = z.object({
  channel: z.enum(['web', 'app', 'wechat']).default('web'),
  type: z.enum(ORDER_TYPES),
  title: title.optional(),
  content,
  caller: z.object({
    name: z.string().trim().min(1).max(50).nullish(),
    phone,
    anonymous: z.boolean().default(false),
    callbackWanted: z.boolean().default(true),
  }),
  location: LocationInput.default({}),
});
export type PublicSubmissionInput = z.infer<typeof PublicSubmissionInput>;

const note = z.string().trim().max(2000).optional();
const text = (max = 5000) => z.string().trim().min(1, 'required').max(max);

/** The body of each action, `POST /api/orders/:id/actions/:action`. */
export const ACTION_INPUTS = {
  accept: z.object({
    expectedVersion,
    note,
    /** The agent classifies the submission while taking it in. */
    categoryId: id.optional(),
    type: z.enum(ORDER_TYPES).optional(),
    urgency: z.enum(URGENCIES).optional(),
  }),
  'close-direct': z.object({ expectedVersion, answer: text() }),
  dispatch: z.object({
    expectedVersion,
    departmentId: id,
    coDepartmentIds: z.array(id).max(10).default([]),
    timeLimitWorkingDays: z.number().int().min(1).max(365).optional(),
    note,
  }),
  sign: z.object({ expectedVersion, note }),
  return: z.object({
    expectedVersion,
    reasonCode: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'a snake_case reason code'),
    reason: text(1000),
  }),
  'judge-return': z.object({ expectedVersion, operatorFault: z.boolean(), note }),
  'request-extension': z.object({
    expectedVersion,
    workingDays: z.number().int().min(1).max(60),
    reason: text(1000),
  }),
  'decide-extension': z.object({ expectedVersion, approve: z.boolean(), note }),
  supervise: z.object({ expectedVersion, note: text(2000) }),
  instruct: z.object({ expectedVersion, text: text(2000) }),
  reply: z.object({ expectedVersion, reply: text() }),
  callback: z
    .object({
      expectedVersion,
      reached: z.boolean(),
      /** Satisfaction with the handling of the matter. */
      satisfaction: z.enum(SATISFACTIONS).optional(),
      /** Satisfaction with the agent's attitude, asked separately (Luohe KPI 7). */
      attitude: z.enum(SATISFACTIONS).optional(),
      note,
      reopen: z.boolean().default(false),
    })
    .superRefine((v, ctx) => {
      if (v.reached && !v.satisfaction) {
        ctx.addIssue({
          code: 'custom',
          path: ['satisfaction'],
          message: 'required when the citizen was reached',
        });
      }
      if (v.reopen && !v.reached) {
        ctx.addIssue({
          code: 'custom',
          path: ['reopen'],
          message: 'only a reached citizen can have the order reopened',
        });
      }
    }),
  close: z.object({ expectedVersion, note }),
  appeal: z.object({ expectedVersion, reason: text(2000) }),
  'decide-appeal': z.object({ expectedVersion, accept: z.boolean(), note }),
  merge: z.object({ expectedVersion, intoOrderId: id, note }),
  archive: z.object({ expectedVersion, note }),
} as const;

export type ActionName = keyof typeof ACTION_INPUTS;
export const ACTION_NAMES = Object.keys(ACTION_INPUTS) as ActionName[];
export type ActionInput<A extends ActionName> = z.infer<(typeof ACTION_INPUTS)[A]>;

export const ListOrdersQuery = z.object({
  status: z.string().optional().describe('one status or several separated by commas'),
  departmentId: id.optional(),
  categoryId: id.optional().describe('includes the sub-categories'),
  channel: z.enum(CHANNELS).optional(),
  type: z.enum(ORDER_TYPES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  dueSoon: z.enum(['true', 'false']).optional().describe('due within one working day, not yet overdue'),
  appealStatus: z.enum(['none', 'pending', 'accepted', 'rejected']).optional(),
  extensionPending: z.enum(['true', 'false']).optional(),
  unjudgedReturn: z.enum(['true', 'false']).optional(),
  callerPhone: z.string().trim().max(20).optional(),
  q: z.string().trim().max(100).optional().describe('number, title or content'),
  from: z.coerce.date().optional().describe('received at or after'),
  to: z.coerce.date().optional().describe('received before'),
  sort: z.enum(['receivedAt', '-receivedAt', 'handleDueAt', '-handleDueAt', 'number']).default('-receivedAt'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListOrdersQuery = z.infer<typeof ListOrdersQuery>;
