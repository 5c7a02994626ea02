import { z } from 'zod';
import { zDate, zId, zInstant, zInt } from '../../platform/input.ts';
import { STATUSES } from './state-machine.ts';

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

/** The office's decisions on a dispatch dispute (派单异议): 维持, 改派, 联合办理. */
export const DISPUTE_DECISIONS = ['uphold', 'redirect', 'joint'] as const;
export type DisputeDecision = (typeof DISPUTE_DECISIONS)[number];

const id = zId;
/** A caller's telephone number as any intake takes it (the hotline's forms, Open311). */
export const zCallerPhone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, 'a telephone number: digits, "+", "-", spaces (5–20)');
const expectedVersion = zId.optional().describe('optimistic lock: 409 when stale');

export const CallerInput = z.object({
  name: z.string().trim().max(50).nullish(),
  phone: zCallerPhone.nullish(),
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
  receivedAt: zInstant.optional(),
});
export type CreateOrderInput = z.infer<typeof CreateOrderInput>;

export const PublicSubmissionInput = z.object({
  channel: z.enum(['web', 'app', 'wechat']).default('web'),
  type: z.enum(ORDER_TYPES),
  title: title.optional(),
  content,
  caller: z.object({
    name: z.string().trim().min(1).max(50).nullish(),
    phone: zCallerPhone,
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
  'close-direct': z.object({
    expectedVersion,
    answer: text(),
    /** Knowledge articles quoted in the answer (引用到答复). */
    articleIds: z.array(z.number().int().positive().max(2_147_483_647)).max(10).optional(),
  }),
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
  /** 退回重办 — the office finds the reply does not answer the request and sends it back before the callback. */
  'send-back': z.object({ expectedVersion, reason: text(2000) }),
  reply: z.object({ expectedVersion, reply: text() }),
  callback: z
    .object({
      expectedVersion,
      reached: z.boolean(),
      /** Satisfaction with the handling of the matter. */
      satisfaction: z.enum(SATISFACTIONS).optional(),
      /** Satisfaction with the agent's attitude, asked separately (Luohe KPI 7). */
      attitude: z.enum(SATISFACTIONS).optional(),
      /** 是否解决 — whether the citizen says the matter was solved (asked next to satisfaction). */
      resolved: z.boolean().optional(),
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
      if (v.resolved !== undefined && !v.reached) {
        ctx.addIssue({
          code: 'custom',
          path: ['resolved'],
          message: 'only a reached citizen can say whether the matter was solved',
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
  /** 协办签收 / 协办答复 — a co-handling department's own part (issue 17). */
  'co-sign': z.object({ expectedVersion, note }),
  'co-reply': z.object({ expectedVersion, reply: text() }),
  /** 解除协办 — the office releases a co-handler that has not answered, naming it and why. */
  'release-co': z.object({ expectedVersion, departmentId: id, reason: text(1000) }),
  /** 派单异议 — the lead department says the dispatch is not its matter, optionally naming the right one. */
  dispute: z.object({
    expectedVersion,
    reason: text(1000),
    proposedDepartmentId: id.optional(),
  }),
  /**
   * 异议裁定 — uphold (维持), redirect (改派, to `departmentId` or else the proposed one, with a new deadline) or
   * joint (联合办理: `departmentId` or else the proposed one joins as a co-handler).
   */
  'decide-dispute': z.object({
    expectedVersion,
    decision: z.enum(DISPUTE_DECISIONS),
    departmentId: id.optional(),
    timeLimitWorkingDays: z.number().int().min(1).max(365).optional(),
    note,
  }),
  /** 申请挂起 — a reason from the setting orders.pauseReasons, and the city day handling should resume on. */
  'request-pause': z.object({
    expectedVersion,
    reasonCode: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'a snake_case reason code'),
    note: text(1000),
    expectedResumeOn: zDate,
  }),
  'decide-pause': z.object({ expectedVersion, approve: z.boolean(), note }),
  /** 恢复办理 — the clock runs again; the deadline moves by the paused working time. */
  resume: z.object({ expectedVersion, note }),
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
  pauseState: z.enum(['none', 'pending', 'paused']).optional().describe('挂起: asked (pending) or running'),
  callerPhone: z.string().trim().max(20).optional(),
  q: z.string().trim().max(100).optional().describe('number, title or content'),
  from: zInstant.optional().describe('received at or after'),
  to: zInstant.optional().describe('received before'),
  sort: z.enum(['receivedAt', '-receivedAt', 'handleDueAt', '-handleDueAt', 'number']).default('-receivedAt'),
  page: zInt(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListOrdersQuery = z.infer<typeof ListOrdersQuery>;

// What each route answers. Fastify serialises every answer through these, so a field not declared here is
// not sent, and an answer that does not match fails loudly instead of reaching the console.

/** One work order as `presentOrder` shows it to an actor (caller masked by need to know). */
export const OrderView = z.object({
  id: z.number(),
  number: z.string(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  channel: z.string(),
  type: z.string(),
  categoryId: z.number().nullable(),
  categoryPath: z.array(z.string()).nullable(),
  urgency: z.string(),
  title: z.string(),
  content: z.string(),
  caller: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    masked: z.boolean(),
    anonymous: z.boolean(),
    callbackWanted: z.boolean(),
  }),
  location: z.object({ district: z.string().nullable(), address: z.string().nullable() }),
  departmentId: z.number().nullable(),
  departmentName: z.string().nullable(),
  coDepartmentIds: z.array(z.number()),
  receivedAt: z.date(),
  responseDueAt: z.date().nullable(),
  respondedAt: z.date().nullable(),
  timeLimitDays: z.number().nullable(),
  handleDueAt: z.date().nullable(),
  activeDeadline: z.object({ kind: z.enum(['response', 'handling']), dueAt: z.date() }).nullable(),
  deadlineState: z.string(),
  dispatchedAt: z.date().nullable(),
  repliedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  archivedAt: z.date().nullable(),
  answer: z.string().nullable(),
  /** 引用的知识 — the knowledge articles the direct answer quoted (issue 13). */
  answerArticleIds: z.array(z.number()),
  reply: z.string().nullable(),
  satisfaction: z.string().nullable(),
  reopenCount: z.number(),
  returnCount: z.number(),
  returnJudgementPending: z.boolean(),
  extensionPending: z.boolean(),
  appealStatus: z.string(),
  excludedFromAssessment: z.boolean(),
  mergedIntoId: z.number().nullable(),
  version: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
  allowedActions: z.array(z.enum(ACTION_NAMES as [ActionName, ...ActionName[]])),
  /** 挂起: none, pending (awaiting the office) or paused (the handling clock stopped). */
  pauseState: z.enum(['none', 'pending', 'paused']),
});

/** A list row: the order and what waits for a decision on it (a return, an extension, an appeal). */
export const OrderListItem = OrderView.extend({
  pending: z.object({
    return: z
      .object({
        departmentId: z.number(),
        reasonCode: z.string(),
        reason: z.string(),
        returnedAt: z.date(),
      })
      .optional(),
    extension: z.object({ workingDays: z.number(), reason: z.string(), requestedAt: z.date() }).optional(),
    appeal: z.object({ reason: z.string(), appellantRole: z.string(), appealedAt: z.date() }).optional(),
    pause: z
      .object({
        reasonCode: z.string(),
        note: z.string(),
        expectedResumeOn: z.string(),
        requestedAt: z.date(),
      })
      .optional(),
  }),
});

export const ListOrdersResponse = z.object({
  items: z.array(OrderListItem),
  total: z.number(),
  totalCapped: z
    .boolean()
    .optional()
    .describe(
      'true when `total` is a floor: a text search (`q`) counts its matches up to 1,000 (narrow it to see the rest)',
    ),
  page: z.number(),
  pageSize: z.number(),
});

/** 挂起 — one pause as the order's detail shows it. */
export const OrderPauseView = z.object({
  id: z.number(),
  orderId: z.number(),
  dispatchId: z.number().nullable(),
  departmentId: z.number(),
  reasonCode: z.string(),
  note: z.string(),
  expectedResumeOn: z.string(),
  requestedAt: z.date(),
  requestedBy: z.number().nullable(),
  status: z.enum(['pending', 'rejected', 'withdrawn', 'active', 'ended']),
  decidedAt: z.date().nullable(),
  decidedBy: z.number().nullable(),
  decisionNote: z.string().nullable(),
  startedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  endedBy: z.number().nullable(),
  endReason: z.string().nullable(),
  pausedWorkingMinutes: z.number().nullable(),
  oldDueAt: z.date().nullable(),
  newDueAt: z.date().nullable(),
});

/** The order with its history and the rows of each kind of step (dispatches, returns, extensions, …). */
export const OrderDetail = OrderView.extend({
  history: z.array(
    z.object({
      id: z.number(),
      action: z.string(),
      at: z.date(),
      actor: z.object({ id: z.number().nullable(), role: z.string(), name: z.string().nullable() }),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      note: z.string().nullable(),
      data: z.unknown(),
    }),
  ),
  dispatches: z.array(
    z.object({
      id: z.number(),
      orderId: z.number(),
      departmentId: z.number(),
      coDepartmentIds: z.array(z.number()),
      dispatchedAt: z.date(),
      dispatchedBy: z.number().nullable(),
      timeLimitDays: z.number(),
      dueAt: z.date(),
      reopen: z.boolean(),
      signedAt: z.date().nullable(),
      endedAt: z.date().nullable(),
      outcome: z.string().nullable(),
    }),
  ),
  returns: z.array(
    z.object({
      id: z.number(),
      orderId: z.number(),
      dispatchId: z.number(),
      departmentId: z.number(),
      reasonCode: z.string(),
      reason: z.string(),
      returnedAt: z.date(),
      returnedBy: z.number().nullable(),
      operatorFault: z.boolean().nullable(),
      judgedAt: z.date().nullable(),
      judgedBy: z.number().nullable(),
      judgeNote: z.string().nullable(),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.number(),
      orderId: z.number(),
      departmentId: z.number(),
      workingDays: z.number(),
      reason: z.string(),
      requestedAt: z.date(),
      requestedBy: z.number().nullable(),
      outcome: z.string(),
      decidedAt: z.date().nullable(),
      decidedBy: z.number().nullable(),
      decisionNote: z.string().nullable(),
      oldDueAt: z.date().nullable(),
      newDueAt: z.date().nullable(),
    }),
  ),
  appeals: z.array(
    z.object({
      id: z.number(),
      orderId: z.number(),
      reason: z.string(),
      appealedAt: z.date(),
      appealedBy: z.number().nullable(),
      appellantRole: z.string(),
      accepted: z.boolean().nullable(),
      decidedAt: z.date().nullable(),
      decidedBy: z.number().nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
  callbacks: z.array(
    z.object({
      id: z.number(),
      orderId: z.number(),
      at: z.date(),
      agentId: z.number().nullable(),
      reached: z.boolean(),
      satisfaction: z.string().nullable(),
      attitudeSatisfaction: z.string().nullable(),
      /** 是否解决: true, false, or null when not asked. */
      resolved: z.boolean().nullable(),
      unreachedCallbacks: z.number(),
      note: z.string().nullable(),
      reopened: z.boolean(),
    }),
  ),
  supervisions: z.array(
    z.object({
      id: z.number(),
      orderId: z.number(),
      at: z.date(),
      byUserId: z.number().nullable(),
      kind: z.string(),
      note: z.string(),
    }),
  ),
  /** 协办任务 — each co-handler's own part: its deadline, sign, answer, release (issue 17). */
  coTasks: z.array(
    z.object({
      id: z.number(),
      dispatchId: z.number().nullable(),
      departmentId: z.number(),
      departmentName: z.string().nullable(),
      openedAt: z.date(),
      dueAt: z.date(),
      signedAt: z.date().nullable(),
      repliedAt: z.date().nullable(),
      reply: z.string().nullable(),
      releasedAt: z.date().nullable(),
      releaseReason: z.string().nullable(),
      closedAt: z.date().nullable(),
      overdue: z.boolean(),
    }),
  ),
  pauses: z.array(OrderPauseView),
});

/** An action's answer: the order after it, and warnings the actor should see (e.g. a late reply). */
export const OrderActionResponse = OrderDetail.extend({ warnings: z.array(z.string()) });

const StatsCount = z.object({ key: z.string(), label: z.string().optional(), count: z.number() });
const StatsBreakdown = z.object({
  total: z.number(),
  byChannel: z.array(StatsCount),
  byType: z.array(StatsCount),
  byStatus: z.array(StatsCount),
  byCategory: z.array(StatsCount),
});

export const PostPublicOrdersResponse = z.object({
  number: z.string(),
  trackingCode: z.string(),
  status: z.string(),
  receivedAt: z.date(),
  responseDueAt: z.date().nullable(),
});

export const TrackPublicOrderResponse = z.object({
  number: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  type: z.string(),
  title: z.string(),
  content: z.string(),
  receivedAt: z.date(),
  responseDueAt: z.date().nullable(),
  department: z.string().nullable(),
  handleDueAt: z.date().nullable(),
  answer: z.string().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  timeline: z.array(
    z.object({ at: z.date(), action: z.string(), label: z.string().optional(), status: z.string() }),
  ),
});

export const OverviewStatsResponse = z.object({
  today: StatsBreakdown,
  month: StatsBreakdown,
  overdueByDepartment: z.array(z.object({ count: z.number(), departmentId: z.number(), name: z.string() })),
  trend: z.array(z.object({ date: z.string(), count: z.number(), closed: z.number() })),
  /** This month's callbacks that reached the citizen, and 是否解决 as they answered (not asked: in neither). */
  callbacks: z.object({ reached: z.number(), resolved: z.number(), unresolved: z.number() }),
});

export const QueueCountsResponse = z.record(z.string(), z.number());

/** GET /api/orders/pause-reasons — the reasons a pause may be asked for, and the longest one. */
export const PauseReasonsResponse = z.object({
  reasons: z.array(z.object({ code: z.string(), label: z.string() })),
  maxWorkingDays: z.number(),
});
