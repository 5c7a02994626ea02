/**
 * The search statement, in two stages so that a whole citizen request (twenty words, several of them in half
 * the articles) stays fast on 20,000 articles:
 *
 * 1. Candidates from the indexes alone: each concept (a word with its synonyms) is looked up in the GIN index,
 *    which yields its document frequency; IDF-weighted coverage (the share of the query's information an
 *    article contains) and the trigram near-miss score pick the best CANDIDATES articles that pass the filters.
 *    Nothing here reads an article's tsvector, which PostgreSQL stores compressed with the row: ranking every
 *    article that shares one common word with a request was what cost seconds.
 * 2. Those candidates get ts_rank_cd and the final score.
 */
import { sql, type SQL } from 'drizzle-orm';

export const RANK_WEIGHTS = { D: 0.1, C: 0.2, B: 0.4, A: 1.0 } as const;
export const SCORE_WEIGHTS = { text: 0.5, coverage: 0.3, near: 0.2 } as const;
/** How many articles stage 1 passes to stage 2. */
export const CANDIDATES = 100;

export interface SearchPlan {
  /** OR of every concept, for ts_rank_cd; empty when the query had no usable word. */
  tsquery: string;
  /** One tsquery expression per concept. */
  groups: readonly string[];
  /** The query as typed, for trigram similarity to titles; null for long queries. */
  near: string | null;
  /** Conditions on the article, alias `a`. */
  filters: SQL;
  today: string;
  limit: number;
}

/** Numbers as literals: the planner then knows their types (a parameter would be `unknown`). */
const lit = (x: number) => sql.raw(String(x));

function matchesSql(groups: readonly string[]): SQL {
  if (groups.length === 0) return sql`select null::int as ord, null::int as id where false`;
  return sql.join(
    groups.map(
      (g, i) => sql`select ${lit(i)} as ord, id from kb_articles where search @@ to_tsquery('simple', ${g})`,
    ),
    sql` union all `,
  );
}

function nearSql(near: string | null): SQL {
  if (near === null) return sql`select null::int as id, 0::real as near where false`;
  return sql`select id, greatest(similarity(title, ${near}), word_similarity(${near}, title)) as near
             from kb_articles where title % ${near} or ${near} <% title`;
}

export function buildSearchSql(p: SearchPlan): SQL {
  const w = RANK_WEIGHTS;
  const s = SCORE_WEIGHTS;
  const weights = sql.raw(`'{${w.D},${w.C},${w.B},${w.A}}'::float4[]`);
  const tsq = p.tsquery ? sql`to_tsquery('simple', ${p.tsquery})` : sql`null::tsquery`;
  return sql`
    with matches as (${matchesSql(p.groups)}),
    df as (select ord, count(*)::float8 as n from matches group by ord),
    total as (
      select greatest((select reltuples from pg_class where oid = 'kb_articles'::regclass),
                      (select max(n) from df), 1)::float8 as n
    ),
    idf as (select df.ord, ln(1 + total.n / df.n) as w from df, total),
    covered as (
      select m.id, sum(idf.w) / (select sum(w) from idf) as coverage
      from matches m join idf using (ord) group by m.id
    ),
    near as (${nearSql(p.near)}),
    candidates as (
      select a.id, coalesce(c.coverage, 0) as coverage, coalesce(n.near, 0) as near,
             coalesce(a.expires_on < ${p.today}, false) as expired
      from (select id from covered union select id from near) ids
      join kb_articles a on a.id = ids.id
      left join covered c on c.id = ids.id
      left join near n on n.id = ids.id
      where ${p.filters}
      order by expired, ${lit(s.coverage)} * coalesce(c.coverage, 0) + ${lit(s.near)} * coalesce(n.near, 0) desc, a.id
      limit ${lit(CANDIDATES)}
    ),
    q as (select ${tsq} as tsq)
    select a.id, a.title, a.content, a.kind, a.issuer, a.category_path, a.updated_at, c.expired,
           (${lit(s.text)} * coalesce(ts_rank_cd(${weights}, a.search, q.tsq, 32), 0)
            + ${lit(s.coverage)} * c.coverage + ${lit(s.near)} * c.near)::float8 as score
    from candidates c join kb_articles a on a.id = c.id, q
    order by c.expired, score desc, a.id
    limit ${lit(p.limit)}`;
}
