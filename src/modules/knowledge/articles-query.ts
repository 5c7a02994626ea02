/** Reading articles: one with its versions, lists with filters and paging, and how an article is presented. */
import { and, asc, count, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { peopleByIds } from '../directory/index.ts';
import { localDateOf, type LocalDate } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import { notFound } from '../../platform/errors.ts';
import type { Article } from './articles-service.ts';
import { type ArticleFilter, type ListArticlesQuery, splitCategoryPath } from './model.ts';
import { kbArticles, kbArticleVersions } from './schema.ts';

/** The city's date today: what "in effect" and "expired" are judged against. */
export function cityToday(now: Date): LocalDate {
  return localDateOf(now);
}

/** Expired: past its 失效日期 (expiresOn is the last day in effect). */
export function isExpired(a: Pick<Article, 'expiresOn'>, today: LocalDate): boolean {
  return a.expiresOn != null && a.expiresOn < today;
}

/** In effect today: published, started, not expired. Only such an article is a current answer. */
export function isCurrent(
  a: Pick<Article, 'status' | 'effectiveFrom' | 'expiresOn'>,
  today: LocalDate,
): boolean {
  return (
    a.status === 'published' && (a.effectiveFrom == null || a.effectiveFrom <= today) && !isExpired(a, today)
  );
}

export function presentArticle(a: Article, today: LocalDate) {
  return {
    id: a.id,
    title: a.title,
    categoryPath: a.categoryPath,
    content: a.content,
    issuer: a.issuer,
    kind: a.kind,
    keywords: a.keywords,
    effectiveFrom: a.effectiveFrom,
    expiresOn: a.expiresOn,
    status: a.status,
    version: a.version,
    publishedAt: a.publishedAt,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    expired: isExpired(a, today),
    current: isCurrent(a, today),
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/gu, (c) => `\\${c}`);
}

/**
 * `column` (a category path) starts with `prefix`, whole segments: 社会保障 matches 社会保障/医疗保险, not
 * 社会保障局. `column` defaults to kb_articles.category_path; a query that aliases the table passes its own.
 */
export function categoryPrefixSql(
  prefix: readonly string[],
  column: SQL | typeof kbArticles.categoryPath = kbArticles.categoryPath,
): SQL {
  const items = sql.join(
    prefix.map((p) => sql`${p}`),
    sql`, `,
  );
  return sql`${column}[1:${sql.raw(String(prefix.length))}] = array[${items}]::text[]`;
}

/** The WHERE conditions of a list or export filter. */
export function articleFilterSql(f: ArticleFilter, today: LocalDate): SQL[] {
  const where: SQL[] = [];
  if (f.q) where.push(ilike(kbArticles.title, `%${escapeLike(f.q)}%`));
  if (f.kind) where.push(eq(kbArticles.kind, f.kind));
  if (f.status) where.push(eq(kbArticles.status, f.status));
  const prefix = f.category ? splitCategoryPath(f.category) : [];
  if (prefix.length > 0) where.push(categoryPrefixSql(prefix));
  if (f.expired === true) where.push(lt(kbArticles.expiresOn, today));
  if (f.expired === false) where.push(or(isNull(kbArticles.expiresOn), gte(kbArticles.expiresOn, today))!);
  return where;
}

export async function listArticles(db: DbOrTx, q: ListArticlesQuery, today: LocalDate) {
  const cond = and(...articleFilterSql(q, today));
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(kbArticles)
      .where(cond)
      .orderBy(desc(kbArticles.updatedAt), desc(kbArticles.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(kbArticles).where(cond),
  ]);
  return {
    // Lists leave the content out: the console opens an article to read it.
    items: rows.map((r) => {
      const { content: _content, ...rest } = presentArticle(r, today);
      return rest;
    }),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function getArticle(db: DbOrTx, id: number): Promise<Article> {
  const [row] = await db.select().from(kbArticles).where(eq(kbArticles.id, id));
  if (!row) throw notFound(`Article ${id}`, `知识 ${id} `);
  return row;
}

/** An article with every version, oldest first. */
export async function getArticleWithVersions(db: DbOrTx, id: number, today: LocalDate) {
  const article = await getArticle(db, id);
  const rows = await db
    .select()
    .from(kbArticleVersions)
    .where(eq(kbArticleVersions.articleId, id))
    .orderBy(asc(kbArticleVersions.version));
  const names = await peopleByIds(
    db,
    rows.flatMap((v) => (v.changedBy === null ? [] : [v.changedBy])),
  );
  const versions = rows.map((v) => ({
    ...v,
    changedByName: v.changedBy === null ? null : (names.get(v.changedBy)?.name ?? null),
  }));
  return {
    ...presentArticle(article, today),
    versions: versions.map((v) => ({
      version: v.version,
      changedFields: v.changedFields,
      changeNote: v.changeNote,
      changedBy: v.changedBy,
      // Who changed what is part of the article's record (the issue asks for it): every reader sees the name.
      changedByName: v.changedByName ?? null,
      changedAt: v.changedAt,
      snapshot: v.snapshot,
    })),
  };
}
