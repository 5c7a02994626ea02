import { z } from 'zod';
import { isLocalDate } from '../../calendar/local-time.ts';
import type { Role } from '../../platform/actor.ts';
import { findUnsafeMarkup } from './content-rules.ts';

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
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type ListArticlesQuery = z.infer<typeof ListArticlesQuery>;

export const SEARCH_LIMIT_DEFAULT = 10;
export const SEARCH_LIMIT_MAX = 50;

export const SearchQuery = z.object({
  q: z.string().trim().min(1).max(2000).describe('a short query or a citizen request as registered'),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
  includeExpired: yesNo.optional(),
  kind: z.string().trim().max(KIND_MAX).optional(),
  category: z.string().trim().max(300).optional(),
  issuer: z.string().trim().max(ISSUER_MAX).optional(),
});
export type SearchQuery = z.input<typeof SearchQuery>;

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
