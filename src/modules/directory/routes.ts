import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { type AppInstance, allowRoles, requireActor, requireRole } from '../../platform/http.ts';
import { createCategory, listCategories, updateCategory } from './categories-service.ts';
import {
  createDepartment,
  listDepartments,
  presentDepartment,
  updateDepartment,
} from './departments-service.ts';
import {
  CreateCategoryInput,
  CreateDepartmentInput,
  CreateUserInput,
  LoginInput,
  UpdateCategoryInput,
  UpdateDepartmentInput,
  UpdateUserInput,
} from './model.ts';
import { login, logout } from './sessions.ts';
import { createUser, listUsers, presentUser, updateUser } from './users-service.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });

export function registerDirectoryRoutes(
  app: AppInstance,
  deps: { db: Db; clock: Clock; sessionHours: number },
): void {
  const { db, clock } = deps;
  const tx = db.orm.transaction.bind(db.orm);

  app.post('/api/auth/login', { schema: { body: LoginInput, tags: ['auth'] } }, async (req) => {
    const { username, password } = req.body;
    return login(db.orm, username, password, clock.now(), deps.sessionHours);
  });
  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (req) => {
    requireActor(req);
    await logout(db.orm, req.bearerToken!, clock.now());
    return { ok: true };
  });
  app.get('/api/auth/me', { schema: { tags: ['auth'] } }, async (req) => ({ user: requireActor(req) }));

  app.get('/api/departments', { schema: { tags: ['directory'] } }, async (req) => {
    requireActor(req);
    return { items: (await listDepartments(db.orm)).map(presentDepartment) };
  });
  app.post(
    '/api/departments',
    {
      preValidation: allowRoles('admin', 'office'),
      schema: { body: CreateDepartmentInput, tags: ['directory'] },
    },
    async (req, reply) => {
      const actor = requireRole(req, 'admin', 'office');
      const row = await tx((t) => createDepartment(t, actor, req.body, clock.now()));
      return reply.code(201).send(presentDepartment(row));
    },
  );
  app.patch(
    '/api/departments/:id',
    {
      preValidation: allowRoles('admin', 'office'),
      schema: { params: IdParams, body: UpdateDepartmentInput, tags: ['directory'] },
    },
    async (req) => {
      const actor = requireRole(req, 'admin', 'office');
      return presentDepartment(
        await tx((t) => updateDepartment(t, actor, req.params.id, req.body, clock.now())),
      );
    },
  );

  app.get('/api/categories', { schema: { tags: ['directory'] } }, async (req) => {
    requireActor(req);
    return { items: await listCategories(db.orm) };
  });
  app.post(
    '/api/categories',
    {
      preValidation: allowRoles('admin', 'office'),
      schema: { body: CreateCategoryInput, tags: ['directory'] },
    },
    async (req, reply) => {
      const actor = requireRole(req, 'admin', 'office');
      return reply.code(201).send(await tx((t) => createCategory(t, actor, req.body, clock.now())));
    },
  );
  app.patch(
    '/api/categories/:id',
    {
      preValidation: allowRoles('admin', 'office'),
      schema: { params: IdParams, body: UpdateCategoryInput, tags: ['directory'] },
    },
    async (req) => {
      const actor = requireRole(req, 'admin', 'office');
      return tx((t) => updateCategory(t, actor, req.params.id, req.body, clock.now()));
    },
  );

  app.get(
    '/api/users',
    { preValidation: allowRoles('admin', 'office'), schema: { tags: ['directory'] } },
    async (req) => {
      requireRole(req, 'admin', 'office');
      return { items: (await listUsers(db.orm)).map(presentUser) };
    },
  );
  app.post(
    '/api/users',
    { preValidation: allowRoles('admin'), schema: { body: CreateUserInput, tags: ['directory'] } },
    async (req, reply) => {
      const actor = requireRole(req, 'admin');
      return reply.code(201).send(presentUser(await tx((t) => createUser(t, actor, req.body, clock.now()))));
    },
  );
  app.patch(
    '/api/users/:id',
    {
      preValidation: allowRoles('admin'),
      schema: { params: IdParams, body: UpdateUserInput, tags: ['directory'] },
    },
    async (req) => {
      const actor = requireRole(req, 'admin');
      return presentUser(await tx((t) => updateUser(t, actor, req.params.id, req.body, clock.now())));
    },
  );
}
