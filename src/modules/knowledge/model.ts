import { z } from 'zod';
import { isLocalDate } from '../../calendar/local-time.ts';
import type { Role } from '../../platform/actor.ts';
import { findUnsafeMarkup } from './content-rules.ts';
import { zInt } from '../../platform/input.ts';

/** 知识库管理员, 热线办 and the administrator may write; every other signed-in staff user reads and searches. */
export const KB_WRITERS = ['kb_editor', 'office', 'admin'] as const satisfies readonly Role[];
/** Everyone but the telephone switch's machine account, which only pushes call events. */
export const KB_READERS = [
  'agent',
  'team_lead',
  'office',
  'department',
  'admin',
  'kb_editor',
] as const satisfies readonly Role[];

/** 草稿 / 已发布 / 已下架. */
export const ARTICLE_STATUSES = ['draft', 'published', 'retired'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** An update notice (知识库更新通知) is open until it is completed (done). */
export const NOTICE_STATUSES = ['open', 'done'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
/** A notice as the office sees it: open, or overdue; once done, on time or late against its due time. */
export const NOTICE_STATES = ['open', 'overdue', 'on_time', 'late'] as const;
export type NoticeState = (typeof NOTICE_STATES)[number];

/** 材料性质 offered by the console; any other short text is accepted (cities name their kinds differently). */
export const ARTICLE_KINDS = [
  '办事指南',
  '法律法规',
  '政策文件',
  '热点问答',
  '通知公告',
  '常见问题',
  '其他',
] as const;
export const DEFAULT_KIND = '其他';

export const TITLE_MAX = 128;
export const KIND_MAX = 20;
export const CONTENT_MAX = 50_000;
export const ISSUER_MAX = 100;
export const KEYWORD_MAX = 30;
export const KEYWORDS_MAX = 50;

/** Keywords in a file or a form: `;` `；` `,` `，` `、` or whitespace separate them. */
export function splitKeywords(raw: string): string[] {
  return raw.split(/[;；,，、\s]+/u).filter(Boolean);
}

/** 类目 `社会保障/医疗保险` → ['社会保障', '医疗保险']; full-width ／ is a separator too. */
export function splitCategoryPath(raw: string): string[] {
  return raw
    .split(/[/／]/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Trimmed, de-duplicated keywords in their first order. */
export function cleanKeywords(words: readonly string[]): string[] {
  return [...new Set(words.map((w) => w.trim()).filter(Boolean))];
}

/** Line endings as `\n` and no surrounding blank space; inner line breaks and Markdown kept as written. */
export function normaliseContent(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').trim();
}

const localDate = z.string().refine(isLocalDate, 'a date YYYY-MM-DD');
const keywordList = z
  .union([z.array(z.string()), z.string().transform(splitKeywords)])
  .transform(cleanKeywords)
  .pipe(z.array(z.string().max(KEYWORD_MAX)).max(KEYWORDS_MAX));
const categoryPath = z
  .union([z.array(z.string()), z.string().transform(splitCategoryPath)])
  .transform((parts) => parts.map((p) => p.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(50)).max(10))
  .describe('类目 as an array or a "/"-separated path');
const content = z
  .string()
  .transform(normaliseContent)
  .pipe(z.string().min(1).max(CONTENT_MAX))
  .superRefine((text, ctx) => {
    const bad = findUnsafeMarkup(text);
    if (bad) ctx.addIssue({ code: 'custom', message: bad });
  });

const articleFields = {
  categoryPath: categoryPath.default([]),
  title: z.string().trim().min(1).max(TITLE_MAX),
  content,
  /** 发文单位 */
  issuer: z.string().trim().max(ISSUER_MAX).nullish(),
  /** 材料性质 */
  kind: z.string().trim().min(1).max(KIND_MAX).default(DEFAULT_KIND),
  keywords: keywordList.default([]),
  effectiveFrom: localDate.nullish(),
  expiresOn: localDate.nullish(),
};

function checkDates(v: { effectiveFrom?: string | null; expiresOn?: string | null }, ctx: z.RefinementCtx) {
  if (v.effectiveFrom && v.expiresOn && v.expiresOn < v.effectiveFrom) {
    ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: 'must not be before effectiveFrom' });
  }
}

export const CreateArticleInput = z
  .object({ ...articleFields, status: z.enum(['draft', 'published']).default('draft') })
  .superRefine(checkDates);
export type CreateArticleInput = z.infer<typeof CreateArticleInput>;

/** Any field may change; the dates are checked again against the stored ones by the service. */
export const UpdateArticleInput = z
  .object({
    categoryPath: categoryPath.optional(),
    title: articleFields.title.optional(),
    content: content.optional(),
    issuer: articleFields.issuer,
    kind: z.string().trim().min(1).max(KIND_MAX).optional(),
    keywords: keywordList.optional(),
    effectiveFrom: articleFields.effectiveFrom,
    expiresOn: articleFields.expiresOn,
    changeNote: z.string().trim().max(500).optional(),
  })
  .superRefine(checkDates);
export type UpdateArticleInput = z.infer<typeof UpdateArticleInput>;

export const TransitionInput = z.object({ changeNote: z.string().trim().max(500).optional() });

const yesNo = z.enum(['yes', 'no', 'true', 'false']).transform((v) => v === 'yes' || v === 'true');

/** Filters shared by the list and the export. */
export const ArticleFilter = z.object({
  q: z.string().trim().max(100).optional().describe('substring of the title'),
  kind: z.string().trim().max(KIND_MAX).optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
  category: z.string().trim().max(300).optional().describe('category path prefix, "/"-separated'),
  expired: yesNo.optional(),
});
export type ArticleFilter = z.infer<typeof ArticleFilter>;

export const ListArticlesQuery = ArticleFilter.extend({
  page: zInt(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListArticlesQuery = z.infer<typeof ListArticlesQuery>;

export const SEARCH_LIMIT_DEFAULT = 10;
export const SEARCH_LIMIT_MAX = 50;

/** The filters both searches take besides the text. */
const searchFilters = {
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
  includeExpired: yesNo.optional(),
  kind: z.string().trim().max(KIND_MAX).optional(),
  category: z.string().trim().max(300).optional(),
  issuer: z.string().trim().max(ISSUER_MAX).optional(),
};

/** GET: a typed query (it travels in the URL; a whole message goes by POST). */
export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(2000).describe('a short query as an agent types it'),
  ...searchFilters,
});
export type SearchQuery = z.input<typeof SearchQuery>;

/**
 * POST: any text, a citizen's whole message included. The ranking reads its first QUERY_MAX_CHARS (2,000)
 * characters; longer text is accepted and the rest ignored, up to SEARCH_TEXT_MAX characters (a body over
 * SEARCH_BODY_MAX_BYTES answers 413).
 */
export const SEARCH_TEXT_MAX = 2_000_000;
export const SEARCH_BODY_MAX_BYTES = 8 * 1024 * 1024;
export const SearchBody = z.object({
  q: z.string().trim().min(1).max(SEARCH_TEXT_MAX).describe('a query or a whole citizen message'),
  ...searchFilters,
  includeExpired: z.union([z.boolean(), yesNo]).optional(),
});

export const SearchResultSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  snippet: z.string().describe('HTML: the best window of the content, query words in <mark>'),
  score: z.number(),
  kind: z.string(),
  issuer: z.string().nullable(),
  categoryPath: z.array(z.string()),
  updatedAt: z.string(),
  expired: z.boolean(),
});
export const SearchAnswerSchema = z.object({
  results: z.array(SearchResultSchema),
  query: z.object({ tokens: z.array(z.string()), expanded: z.array(z.string()) }),
});

/** 反馈: an agent's verdict on an article shown for a query (and the order being handled). */
export const FeedbackInput = z.object({
  useful: z.boolean(),
  query: z
    .string()
    .trim()
    .max(SEARCH_TEXT_MAX)
    .optional()
    .transform((q) => q?.slice(0, 500)),
  orderId: z.number().int().positive().max(2_147_483_647).optional(),
});
export type FeedbackInput = z.infer<typeof FeedbackInput>;

/** 用户词典 entries: 地名 place, 部门简称 department, 术语 term. */
export const TERM_KINDS = ['place', 'department', 'term'] as const;

export const TermInput = z.object({
  word: z.string().trim().min(2).max(30).regex(/^\S+$/u, 'one word without spaces'),
  kind: z.enum(TERM_KINDS).default('term'),
});
export type TermInput = z.infer<typeof TermInput>;

export const SynonymInput = z.object({
  words: z
    .array(z.string().trim().min(1).max(30))
    .transform((ws) => [...new Set(ws)])
    .pipe(z.array(z.string()).min(2, 'at least two different words').max(20)),
});
export type SynonymInput = z.infer<typeof SynonymInput>;

// What each route answers. Fastify serialises every answer through these, so a field not declared here is
// not sent, and an answer that does not match fails loudly instead of reaching the console.

/** A notice as stored. */
const NoticeSchema = z.object({
  id: z.number(),
  receivedAt: z.date(),
  source: z.string(),
  title: z.string(),
  requiredChange: z.string(),
  articleIds: z.array(z.number()),
  dueAt: z.date(),
  status: z.enum(NOTICE_STATUSES),
  completedAt: z.date().nullable(),
  completedBy: z.number().nullable(),
  completionNote: z.string().nullable(),
  recordedBy: z.number().nullable(),
  recordedAt: z.date(),
});

export const GetKbNoticesResponse = z.object({
  items: z.array(NoticeSchema.extend({ state: z.enum(NOTICE_STATES) })),
});

export const PostKbNoticesResponse = NoticeSchema;

export const LinkNoticeArticlesResponse = NoticeSchema;

export const NoticeTimelinessResponse = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: z.number().nullable(),
  evidence: z.object({
    counted: z.array(z.union([z.string(), z.number()])),
    met: z.array(z.union([z.string(), z.number()])),
    entity: z.string(),
  }),
  excluded: z.array(z.object({ reason: z.string(), ids: z.array(z.union([z.string(), z.number()])) })),
});

