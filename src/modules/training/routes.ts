import { z } from 'zod';
import { readSetting } from '../../platform/settings.ts';
import { isLocalDate, localDateOf, parseCityInstant } from '../../calendar/local-time.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { validationFailed } from '../../platform/errors.ts';
import { type AppInstance, requireActor, actorOf } from '../../platform/http.ts';
import {
  confirmHotTopic,
  createHotTopic,
  dismissHotTopic,
  getHotTopic,
  HOT_TOPIC_TRAINING_HOURS,
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
import { zId } from '../../platform/input.ts';
import {
  DetectFromOrdersResponse,
  DismissHotTopicResponse,
  GetHotTopicResponse,
  GetHotTopicsResponse,
  GetStandardsResponse,
  GetTrainingIndicatorsResponse,
  GetTrainingSessionsResponse,
  NoteTraineeResponse,
  PostHotTopicsResponse,
  PostStandardsIdCompleteResponse,
  PostStandardsResponse,
  PostTrainingSessionsResponse,
} from './model.ts';

const IdParams = z.object({ id: zId });
/** Who runs training and keeps the standards: the operator's team leads and KB editor, and the office. */
const TRAINING = ['team_lead', 'kb_editor', 'office'] as const;
/**
 * Party A's records (issue 12): whether a topic is a hot topic (KPI 8 starts its 24-hour clock) and which
 * standards are planned (KPI 12's denominator). The operator proposes a topic; the office decides.
 */
const PARTY_A = ['office'] as const;
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
        response: { 200: GetHotTopicsResponse },
        querystring: z.object({ status: z.enum(['candidate', 'confirmed', 'dismissed']).optional() }),
        tags: ['training'],
      },
    },
    async (req) => {
      requireActor(req);
      return { items: await listHotTopics(db.orm, req.query.status) };
    },
  );
  app.get(
    '/api/hot-topics/:id',
    { schema: { response: { 200: GetHotTopicResponse }, params: IdParams, tags: ['training'] } },
    async (req) => {
      requireActor(req);
      return getHotTopic(db.orm, req.params.id, clock.now());
    },
  );
  app.post(
    '/api/hot-topics',
    {
      config: { roles: TRAINING },
      schema: { response: { 201: PostHotTopicsResponse }, body: HotTopicInput, tags: ['training'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => createHotTopic(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/hot-topics/:id/confirm',
    {
      config: { roles: PARTY_A },
      schema: {
        response: { 200: GetHotTopicResponse },
        params: IdParams,
        body: z.object({ brief: z.string().trim().min(1).max(5000) }),
        tags: ['training'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const hours = await readSetting(db.orm, HOT_TOPIC_TRAINING_HOURS);
      await confirmHotTopic(db.orm, actor, req.params.id, req.body.brief, clock.now(), hours);
      return getHotTopic(db.orm, req.params.id, clock.now());
    },
  );
  app.post(
    '/api/hot-topics/:id/dismiss',
    {
      config: { roles: PARTY_A },
      schema: { response: { 200: DismissHotTopicResponse }, params: IdParams, tags: ['training'] },
    },
    async (req) => dismissHotTopic(db.orm, actorOf(req), req.params.id, clock.now()),
  );
  app.post(
    '/api/hot-topics/:id/trainees/:agentId/note',
    {
      config: { roles: TRAINING },
      schema: {
        response: { 200: NoteTraineeResponse },
        params: IdParams.extend({ agentId: zId }),
        body: z.object({ note: z.string().trim().min(1).max(500) }),
        tags: ['training'],
      },
    },
    async (req) =>
      noteTrainee(db.orm, actorOf(req), req.params.id, req.params.agentId, req.body.note, clock.now()),
  );

  app.post(
    '/api/hot-topics/detect',
    {
      config: { roles: TRAINING },
      schema: {
        response: { 200: DetectFromOrdersResponse },
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
      actorOf(req);
      return detectFromOrders(db.orm, clock.now(), req.body);
    },
  );

  app.get(
    '/api/training/sessions',
    { schema: { response: { 200: GetTrainingSessionsResponse }, tags: ['training'] } },
    async (req) => {
      requireActor(req);
      return { items: await listSessions(db.orm) };
    },
  );
  app.post(
    '/api/training/sessions',
    {
      config: { roles: TRAINING },
      schema: { response: { 201: PostTrainingSessionsResponse }, body: SessionInput, tags: ['training'] },
    },
    async (req, reply) =>
      reply.code(201).send(await recordSession(db.orm, actorOf(req), req.body, clock.now())),
  );

  app.get(
    '/api/standards',
    { schema: { response: { 200: GetStandardsResponse }, tags: ['training'] } },
    async (req) => {
      requireActor(req);
      return { items: await listStandards(db.orm) };
    },
  );
  app.post(
    '/api/standards',
    {
      config: { roles: PARTY_A },
      schema: { response: { 201: PostStandardsResponse }, body: StandardInput, tags: ['training'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => createStandard(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/standards/:id/complete',
    {
      config: { roles: TRAINING },
      schema: {
        response: { 200: PostStandardsIdCompleteResponse },
        params: IdParams,
        body: z.object({ completedOn: z.string().refine(isLocalDate, 'a date YYYY-MM-DD') }),
        tags: ['training'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => completeStandard(t, actor, req.params.id, req.body.completedOn, clock.now()));
    },
  );
  app.post(
    '/api/standards/:id/revisions',
    {
      config: { roles: TRAINING },
      schema: {
        response: { 200: PostStandardsIdCompleteResponse },
        params: IdParams,
        body: RevisionInput,
        tags: ['training'],
      },
    },
    async (req) => reviseStandard(db.orm, actorOf(req), req.params.id, req.body, clock.now()),
  );

  app.get(
    '/api/training/indicators',
    {
      config: { roles: ['office', 'team_lead', 'kb_editor', 'admin'] },
      schema: {
        response: { 200: GetTrainingIndicatorsResponse },
        querystring: z.object({ from: instant, to: instant }),
        tags: ['training'],
      },
    },
    async (req) => {
      actorOf(req);
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
