import { z } from 'zod';

// What each route answers. Fastify serialises every answer through these, so a field not declared here is
// not sent, and an answer that does not match fails loudly instead of reaching the console.

export const GetQualityCallbacksResponse = z.object({
  items: z.array(
    z.object({
      dueAt: z.date(),
      overdue: z.boolean(),
      id: z.number(),
      number: z.string(),
      title: z.string(),
      status: z.string(),
      repliedAt: z.date(),
      reached: z.boolean(),
      attempts: z.number(),
      lastAttemptAt: z.date().nullable(),
      reachedAt: z.date().nullable(),
    }),
  ),
});

export const QualityFiguresResponse = z.object({
  callbackRate: z.object({
    numerator: z.number(),
    denominator: z.number(),
    value: z.number().nullable(),
    evidence: z.object({
      counted: z.array(z.union([z.string(), z.number()])),
      met: z.array(z.union([z.string(), z.number()])),
      entity: z.string(),
    }),
    excluded: z.array(z.object({ reason: z.string(), ids: z.array(z.union([z.string(), z.number()])) })),
  }),
  complaintRate: z.object({
    numerator: z.number(),
    denominator: z.number(),
    value: z.number().nullable(),
    evidence: z.object({
      counted: z.array(z.union([z.string(), z.number()])),
      met: z.array(z.union([z.string(), z.number()])),
      entity: z.string(),
    }),
    excluded: z.array(z.object({ reason: z.string(), ids: z.array(z.union([z.string(), z.number()])) })),
  }),
  seriousIncidents: z.object({ count: z.number(), ids: z.array(z.number()), dates: z.array(z.string()) }),
  attitudeSatisfaction: z.object({
    numerator: z.number(),
    denominator: z.number(),
    value: z.number().nullable(),
    evidence: z.object({
      counted: z.array(z.union([z.string(), z.number()])),
      met: z.array(z.union([z.string(), z.number()])),
      entity: z.string(),
    }),
    excluded: z.array(z.object({ reason: z.string(), ids: z.array(z.union([z.string(), z.number()])) })),
  }),
  assistanceCompletion: z.object({
    numerator: z.number(),
    denominator: z.number(),
    value: z.number().nullable(),
    evidence: z.object({
      counted: z.array(z.union([z.string(), z.number()])),
      met: z.array(z.union([z.string(), z.number()])),
      entity: z.string(),
    }),
    excluded: z.array(z.object({ reason: z.string(), ids: z.array(z.union([z.string(), z.number()])) })),
  }),
});

export const GetQualitySatisfactionResponse = z.object({
  attitude: z.object({
    agents: z.array(
      z.object({
        value: z.number().nullable(),
        satisfied: z.number(),
        total: z.number(),
        agentId: z.number().nullable(),
        name: z.string().nullable(),
        team: z.string().nullable(),
      }),
    ),
    teams: z.array(
      z.object({ value: z.number().nullable(), satisfied: z.number(), total: z.number(), team: z.string() }),
    ),
  }),
  departments: z.array(
    z.object({
      value: z.number().nullable(),
      departmentId: z.number(),
      name: z.string(),
      satisfied: z.number(),
      basically: z.number(),
      unsatisfied: z.number(),
      total: z.number(),
    }),
  ),
});

export const GetQualityComplaintsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      receivedAt: z.date(),
      source: z.string(),
      description: z.string(),
      orderId: z.number().nullable(),
      callPk: z.number().nullable(),
      agentId: z.number().nullable(),
      kind: z.string(),
      status: z.string(),
      investigation: z.string().nullable(),
      decidedBy: z.number().nullable(),
      decidedAt: z.date().nullable(),
      decisionReason: z.string().nullable(),
      recordedBy: z.number().nullable(),
      recordedAt: z.date(),
    }),
  ),
});

export const PostQualityComplaintsResponse = z.object({
  id: z.number(),
  description: z.string(),
  source: z.string(),
  status: z.string(),
  decidedBy: z.number().nullable(),
  decidedAt: z.date().nullable(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
  agentId: z.number().nullable(),
  receivedAt: z.date(),
  orderId: z.number().nullable(),
  callPk: z.number().nullable(),
  kind: z.string(),
  investigation: z.string().nullable(),
  decisionReason: z.string().nullable(),
});

export const DecideComplaintResponse = z.object({
  id: z.number(),
  receivedAt: z.date(),
  source: z.string(),
  description: z.string(),
  orderId: z.number().nullable(),
  callPk: z.number().nullable(),
  agentId: z.number().nullable(),
  kind: z.string(),
  status: z.string(),
  investigation: z.string().nullable(),
  decidedBy: z.number().nullable(),
  decidedAt: z.date().nullable(),
  decisionReason: z.string().nullable(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
});

export const GetQualityIncidentsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      occurredOn: z.string(),
      source: z.string(),
      link: z.string().nullable(),
      cause: z.string(),
      severity: z.string(),
      status: z.string(),
      serious: z.boolean().nullable(),
      causedByService: z.boolean().nullable(),
      decidedBy: z.number().nullable(),
      decidedAt: z.date().nullable(),
      decisionNote: z.string().nullable(),
      recordedBy: z.number().nullable(),
      recordedAt: z.date(),
    }),
  ),
});

