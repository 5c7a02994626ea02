import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Serves the built web console at `/`; any other GET outside /api and /docs answers index.html so the
 * console's own routes (e.g. /orders/12) survive a reload. Without a build, `/` says how to make one.
 */
export async function mountWebConsole(app: FastifyInstance, dist = WEB_DIST): Promise<boolean> {
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('12345 热线平台: the web console is not built. Run `npm run build:web`. API docs: /docs'),
    );
    return false;
  }
  await app.register(fastifyStatic, {
    root: dist,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // The build writes .br and .gz beside each asset (scripts/build-web.mjs).
    preCompressed: true,
  });
  // Hashed asset names never change content: cache them for a year; index.html is always revalidated.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
  });
  // The console's pages are not part of the API: kept out of the OpenAPI document.
  app.get('/*', { schema: { hide: true } }, async (req, reply) => {
    const url = req.url.split('?')[0]!;
    if (url.startsWith('/api/') || url.startsWith('/docs')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return true;
}
