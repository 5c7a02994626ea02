import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { AppError, notFound, validationFailed } from '../../platform/errors.ts';
import { type AppInstance, actorOf } from '../../platform/http.ts';
import { cityToday, getArticleWithVersions, listArticles, presentArticle } from './articles-query.ts';
import { createArticle, transitionArticle, updateArticle } from './articles-service.ts';
import { exportKbFile } from './export-service.ts';
import { failingArticles, recordFeedback } from './feedback-service.ts';
import { KB_FILE_FORMATS } from './import-file.ts';
import { importKbFile } from './import-service.ts';
import {
  ArticleFilter,
  CreateArticleInput,
  FailingArticlesQuery,
  FailingArticlesSchema,
  FeedbackAnswerSchema,
  FeedbackInput,
  KB_READERS,
  KB_WRITERS,
  ListArticlesQuery,
  SEARCH_BODY_MAX_BYTES,
  SearchAnswerSchema,
  SEARCH_TEXT_MAX,
  SearchBody,
  SearchQuery,
  SynonymInput,
  TermInput,
  TransitionInput,
  UpdateArticleInput,
  GetKbArticlesIdResponse,
  GetKbExportResponse,
  GetKbTermsResponse,
  ImportKbFileResponse,
  ListArticlesResponse,
  ListSynonymsResponse,
  PatchKbArticlesIdResponse,
  PostKbArticlesResponse,
  PostKbSynonymsResponse,
  PostKbTermsResponse,
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
import { zId } from '../../platform/input.ts';

const IdParams = z.object({ id: zId });
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

  const searchResponse = { 200: SearchAnswerSchema };
  app.get(
    '/api/kb/search',
    {
      config: { roles: KB_READERS },
      schema: { querystring: SearchQuery, response: searchResponse, tags: ['knowledge'] },
    },
    async (req) => {
      actorOf(req);
      const { q, ...options } = req.query;
      return searchArticles(db.orm, q, options, clock.now());
    },
  );
  // A whole citizen message does not fit in a URL (431): the same search, with the text in the body.
  app.post(
    '/api/kb/search',
    {
      config: { roles: KB_READERS, maxFieldChars: SEARCH_TEXT_MAX },
      bodyLimit: SEARCH_BODY_MAX_BYTES,
      schema: { body: SearchBody, response: searchResponse, tags: ['knowledge'] },
    },
    async (req) => {
      const { q, ...options } = req.body;
      return searchArticles(db.orm, q, options, clock.now());
    },
  );
  app.post(
    '/api/kb/articles/:id/feedback',
    {
      config: { roles: KB_READERS },
      schema: {
        params: IdParams,
        body: FeedbackInput,
        response: { 201: FeedbackAnswerSchema },
        tags: ['knowledge'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const saved = await recordFeedback(db.orm, actor, req.params.id, req.body, clock.now());
      return reply.code(201).send(saved);
    },
  );
  app.get(
    '/api/kb/feedback/failing',
    {
      config: { roles: KB_WRITERS },
      schema: {
        querystring: FailingArticlesQuery,
        response: { 200: FailingArticlesSchema },
        tags: ['knowledge'],
      },
    },
    async (req) => {
      const from = new Date(clock.now().getTime() - req.query.days * 86_400_000);
      return { items: await failingArticles(db.orm, from) };
    },
  );

  app.get(
    '/api/kb/articles',
    {
      config: { roles: KB_READERS },
      schema: {
        response: { 200: ListArticlesResponse },
        querystring: ListArticlesQuery,
        tags: ['knowledge'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      // Drafts and retired articles are the editors' business; everyone else lists what is published.
      const isWriter = (KB_WRITERS as readonly string[]).includes(actor.role);
      const query = isWriter ? req.query : { ...req.query, status: 'published' as const };
      return listArticles(db.orm, query, cityToday(clock.now()));
    },
  );
  app.get(
    '/api/kb/articles/:id',
    {
      config: { roles: KB_READERS },
      schema: { response: { 200: GetKbArticlesIdResponse }, params: IdParams, tags: ['knowledge'] },
    },
    async (req) => {
      const actor = actorOf(req);
      const article = await getArticleWithVersions(db.orm, req.params.id, cityToday(clock.now()));
      if (article.status !== 'published' && !(KB_WRITERS as readonly string[]).includes(actor.role)) {
        throw notFound(`Article ${req.params.id}`, `知识 ${req.params.id} `);
      }
      return article;
    },
  );
  app.post(
    '/api/kb/articles',
    {
      config: { roles: KB_WRITERS },
      schema: { response: { 201: PostKbArticlesResponse }, body: CreateArticleInput, tags: ['knowledge'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const now = clock.now();
      const row = await tx((t) => createArticle(t, actor, req.body, now));
      return reply.code(201).send(presentArticle(row, cityToday(now)));
    },
  );
  app.patch(
    '/api/kb/articles/:id',
    {
      config: { roles: KB_WRITERS },
      schema: {
        response: { 200: PatchKbArticlesIdResponse },
        params: IdParams,
        body: UpdateArticleInput,
        tags: ['knowledge'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const now = clock.now();
      const { article, changed } = await tx((t) => updateArticle(t, actor, req.params.id, req.body, now));
      return { ...presentArticle(article, cityToday(now)), changedFields: changed };
    },
  );
  for (const action of ['publish', 'retire'] as const) {
    app.post(
      `/api/kb/articles/:id/${action}`,
      {
        config: { roles: KB_WRITERS },
        schema: {
          response: { 200: PostKbArticlesResponse },
          params: IdParams,
          body: TransitionInput.nullish(),
          tags: ['knowledge'],
        },
      },
      async (req) => {
        const actor = actorOf(req);
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
    {
      config: { roles: KB_WRITERS },
      schema: { response: { 200: ImportKbFileResponse }, querystring: FormatQuery, tags: ['knowledge'] },
    },
    async (req) => {
      const actor = actorOf(req);
      const bytes = await readUpload(req.body);
      return importKbFile(db.orm, actor, req.query.format, bytes, clock.now());
    },
  );
  app.get(
    '/api/kb/export',
    {
      config: { roles: KB_READERS },
      schema: {
        response: { 200: GetKbExportResponse },
        querystring: ArticleFilter.extend(FormatQuery.shape),
        tags: ['knowledge'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
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

  app.get(
    '/api/kb/terms',
    { config: { roles: KB_READERS }, schema: { response: { 200: GetKbTermsResponse }, tags: ['knowledge'] } },
    async (req) => {
      actorOf(req);
      return { items: await listTerms(db.orm) };
    },
  );
  app.post(
    '/api/kb/terms',
    {
      config: { roles: KB_WRITERS },
      schema: { response: { 201: PostKbTermsResponse }, body: TermInput, tags: ['knowledge'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await addTerm(db.orm, actor, req.body, clock.now()));
    },
  );
  app.delete(
    '/api/kb/terms/:word',
    {
      config: { roles: KB_WRITERS },
      schema: {
        response: { 200: PostKbTermsResponse },
        params: z.object({ word: z.string().min(1).max(30) }),
        tags: ['knowledge'],
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return removeTerm(db.orm, actor, req.params.word, clock.now());
    },
  );
  app.get(
    '/api/kb/synonyms',
    {
      config: { roles: KB_READERS },
      schema: { response: { 200: ListSynonymsResponse }, tags: ['knowledge'] },
    },
    async (req) => {
      actorOf(req);
      return listSynonyms(db.orm);
    },
  );
  app.post(
    '/api/kb/synonyms',
    {
      config: { roles: KB_WRITERS },
      schema: { response: { 201: PostKbSynonymsResponse }, body: SynonymInput, tags: ['knowledge'] },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      return reply.code(201).send(await tx((t) => addSynonymGroup(t, actor, req.body, clock.now())));
    },
  );
  app.delete(
    '/api/kb/synonyms/:id',
    {
      config: { roles: KB_WRITERS },
      schema: { response: { 200: PostKbSynonymsResponse }, params: IdParams, tags: ['knowledge'] },
    },
    async (req) => {
      const actor = actorOf(req);
      return tx((t) => removeSynonymGroup(t, actor, req.params.id, clock.now()));
    },
  );
}
