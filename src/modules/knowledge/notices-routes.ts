import { z } from 'zod';
import { parseCityInstant } from '../../calendar/local-time.ts';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { validationFailed } from '../../platform/errors.ts';
import { type AppInstance, requireActor, actorOf } from '../../platform/http.ts';
import {
  completeNotice,
  linkNoticeArticles,
  listNotices,
  NoticeInput,
  noticeTimeliness,
  recordNotice,
} from './notices-service.ts';
import { zId } from '../../platform/input.ts';
import {
  GetKbNoticesResponse,
  LinkNoticeArticlesResponse,
  NoticeTimelinessResponse,
  PostKbNoticesResponse,
  NOTICE_STATUSES,
} from './model.ts';

const IdParams = z.object({ id: zId });
const EDITORS = ['kb_editor', 'office', 'team_lead'] as const;
const instant = z.string().transform((s, ctx) => {
  const d = parseCityInstant(s);
  if (!d) ctx.addIssue({ code: 'custom', message: 'a date YYYY-MM-DD or an ISO 8601 instant' });
  return d ?? new Date(NaN);
});

/** 知识更新通知 — recorded on arrival, closed when the changed articles are published. */
export function registerNoticeRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  app.get(
    '/api/kb/notices',
    {
      schema: {
        response: { 200: GetKbNoticesResponse },
        querystring: z.object({ status: z.enum(NOTICE_STATUSES).optional() }),
        tags: ['knowledge'],
      },
    },
    async (req) => {
      requireActor(req);
      return { items: await listNotices(db.orm, clock.now(), req.query.status) };
    },
  );
  app.post(
    '/api/kb/notices',
    // The notice and its time of receipt are Party A's record (KPI 9's 24-hour clock starts there): the office
    // records them; the operator's editors apply the change and close the notice (issue 12).
    {
      config: { roles: ['office'] },
      schema: { response: { 201: PostKbNoticesResponse }, body: NoticeInput, tags: ['knowledge'] },
    },
    async (req, reply) =>
      reply.code(201).send(await recordNotice(db.orm, actorOf(req), req.body, clock.now())),
  );
  app.post(
    '/api/kb/notices/:id/articles',
    {
      config: { roles: EDITORS },
      schema: {
        response: { 200: LinkNoticeArticlesResponse },
        params: IdParams,
        body: z.object({ articleIds: z.array(z.number().int().positive()).max(50) }),
        tags: ['knowledge'],
      },
    },
    async (req) => linkNoticeArticles(db.orm, actorOf(req), req.params.id, req.body.articleIds, clock.now()),
  );
  app.post(
    '/api/kb/notices/:id/complete',
    {
      config: { roles: EDITORS },
      schema: {
        response: { 200: LinkNoticeArticlesResponse },
        params: IdParams,
        body: z.object({ note: z.string().max(1000).optional() }),
        tags: ['knowledge'],
      },
    },
    async (req) => completeNotice(db.orm, actorOf(req), req.params.id, req.body.note, clock.now()),
  );
  app.get(
    '/api/kb/notices/timeliness',
    {
      config: { roles: ['office', 'team_lead', 'kb_editor', 'admin'] },
      schema: {
        response: { 200: NoticeTimelinessResponse },
        querystring: z.object({ from: instant, to: instant }),
        tags: ['knowledge'],
      },
    },
    async (req) => {
      actorOf(req);
      if (req.query.to <= req.query.from)
        throw validationFailed([{ field: 'to', message: 'must be after from (to is exclusive)' }]);
      return noticeTimeliness(db.orm, req.query.from, req.query.to, clock.now());
    },
  );
}
