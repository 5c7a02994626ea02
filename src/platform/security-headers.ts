import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { unauthenticated } from './errors.ts';

/** Who may read the API document at /docs: signed-in staff (default), anyone, or nobody. */
export type ApiDocsAccess = 'staff' | 'public' | 'off';

/**
 * Content-Security-Policy of every answer. No inline script anywhere (the console is a built bundle loaded from
 * its own origin); inline *styles* stay allowed because antd writes its CSS-in-JS into <style> elements.
 * `frame-ancestors 'none'` and X-Frame-Options DENY stop click-jacking of the console.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/**
 * Security headers (等保 2.0 level 3, GB/T 22239-2019 8.1.4.x; OWASP secure headers): CSP, nosniff,
 * X-Frame-Options, Referrer-Policy; `Cache-Control: no-store` on every API answer (they carry personal data and
 * must not stay in a shared or browser cache); HSTS only when the request came over TLS (directly, or through a
 * proxy that says so in X-Forwarded-Proto with HOTLINE_TRUST_PROXY), since a plain-HTTP header would be
 * ignored anyway and a wrong one locks browsers out of a test server.
 */
export async function installSecurityHeaders(app: FastifyInstance, docs: ApiDocsAccess): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    if (req.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  });
  // The API document maps every endpoint and field: staff only by default (the console's sign-in cookie or a
  // bearer token), or switched off on an exposed deployment.
  app.addHook('onRequest', async (req, reply) => {
    const url = req.url.split('?')[0]!;
    if (url !== '/docs' && !url.startsWith('/docs/')) return;
    if (docs === 'off') return reply.callNotFound();
    if (docs === 'staff' && !req.actor) throw unauthenticated();
  });
}
