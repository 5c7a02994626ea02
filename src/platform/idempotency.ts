import { createHash } from 'node:crypto';
import { z } from 'zod';
import { and, eq, lt } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Clock } from './clock.ts';
import { AppError, validationFailed } from './errors.ts';
import { idempotencyKeys } from './schema.ts';
import { activeKeyring } from './keyring.ts';
import { open, seal } from './sm-crypto.ts';

/** The column a stored answer is sealed for (the MAC binds a ciphertext to it). */
const RESPONSE_COLUMN = 'idempotency_keys.response';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** How long a key is remembered: a client retries within minutes; a day covers a night-shift outage. */
export const IDEMPOTENCY_TTL_HOURS = 24;
const KEY_RE = /^[\x21-\x7e]{1,200}$/;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route honours `Idempotency-Key`: the same key returns the first answer instead of acting twice. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: { scope: string; key: string } | null;
  }
}

const headerError = (code: string, status: number, message: string, messageZh: string) =>
  new AppError(code, status, message, messageZh, {
    fields: [{ field: 'Idempotency-Key', message }],
  });

function requestHash(req: FastifyRequest): string {
  const path = req.url.split('?')[0]!;
  return createHash('sha256')
    .update(`${req.method} ${path}\n${JSON.stringify(req.body ?? null)}`)
    .digest('hex');
}

/**
 * Idempotent writes (IETF draft "The Idempotency-Key HTTP Header Field"): on routes marked `idempotent`, a
 * request with the header claims the key for its user (or, for citizens, its address) before acting; a repeat
 * with the same key and the same request gets the stored first answer, never a second order; the same key with
 * a different request is refused with 422 naming the header; a repeat while the first is still running gets
 * 409. A claim whose request failed is released so the client may retry. Keys expire after a day.
 */
export function installIdempotency(app: FastifyInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  app.decorateRequest('idempotency', null);

  app.addHook('preHandler', async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.routeOptions.config.idempotent) return;
    const raw = req.headers[IDEMPOTENCY_HEADER];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0]! : raw;
    if (!KEY_RE.test(key))
      throw validationFailed([{ field: 'Idempotency-Key', message: '1–200 visible ASCII characters' }]);
    const scope = req.actor?.id != null ? `user:${req.actor.id}` : `ip:${req.ip}`;
    const now = clock.now();
    const hash = requestHash(req);
    await db.orm
      .delete(idempotencyKeys)
      .where(
        and(
          eq(idempotencyKeys.scope, scope),
          eq(idempotencyKeys.key, key),
          lt(idempotencyKeys.expiresAt, now),
        ),
      );
    const claimed = await db.orm
      .insert(idempotencyKeys)
      .values({
        scope,
        key,
        route: req.routeOptions.url ?? req.url,
        requestHash: hash,
        createdAt: now,
        expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_HOURS * 3600_000),
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length > 0) {
      req.idempotency = { scope, key };
      return;
    }
    const [first] = await db.orm
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!first)
      throw headerError('idempotency_in_progress', 409, 'Retry: the first request just ended', '请重试');
    if (first.requestHash !== hash)
      throw headerError(
        'idempotency_key_reused',
        422,
        'This Idempotency-Key was used for a different request',
        '该幂等键已用于另一个请求',
      );
    if (first.status == null)
      throw headerError(
        'idempotency_in_progress',
        409,
        'The first request with this Idempotency-Key is still running',
        '相同幂等键的请求正在处理中',
      );
    return reply
      .code(first.status)
      .header('idempotent-replayed', 'true')
      .type('application/json; charset=utf-8')
      .send(open(activeKeyring(), first.response, RESPONSE_COLUMN));
  });

  // The stored answer is exactly what the first client was sent (the serialised body after the response schema).
  app.addHook('onSend', async (req, reply, payload) => {
    const claim = req.idempotency;
    if (!claim) return payload;
    req.idempotency = null;
    const where = and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      // The answer holds the caller's personal data: sealed with SM4 like every other copy at rest.
      const response = seal(activeKeyring(), payload, RESPONSE_COLUMN);
      await db.orm.update(idempotencyKeys).set({ status: reply.statusCode, response }).where(where);
    } else {
      await db.orm.delete(idempotencyKeys).where(where);
    }
    return payload;
  });
}

/** The header in a route's schema, so the OpenAPI document shows it (other headers pass untouched). */
export const IdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .max(200)
    .optional()
    .describe('the same key returns the first answer instead of acting twice (kept 24 h)'),
});
