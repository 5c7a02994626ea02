import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { actorOf, type AppInstance, errorAnswer } from '../../platform/http.ts';
import { zId } from '../../platform/input.ts';
import { listCategories, listDistrictNames } from '../directory/index.ts';
import { addClient, clientByKey, listClients, revokeClient } from './clients.ts';
import { definitionOf, GEOREPORT_SPEC, servicesOf } from './mapping.ts';
import {
  ClientList,
  DiscoveryAnswer,
  JurisdictionQuery,
  ListRequestsQuery,
  NewClientAnswer,
  NewClientBody,
  RequestsAnswer,
  ServiceDefinitionAnswer,
  ServicesAnswer,
  SubmitAnswer,
  SubmitRequestBody,
  TokenAnswer,
  ClientView,
} from './model.ts';
import { getRequest, listRequests, requestOfToken, submitRequest } from './requests.ts';
import { toXml, type XmlValue } from './xml.ts';

export interface Open311RouteDeps {
  db: Db;
  clock: Clock;
}

type Format = 'json' | 'xml';
const FORMATS: Format[] = ['json', 'xml'];
const PREFIX = '/open311/v2';
/** When this interface last changed (discovery's `changeset`). */
const CHANGESET = '2026-12-02T00:00:00+08:00';
const MANAGERS = ['office', 'admin'] as const;

const formatOf = (req: FastifyRequest): Format => (req.url.split('?')[0]!.endsWith('.xml') ? 'xml' : 'json');

function answer(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200) {
  if (format === 'json') return reply.code(status).send(value);
  return reply
    .code(status)
    .type('text/xml; charset=utf-8')
    .send(Buffer.from(toXml(root, value as XmlValue)));
}

/** The standard's error list, `[{code, description}]`, naming the bad field as every answer of ours does. */
function open311Errors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const a = errorAnswer(err);
  if (!a) req.log.error(err);
  const status = a?.status ?? 500;
  const e = a?.body.error;
  const fields = e?.fields as { field: string; message: string }[] | undefined;
  const description = fields?.length
    ? fields.map((f) => `${f.field}: ${f.message}`).join('; ')
    : (e?.message ?? 'Internal error');
  if (a?.retryAfter !== undefined) reply.header('retry-after', String(a.retryAfter));
  return answer(reply, formatOf(req), 'errors', [{ code: status, description }], status);
}

const TAGS = ['open311'];

/**
 * Open311 GeoReport v2 at /open311/v2, beside the platform's own API: services from the category tree, requests
 * as online submissions, their status as the order moves. Reading needs no key (the standard's rule); creating
 * needs a registered client's `api_key`. Errors use the standard's shape in both formats.
 */
