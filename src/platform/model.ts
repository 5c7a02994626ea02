import { z } from 'zod';

// What each route answers. Fastify serialises every answer through these, so a field not declared here is
// not sent, and an answer that does not match fails loudly instead of reaching the console.

export const GetSettingsResponse = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      value: z.unknown(),
      default: z.unknown(),
      description: z.string(),
      descriptionZh: z.string(),
      source: z.string(),
    }),
  ),
});

export const PutSettingsKeyResponse = z.object({ key: z.string(), value: z.unknown() });

export const GetAlertsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      severity: z.string(),
      subject: z.string(),
      message: z.string(),
      messageZh: z.string(),
      raisedAt: z.date(),
      acknowledgedBy: z.number().nullable(),
      acknowledgedAt: z.date().nullable(),
    }),
  ),
});

export const AcknowledgeAlertResponse = z.object({
  id: z.number(),
  kind: z.string(),
  severity: z.string(),
  subject: z.string(),
  message: z.string(),
  messageZh: z.string(),
  raisedAt: z.date(),
  acknowledgedBy: z.number().nullable(),
  acknowledgedAt: z.date().nullable(),
});

/** `GET /api/health`: the database answered a query at `time`. */
export const HealthResponse = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  time: z.string(),
});
