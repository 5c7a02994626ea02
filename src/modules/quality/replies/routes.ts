import { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../platform/clock.ts';
import { actorOf, type AppInstance } from '../../../platform/http.ts';
import { zId } from '../../../platform/input.ts';
import { replyQuality, reviewReply } from './service.ts';

const Verdict = z.enum(['good', 'fair', 'poor']);
const ReplyQualityAnswer = z.object({
  orderId: z.number().int(),
  number: z.string(),
  reply: z.string(),
  score: z.object({
    overall: z.number(),
    verdict: Verdict,
    relevance: z.number(),
    completeness: z.number(),
    interpretability: z.number(),
    evidence: z.object({
      sharedTerms: z.array(z.string()),
      points: z.array(z.object({ text: z.string(), answered: z.boolean() })),
      elements: z.record(z.string(), z.string().nullable()),
    }),
    reasons: z.array(z.string()),
  }),
  review: z
    .object({ verdict: Verdict, note: z.string(), reviewedBy: z.number().int(), reviewedAt: z.date() })
    .nullable(),
  verdict: Verdict,
});

const READERS = ['office', 'team_lead', 'admin'] as const;

/** 答复意见评价: the computed score of a department's reply with its evidence; the office's override. */
export function registerReplyQualityRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  app.get(
    '/api/orders/:id/reply-quality',
    {
      config: { roles: [...READERS] },
      schema: { params: z.object({ id: zId }), response: { 200: ReplyQualityAnswer }, tags: ['quality'] },
    },
    async (req) => replyQuality(db.orm, req.params.id),
  );
  app.post(
    '/api/orders/:id/reply-quality/review',
    {
      config: { roles: ['office'] },
      schema: {
        params: z.object({ id: zId }),
        body: z.object({ verdict: Verdict, note: z.string().trim().min(1, 'required').max(1000) }),
        response: { 200: ReplyQualityAnswer },
        tags: ['quality'],
      },
    },
    async (req) => reviewReply(db.orm, actorOf(req), req.params.id, req.body, clock.now()),
  );
}
