/**
 * Writing articles: create, edit, publish, retire. Every change is a new numbered version row (who, when, which
 * fields, why) in the same transaction; an edit that changes nothing writes nothing. Call each function inside
 * a transaction: it takes the dictionary lock (transaction-scoped) before it indexes.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor } from '../../platform/actor.ts';
import { conflict, duplicate, notFound, validationFailed } from '../../platform/errors.ts';
import { type KbDictionary, loadDictionary, lockDictionary } from './dictionary.ts';
import type { CreateArticleInput, UpdateArticleInput } from './model.ts';
import { kbArticles, kbArticleVersions } from './schema.ts';
import { searchVectorSql } from './search-index.ts';
import { type ArticleAction, nextStatus } from './transitions.ts';

export type Article = typeof kbArticles.$inferSelect;

/** The fields a version records; a change to any of them is a new version. */
export const VERSIONED_FIELDS = [
  'categoryPath',
  'title',
  'content',
  'issuer',
  'kind',
  'keywords',
  'effectiveFrom',
  'expiresOn',
  'status',
] as const;
export type VersionedField = (typeof VERSIONED_FIELDS)[number];
export type ArticleFields = { [K in VersionedField]: Article[K] };

/** Fields that feed the search vector: only a change to one of them re-indexes the article. */
const INDEXED_FIELDS: readonly VersionedField[] = ['categoryPath', 'title', 'content', 'issuer', 'keywords'];

export function snapshotOf(a: ArticleFields): ArticleFields {
  return Object.fromEntries(VERSIONED_FIELDS.map((f) => [f, a[f] ?? null])) as ArticleFields;
}

export function changedFields(before: ArticleFields, after: ArticleFields): VersionedField[] {
  return VERSIONED_FIELDS.filter(
    (f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null),
  );
}

async function checkTitleFree(db: DbOrTx, title: string, exceptId?: number): Promise<void> {
  const cond = exceptId
    ? and(eq(kbArticles.title, title), ne(kbArticles.id, exceptId))
    : eq(kbArticles.title, title);
  const [clash] = await db.select({ id: kbArticles.id }).from(kbArticles).where(cond);
  if (clash) throw duplicate('title', `Article titled "${title}"`, `标题为“${title}”的知识`);
}

function titleClash(err: unknown, title: string): unknown {
  return isUniqueViolation(err)
    ? duplicate('title', `Article titled "${title}"`, `标题为“${title}”的知识`)
    : err;
}

export interface NewArticle {
  fields: ArticleFields;
  note: string;
}

/**
 * Inserts articles with their first version, 200 per statement (the import's bulk path; `createArticle` for
 * one). Titles must have been checked free by the caller.
 */
export async function insertArticles(
  db: DbOrTx,
  actor: Actor,
  items: readonly NewArticle[],
  now: Date,
  dict: KbDictionary,
): Promise<Article[]> {
  const out: Article[] = [];
  for (let i = 0; i < items.length; i += 200) {
    const chunk = items.slice(i, i + 200);
    const rows = await db
      .insert(kbArticles)
      .values(
        chunk.map(({ fields }) => ({
          ...fields,
          version: 1,
          publishedAt: fields.status === 'published' ? now : null,
          search: searchVectorSql(dict.segmenter, fields),
          createdBy: actor.id,
          createdAt: now,
          updatedBy: actor.id,
          updatedAt: now,
        })),
      )
      .returning();
    await db.insert(kbArticleVersions).values(
      rows.map((row, j) => ({
        articleId: row.id,
        version: 1,
        snapshot: snapshotOf(row),
        changedFields: VERSIONED_FIELDS.filter((f) => row[f] != null && String(row[f]) !== ''),
        changeNote: chunk[j]!.note,
        changedBy: actor.id,
        changedAt: now,
      })),
    );
    out.push(...rows);
  }
  return out;
}

function checkDateOrder(f: Pick<ArticleFields, 'effectiveFrom' | 'expiresOn'>): void {
  if (f.effectiveFrom && f.expiresOn && f.expiresOn < f.effectiveFrom) {
    throw validationFailed([{ field: 'expiresOn', message: 'must not be before effectiveFrom' }]);
  }
}

export async function createArticle(
  db: DbOrTx,
  actor: Actor,
  input: CreateArticleInput,
  now: Date,
): Promise<Article> {
  checkDateOrder({ effectiveFrom: input.effectiveFrom ?? null, expiresOn: input.expiresOn ?? null });
  await lockDictionary(db, 'shared');
  await checkTitleFree(db, input.title);
  const dict = await loadDictionary(db);
  const fields: ArticleFields = {
    categoryPath: input.categoryPath,
    title: input.title,
    content: input.content,
    issuer: input.issuer || null,
    kind: input.kind,
    keywords: input.keywords,
    effectiveFrom: input.effectiveFrom ?? null,
    expiresOn: input.expiresOn ?? null,
    status: input.status,
  };
  try {
    const [row] = await insertArticles(db, actor, [{ fields, note: '新建' }], now, dict);
    return row!;
  } catch (err) {
    throw titleClash(err, input.title);
  }
}

