import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import type { FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { databaseBusyReason } from '../db/busy.ts';
import type { Actor, Role, SessionRestriction } from './actor.ts';
import { AppError, forbidden, unauthenticated, validationFailed, type FieldError } from './errors.ts';
import { findHostileInput } from './input.ts';
import { runWithClient } from './request-context.ts';

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
  interface FastifyContextConfig {
    /** The roles that may call the route: its one declaration of who may act (see `installRoleGuard`). */
    roles?: readonly Role[];
    /** A route that takes longer text than the platform's field limit (e.g. a whole citizen message to search). */
    maxFieldChars?: number;
  }
}

/** The old way for role checks inside handlers (see `requireRole`); still the way to require any signed-in user. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/**
 * The signed-in actor, who must hold one of `roles`. The old way, kept while other branches still use it: a
 * route now declares `config: { roles }` once and its handler calls `actorOf`.
 */
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

export interface ErrorBody {
  error: { code: string; message: string; messageZh: string } & Record<string, unknown>;
}

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.code(status).type('application/json').send(body);
}

/** A failure as the status and body every answer uses; null for an unexpected error (a 500, logged). */
export function errorAnswer(
  err: FastifyError,
): { status: number; body: ErrorBody; retryAfter?: number } | null {
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, messageZh: err.messageZh, ...err.details } },
      // Every 429 says when to come back (RFC 9110 10.2.3), so clients back off instead of hammering.
      ...(err.status === 429 ? { retryAfter: Number(err.details.retryAfterSeconds ?? 60) } : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: FieldError[] = err.validation.map((v) => ({
      field: fieldName(v.instancePath, err.validationContext),
      message: v.message ?? 'invalid',
    }));
    const names = [...new Set(fields.map((f) => f.field))].join(', ');
    return {
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: `Invalid input: ${names}`,
          messageZh: `输入有误：${names}`,
          fields,
        },
      },
    };
  }
  const busy = databaseBusyReason(err);
  if (busy) {
    // A wait that reached its limit (db/client.ts DbLimits): the request may succeed in a moment, so 503 with a
    // time to come back, never a request left hanging (the knowledge notice flake, docs/next-steps.md).
    return {
      status: 503,
      retryAfter: 5,
      body: {
        error: {
          code: 'database_busy',
          message: `The database is busy (${busy}): try again`,
          messageZh: '数据库繁忙，请稍后重试',
        },
      },
    };
  }
  const dataError = databaseDataError(err);
  if (dataError) {
    return {
      status: 400,
      body: {
        error: {
          code: 'invalid_input',
          message: `Invalid input (${dataError})`,
          messageZh: '输入的值超出允许范围',
        },
      },
    };
  }
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return {
      status,
      body: { error: { code: err.code ?? 'bad_request', message: err.message, messageZh: '请求有误' } },
    };
  }
  return null;
}

/**
 * Maps every failure to one JSON shape: `{ error: { code, message, messageZh, …details } }`. Validation errors
 * list each bad field under `fields`.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const answer = errorAnswer(err);
    if (answer) {
      // The reason a request gave up waiting on the database is logged even when the request logger is off.
      if (answer.status === 503 && answer.body.error.code === 'database_busy')
        console.error(`${req.method} ${req.url}: ${answer.body.error.message}`);
      if (answer.retryAfter !== undefined) reply.header('retry-after', String(answer.retryAfter));
      return send(reply, answer.status, answer.body);
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

/**
 * PostgreSQL's class 22 "data exception" (a number out of range, an invalid date or byte sequence): input that
 * slipped past a schema is still the client's fault, so it answers 400 rather than 500. The schemas built from
 * `platform/input.ts` are meant to stop it first and name the field; this is the net under them.
 */
function databaseDataError(err: unknown): string | null {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return e.code;
  }
  return null;
}

/**
 * Refuses, for every route and before its schema runs, strings that PostgreSQL cannot store or no honest client
 * sends (NUL, lone surrogates, a field past the size limit) anywhere in the path, query or JSON body: one check
 * instead of one per route, and it covers the routes anyone may call without signing in.
 */
export function installInputGuard(app: FastifyInstance): void {
  // Callback-style, as it does not wait for anything: no promise and no extra turn per request (issue 18).
  app.addHook('preValidation', (req, _reply, done) => {
    const maxChars = req.routeOptions.config?.maxFieldChars;
    for (const part of [req.params, req.query, req.body]) {
      const bad = findHostileInput(part, '', undefined, maxChars);
      if (bad) return done(validationFailed([{ field: bad.field || 'body', message: bad.message }]));
    }
    done();
  });
}

