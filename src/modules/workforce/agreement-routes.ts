import { z } from 'zod';
import { localDateOf } from '../../calendar/local-time.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { listHeadcountChanges, recordHeadcountChange, updateHeadcountChange } from './changes-service.ts';
import {
  FulfilReplacementInput,
  HeadcountChangeInput,
  HeadcountChangePatch,
  ReplacementRequestInput,
  GetWorkforceHeadcountChangesResponse,
  GetWorkforceReplacementRequestsResponse,
  PatchWorkforceHeadcountChangesIdResponse,
  PostWorkforceHeadcountChangesResponse,
  PostWorkforceReplacementRequestsIdFulfilResponse,
  PostWorkforceReplacementRequestsResponse,
} from './model.ts';
import {
  fulfilReplacement,
  listReplacementRequests,
  requestReplacement,
  withdrawReplacement,
} from './replacements-service.ts';
import { IdParams, PARTY_A, READERS, TAGS, WRITERS, type WorkforceDeps } from './route-helpers.ts';

const days = z.coerce.number().int().min(0).max(365);

/** What the two parties agree about the team: changes of the agreed headcount and replacement requests. */
export function registerAgreementRoutes(app: AppInstance, { db, clock }: WorkforceDeps): void {
  const tx = db.orm.transaction.bind(db.orm);

  app.get(
    '/api/workforce/headcount-changes',
    {
      config: { roles: READERS },
      schema: {
        response: { 200: GetWorkforceHeadcountChangesResponse },
        querystring: z.object({ noticeDays: days.optional() }),
        tags: TAGS,
      },
    },
    async (req) => {
      actorOf(req);
      return { items: await listHeadcountChanges(db.orm, req.query.noticeDays ?? null) };
    },
  );
  app.post(
    '/api/workforce/headcount-changes',
    {
      config: { roles: WRITERS },
      schema: {
        response: { 201: PostWorkforceHeadcountChangesResponse },
        body: HeadcountChangeInput,
        tags: TAGS,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => recordHeadcountChange(t, actor, req.body, clock.now())));
    },
  );
  app.patch(
    '/api/workforce/headcount-changes/:id',
    {
      config: { roles: WRITERS },
      schema: {
        response: { 200: PatchWorkforceHeadcountChangesIdResponse },
        params: IdParams,
        body: HeadcountChangePatch,
        tags: TAGS,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => updateHeadcountChange(t, actor, req.params.id, req.body, clock.now()));
    },
  );

  app.get(
    '/api/workforce/replacement-requests',
    {
      config: { roles: READERS },
      schema: {
        response: { 200: GetWorkforceReplacementRequestsResponse },
        querystring: z.object({ replacementDays: days.optional() }),
        tags: TAGS,
      },
    },
    async (req) => {
      actorOf(req);
      const today = localDateOf(clock.now());
      return { items: await listReplacementRequests(db.orm, today, req.query.replacementDays ?? null) };
    },
  );
  app.post(
    '/api/workforce/replacement-requests',
    {
      config: { roles: PARTY_A },
      schema: {
        response: { 201: PostWorkforceReplacementRequestsResponse },
        body: ReplacementRequestInput,
        tags: TAGS,
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => requestReplacement(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/workforce/replacement-requests/:id/fulfil',
    {
      config: { roles: WRITERS },
      schema: {
        response: { 200: PostWorkforceReplacementRequestsIdFulfilResponse },
        params: IdParams,
        body: FulfilReplacementInput,
        tags: TAGS,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => fulfilReplacement(t, actor, req.params.id, req.body, clock.now()));
    },
  );
  app.post(
    '/api/workforce/replacement-requests/:id/withdraw',
    {
      config: { roles: PARTY_A },
      schema: {
        response: { 200: PostWorkforceReplacementRequestsIdFulfilResponse },
        params: IdParams,
        body: z.object({ note: z.string().trim().min(1).max(2000) }),
        tags: TAGS,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => withdrawReplacement(t, actor, req.params.id, req.body.note, clock.now()));
    },
  );
}
