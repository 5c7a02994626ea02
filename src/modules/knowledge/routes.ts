import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { type AppInstance, allowRoles, requireRole } from '../../platform/http.ts';
import { cityToday, getArticleWithVersions, listArticles, presentArticle } from './articles-query.ts';
import { createArticle, transitionArticle, updateArticle } from './articles-service.ts';
import { exportKbFile } from './export-service.ts';
import { KB_FILE_FORMATS } from './import-file.ts';
import { importKbFile } from './import-service.ts';
import {
  ArticleFilter,
  CreateArticleInput,
  KB_READERS,
  KB_WRITERS,
  ListArticlesQuery,
  SearchQuery,
  SynonymInput,
  TermInput,
  TransitionInput,
  UpdateArticleInput,
} from './model.ts';
import { searchArticles } from './search.ts';
import {
  addSynonymGroup,
  addTerm,
  listSynonyms,
  listTerms,
  removeSynonymGroup,
  removeTerm,
} from './terms-service.ts';

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const FormatQuery = z.object({ format: z.enum(KB_FILE_FORMATS) });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Files are small (1,000 rows); a larger upload is refused before it is read whole. */
const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** The uploaded file as bytes, whichever parser (stream or buffer) took the request. */
async function readUpload(body: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  if (body && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body as AsyncIterable<Buffer | string>) {
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += b.length;
      if (size > UPLOAD_MAX_BYTES) {
        throw new AppError('file_too_large', 413, 'The file is larger than 20 MB', '文件超过 20 MB');
      }
      chunks.push(b);
    }
    return Buffer.concat(chunks);
  }
  throw validationFailed([
    { field: 'body', message: `send the file as the raw body (text/csv, ${XLSX_TYPE})` },
  ]);
}