/** The console's session cookie (HttpOnly, SameSite=Strict, Secure over TLS). */
export const SESSION_COOKIE = 'hotline_session';

/**
 * A write authenticated by the cookie must come from the console's own origin (defence in depth beside
 * SameSite=Strict against cross-site request forgery); reads and requests without an Origin header pass.
 */
function sameOrigin(req: FastifyRequest): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Reads the bearer token on every request and resolves the actor; routes decide whether one is required. */
export function installAuthentication(
  app: FastifyInstance,
  authenticate: (token: string) => Promise<Actor | null>,
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('bearerToken', null);
  // Everything the request causes runs with its client known, so audit rows name the address and agent.
  app.addHook('onRequest', (req, _reply, done) => {
    const agent = req.headers['user-agent'];
    runWithClient({ address: req.ip ?? null, userAgent: typeof agent === 'string' ? agent : null }, done);
  });
  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    // The console signs in with an HttpOnly cookie (script never sees the token; EventSource sends it too); API
    // and CLI clients send the bearer header. No token is ever taken from the URL, where logs and history keep it.
    const cookie = m ? undefined : req.cookies?.[SESSION_COOKIE];
    const token = m?.[1] ?? cookie ?? null;
    if (token) {
      req.bearerToken = token;
      req.actor = await authenticate(token);
    }
    if (cookie && req.actor && !sameOrigin(req))
      throw forbidden('Cross-site request refused', '拒绝跨站请求');
    // Everything under /api needs a signed-in user except sign-in, health and the citizens' public endpoints;
    // checked before body validation so an anonymous caller learns nothing about the schema.
    const url = req.url.split('?')[0]!;
    if (!url.startsWith('/api/')) return;
    if (
      url === '/api/auth/login' ||
      url === '/api/auth/password' ||
      url === '/api/health' ||
      url.startsWith('/api/public/')
    )
      return;
    if (!req.actor) throw unauthenticated();
    // A session that must first change its password or set up its second factor can do only that.
    const restriction = req.actor.restriction;
    if (restriction && !RESTRICTED_ALLOWED[restriction].includes(url))
      throw restriction === 'password_expired'
        ? new AppError(
            'password_expired',
            403,
            'The password has expired: change it first',
            '口令已过期，请先修改口令',
            {
              changeAt: '/api/auth/password',
            },
          )
        : new AppError(
            'totp_enrolment_required',
            403,
            'Set up the second factor (one-time codes) first',
            '请先绑定动态口令（双因素认证）',
            { enrolAt: '/api/auth/totp/enrol' },
          );
  });
}

/** What a restricted session may still call (see `SessionRestriction`). */
const RESTRICTED_ALLOWED: Record<SessionRestriction, string[]> = {
  password_expired: ['/api/auth/me', '/api/auth/logout', '/api/auth/password'],
  totp_enrolment: [
    '/api/auth/me',
    '/api/auth/logout',
    '/api/auth/password',
    '/api/auth/totp',
    '/api/auth/totp/enrol',
    '/api/auth/totp/confirm',
  ],
};

/**
 * Makes each route's `config.roles` its guard: a preValidation hook admits only those roles, so a role that may
 * not act gets 403 before its body is validated (and learns nothing about the schema). Installed before any
 * route is registered; the handler then takes the admitted actor with `actorOf`.
 */
export function installRoleGuard(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const roles = route.config?.roles;
    if (!roles) return;
    // Callback-style (no promise per request); a refusal goes to the error handler as a thrown one would.
    const guard = (req: FastifyRequest, _reply: FastifyReply, done: (err?: Error) => void) => {
      try {
        requireRole(req, ...roles);
      } catch (err) {
        return done(err as Error);
      }
      done();
    };
    const existing = route.preValidation ? [route.preValidation].flat() : [];
    route.preValidation = [guard, ...existing];
  });
}

/** The actor of a route whose `config.roles` already admitted them (or of any signed-in route). */
export function actorOf(req: FastifyRequest): Actor {
  return requireActor(req);
}

/**
 * The old way, kept while other branches still add routes with it: prefer `config: { roles }` on the route.
 * A preValidation hook that admits only `roles`, so a role that may not act gets 403 before its body is
 * validated (and learns nothing about the schema). Handlers then take the actor with `requireRole`.
 */
export function allowRoles(...roles: Role[]) {
  return async (req: FastifyRequest) => {
    requireRole(req, ...roles);
  };
}
