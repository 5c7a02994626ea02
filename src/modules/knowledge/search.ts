/**
 * Knowledge search for agents: one function behind the API (GET and POST) and the CLI, so all rank alike.
 *
 * score = BM25(character bigrams) + WORDS_WEIGHT · BM25(jieba words and their synonyms)
 *         + best BM25 · (COSINE_WEIGHTS · tf-idf cosine of each channel),
 * Okapi BM25 with k1 1.2, b 0.9 over the fields title ×3, keywords ×2, category and issuer ×1, content ×1
 * (BM25F by repetition), query terms counted with their frequency in the query; then a second stage
 * (rerank.ts). The index lives in the process and
 * follows the database (search-engine.ts). Why this and not the earlier SQL ranking: docs/knowledge.md.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { normalizeText } from '../../platform/text/segment.ts';
import { cityToday } from './articles-query.ts';
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, splitCategoryPath } from './model.ts';
import { QUERY_MAX_CHARS, queryTerms } from './ranking-terms.ts';
import {
  CommonRun,
  duplicateKey,
  placeNames,
  RERANK_DEPTH,
  type RerankQuery,
  rerankScore,
} from './rerank.ts';
import {
  type ArticleMeta,
  type SearchEngine,
  isCurrentOn,
  isExpiredOn,
  COSINE_WEIGHTS,
  searchContextFor,
  WORDS_WEIGHT,
} from './search-engine.ts';
import { buildSnippet } from './snippet.ts';

export { BM25_PARAMS, COSINE_WEIGHTS, WORDS_WEIGHT } from './search-engine.ts';
export { FIELD_WEIGHTS, QUERY_MAX_CHARS } from './ranking-terms.ts';

/** A query with more distinct bigrams than this is a whole message (a typed query has a handful). */
export const LONG_QUERY_TERMS = 40;
/** In a whole message, terms held by more than this share of the articles are not scored. */
export const LONG_QUERY_MAX_SHARE = 0.25;

