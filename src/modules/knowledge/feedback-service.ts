/**
 * Agents' verdicts on search results (有用 / 没用), and the articles that fail for the KB editors: the
 * articles most often marked not useful, so an editor sees which answers do not answer.
 */
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import type { FeedbackInput } from './model.ts';
import { kbArticles, kbFeedback } from './schema.ts';

export async function recordFeedback(
  db: DbOrTx,
  actor: Actor,
  articleId: number,
  input: FeedbackInput,
  now: Date,
): Promise<{ id: number; articleId: number; useful: boolean; at: string }> {
  const [article] = await db
    .select({ id: kbArticles.id, status: kbArticles.status })
    .from(kbArticles)
    .where(eq(kbArticles.id, articleId));
  if (!article || article.status !== 'published')
    throw notFound(`Article ${articleId}`, `知识 ${articleId} `);
  const [row] = await db
    .insert(kbFeedback)
    .values({
      articleId,
      useful: input.useful,
      query: input.query ?? null,
      orderId: input.orderId ?? null,
      userId: actor.id ?? 0, // the platform itself (no account) records as 0
      at: now,
    })
    .returning();
  return { id: row!.id, articleId, useful: row!.useful, at: row!.at.toISOString() };
}

export interface FailingArticle {
  id: number;
  title: string;
  useful: number;
  notUseful: number;
  /** The latest queries it was marked not useful for (at most 3). */
  recentQueries: string[];
}

/** Articles marked not useful at least once since `from`, the most often first. */
export async function failingArticles(db: DbOrTx, from: Date, limit = 50): Promise<FailingArticle[]> {
  const rows = await queryRows<{
    id: number;
    title: string;
    useful: number;
    not_useful: number;
    queries: (string | null)[] | null;
  }>(
    db,
    sql`select a.id, a.title,
               count(*) filter (where f.useful)::int as useful,
               count(*) filter (where not f.useful)::int as not_useful,
               (array_agg(f.query order by f.at desc) filter (where not f.useful and f.query is not null))[1:3] as queries
        from ${kbFeedback} f join ${kbArticles} a on a.id = f.article_id
        where f.at >= ${from}
        group by a.id, a.title
        having count(*) filter (where not f.useful) > 0
        order by not_useful desc, useful, a.id
        limit ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    useful: r.useful,
    notUseful: r.not_useful,
    recentQueries: (r.queries ?? []).filter((q): q is string => q !== null),
  }));
}
