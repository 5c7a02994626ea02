import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AppInstance, requireActor, actorOf, SESSION_COOKIE } from '../../platform/http.ts';
import { createCategory, listCategories, updateCategory } from './categories-service.ts';
import {
  createDepartment,
  listDepartments,
  listDistrictNames,
  presentDepartment,
  updateDepartment,
} from './departments-service.ts';
import {
  CreateCategoryInput,
  CreateDepartmentInput,
  CreateUserInput,
  ChangePasswordInput,
  ChangePasswordResponse,
  TotpCodeInput,
  TotpCodesResponse,
  TotpEnrolResponse,
  TotpStatusResponse,
  LoginInput,
  UpdateCategoryInput,
  UpdateDepartmentInput,
  UpdateUserInput,
  GetAuthMeResponse,
  GetCategoriesResponse,
  GetDepartmentsResponse,
  GetUsersResponse,
  LoginResponse,
  PostAuthLogoutResponse,
  PostCategoriesResponse,
  PostDepartmentsResponse,
  PostUsersResponse,
} from './model.ts';
import {
  confirmSecondFactor,
  enrolSecondFactor,
  renewRecoveryCodes,
  resetSecondFactor,
  secondFactorStatus,
} from './second-factor.ts';
import { changeOwnPassword, login, logout } from './sessions.ts';
import { TOTP_ROLES } from '../../platform/totp.ts';
import { createUser, listUsers, presentUser, updateUser } from './users-service.ts';
import { zId } from '../../platform/input.ts';

const IdParams = z.object({ id: zId });