export function registerKnowledgeRoutes(app: AppInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const tx = db.orm.transaction.bind(db.orm);
  // Files are uploaded as the raw body; another module may already have registered the same types.
  for (const type of ['application/octet-stream', 'text/csv', XLSX_TYPE]) {
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
  }
  const readers = allowRoles(...KB_READERS);
  const writers = allowRoles(...KB_WRITERS);

  app.get(
    '/api/kb/search',
    { preValidation: readers, schema: { querystring: SearchQuery, tags: ['knowledge'] } },
    async (req) => {
      requireRole(req, ...KB_READERS);
      const { q, ...options } = req.query;
      return searchArticles(db.orm, q, options, clock.now());
    },
  );

  app.get(
    '/api/kb/articles',
    { preValidation: readers, schema: { querystring: ListArticlesQuery, tags: ['knowledge'] } },
    async (req) => {
      const actor = requireRole(req, ...KB_READERS);
      // Drafts and retired articles are the editors' business; everyone else lists what is published.
      const isWriter = (KB_WRITERS as readonly string[]).includes(actor.role);
      const query = isWriter ? req.query : { ...req.query, status: 'published' as const };
      return listArticles(db.orm, query, cityToday(clock.now()));
    },
  );
  app.get(
    '/api/kb/articles/:id',
    { preValidation: readers, schema: { params: IdParams, tags: ['knowledge'] } },
    async (req) => {
      const actor = requireRole(req, ...KB_READERS);
      const article = await getArticleWithVersions(db.orm, req.params.id, cityToday(clock.now()));
      if (article.status !== 'published' && !(KB_WRITERS as readonly string[]).includes(actor.role)) {
        throw notFound(`Article ${req.params.id}`, `知识 ${req.params.id} `);
      }
      return article;
    },
  );
  app.post(
    '/api/kb/articles',
    { preValidation: writers, schema: { body: CreateArticleInput, tags: ['knowledge'] } },
    async (req, reply) => {
      const actor = requireRole(req, ...KB_WRITERS);
      const now = clock.now();
      const row = await tx((t) => createArticle(t, actor, req.body, now));
      return reply.code(201).send(presentArticle(row, cityToday(now)));
    },
  );
  app.patch(
    '/api/kb/articles/:id',
    { preValidation: writers, schema: { params: IdParams, body: UpdateArticleInput, tags: ['knowledge'] } },
    async (req) => {
      const actor = requireRole(req, ...KB_WRITERS);
      const now = clock.now();
      const { article, changed } = await tx((t) => updateArticle(t, actor, req.params.id, req.body, now));
      return { ...presentArticle(article, cityToday(now)), changedFields: changed };
    },
  );
  for (const action of ['publish', 'retire'] as const) {
    app.post(
      `/api/kb/articles/:id/${action}`,
      {
        preValidation: writers,
        schema: { params: IdParams, body: TransitionInput.nullish(), tags: ['knowledge'] },
      },
      async (req) => {
        const actor = requireRole(req, ...KB_WRITERS);
        const now = clock.now();
        const row = await tx((t) =>
          transitionArticle(t, actor, req.params.id, action, req.body?.changeNote, now),
        );
        return presentArticle(row, cityToday(now));
      },
    );
  }

  app.post(
    '/api/kb/import',
    { preValidation: writers, schema: { querystring: FormatQuery, tags: ['knowledge'] } },
    async (req) => {
      const actor = requireRole(req, ...KB_WRITERS);
      const bytes = await readUpload(req.body);
      return importKbFile(db.orm, actor, req.query.format, bytes, clock.now());
    },
  );
  app.get(
    '/api/kb/export',
    {
      preValidation: readers,
      schema: { querystring: ArticleFilter.extend(FormatQuery.shape), tags: ['knowledge'] },
    },
    async (req, reply) => {
      const actor = requireRole(req, ...KB_READERS);
      const { format, ...filter } = req.query;
      const isWriter = (KB_WRITERS as readonly string[]).includes(actor.role);
      const file = await exportKbFile(
        db.orm,
        format,
        isWriter ? filter : { ...filter, status: 'published' },
        cityToday(clock.now()),
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.body);
    },
  );

  app.get('/api/kb/terms', { preValidation: readers, schema: { tags: ['knowledge'] } }, async (req) => {
    requireRole(req, ...KB_READERS);
    return { items: await listTerms(db.orm) };
  });
  app.post(
    '/api/kb/terms',
    { preValidation: writers, schema: { body: TermInput, tags: ['knowledge'] } },
    async (req, reply) => {
      const actor = requireRole(req, ...KB_WRITERS);
      return reply.code(201).send(await addTerm(db.orm, actor, req.body, clock.now()));
    },
  );
  app.delete(
    '/api/kb/terms/:word',
    {
      preValidation: writers,
      schema: { params: z.object({ word: z.string().min(1).max(30) }), tags: ['knowledge'] },
    },
    async (req) => {
      const actor = requireRole(req, ...KB_WRITERS);
      return removeTerm(db.orm, actor, req.params.word, clock.now());
    },
  );
  app.get('/api/kb/synonyms', { preValidation: readers, schema: { tags: ['knowledge'] } }, async (req) => {
    requireRole(req, ...KB_READERS);
    return listSynonyms(db.orm);
  });
  app.post(
    '/api/kb/synonyms',
    { preValidation: writers, schema: { body: SynonymInput, tags: ['knowledge'] } },
    async (req, reply) => {
      const actor = requireRole(req, ...KB_WRITERS);
      return reply.code(201).send(await tx((t) => addSynonymGroup(t, actor, req.body, clock.now())));
    },
  );
  app.delete(
    '/api/kb/synonyms/:id',
    { preValidation: writers, schema: { params: IdParams, tags: ['knowledge'] } },
    async (req) => {
      const actor = requireRole(req, ...KB_WRITERS);
      return tx((t) => removeSynonymGroup(t, actor, req.params.id, clock.now()));
    },
  );
}
