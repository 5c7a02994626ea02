import { z } from 'zod';
import { isLocalDate, localDateOf, parseCityInstant } from '../../calendar/local-time.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { validationFailed } from '../../platform/errors.ts';
import { type AppInstance, allowRoles, requireActor, requireRole } from '../../platform/http.ts';
import {
  confirmHotTopic,
  createHotTopic,
  dismissHotTopic,
  getHotTopic,
  HotTopicInput,
  listHotTopics,
  noteTrainee,
} from './hot-topics-service.ts';
import { hotTopicTrainingTimeliness, standardsCompletion } from './indicators.ts';
import { detectFromOrders } from './detect-service.ts';
import { listSessions, recordSession, SessionInput } from './sessions-service.ts';
import {
  completeStandard,
  createStandard,
  listStandards,
  reviseStandard,
  RevisionInput,
  StandardInput,
} from './standards-service.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
/** Who runs training and keeps the standards: the operator's team leads and KB editor, and the office. */
const TRAINING = ['team_lead', 'kb_editor', 'office'] as const;
const instant = z.string().transform((s, ctx) => {
  const d = parseCityInstant(s);
  if (!d) ctx.addIssue({ code: 'custom', message: 'a date YYYY-MM-DD or an ISO 8601 instant' });
  return d ?? new Date(NaN);
});

export function registerTrainingRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const tx = db.orm.transaction.bind(db.orm);

  app.get(
    '/api/hot-topics',
    {
      schema: {
        querystring: z.object({ status: z.enum(['candidate', 'confirmed', 'dismissed']).optional() }),
        tags: ['training'],
      },
    },
    async (req) => {
      requireActor(req);
      return { items: await listHotTopics(db.orm, req.query.status) };
    },
  );
  app.get('/api/hot-topics/:id', { schema: { params: IdParams, tags: ['training'] } }, async (req) => {
    requireActor(req);
    return getHotTopic(db.orm, req.params.id, clock.now());
  });
  app.post(
    '/api/hot-topics',
    { preValidation: allowRoles(...TRAINING), schema: { body: HotTopicInput, tags: ['training'] } },
    async (req, reply) => {
      const actor = requireRole(req, ...TRAINING);
      return reply.code(201).send(await tx((t) => createHotTopic(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/hot-topics/:id/confirm',
    {
      preValidation: allowRoles(...TRAINING),
      schema: {
        params: IdParams,
        body: z.object({ brief: z.string().trim().min(1).max(5000) }),
        tags: ['training'],
      },
    },
    async (req) => {
      await confirmHotTopic(
        db.orm,
        requireRole(req, ...TRAINING),
        req.params.id,
        req.body.brief,
        clock.now(),
      );
      return getHotTopic(db.orm, req.params.id, clock.now());
    },
  );
  app.post(
    '/api/hot-topics/:id/dismiss',
    { preValidation: allowRoles(...TRAINING), schema: { params: IdParams, tags: ['training'] } },
    async (req) => dismissHotTopic(db.orm, requireRole(req, ...TRAINING), req.params.id, clock.now()),
  );
  app.post(
    '/api/hot-topics/:id/trainees/:agentId/note',
    {
      preValidation: allowRoles(...TRAINING),
      schema: {
        params: IdParams.extend({ agentId: z.coerce.number().int().positive() }),
        body: z.object({ note: z.string().trim().min(1).max(500) }),
        tags: ['training'],
      },
    },
    async (req) =>
      noteTrainee(
        db.orm,
        requireRole(req, ...TRAINING),
        req.params.id,
        req.params.agentId,
        req.body.note,
        clock.now(),
      ),
  );

  app.post(
    '/api/hot-topics/detect',
    {
      preValidation: allowRoles(...TRAINING),
      schema: {
        body: z.object({
          windowHours: z
            .number()
            .int()
            .min(6)
            .max(24 * 14)
            .optional(),
          baselineDays: z.number().int().min(1).max(90).optional(),
        }),
        tags: ['training'],
      },
    },
    async (req) => {
      requireRole(req, ...TRAINING);
      return detectFromOrders(db.orm, clock.now(), req.body);
    },
  );

  app.get('/api/training/sessions', { schema: { tags: ['training'] } }, async (req) => {
    requireActor(req);
    return { items: await listSessions(db.orm) };
  });
  app.post(
    '/api/training/sessions',
    { preValidation: allowRoles(...TRAINING), schema: { body: SessionInput, tags: ['training'] } },
    async (req, reply) =>
      reply.code(201).send(await recordSession(db.orm, requireRole(req, ...TRAINING), req.body, clock.now())),
  );

  app.get('/api/standards', { schema: { tags: ['training'] } }, async (req) => {
    requireActor(req);
    return { items: await listStandards(db.orm) };
  });
  app.post(
    '/api/standards',
    { preValidation: allowRoles(...TRAINING), schema: { body: StandardInput, tags: ['training'] } },
    async (req, reply) => {
      const actor = requireRole(req, ...TRAINING);
      return reply.code(201).send(await tx((t) => createStandard(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/standards/:id/complete',
    {
      preValidation: allowRoles(...TRAINING),
      schema: {
        params: IdParams,
        body: z.object({ completedOn: z.string().refine(isLocalDate, 'a date YYYY-MM-DD') }),
        tags: ['training'],
      },
    },
    async (req) => {
      const actor = requireRole(req, ...TRAINING);
      return tx((t) => completeStandard(t, actor, req.params.id, req.body.completedOn, clock.now()));
    },
  );
  app.post(
    '/api/standards/:id/revisions',
    {
      preValidation: allowRoles(...TRAINING),
      schema: { params: IdParams, body: RevisionInput, tags: ['training'] },
    },
    async (req) =>
      reviseStandard(db.orm, requireRole(req, ...TRAINING), req.params.id, req.body, clock.now()),
  );

  app.get(
    '/api/training/indicators',
    { schema: { querystring: z.object({ from: instant, to: instant }), tags: ['training'] } },
    async (req) => {
      requireRole(req, 'office', 'team_lead', 'kb_editor', 'admin');
      const { from, to } = req.query;
      if (to <= from)
        throw validationFailed([{ field: 'to', message: 'must be after from (to is exclusive)' }]);
      return {
        hotTopicTraining: await hotTopicTrainingTimeliness(db.orm, from, to, clock.now()),
        standardsCompletion: await standardsCompletion(db.orm, localDateOf(from), localDateOf(to)),
      };
    },
  );
}