/** Reads the article and locks it until the transaction ends (concurrent edits queue instead of overwriting). */
export async function lockArticle(db: DbOrTx, id: number): Promise<Article> {
  const [row] = await db.select().from(kbArticles).where(eq(kbArticles.id, id)).for('update');
  if (!row) throw notFound(`Article ${id}`, `知识 ${id} `);
  return row;
}

/**
 * Writes `after` over `before` as the next version, or nothing when no field differs. Re-indexes only when an
 * indexed field changed. `dict` may be passed by a caller that writes many articles.
 */
export async function applyArticleChange(
  db: DbOrTx,
  actor: Actor,
  before: Article,
  after: ArticleFields,
  note: string | undefined,
  now: Date,
  dict?: KbDictionary,
): Promise<{ article: Article; changed: VersionedField[] }> {
  const changed = changedFields(before, after);
  if (changed.length === 0) return { article: before, changed };
  if (changed.includes('title')) await checkTitleFree(db, after.title, before.id);
  const reindex = changed.some((f) => INDEXED_FIELDS.includes(f));
  const search = reindex ? searchVectorSql((dict ?? (await loadDictionary(db))).segmenter, after) : undefined;
  const publishedNow = after.status === 'published' && before.status !== 'published';
  let row: Article | undefined;
  try {
    [row] = await db
      .update(kbArticles)
      .set({
        ...snapshotOf(after),
        version: before.version + 1,
        publishedAt: publishedNow ? now : before.publishedAt,
        ...(search ? { search } : {}),
        updatedBy: actor.id,
        updatedAt: now,
      })
      .where(eq(kbArticles.id, before.id))
      .returning();
  } catch (err) {
    throw titleClash(err, after.title);
  }
  await db.insert(kbArticleVersions).values({
    articleId: before.id,
    version: before.version + 1,
    snapshot: snapshotOf(row!),
    changedFields: changed,
    changeNote: note ?? null,
    changedBy: actor.id,
    changedAt: now,
  });
  return { article: row!, changed };
}

/** `undefined` in an edit means "leave as is"; `null` clears an optional field. */
function mergeEdit(before: Article, edit: Omit<UpdateArticleInput, 'changeNote'>): ArticleFields {
  const after: ArticleFields = snapshotOf(before);
  for (const [key, value] of Object.entries(edit)) {
    if (value !== undefined) (after as Record<string, unknown>)[key] = value === '' ? null : value;
  }
  return after;
}

export async function updateArticle(
  db: DbOrTx,
  actor: Actor,
  id: number,
  input: UpdateArticleInput,
  now: Date,
): Promise<{ article: Article; changed: VersionedField[] }> {
  await lockDictionary(db, 'shared');
  const before = await lockArticle(db, id);
  const { changeNote, ...edit } = input;
  const after = mergeEdit(before, edit);
  checkDateOrder(after);
  return applyArticleChange(db, actor, before, after, changeNote, now);
}

/** 发布 / 下架 through the transition table; the status change is a version like any other. */
export async function transitionArticle(
  db: DbOrTx,
  actor: Actor,
  id: number,
  action: ArticleAction,
  note: string | undefined,
  now: Date,
): Promise<Article> {
  const before = await lockArticle(db, id);
  const to = nextStatus(before.status, action);
  if (!to) {
    throw conflict(
      'invalid_transition',
      `Cannot ${action} an article that is ${before.status}`,
      `当前状态（${before.status}）的知识不能${action === 'publish' ? '发布' : '下架'}`,
      { status: before.status },
    );
  }
  const { article } = await applyArticleChange(
    db,
    actor,
    before,
    { ...snapshotOf(before), status: to },
    note,
    now,
  );
  return article;
}

/** Existing articles by title, for the import's create-or-update decision. */
export async function findArticlesByTitle(
  db: DbOrTx,
  titles: readonly string[],
): Promise<Map<string, Article>> {
  const out = new Map<string, Article>();
  for (let i = 0; i < titles.length; i += 500) {
    const rows = await db
      .select()
      .from(kbArticles)
      .where(inArray(kbArticles.title, titles.slice(i, i + 500)))
      .for('update');
    for (const r of rows) out.set(r.title, r);
  }
  return out;
}
