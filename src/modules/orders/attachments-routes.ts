import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { zId } from '../../platform/input.ts';
import { hitRateLimit, type RateLimit } from '../../platform/rate-limit.ts';
import {
  addAttachment,
  addCitizenAttachment,
  ATTACHMENT_MAX_BYTES,
  AttachmentList,
  AttachmentStore,
  attachmentTooLarge,
  AttachmentView,
  contentDisposition,
  listAttachments,
  type NewAttachment,
  openAttachment,
} from './attachments.ts';
import { hashTrackingCode } from './numbering.ts';
import { orders } from './schema.ts';

export interface AttachmentRouteDeps {
  db: Db;
  clock: Clock;
  /** The directory beside the data directory where the bytes are kept (never under the web root). */
  attachmentsDir: string;
  publicSubmitLimit: RateLimit;
}

const IdParams = z.object({ id: zId });
const STAFF = ['agent', 'team_lead', 'office', 'department'] as const;

/** The one file of a multipart upload (field `file`), refused when it is over the limit or missing. */
async function oneFile(req: FastifyRequest): Promise<NewAttachment> {
  if (!req.isMultipart())
    throw validationFailed([
      { field: 'file', message: 'send the file as multipart/form-data, field "file"' },
    ]);
  let part;
  try {
    part = await req.file({ limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, parts: 3 } });
  } catch (err) {
    throw badUpload(err);
  }
  if (!part || part.fieldname !== 'file')
    throw validationFailed([{ field: 'file', message: 'a file in the field "file" is required' }]);
  try {
    const bytes = await part.toBuffer();
    return { fileName: part.filename, bytes };
  } catch (err) {
    throw badUpload(err);
  }
}

function badUpload(err: unknown): AppError {
  const code = (err as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return attachmentTooLarge();
  if (err instanceof AppError) return err;
  return validationFailed([{ field: 'file', message: 'not a readable multipart upload' }]);
}

/** 附件 routes: upload by staff and by the citizen (with the tracking code), list, and download. */
export function registerAttachmentRoutes(app: AppInstance, deps: AttachmentRouteDeps): void {
  const { db, clock } = deps;
  const files = new AttachmentStore(deps.attachmentsDir);

  // Multipart only in this scope: the rest of the API keeps its JSON bodies.
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 2, parts: 3, fieldNameSize: 50 },
    });
    const s = scope as unknown as AppInstance;

    s.post(
      '/api/orders/:id/attachments',
      {
        config: { roles: [...STAFF] },
        schema: {
          response: { 201: AttachmentView },
          params: IdParams,
          consumes: ['multipart/form-data'],
          tags: ['orders'],
          description:
            'Attach an image (JPEG, PNG, WebP) or a PDF, at most 10 MB, as multipart field `file`: the ' +
            "department to its reply, the call centre the citizen's material. The type is sniffed from the bytes.",
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const file = await oneFile(req);
        return reply
          .code(201)
          .send(await addAttachment(db.orm, files, actor, req.params.id, file, clock.now()));
      },
    );

    s.post(
      '/api/public/orders/:number/attachments',
      {
        schema: {
          response: { 201: AttachmentView },
          params: z.object({ number: z.string().max(40) }),
          querystring: z.object({ code: z.string().min(1).max(40) }),
          consumes: ['multipart/form-data'],
          tags: ['public'],
          description:
            'A citizen adds a photo or PDF to a request still waiting to be taken in (number and code).',
        },
      },
      async (req, reply) => {
        const now = clock.now();
        if (!(await hitRateLimit(db.orm, `submit:${req.ip}`, deps.publicSubmitLimit, now)))
          throw new AppError(
            'rate_limited',
            429,
            'Too many requests from this address',
            '提交过于频繁，请稍后再试',
            {
              retryAfterSeconds: deps.publicSubmitLimit.windowSeconds,
            },
          );
        const [order] = await db.orm.select().from(orders).where(eq(orders.number, req.params.number));
        if (!order || !order.trackingCodeHash || order.trackingCodeHash !== hashTrackingCode(req.query.code))
          throw notFound(`Order ${req.params.number} with this code`, '工单编号或查询码');
        const file = await oneFile(req);
        return reply.code(201).send(await addCitizenAttachment(db.orm, files, order, file, now));
      },
    );
  });

  app.get(
    '/api/orders/:id/attachments',
    {
      config: { roles: [...STAFF] },
      schema: { response: { 200: AttachmentList }, params: IdParams, tags: ['orders'] },
    },
    async (req) => ({ items: await listAttachments(db.orm, actorOf(req), req.params.id) }),
  );

  app.get(
    '/api/attachments/:id',
    {
      config: { roles: [...STAFF] },
      schema: {
        response: { 200: z.unknown().describe('the file, as a download') },
        params: IdParams,
        tags: ['orders'],
      },
    },
    async (req, reply) => {
      const { view, bytes } = await openAttachment(db.orm, files, actorOf(req), req.params.id);
      return reply
        .type(view.contentType)
        .header('content-disposition', contentDisposition(view.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .send(bytes);
    },
  );
}
