import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';
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
  const headers = Object.entries(await helmetHeaders());
  app.addHook('onRequest', (_req, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value!);
    done();
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    if (req.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    done(null, payload);
  });
  // The API document maps every endpoint and field: staff only by default (the console's sign-in cookie or a
  // bearer token), or switched off on an exposed deployment.
  app.addHook('onRequest', (req, reply, done) => {
    if (!req.url.startsWith('/docs')) return done();
    const url = req.url.split('?')[0]!;
    if (url !== '/docs' && !url.startsWith('/docs/')) return done();
    if (docs === 'off') return reply.callNotFound();
    if (docs === 'staff' && !req.actor) return done(unauthenticated());
    done();
  });
}

const HELMET_OPTIONS = {
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  hsts: false,
  crossOriginEmbedderPolicy: false,
} as const;

/**
 * The headers helmet sets with these options, taken once from a probe instance: @fastify/helmet builds helmet's
 * middleware anew on every request (parsing the CSP directives each time, issue 18), though nothing in them
 * depends on the request (no nonces), so every answer gets these same values.
 */
async function helmetHeaders(): Promise<OutgoingHttpHeaders> {
  const probe = Fastify();
  await probe.register(helmet, HELMET_OPTIONS);
  let headers: OutgoingHttpHeaders = {};
  probe.get('/', async (_req, reply) => {
    headers = reply.raw.getHeaders();
    return '';
  });
  await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  if (!headers['content-security-policy']) throw new Error('helmet set no Content-Security-Policy');
  return headers;
}
