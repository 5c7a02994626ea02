import { z } from 'zod';
import { type AppInstance, actorOf } from '../../platform/http.ts';
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
  GetWorkforceAbsencesResponse,
  GetWorkforceMembersIdResponse,
  GetWorkforceMembersResponse,
  PostWorkforceAbsencesResponse,
  PostWorkforceMembersResponse,
} from './model.ts';
import { IdParams, READERS, TAGS, WRITERS, type WorkforceDeps } from './route-helpers.ts';
import { zId } from '../../platform/input.ts';

/** The roster (团队人员名册) and its absences. */
export function registerRosterRoutes(app: AppInstance, { db, clock }: WorkforceDeps): void {
  const tx = db.orm.transaction.bind(db.orm);

  app.get(
    '/api/workforce/members',
    {
      config: { roles: READERS },
      schema: {
        response: { 200: GetWorkforceMembersResponse },
        querystring: z.object({ on: localDay.optional() }),
        tags: TAGS,
      },
    },
    async (req) => {
      actorOf(req);
      return { items: await listMembers(db.orm, { on: req.query.on }) };
    },
  );
  app.get(
    '/api/workforce/members/:id',
    {
      config: { roles: READERS },
      schema: { response: { 200: GetWorkforceMembersIdResponse }, params: IdParams, tags: TAGS },
    },
    async (req) => {
      actorOf(req);
      const member = presentMember(await getMember(db.orm, req.params.id));
      return { ...member, absences: await listAbsences(db.orm, { memberId: member.id }) };
    },
  );
  app.post(
    '/api/workforce/members',
    {
      config: { roles: WRITERS },
      schema: { response: { 201: PostWorkforceMembersResponse }, body: MemberInput, tags: TAGS },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => addMember(t, actor, req.body, clock.now())));
    },
  );
  app.patch(
    '/api/workforce/members/:id',
    {
      config: { roles: WRITERS },
      schema: {
        response: { 200: PostWorkforceMembersResponse },
        params: IdParams,
        body: MemberPatch,
        tags: TAGS,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => updateMember(t, actor, req.params.id, req.body, clock.now()));
    },
  );
  app.post(
    '/api/workforce/members/:id/end',
    {
      config: { roles: WRITERS },
      schema: {
        response: { 200: PostWorkforceMembersResponse },
        params: IdParams,
        body: EndMembershipInput,
        tags: TAGS,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => endMembership(t, actor, req.params.id, req.body, clock.now()));
    },
  );

  app.get(
    '/api/workforce/absences',
    {
      config: { roles: READERS },
      schema: {
        response: { 200: GetWorkforceAbsencesResponse },
        querystring: z.object({
          memberId: zId.optional(),
          from: localDay.optional(),
          to: localDay.optional(),
        }),
        tags: TAGS,
      },
    },
    async (req) => {
      actorOf(req);
      return { items: await listAbsences(db.orm, req.query) };
    },
  );
  app.post(
    '/api/workforce/absences',
    {
      config: { roles: WRITERS },
      schema: { response: { 201: PostWorkforceAbsencesResponse }, body: AbsenceInput, tags: TAGS },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => recordAbsence(t, actor, req.body, clock.now())));
    },
  );
  app.patch(
    '/api/workforce/absences/:id',
    {
      config: { roles: WRITERS },
      schema: {
        response: { 200: PostWorkforceAbsencesResponse },
        params: IdParams,
        body: AbsencePatch,
        tags: TAGS,
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => updateAbsence(t, actor, req.params.id, req.body, clock.now()));
    },
  );
  app.post(
    '/api/workforce/absences/:id/cancel',
    {
      config: { roles: WRITERS },
      schema: { response: { 200: PostWorkforceAbsencesResponse }, params: IdParams, tags: TAGS },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => cancelAbsence(t, actor, req.params.id, clock.now()));
    },
  );
}