export interface SearchOptions {
  limit?: number;
  /** Also return expired articles, flagged and after every current one. */
  includeExpired?: boolean;
  kind?: string;
  /** Category path prefix, `/`-separated. */
  category?: string;
  /** Part of the issuing body's name (发文单位). */
  issuer?: string;
  /**
   * The second stage (rerank.ts); on unless false. Not a parameter of the API: the benchmark turns it off to
   * measure what it adds.
   */
  secondStage?: boolean;
  /**
   * The cosine in the first stage (blendCosine); on unless false. Not a parameter of the API either: the
   * benchmarks turn it off to measure what it adds and costs.
   */
  cosine?: boolean;
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

type Filter = (m: ArticleMeta) => boolean;

function filterOf(o: SearchOptions, today: string): Filter {
  const prefix = o.category ? splitCategoryPath(o.category) : [];
  const issuer = o.issuer?.toLowerCase();
  return (m) =>
    (o.includeExpired ? m.effectiveFrom === null || m.effectiveFrom <= today : isCurrentOn(m, today)) &&
    (!o.kind || m.kind === o.kind) &&
    (!issuer || (m.issuer ?? '').toLowerCase().includes(issuer)) &&
    prefix.every((p, i) => m.categoryPath[i] === p);
}

interface Ranked {
  meta: ArticleMeta;
  score: number;
  expired: boolean;
}

/** Current results first, then (when asked for) expired ones; within each, best score first, then id. */
function byRank(a: Ranked, b: Ranked): number {
  return Number(a.expired) - Number(b.expired) || b.score - a.score || a.meta.id - b.meta.id;
}

/**
 * The best `limit` articles that pass the filter, without sorting every scored article (a whole message
 * scores most of the base): a candidate is looked at only if it could enter the current top list.
 */
function topResults(
  engine: SearchEngine,
  scores: Float64Array,
  keep: Filter,
  today: string,
  limit: number,
): Ranked[] {
  const top: Ranked[] = [];
  for (let slot = 0; slot < scores.length; slot++) {
    const score = scores[slot]!;
    if (!(score > 0)) continue;
    // Most scored articles cannot enter a full list; the score alone says so (an expired one never outranks).
    if (top.length === limit && score < top[limit - 1]!.score && !top[limit - 1]!.expired) continue;
    const meta = engine.meta.get(engine.bigrams.keyOf(slot)!);
    if (!meta || !keep(meta)) continue;
    const r = { meta, score, expired: isExpiredOn(meta, today) };
    if (top.length === limit && byRank(r, top[limit - 1]!) >= 0) continue;
    let i = Math.min(top.length, limit - 1);
    while (i > 0 && byRank(r, top[i - 1]!) < 0) i--;
    top.splice(i, 0, r);
    if (top.length > limit) top.pop();
  }
  return top;
}

interface ContentRow {
  id: number;
  content: string;
  updated_at: Date | string;
}

export async function searchArticles(
  db: DbOrTx,
  text: string,
  options: SearchOptions,
  now: Date,
): Promise<SearchAnswer> {
  const limit = Math.min(Math.max(1, options.limit ?? SEARCH_LIMIT_DEFAULT), SEARCH_LIMIT_MAX);
  const today = cityToday(now);
  // Beyond what the ranking reads, the text is ignored (a 1 MB message costs what a 2,000-character one does).
  const head = text.slice(0, QUERY_MAX_CHARS * 2);
  const { dict, engine } = await searchContextFor(db);
  const q = queryTerms(head, dict.segmenter, dict.synonyms);
  const scores = new Float64Array(engine.bigrams.slots);
  // A whole message has hundreds of bigrams; those in over a quarter of the articles (的问, 反映) carry little
  // IDF and cost the most to score, so a long query skips them (measured: docs/knowledge.md).
  const maxShare = q.bigrams.size > LONG_QUERY_TERMS ? LONG_QUERY_MAX_SHARE : 1;
  engine.bigrams.scoreInto(q.bigrams, 1, scores, maxShare);
  engine.words.scoreInto(q.words, WORDS_WEIGHT, scores, maxShare);
  if (options.cosine !== false) blendCosine(engine, q, scores, maxShare);
  const keep = filterOf(options, today);
  // First stage: the best RERANK_DEPTH by BM25; second stage (rerank.ts): scored again, duplicates collapsed.
  let top = topResults(
    engine,
    scores,
    keep,
    today,
    options.secondStage === false ? limit : Math.max(limit, RERANK_DEPTH),
  );
  if (top.length === 0) top = await substringMatches(db, engine, head, keep, today, limit);
  let rows = await contentOf(
    db,
    top.map((r) => r.meta.id),
  );
  if (options.secondStage !== false && top.length > 1 && top[0]!.score > 0.01) {
    const rq: RerankQuery = {
      run: new CommonRun(head.slice(0, QUERY_MAX_CHARS)),
      places: placeNames(head, q.words.keys()),
    };
    top = secondStage(engine, top, rows, rq).slice(0, limit);
    rows = new Map(top.map((r) => [r.meta.id, rows.get(r.meta.id)!]));
  }
  const short = normalizeText(head).replace(/\s+/gu, ' ').trim();
  // A short query is also marked whole where it occurs (公交卡, not only 公交).
  const snippetWords = [...q.expanded, ...([...short].length <= 40 ? [short] : [])];
  return {
    results: top.flatMap((r) => {
      const row = rows.get(r.meta.id);
      if (!row) return [];
      return [
        {
          id: r.meta.id,
          title: r.meta.title,
          snippet: buildSnippet(row.content, snippetWords),
          score: Math.round(r.score * 10_000) / 10_000,
          kind: r.meta.kind,
          issuer: r.meta.issuer,
          categoryPath: r.meta.categoryPath,
          updatedAt: new Date(row.updated_at).toISOString(),
          expired: r.expired,
        },
      ];
    }),
    query: { tokens: q.tokens, expanded: q.expanded },
  };
}

/**
 * Adds the tf-idf cosine of both channels, scaled by the query's best BM25 so that the blend does not depend
 * on the query's length (then all divided by 1 + the weights). The cosine judges a document by the share of its
 * own weight the query holds, counts a word repeated in a long message sublinearly and weighs rare words more;
 * on the development set it finds short replies better than BM25 (docs/knowledge.md, "Fourth pass").
 */
function blendCosine(
  engine: SearchEngine,
  q: { bigrams: ReadonlyMap<string, number>; words: ReadonlyMap<string, number> },
  scores: Float64Array,
  maxShare: number,
): void {
  let best = 0;
  for (let s = 0; s < scores.length; s++) if (scores[s]! > best) best = scores[s]!;
  if (best === 0) return;
  const cos = new Float64Array(scores.length);
  engine.bigrams.cosineInto(q.bigrams, COSINE_WEIGHTS.bigrams, cos, maxShare);
  engine.words.cosineInto(q.words, COSINE_WEIGHTS.words, cos, maxShare);
  // Divided by 1 + the weights so that the blend stays on BM25's scale (a perfect cosine scores the best BM25).
  const scale = 1 / (1 + COSINE_WEIGHTS.bigrams + COSINE_WEIGHTS.words);
  for (let s = 0; s < scores.length; s++) scores[s] = (scores[s]! + best * cos[s]!) * scale;
}

/** Of a candidate's content, what the second stage compares (an answer's point is made early). */
export const RERANK_TEXT_CHARS = 5000;

/**
 * Scores the first stage's candidates again (rerank.ts) and keeps one of each group of articles whose
 * content is the same (the best placed), current before expired as always.
 */
function secondStage(
  engine: SearchEngine,
  top: readonly Ranked[],
  rows: ReadonlyMap<number, ContentRow>,
  rq: RerankQuery,
): Ranked[] {
  const best = top[0]!.score;
  const scored = top.flatMap((r) => {
    const row = rows.get(r.meta.id);
    if (!row) return [];
    const text = row.content.slice(0, RERANK_TEXT_CHARS);
    const places = placeNames(text, engine.words.termsOf(r.meta.id));
    return [
      { ...r, score: rerankScore(rq, { score: r.score, text, places }, best), key: duplicateKey(text) },
    ];
  });
  scored.sort(byRank);
  const seen = new Set<string>();
  return scored.filter((r) => !seen.has(r.key) && seen.add(r.key));
}

async function contentOf(db: DbOrTx, ids: number[]): Promise<Map<number, ContentRow>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<ContentRow>(
    db,
    sql`select id, content, updated_at from kb_articles where id = any(${`{${ids.join(',')}}`}::int[])`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * The last resort for a query too short for any bigram (灯): articles whose title or content contains it,
 * titles first, so a word that occurs in the base never answers nothing.
 */
async function substringMatches(
  db: DbOrTx,
  engine: SearchEngine,
  text: string,
  keep: Filter,
  today: string,
  limit: number,
): Promise<Ranked[]> {
  const needle = normalizeText(text).replace(/\s+/gu, '');
  if (needle.length === 0 || needle.length > 8) return [];
  const rows = await queryRows<{ id: number; in_title: boolean }>(
    db,
    sql`select id, strpos(lower(title), ${needle}) > 0 as in_title from kb_articles
        where status = 'published' and strpos(lower(title || ' ' || content), ${needle}) > 0
        order by 2 desc, id limit 500`,
  );
  return rows
    .flatMap((r) => {
      const meta = engine.meta.get(r.id);
      return meta && keep(meta)
        ? [{ meta, score: r.in_title ? 0.01 : 0.001, expired: isExpiredOn(meta, today) }]
        : [];
    })
    .sort(byRank)
    .slice(0, limit);
}
