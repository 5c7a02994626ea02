import { z } from 'zod';

// What each route answers. Fastify serialises every answer through these, so a field not declared here is
// not sent, and an answer that does not match fails loudly instead of reaching the console.

const NameCount = z.object({ name: z.string(), count: z.number() });

/** What the detector found for a topic (null for a topic raised by hand). */
const HotTopicDetection = z.object({
  score: z.number(),
  count: z.number(),
  people: z.number(),
  growth: z.number(),
  expected: z.number(),
  districts: z.array(NameCount),
  categories: z.array(NameCount),
  terms: z.array(z.object({ term: z.string(), weight: z.number() })),
  first: z.union([z.string(), z.date()]),
  last: z.union([z.string(), z.date()]),
});

export const GetHotTopicsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      brief: z.string().nullable(),
      keywords: z.array(z.string()),
      categoryId: z.number().nullable(),
      district: z.string().nullable(),
      detectedAt: z.date().nullable(),
      detection: HotTopicDetection.nullable(),
      orderIds: z.array(z.number()),
      status: z.string(),
      confirmedAt: z.date().nullable(),
      confirmedBy: z.number().nullable(),
      trainingDueAt: z.date().nullable(),
      dismissedAt: z.date().nullable(),
      dismissedBy: z.number().nullable(),
      createdAt: z.date(),
    }),
  ),
});

export const GetHotTopicResponse = z.object({
  trainees: z.array(
    z.object({
      name: z.string(),
      username: z.string(),
      state: z.enum(['trained_on_time', 'trained_late', 'outstanding', 'overdue']),
      id: z.number(),
      hotTopicId: z.number(),
      agentId: z.number(),
      note: z.string().nullable(),
      trainedAt: z.date().nullable(),
      sessionId: z.number().nullable(),
    }),
  ),
  id: z.number(),
  title: z.string(),
  brief: z.string().nullable(),
  keywords: z.array(z.string()),
  categoryId: z.number().nullable(),
  district: z.string().nullable(),
  detectedAt: z.date().nullable(),
  detection: HotTopicDetection.nullable(),
  orderIds: z.array(z.number()),
  status: z.string(),
  confirmedAt: z.date().nullable(),
  confirmedBy: z.number().nullable(),
  trainingDueAt: z.date().nullable(),
  dismissedAt: z.date().nullable(),
  dismissedBy: z.number().nullable(),
  createdAt: z.date(),
});

export const PostHotTopicsResponse = z.object({
  id: z.number(),
  title: z.string(),
  status: z.string(),
  createdAt: z.date(),
  brief: z.string().nullable(),
  keywords: z.array(z.string()),
  categoryId: z.number().nullable(),
  district: z.string().nullable(),
  detectedAt: z.date().nullable(),
  detection: HotTopicDetection.nullable(),
  orderIds: z.array(z.number()),
  confirmedAt: z.date().nullable(),
  confirmedBy: z.number().nullable(),
  trainingDueAt: z.date().nullable(),
  dismissedAt: z.date().nullable(),
  dismissedBy: z.number().nullable(),
});

export const DismissHotTopicResponse = z.object({
  id: z.number(),
  title: z.string(),
  brief: z.string().nullable(),
  keywords: z.array(z.string()),
  categoryId: z.number().nullable(),
  district: z.string().nullable(),
  detectedAt: z.date().nullable(),
  detection: HotTopicDetection.nullable(),
  orderIds: z.array(z.number()),
  status: z.string(),
  confirmedAt: z.date().nullable(),
  confirmedBy: z.number().nullable(),
  trainingDueAt: z.date().nullable(),
  dismissedAt: z.date().nullable(),
  dismissedBy: z.number().nullable(),
  createdAt: z.date(),
});

export const NoteTraineeResponse = z.object({
  id: z.number(),
  hotTopicId: z.number(),
  agentId: z.number(),
  note: z.string().nullable(),
  trainedAt: z.date().nullable(),
  sessionId: z.number().nullable(),
});

export const DetectFromOrdersResponse = z.object({
  analysed: z.number(),
  found: z.number(),
  created: z.number(),
  updated: z.number(),
});

export const GetTrainingSessionsResponse = z.object({
  items: z.array(
    z.object({
      attendees: z.array(z.object({ agentId: z.number(), name: z.string() })),
      id: z.number(),
      title: z.string(),
      hotTopicId: z.number().nullable(),
      heldAt: z.date(),
      trainer: z.string().nullable(),
      materials: z.string().nullable(),
      recordedBy: z.number().nullable(),
      recordedAt: z.date(),
    }),
  ),
});

export const PostTrainingSessionsResponse = z.object({
  id: z.number(),
  title: z.string(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
  hotTopicId: z.number().nullable(),
  heldAt: z.date(),
  trainer: z.string().nullable(),
  materials: z.string().nullable(),
});

export const GetStandardsResponse = z.object({
  items: z.array(
    z.object({
      revisions: z.array(
        z.object({
          id: z.number(),
          standardId: z.number(),
          version: z.string(),
          revisedOn: z.string(),
          summary: z.string(),
          revisedBy: z.number().nullable(),
          recordedAt: z.date(),
        }),
      ),
      id: z.number(),
      code: z.string(),
      title: z.string(),
      version: z.string(),
      plannedOn: z.string(),
      completedOn: z.string().nullable(),
      status: z.string(),
      createdBy: z.number().nullable(),
      createdAt: z.date(),
      updatedAt: z.date(),
    }),
  ),
});

export const PostStandardsResponse = z.object({
  code: z.string(),
  id: z.number(),
  title: z.string(),
  version: z.string(),
  status: z.string(),
  createdBy: z.number().nullable(),
  createdAt: z.date(),
  plannedOn: z.string(),
  completedOn: z.string().nullable(),
  updatedAt: z.date(),
});

export const PostStandardsIdCompleteResponse = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  version: z.string(),
  plannedOn: z.string(),
  completedOn: z.string().nullable(),
  status: z.string(),
  createdBy: z.number().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const GetTrainingIndicatorsResponse = z.object({
  hotTopicTraining: z.object({
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
  standardsCompletion: z.object({
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
