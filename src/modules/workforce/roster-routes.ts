import { z } from 'zod';
import { type AppInstance, allowRoles, requireRole } from '../../platform/http.ts';
import { cancelAbsence, listAbsences, recordAbsence, updateAbsence } from './absences-service.ts';
import {
  addMember,
  endMembership,
  getMember,
  listMembers,
  presentMember,
  updateMember,
} from './members-service.ts';
import {
  AbsenceInput,
  AbsencePatch,
  EndMembershipInput,
  localDay,
  MemberInput,
  MemberPatch,
} from './model.ts';
import { IdParams, READERS, TAGS, WRITERS, type WorkforceDeps } from './route-helpers.ts';

/** The roster (团队人员名册) and its absences. */
export function registerRosterRoutes(app: AppInstance, { db, clock }: WorkforceDeps): void {
  const tx = db.orm.transaction.bind(db.orm);

  app.get(
    '/api/workforce/members',
    { schema: { querystring: z.object({ on: localDay.optional() }), tags: TAGS } },
    async (req) => {
      requireRole(req, ...READERS);
      return { items: await listMembers(db.orm, { on: req.query.on }) };
    },
  );
  app.get('/api/workforce/members/:id', { schema: { params: IdParams, tags: TAGS } }, async (req) => {
    requireRole(req, ...READERS);
    const member = presentMember(await getMember(db.orm, req.params.id));
    return { ...member, absences: await listAbsences(db.orm, { memberId: member.id }) };
  });
  app.post(
    '/api/workforce/members',
    { preValidation: allowRoles(...WRITERS), schema: { body: MemberInput, tags: TAGS } },
    async (req, reply) => {
      const actor = requireRole(req, ...WRITERS);
      return reply.code(201).send(await tx((t) => addMember(t, actor, req.body, clock.now())));
    },
  );
  app.patch(
    '/api/workforce/members/:id',
    { preValidation: allowRoles(...WRITERS), schema: { params: IdParams, body: MemberPatch, tags: TAGS } },
    async (req) => {
      const actor = requireRole(req, ...WRITERS);
      return tx((t) => updateMember(t, actor, req.params.id, req.body, clock.now()));
    },
  );
  app.post(
    '/api/workforce/members/:id/end',
    {
      preValidation: allowRoles(...WRITERS),
      schema: { params: IdParams, body: EndMembershipInput, tags: TAGS },
    },
    async (req) => {
      const actor = requireRole(req, ...WRITERS);
      return tx((t) => endMembership(t, actor, req.params.id, req.body, clock.now()));
    },
  );

  app.get(
    '/api/workforce/absences',
    {
      schema: {
        querystring: z.object({
          memberId: z.coerce.number().int().positive().optional(),
          from: localDay.optional(),
          to: localDay.optional(),
        }),
        tags: TAGS,
      },
    },
    async (req) => {
      requireRole(req, ...READERS);
      return { items: await listAbsences(db.orm, req.query) };
    },
  );
  app.post(
    '/api/workforce/absences',
    { preValidation: allowRoles(...WRITERS), schema: { body: AbsenceInput, tags: TAGS } },
    async (req, reply) => {
      const actor = requireRole(req, ...WRITERS);
      return reply.code(201).send(await tx((t) => recordAbsence(t, actor, req.body, clock.now())));
    },
  );
  app.patch(
    '/api/workforce/absences/:id',
    { preValidation: allowRoles(...WRITERS), schema: { params: IdParams, body: AbsencePatch, tags: TAGS } },
    async (req) => {
      const actor = requireRole(req, ...WRITERS);
      return tx((t) => updateAbsence(t, actor, req.params.id, req.body, clock.now()));
    },
  );
  app.post(
    '/api/workforce/absences/:id/cancel',
    { preValidation: allowRoles(...WRITERS), schema: { params: IdParams, tags: TAGS } },
    async (req) => {
      const actor = requireRole(req, ...WRITERS);
      return tx((t) => cancelAbsence(t, actor, req.params.id, clock.now()));
    },
  );
}
