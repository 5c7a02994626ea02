/**
 * The search statement, in two stages so that a whole citizen request (twenty words, several of them in half
 * the articles) and a one-word query that thousands of articles contain both stay fast on 20,000 articles.
 *
 * Stage 1 picks CANDIDATES articles without reading any article's tsvector, which PostgreSQL stores compressed
 * with the row (decompressing and ranking every article that shares one common word with a request was what
 * cost seconds). Each concept (a word with its synonyms) is looked up in the GIN index; the scan yields its
 * document frequency, hence its IDF, and reads only the small columns of each hit: the filters, and whether the
 * title or the keywords contain the word. Candidates are ordered by the estimate
 *   0.3 · coverage + 0.5 · head coverage + 0.2 · near
 * (coverage: IDF share of the query's concepts the article holds; head coverage: the same for its title and
 * keywords, which stands in for ts_rank_cd's weights A and B; near: trigram similarity of the title), then by
 * shorter title. Common concepts (search-stats.ts) pick candidates only when the others find fewer than
 * CANDIDATES.
 *
 * Stage 2 scores the candidates with the formula of search.ts.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ConceptPlan, PlannedConcept } from './search-stats.ts';

export const RANK_WEIGHTS = { D: 0.1, C: 0.2, B: 0.4, A: 1.0 } as const;
export const SCORE_WEIGHTS = { text: 0.5, coverage: 0.3, near: 0.2 } as const;
/** How many articles stage 1 passes to stage 2. */
export const CANDIDATES = 100;

export interface SearchPlan {
  /** OR of every concept, for ts_rank_cd; empty when the query had no usable word. */
  tsquery: string;
  concepts: ConceptPlan;
  /** The query as typed, for trigram similarity to titles; null for long queries. */
  near: string | null;
  /** Conditions on the article, alias `a`. */
  filters: SQL;
  today: string;
  limit: number;
}

/** Numbers as literals: the planner then knows their types (a parameter would be `unknown`). */
const lit = (x: number) => sql.raw(String(x));
const NONE = sql`select null::int as ord, null::int as id, false as expired, false as head, 0 as tlen, false as fill
                 where false`;

/** Whether the article's title or keywords contain one of the concept's words. */
function headSql(c: PlannedConcept): SQL {
  const head = sql`lower(a.title || ' ' || array_to_string(a.keywords, ' '))`;
  return sql.join(
    c.words.map((w) => sql`strpos(${head}, ${w}) > 0`),
    sql` or `,
  );
}

/** One concept's eligible articles, from a bitmap scan of the GIN index. */
function branchSql(c: PlannedConcept, p: SearchPlan, fill: boolean): SQL {
  return sql`select ${lit(c.ord)} as ord, a.id, coalesce(a.expires_on < ${p.today}, false) as expired,
                    (${headSql(c)}) as head, length(a.title) as tlen, ${sql.raw(String(fill))} as fill
             from kb_articles a where a.search @@ to_tsquery('simple', ${c.expression}) and ${p.filters}`;
}

function unionSql(parts: SQL[]): SQL {
  return parts.length > 0 ? sql.join(parts, sql` union all `) : NONE;
}

/**
 * Common concepts' articles, read only when the rare concepts found fewer than CANDIDATES: in a small
 * knowledge base every word is common, and an article must not be missed for lacking a rare word of the query.
 */
function fillSql(p: SearchPlan): SQL {
  if (p.concepts.common.length === 0) return NONE;
  const gate = sql`(select open from gate)`;
  return unionSql(
    p.concepts.common.map((c) => sql`select * from (${branchSql(c, p, true)}) f where ${gate}`),
  );
}

function nearSql(p: SearchPlan): SQL {
  if (p.near === null)
    return sql`select null::int as id, 0::real as near, false as expired, 0 as tlen where false`;
  return sql`select a.id, greatest(similarity(a.title, ${p.near}), word_similarity(${p.near}, a.title)) as near,
                    coalesce(a.expires_on < ${p.today}, false) as expired, length(a.title) as tlen
             from kb_articles a where (a.title % ${p.near} or ${p.near} <% a.title) and ${p.filters}`;
}

export function buildSearchSql(p: SearchPlan): SQL {
  const w = RANK_WEIGHTS;
  const s = SCORE_WEIGHTS;
  const weights = sql.raw(`'{${w.D},${w.C},${w.B},${w.A}}'::float4[]`);
  const tsq = p.tsquery ? sql`to_tsquery('simple', ${p.tsquery})` : sql`null::tsquery`;
  const common = JSON.stringify(
    p.concepts.common.map(({ ord, expression, freq }) => ({ ord, expression, freq })),
  );
  return sql`
    with rare as (${unionSql(p.concepts.scanned.map((c) => branchSql(c, p, false)))}),
    gate as (select count(distinct id) < ${lit(CANDIDATES)} as open from rare),
    fill as (${fillSql(p)}),
    matches as (select * from rare union all select * from fill),
    df as (select ord, count(*)::float8 as n from rare group by ord),
    total as (
      select greatest((select reltuples from pg_class where oid = 'kb_articles'::regclass),
                      (select max(n) from df), 1)::float8 as n
    ),
    common as (
      select x.ord, to_tsquery('simple', x.expression) as tq, x.freq
      from jsonb_to_recordset(${common}::jsonb) as x(ord int, expression text, freq float8)
    ),
    idf as (
      select df.ord, ln(1 + total.n / df.n) as w from df, total
      union all
      select common.ord, ln(1 + 1 / common.freq) from common
    ),
    idf_sum as (select coalesce(sum(w), 0) + 1e-9 as s from idf),
    covered as (
      select m.id, bool_or(m.expired) as expired, min(m.tlen) as tlen,
             coalesce(sum(idf.w) filter (where not m.fill), 0) as w,
             coalesce(sum(idf.w) filter (where m.head), 0) as hw
      from matches m left join idf using (ord) group by m.id
    ),
    near as (${nearSql(p)}),
    candidates as (
      select coalesce(c.id, n.id) as id, coalesce(c.expired, n.expired) as expired,
             coalesce(c.w, 0) as w, coalesce(n.near, 0) as near
      from covered c full join near n on n.id = c.id
      order by 2,
        (${lit(s.coverage)} * coalesce(c.w, 0) + ${lit(s.text)} * coalesce(c.hw, 0)) / (select s from idf_sum)
          + ${lit(s.near)} * coalesce(n.near, 0) desc,
        coalesce(c.tlen, n.tlen), 1
      limit ${lit(CANDIDATES)}
    ),
    q as (select ${tsq} as tsq)
    select a.id, a.title, a.content, a.kind, a.issuer, a.category_path, a.updated_at, c.expired,
           (${lit(s.text)} * coalesce(ts_rank_cd(${weights}, a.search, q.tsq, 32), 0)
            + ${lit(s.coverage)} * (c.w + coalesce((select sum(idf.w) from common join idf using (ord)
                                                    where a.search @@ common.tq), 0)) / (select s from idf_sum)
            + ${lit(s.near)} * c.near)::float8 as score
    from candidates c join kb_articles a on a.id = c.id, q
    order by c.expired, score desc, a.id
    limit ${lit(p.limit)}`;
}
