import { z } from 'zod';

// What each route answers. Fastify serialises every answer through these, so a field not declared here is
// not sent, and an answer that does not match fails loudly instead of reaching the console.

export const GetCalendarDaysResponse = z.object({
  days: z.array(
    z.object({
      date: z.string(),
      workday: z.boolean(),
      kind: z.enum(['workday', 'weekend', 'holiday', 'adjusted_workday']),
      name: z.string().optional(),
      source: z.enum(['override', 'builtin', 'weekday_rule']),
      known: z.boolean(),
    }),
  ),
  coveredYears: z.array(z.number()),
  source: z.string(),
});

export const GetCalendarDeadlineResponse = z.object({
  end: z.string(),
  lastDay: z.string(),
  warnings: z.array(z.string()),
});

export const GetCalendarOverridesResponse = z.object({
  items: z.array(
    z.object({
      day: z.string(),
      isWorkday: z.boolean(),
      name: z.string(),
      source: z.string().nullable(),
      updatedBy: z.number().nullable(),
      updatedAt: z.date(),
    }),
  ),
  declaredYears: z.array(
    z.object({
      year: z.number(),
      source: z.string(),
      declaredBy: z.number().nullable(),
      declaredAt: z.date(),
    }),
  ),
});

export const PutCalendarOverridesDayResponse = z.object({
  day: z.string(),
  source: z.string().nullable(),
  name: z.string(),
  updatedAt: z.date(),
  updatedBy: z.number().nullable(),
  isWorkday: z.boolean(),
});

export const DeleteCalendarOverridesDayResponse = z.object({ ok: z.boolean() });

export const PostCalendarYearsResponse = z.object({
  year: z.number(),
  source: z.string(),
  declaredBy: z.number().nullable(),
  declaredAt: z.date(),
});