export function registerOpen311Routes(app: AppInstance, deps: Open311RouteDeps): void {
  const { db, clock } = deps;
  app.register(async (child) => {
    const scope = child as unknown as AppInstance;
    scope.setErrorHandler(open311Errors);
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req: FastifyRequest, body: string | Buffer, done: (err: Error | null, body?: unknown) => void) => {
        const params = new URLSearchParams(body.toString());
        const out: Record<string, string> = {};
        for (const [k, v] of params) out[k] = v;
        done(null, out);
      },
    );

    for (const format of FORMATS) {
      scope.get(
        `${PREFIX}/discovery.${format}`,
        { schema: { response: { 200: format === 'json' ? DiscoveryAnswer : z.unknown() }, tags: TAGS } },
        async (req, reply) =>
          answer(reply, format, 'discovery', {
            changeset: CHANGESET,
            contact: '市 12345 政务服务便民热线办公室',
            key_service:
              '接入密钥由热线办公室登记发放（控制台 Open311 接入方，或 hotline open311 client add）',
            endpoints: [
              {
                specification: GEOREPORT_SPEC,
                url: `${req.protocol}://${req.host}${PREFIX}`,
                changeset: CHANGESET,
                type: 'production',
                formats: ['application/json', 'text/xml'],
              },
            ],
          }),
      );

      scope.get(
        `${PREFIX}/services.${format}`,
        {
          schema: {
            querystring: JurisdictionQuery,
            response: { 200: format === 'json' ? ServicesAnswer : z.unknown() },
            tags: TAGS,
          },
        },
        async (_req, reply) => answer(reply, format, 'services', servicesOf(await listCategories(db.orm))),
      );

      scope.get(
        `${PREFIX}/services/:service_code.${format}`,
        {
          schema: {
            params: z.object({ service_code: z.string().max(50) }),
            querystring: JurisdictionQuery,
            response: { 200: format === 'json' ? ServiceDefinitionAnswer : z.unknown() },
            tags: TAGS,
          },
        },
        async (req, reply) => {
          const service = servicesOf(await listCategories(db.orm)).find(
            (s) => s.service_code === req.params.service_code,
          );
          if (!service) throw notFound(`service_code ${req.params.service_code}`, '服务');
          return answer(
            reply,
            format,
            'service_definition',
            definitionOf(service, await listDistrictNames(db.orm)),
          );
        },
      );

      scope.post(
        `${PREFIX}/requests.${format}`,
        {
          schema: {
            body: SubmitRequestBody,
            response: { 201: format === 'json' ? SubmitAnswer : z.unknown() },
            tags: TAGS,
          },
        },
        async (req, reply) => {
          const client = req.body.api_key ? await clientByKey(db.orm, req.body.api_key) : null;
          if (!client)
            throw new AppError('forbidden', 403, 'api_key: missing or not valid', 'api_key 缺失或无效');
          const created = await submitRequest(db.orm, client, req.body, clock.now());
          return answer(reply, format, 'service_requests', created, 201);
        },
      );

      scope.get(
        `${PREFIX}/requests.${format}`,
        {
          schema: {
            querystring: ListRequestsQuery,
            response: { 200: format === 'json' ? RequestsAnswer : z.unknown() },
            tags: TAGS,
          },
        },
        async (req, reply) =>
          answer(reply, format, 'service_requests', await listRequests(db.orm, req.query, clock.now())),
      );

      scope.get(
        `${PREFIX}/requests/:service_request_id.${format}`,
        {
          schema: {
            params: z.object({ service_request_id: z.string().max(40) }),
            querystring: JurisdictionQuery,
            response: { 200: format === 'json' ? RequestsAnswer : z.unknown() },
            tags: TAGS,
          },
        },
        async (req, reply) =>
          answer(
            reply,
            format,
            'service_requests',
            await getRequest(db.orm, req.params.service_request_id, clock.now()),
          ),
      );

      scope.get(
        `${PREFIX}/tokens/:token.${format}`,
        {
          schema: {
            params: z.object({ token: z.string().max(100) }),
            querystring: JurisdictionQuery,
            response: { 200: format === 'json' ? TokenAnswer : z.unknown() },
            tags: TAGS,
          },
        },
        async (req, reply) =>
          answer(reply, format, 'service_requests', await requestOfToken(db.orm, req.params.token)),
      );
    }
  });

  // The office registers and revokes the systems that may submit (the platform's own API and errors).
  app.get(
    '/api/open311/clients',
    { config: { roles: [...MANAGERS] }, schema: { response: { 200: ClientList }, tags: TAGS } },
    async () => ({ items: await listClients(db.orm) }),
  );
  app.post(
    '/api/open311/clients',
    {
      config: { roles: [...MANAGERS] },
      schema: { body: NewClientBody, response: { 201: NewClientAnswer }, tags: TAGS },
    },
    async (req, reply) =>
      reply.code(201).send(await addClient(db.orm, actorOf(req), req.body.name, clock.now())),
  );
  app.post(
    '/api/open311/clients/:id/revoke',
    {
      config: { roles: [...MANAGERS] },
      schema: { params: z.object({ id: zId }), response: { 200: ClientView }, tags: TAGS },
    },
    async (req) => revokeClient(db.orm, actorOf(req), req.params.id, clock.now()),
  );
}