export const PostQualityIncidentsResponse = z.object({
  link: z.string().nullable(),
  id: z.number(),
  occurredOn: z.string(),
  source: z.string(),
  cause: z.string(),
  severity: z.string(),
  status: z.string(),
  serious: z.boolean().nullable(),
  causedByService: z.boolean().nullable(),
  decidedBy: z.number().nullable(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
});

export const DecideIncidentResponse = z.object({
  id: z.number(),
  occurredOn: z.string(),
  source: z.string(),
  link: z.string().nullable(),
  cause: z.string(),
  severity: z.string(),
  status: z.string(),
  serious: z.boolean().nullable(),
  causedByService: z.boolean().nullable(),
  decidedBy: z.number().nullable(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
});

/** One criterion of a score sheet as stored (the input's Criterion after its defaults). */
const QaCriterionView = z.object({
  key: z.string(),
  label: z.string(),
  weight: z.number(),
  fatal: z.boolean(),
});

export const GetQualitySheetsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      criteria: z.array(QaCriterionView),
      passScore: z.number(),
      active: z.boolean(),
      createdBy: z.number().nullable(),
      createdAt: z.date(),
    }),
  ),
});

export const PostQualitySheetsResponse = z.object({
  id: z.number(),
  name: z.string(),
  criteria: z.array(QaCriterionView),
  passScore: z.number(),
  active: z.boolean(),
  createdBy: z.number().nullable(),
  createdAt: z.date(),
});

export const DrawSamplesResponse = z.object({ drawn: z.number() });

export const GetQualitySamplesResponse = z.object({
  items: z.array(
    z.object({
      agentName: z.string(),
      id: z.number(),
      sheetId: z.number(),
      agentId: z.number(),
      month: z.string(),
      callPk: z.number().nullable(),
      orderId: z.number().nullable(),
      sampledAt: z.date(),
      status: z.string(),
      scores: z.unknown(),
      total: z.number().nullable(),
      fatal: z.boolean().nullable(),
      comment: z.string().nullable(),
      scoredBy: z.number().nullable(),
      scoredAt: z.date().nullable(),
      appealReason: z.string().nullable(),
      appealedAt: z.date().nullable(),
      appealStatus: z.string(),
      appealDecidedBy: z.number().nullable(),
      appealDecidedAt: z.date().nullable(),
      appealNote: z.string().nullable(),
      scoreBeforeAppeal: z.number().nullable(),
    }),
  ),
});

export const ScoreSampleResponse = z.object({
  id: z.number(),
  sheetId: z.number(),
  agentId: z.number(),
  month: z.string(),
  callPk: z.number().nullable(),
  orderId: z.number().nullable(),
  sampledAt: z.date(),
  status: z.string(),
  scores: z.unknown(),
  total: z.number().nullable(),
  fatal: z.boolean().nullable(),
  comment: z.string().nullable(),
  scoredBy: z.number().nullable(),
  scoredAt: z.date().nullable(),
  appealReason: z.string().nullable(),
  appealedAt: z.date().nullable(),
  appealStatus: z.string(),
  appealDecidedBy: z.number().nullable(),
  appealDecidedAt: z.date().nullable(),
  appealNote: z.string().nullable(),
  scoreBeforeAppeal: z.number().nullable(),
});

export const GetQualityMonthlyResponse = z.object({
  results: z.array(
    z.object({
      agentId: z.number(),
      name: z.string(),
      month: z.string(),
      scored: z.number(),
      average: z.number().nullable(),
      fatal: z.boolean(),
      passed: z.boolean().nullable(),
    }),
  ),
  twoMonthsFailed: z.array(
    z.object({
      previousMonth: z.string(),
      agentId: z.number(),
      name: z.string(),
      month: z.string(),
      scored: z.number(),
      average: z.number().nullable(),
      fatal: z.boolean(),
      passed: z.boolean().nullable(),
    }),
  ),
});

export const GetQualityTasksResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      description: z.string(),
      assignedAt: z.date(),
      assignedBy: z.number().nullable(),
      dueOn: z.string(),
      status: z.string(),
      completedAt: z.date().nullable(),
      completedBy: z.number().nullable(),
      result: z.string().nullable(),
    }),
  ),
});

export const PostQualityTasksResponse = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  status: z.string(),
  result: z.string().nullable(),
  assignedAt: z.date(),
  assignedBy: z.number().nullable(),
  dueOn: z.string(),
  completedAt: z.date().nullable(),
  completedBy: z.number().nullable(),
});

export const PostQualityTasksIdCompleteResponse = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  assignedAt: z.date(),
  assignedBy: z.number().nullable(),
  dueOn: z.string(),
  status: z.string(),
  completedAt: z.date().nullable(),
  completedBy: z.number().nullable(),
  result: z.string().nullable(),
});
