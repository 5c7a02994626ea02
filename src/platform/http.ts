import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor, Role } from './actor.ts';
import { AppError, forbidden, unauthenticated, type FieldError } from './errors.ts';

/** The Fastify instance with zod schemas as the type provider, as every module's routes receive it. */
export type AppInstance = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    bearerToken: string | null;
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** The signed-in actor, who must hold one of `roles`. */
export function requireRole(req: FastifyRequest, ...roles: Role[]): Actor {
  const actor = requireActor(req);
  if (!roles.includes(actor.role as Role)) throw forbidden();
  return actor;
}

/** `/caller/phone` (JSON pointer) → `caller.phone`. */
function fieldName(instancePath: string, context: string | undefined): string {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  if (path) return path;
  return context === 'body' ? 'body' : (context ?? 'request');
}

interface ErrorBody {
  error: { code: string; message: string; messageZh: string } & Record<string, unknown>;
}

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.code(status).type('application/json').send(body);
}

/**
 * Maps every failure to one JSON shape: `{ error: { code, message, messageZh, …details } }`. Validation errors
 * list each bad field under `fields`.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return send(reply, err.status, {
        error: { code: err.code, message: err.message, messageZh: err.messageZh, ...err.details },
      });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields: FieldError[] = err.validation.map((v) => ({
        field: fieldName(v.instancePath, err.validationContext),
        message: v.message ?? 'invalid',
      }));
      const names = [...new Set(fields.map((f) => f.field))].join(', ');
      return send(reply, 400, {
        error: {
          code: 'validation_failed',
          message: `Invalid input: ${names}`,
          messageZh: `输入有误：${names}`,
          fields,
        },
      });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return send(reply, status, {
        error: { code: err.code ?? 'bad_request', message: err.message, messageZh: '请求有误' },
      });
    }
    req.log.error(err);
    return send(reply, 500, {
      error: { code: 'internal_error', message: 'Internal error', messageZh: '系统内部错误，请稍后再试' },
    });
  });
  app.setNotFoundHandler((req, reply) =>
    send(reply, 404, {
      error: { code: 'not_found', message: `No route ${req.method} ${req.url}`, messageZh: '接口不存在' },
    }),
  );
}

/** Reads the bearer token on every request and resolves the actor; routes decide whether one is required. */
export function installAuthentication(
  app: FastifyInstance,
  authenticate: (token: string) => Promise<Actor | null>,
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('bearerToken', null);
  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    // A browser's EventSource cannot send headers: event streams may carry the token in the query instead.
    const streamToken =
      !m && req.url.split('?')[0]!.endsWith('/stream')
        ? new URL(req.url, 'http://x').searchParams.get('token')
        : null;
    const token = m?.[1] ?? streamToken;
    if (token) {
      req.bearerToken = token;
      req.actor = await authenticate(token);
    }
    // Everything under /api needs a signed-in user except sign-in, health and the citizens' public endpoints;
    // checked before body validation so an anonymous caller learns nothing about the schema.
    const url = req.url.split('?')[0]!;
    if (!url.startsWith('/api/')) return;
    if (url === '/api/auth/login' || url === '/api/health' || url.startsWith('/api/public/')) return;
    if (!req.actor) throw unauthenticated();
  });
}

/**
 * A preValidation hook that admits only `roles`, so a role that may not act gets 403 before its body is
 * validated (and learns nothing about the schema). Handlers then take the actor with `requireRole`.
 */
export function allowRoles(...roles: Role[]) {
  return async (req: FastifyRequest) => {
    requireRole(req, ...roles);
  };
}
