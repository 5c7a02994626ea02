/**
 * Knowledge search for agents: one function behind both the API and the CLI, so both rank alike.
 *
 * score = 0.5 · text + 0.3 · coverage + 0.2 · near, each part in [0, 1]:
 * - text: ts_rank_cd with weights {D 0.1, C 0.2, B 0.4, A 1.0} over the OR of every query word and synonym,
 *   normalised as rank / (rank + 1) (PostgreSQL's flag 32);
 * - coverage: the IDF-weighted share of the query's concepts (a word with its synonyms) the article contains,
 *   so an article that answers the specific parts of a whole request beats one that shares its common words;
 * - near: pg_trgm's greatest(similarity(title, query), word_similarity(query, title)), so a misspelt or partial
 *   title (公交卡 → 公交卡办理) still ranks, for queries of up to NEAR_MAX_CHARS characters.
 * How the statement keeps this fast is in search-sql.ts.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { normalizeText } from '../../platform/text/segment.ts';
import { categoryPrefixSql, cityToday } from './articles-query.ts';
import { loadDictionary } from './dictionary.ts';
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, splitCategoryPath } from './model.ts';
import { analyseQuery } from './query.ts';
import { buildSearchSql } from './search-sql.ts';
import { loadLexemeFrequencies, planConcepts } from './search-stats.ts';
import { buildSnippet } from './snippet.ts';

export { RANK_WEIGHTS, SCORE_WEIGHTS } from './search-sql.ts';
/**
 * Trigram similarity of a whole request to a title says nothing (and a long query makes the trigram index
 * scan wide), so the near-miss part applies to short queries only.
 */
export const NEAR_MAX_CHARS = 40;

export interface SearchOptions {
  limit?: number;
  /** Also return expired articles, flagged and after every current one. */
  includeExpired?: boolean;
  kind?: string;
  /** Category path prefix, `/`-separated. */
  category?: string;
  /** Part of the issuing body's name (发文单位). */
  issuer?: string;
}

export interface SearchResult {
  id: number;
  title: string;
  /** HTML: the best window of the content, query words in <mark>, the rest escaped. */
  snippet: string;
  score: number;
  kind: string;
  issuer: string | null;
  categoryPath: string[];
  updatedAt: string;
  expired: boolean;
}

export interface SearchAnswer {
  results: SearchResult[];
  query: { tokens: string[]; expanded: string[] };
}

interface Row {
  id: number;
  title: string;
  content: string;
  kind: string;
  issuer: string | null;
  category_path: string[];
  updated_at: Date | string;
  expired: boolean;
  score: number;
}

function filterSql(o: SearchOptions, today: string): SQL {
  const parts: SQL[] = [
    sql`a.status = 'published'`,
    sql`(a.effective_from is null or a.effective_from <= ${today})`,
  ];
  if (!o.includeExpired) parts.push(sql`(a.expires_on is null or a.expires_on >= ${today})`);
  if (o.kind) parts.push(sql`a.kind = ${o.kind}`);
  if (o.issuer) parts.push(sql`a.issuer ilike ${`%${o.issuer.replace(/[\\%_]/gu, '\\$&')}%`}`);
  const prefix = o.category ? splitCategoryPath(o.category) : [];
  if (prefix.length > 0) parts.push(categoryPrefixSql(prefix, sql`a.category_path`));
  return sql.join(parts, sql` and `);
}

export async function searchArticles(
  db: DbOrTx,
  text: string,
  options: SearchOptions,
  now: Date,
): Promise<SearchAnswer> {
  const limit = Math.min(Math.max(1, options.limit ?? SEARCH_LIMIT_DEFAULT), SEARCH_LIMIT_MAX);
  const dict = await loadDictionary(db);
  const q = analyseQuery(text, dict.segmenter, dict.synonyms);
  const near = normalizeText(text).replace(/\s+/gu, ' ').trim();
  const useNear = near.length > 0 && [...near].length <= NEAR_MAX_CHARS;
  if (!q.tsquery && !useNear) return { results: [], query: { tokens: q.tokens, expanded: q.expanded } };

  // With one concept there is nothing to choose between, so the statistics are not read.
  const freqs = q.concepts.length > 1 ? await loadLexemeFrequencies(db) : new Map<string, number>();
  const rows = await db.transaction(async (tx) => {
    // Stage 1 must look words up in the GIN index; for a word in a fifth of the articles the planner would
    // rather scan the table, decompressing every article's tsvector (see search-sql.ts).
    await tx.execute(sql`set local enable_seqscan = off`);
    // Twenty small index scans gain nothing from parallel workers, and starting them costs milliseconds.
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return queryRows<Row>(
      tx,
      buildSearchSql({
        tsquery: q.tsquery,
        concepts: planConcepts(q.concepts, freqs),
        near: useNear ? near : null,
        filters: filterSql(options, cityToday(now)),
        today: cityToday(now),
        limit,
      }),
    );
  });
  // A short query is also marked whole where it occurs (公交卡, not only 公交).
  const snippetWords = useNear ? [...q.expanded, near] : q.expanded;
  return {
    results: rows.map((r) => ({
      id: r.id,
      title: r.title,
      snippet: buildSnippet(r.content, snippetWords),
      score: Math.round(Number(r.score) * 10_000) / 10_000,
      kind: r.kind,
      issuer: r.issuer,
      categoryPath: r.category_path,
      updatedAt: new Date(r.updated_at).toISOString(),
      expired: r.expired,
    })),
    query: { tokens: q.tokens, expanded: q.expanded },
  };
}