export function registerDirectoryRoutes(
  app: AppInstance,
  deps: { db: Db; clock: Clock; sessionHours: number },
): void {
  const { db, clock } = deps;
  const tx = db.orm.transaction.bind(db.orm);

  const clientOf = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'].slice(0, 300) : null,
  });
  // The console asks for the cookie alone, so the token never passes through script (XSS cannot steal it).
  const setSessionCookie = (reply: FastifyReply, secure: boolean, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure,
      path: '/',
      maxAge: deps.sessionHours * 3600,
    });

  app.post(
    '/api/auth/login',
    { schema: { response: { 200: LoginResponse }, body: LoginInput, tags: ['auth'] } },
    async (req, reply) => {
      const { username, password, session, code } = req.body;
      const result = await login(
        db.orm,
        username,
        password,
        clock.now(),
        deps.sessionHours,
        clientOf(req),
        code,
      );
      setSessionCookie(reply, req.protocol === 'https', result.token);
      return session === 'cookie'
        ? { user: result.user, expiresAt: result.expiresAt, restriction: result.restriction }
        : result;
    },
  );
  app.post(
    '/api/auth/password',
    { schema: { response: { 200: ChangePasswordResponse }, body: ChangePasswordInput, tags: ['auth'] } },
    async (req, reply) => {
      const { session, ...input } = req.body;
      const result = await changeOwnPassword(
        db.orm,
        input,
        clock.now(),
        clientOf(req),
        session ? deps.sessionHours : undefined,
      );
      if (!('token' in result)) return result;
      setSessionCookie(reply, req.protocol === 'https', result.token);
      return session === 'cookie' ? { ...result, token: undefined } : result;
    },
  );
  app.post(
    '/api/auth/logout',
    { schema: { response: { 200: PostAuthLogoutResponse }, tags: ['auth'] } },
    async (req, reply) => {
      requireActor(req);
      await logout(db.orm, req.bearerToken!, clock.now());
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );
  app.get(
    '/api/auth/me',
    { schema: { response: { 200: GetAuthMeResponse }, tags: ['auth'] } },
    async (req) => {
      const { restriction, ...user } = requireActor(req);
      const factor =
        user.id == null ? { enabled: false, required: false } : await secondFactorStatus(db.orm, user.id);
      return {
        user,
        restriction: restriction ?? null,
        secondFactor: { enabled: factor.enabled, required: factor.required },
      };
    },
  );

  // The second factor (TOTP) for the office and the administrator: enrol, confirm, new recovery codes.
  app.get(
    '/api/auth/totp',
    { config: { roles: TOTP_ROLES }, schema: { response: { 200: TotpStatusResponse }, tags: ['auth'] } },
    async (req) => secondFactorStatus(db.orm, actorOf(req).id!),
  );
  app.post(
    '/api/auth/totp/enrol',
    { config: { roles: TOTP_ROLES }, schema: { response: { 200: TotpEnrolResponse }, tags: ['auth'] } },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => enrolSecondFactor(t, actor, clock.now()));
    },
  );
  app.post(
    '/api/auth/totp/confirm',
    {
      config: { roles: TOTP_ROLES },
      schema: { response: { 200: TotpCodesResponse }, body: TotpCodeInput, tags: ['auth'] },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => confirmSecondFactor(t, actor, req.body.code, clock.now()));
    },
  );
  app.post(
    '/api/auth/totp/recovery-codes',
    {
      config: { roles: TOTP_ROLES },
      schema: { response: { 200: TotpCodesResponse }, body: TotpCodeInput, tags: ['auth'] },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => renewRecoveryCodes(t, actor, req.body.code, clock.now()));
    },
  );
  app.post(
    '/api/users/:id/totp/reset',
    {
      config: { roles: ['admin'] },
      schema: { response: { 200: TotpStatusResponse }, params: IdParams, tags: ['directory'] },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => resetSecondFactor(t, actor, req.params.id, clock.now()));
    },
  );

  app.get(
    '/api/departments',
    { schema: { response: { 200: GetDepartmentsResponse }, tags: ['directory'] } },
    async (req) => {
      requireActor(req);
      return { items: (await listDepartments(db.orm)).map(presentDepartment) };
    },
  );
  app.post(
    '/api/departments',
    {
      config: { roles: ['admin', 'office'] },
      schema: {
        response: { 201: PostDepartmentsResponse },
        body: CreateDepartmentInput,
        tags: ['directory'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await tx((t) => createDepartment(t, actor, req.body, clock.now()));
      return reply.code(201).send(presentDepartment(row));
    },
  );
  app.patch(
    '/api/departments/:id',
    {
      config: { roles: ['admin', 'office'] },
      schema: {
        response: { 200: PostDepartmentsResponse },
        params: IdParams,
        body: UpdateDepartmentInput,
        tags: ['directory'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentDepartment(
        await tx((t) => updateDepartment(t, actor, req.params.id, req.body, clock.now())),
      );
    },
  );

  app.get(
    '/api/public/districts',
    {
      schema: {
        response: { 200: z.object({ items: z.array(z.string()) }) },
        tags: ['public'],
        description: "区县 for the citizens' form: the directory's district governments, by short name",
      },
    },
    async () => ({ items: await listDistrictNames(db.orm) }),
  );

  app.get(
    '/api/categories',
    { schema: { response: { 200: GetCategoriesResponse }, tags: ['directory'] } },
    async (req) => {
      requireActor(req);
      return { items: await listCategories(db.orm) };
    },
  );
  app.post(
    '/api/categories',
    {
      config: { roles: ['admin', 'office'] },
      schema: { response: { 201: PostCategoriesResponse }, body: CreateCategoryInput, tags: ['directory'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => createCategory(t, actor, req.body, clock.now())));
    },
  );
  app.patch(
    '/api/categories/:id',
    {
      config: { roles: ['admin', 'office'] },
      schema: {
        response: { 200: PostCategoriesResponse },
        params: IdParams,
        body: UpdateCategoryInput,
        tags: ['directory'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => updateCategory(t, actor, req.params.id, req.body, clock.now()));
    },
  );

  app.get(
    '/api/users',
    {
      config: { roles: ['admin', 'office'] },
      schema: { response: { 200: GetUsersResponse }, tags: ['directory'] },
    },
    async (req) => {
      actorOf(req);
      return {
        items: (await listUsers(db.orm)).map((u) => ({
          ...presentUser(u),
          secondFactor: u.totpSecret != null,
        })),
      };
    },
  );
  app.post(
    '/api/users',
    {
      config: { roles: ['admin'] },
      schema: { response: { 201: PostUsersResponse }, body: CreateUserInput, tags: ['directory'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(presentUser(await tx((t) => createUser(t, actor, req.body, clock.now()))));
    },
  );
  app.patch(
    '/api/users/:id',
    {
      config: { roles: ['admin'] },
      schema: {
        response: { 200: PostUsersResponse },
        params: IdParams,
        body: UpdateUserInput,
        tags: ['directory'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentUser(await tx((t) => updateUser(t, actor, req.params.id, req.body, clock.now())));
    },
  );
}