/** An article as lists show it (articles-query.ts presentArticle, without its text). */
const ArticleSummarySchema = z.object({
  id: z.number(),
  title: z.string(),
  categoryPath: z.array(z.string()),
  issuer: z.string().nullable(),
  kind: z.string(),
  keywords: z.array(z.string()),
  effectiveFrom: z.string().nullable(),
  expiresOn: z.string().nullable(),
  status: z.enum(ARTICLE_STATUSES),
  version: z.number(),
  publishedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  expired: z.boolean(),
  current: z.boolean(),
});
const ArticleSchema = ArticleSummarySchema.extend({ content: z.string() });

/** The versioned fields as they were after a version (articles-service.ts snapshotOf), stored as JSON. */
export const ArticleSnapshotSchema = ArticleSchema.pick({
  categoryPath: true,
  title: true,
  content: true,
  issuer: true,
  kind: true,
  keywords: true,
  effectiveFrom: true,
  expiresOn: true,
  status: true,
}).partial();
export type ArticleSnapshot = z.infer<typeof ArticleSnapshotSchema>;

export const ListArticlesResponse = z.object({
  items: z.array(ArticleSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const GetKbArticlesIdResponse = ArticleSchema.extend({
  versions: z.array(
    z.object({
      version: z.number(),
      changedFields: z.array(z.string()),
      changeNote: z.string().nullable(),
      changedBy: z.number().nullable(),
      changedByName: z.string().nullable(),
      changedAt: z.date(),
      snapshot: ArticleSnapshotSchema,
    }),
  ),
});

export const PostKbArticlesResponse = ArticleSchema;

export const PatchKbArticlesIdResponse = ArticleSchema.extend({
  changedFields: z.array(
    z.enum([
      'title',
      'content',
      'status',
      'kind',
      'keywords',
      'categoryPath',
      'issuer',
      'effectiveFrom',
      'expiresOn',
    ]),
  ),
});

export const ImportKbFileResponse = z.object({
  read: z.number(),
  imported: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  rejections: z.array(z.object({ row: z.number(), reason: z.string() })),
});

export const GetKbExportResponse = z.unknown();

export const GetKbTermsResponse = z.object({
  items: z.array(
    z.object({ word: z.string(), kind: z.string(), createdBy: z.number().nullable(), createdAt: z.date() }),
  ),
});

export const PostKbTermsResponse = z.object({
  term: z.object({
    kind: z.string(),
    createdBy: z.number().nullable(),
    createdAt: z.date(),
    word: z.string(),
  }),
  reindexed: z.object({ articles: z.number(), ms: z.number() }),
});

export const ListSynonymsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      words: z.array(z.string()),
      createdBy: z.number().nullable(),
      createdAt: z.date(),
    }),
  ),
  builtIn: z.array(z.array(z.string()).readonly()).readonly(),
});

export const PostKbSynonymsResponse = z.object({
  id: z.number(),
  createdBy: z.number().nullable(),
  createdAt: z.date(),
  words: z.array(z.string()),
});
export const FeedbackAnswerSchema = z.object({
  id: z.number().int(),
  articleId: z.number().int(),
  useful: z.boolean(),
  at: z.string(),
});
export const FailingArticlesQuery = z.object({
  days: z.coerce.number().int().min(1).max(366).default(30),
});
export const FailingArticlesSchema = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      useful: z.number().int(),
      notUseful: z.number().int(),
      recentQueries: z.array(z.string()),
    }),
  ),
});
