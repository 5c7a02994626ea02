import { z } from 'zod';
import { localDateOf } from '../../calendar/local-time.ts';
import { type AppInstance, allowRoles, requireRole } from '../../platform/http.ts';
import { listHeadcountChanges, recordHeadcountChange, updateHeadcountChange } from './changes-service.ts';
import {
  FulfilReplacementInput,
  HeadcountChangeInput,
  HeadcountChangePatch,
  ReplacementRequestInput,
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
    { schema: { querystring: z.object({ noticeDays: days.optional() }), tags: TAGS } },
    async (req) => {
      requireRole(req, ...READERS);
      return { items: await listHeadcountChanges(db.orm, req.query.noticeDays ?? null) };
    },
  );
  app.post(
    '/api/workforce/headcount-changes',
    { preValidation: allowRoles(...WRITERS), schema: { body: HeadcountChangeInput, tags: TAGS } },
    async (req, reply) => {
      const actor = requireRole(req, ...WRITERS);
      return reply.code(201).send(await tx((t) => recordHeadcountChange(t, actor, req.body, clock.now())));
    },
  );
  app.patch(
    '/api/workforce/headcount-changes/:id',
    {
      preValidation: allowRoles(...WRITERS),
      schema: { params: IdParams, body: HeadcountChangePatch, tags: TAGS },
    },
    async (req) => {
      const actor = requireRole(req, ...WRITERS);
      return tx((t) => updateHeadcountChange(t, actor, req.params.id, req.body, clock.now()));
    },
  );

  app.get(
    '/api/workforce/replacement-requests',
    { schema: { querystring: z.object({ replacementDays: days.optional() }), tags: TAGS } },
    async (req) => {
      requireRole(req, ...READERS);
      const today = localDateOf(clock.now());
      return { items: await listReplacementRequests(db.orm, today, req.query.replacementDays ?? null) };
    },
  );
  app.post(
    '/api/workforce/replacement-requests',
    { preValidation: allowRoles(...PARTY_A), schema: { body: ReplacementRequestInput, tags: TAGS } },
    async (req, reply) => {
      const actor = requireRole(req, ...PARTY_A);
      return reply.code(201).send(await tx((t) => requestReplacement(t, actor, req.body, clock.now())));
    },
  );
  app.post(
    '/api/workforce/replacement-requests/:id/fulfil',
    {
      preValidation: allowRoles(...WRITERS),
      schema: { params: IdParams, body: FulfilReplacementInput, tags: TAGS },
    },
    async (req) => {
      const actor = requireRole(req, ...WRITERS);
      return tx((t) => fulfilReplacement(t, actor, req.params.id, req.body, clock.now()));
    },
  );
  app.post(
    '/api/workforce/replacement-requests/:id/withdraw',
    {
      preValidation: allowRoles(...PARTY_A),
      schema: { params: IdParams, body: z.object({ note: z.string().trim().min(1).max(2000) }), tags: TAGS },
    },
    async (req) => {
      const actor = requireRole(req, ...PARTY_A);
      return tx((t) => withdrawReplacement(t, actor, req.params.id, req.body.note, clock.now()));
    },
  );
}
