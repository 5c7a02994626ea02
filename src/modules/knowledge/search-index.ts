/**
 * The `search` column of kb_articles: jieba tokens in a 'simple' tsvector (PostgreSQL has no Chinese parser),
 * weighted title A, keywords B, category path and issuer C, content D. Written with every article write and
 * rebuilt for all articles when the user dictionary changes, so articles and queries are cut the same way.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Segmenter } from '../../platform/text/segment.ts';
import { toPlainText } from './content-rules.ts';
import { toLexemeText } from './query.ts';

export interface IndexedFields {
  title: string;
  keywords: readonly string[];
  categoryPath: readonly string[];
  issuer: string | null;
  content: string;
}

interface LexemeTexts {
  a: string;
  b: string;
  c: string;
  d: string;
}

function lexemeTexts(segmenter: Segmenter, f: IndexedFields): LexemeTexts {
  return {
    a: toLexemeText(segmenter, f.title),
    b: f.keywords.map((k) => toLexemeText(segmenter, k)).join(' '),
    c: [...f.categoryPath, f.issuer ?? ''].map((p) => toLexemeText(segmenter, p)).join(' '),
    // Link targets and Markdown marks are not words an agent searches for.
    d: toLexemeText(segmenter, toPlainText(f.content)),
  };
}

function vectorOf(t: { a: SQL | string; b: SQL | string; c: SQL | string; d: SQL | string }): SQL {
  return sql`setweight(to_tsvector('simple', ${t.a}), 'A') || setweight(to_tsvector('simple', ${t.b}), 'B') ||
    setweight(to_tsvector('simple', ${t.c}), 'C') || setweight(to_tsvector('simple', ${t.d}), 'D')`;
}

/** The SQL expression of an article's search vector, for an INSERT or UPDATE. */
export function searchVectorSql(segmenter: Segmenter, fields: IndexedFields): SQL {
  return vectorOf(lexemeTexts(segmenter, fields));
}

export const REINDEX_BATCH = 500;

interface ArticleTextRow extends IndexedFields {
  id: number;
}

/**
 * Rebuilds every article's vector, REINDEX_BATCH articles per statement. Rows are read FOR UPDATE so a
 * concurrent edit is either seen here or made after this batch, never overwritten with older text. Call
 * inside the transaction that changed the dictionary (holding the dictionary lock exclusively).
 */
export async function reindexAllArticles(
  db: DbOrTx,
  segmenter: Segmenter,
): Promise<{ articles: number; ms: number }> {
  const started = performance.now();
  let after = 0;
  let total = 0;
  for (;;) {
    const rows = await queryRows<ArticleTextRow>(
      db,
      sql`select id, title, keywords, category_path as "categoryPath", issuer, content from kb_articles
          where id > ${after} order by id limit ${REINDEX_BATCH} for update`,
    );
    if (rows.length === 0) break;
    const payload = rows.map((r) => ({ id: r.id, ...lexemeTexts(segmenter, r) }));
    await db.execute(sql`update kb_articles as k set search = ${vectorOf({
      a: sql.raw('v.a'),
      b: sql.raw('v.b'),
      c: sql.raw('v.c'),
      d: sql.raw('v.d'),
    })}
      from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as v(id int, a text, b text, c text, d text)
      where k.id = v.id`);
    total += rows.length;
    after = rows[rows.length - 1]!.id;
  }
  return { articles: total, ms: Math.round(performance.now() - started) };
}

/**
 * After a bulk write (an import, a re-index): moves the GIN indexes' pending entries into the index proper and
 * refreshes the planner's statistics, (the planner's, for list and export queries). Autovacuum does both on a server in time,
 * PGlite never does, and until then every search scans the pending list and sees no word frequencies. Run
 * outside the writing transaction; an optimisation only, so a failure (say, a role that does not own the
 * table) is ignored.
 */
export async function tidySearchIndex(db: DbOrTx): Promise<void> {
  try {
    await db.execute(sql`select gin_clean_pending_list('kb_articles_search_idx'::regclass),
                                gin_clean_pending_list('kb_articles_title_trgm_idx'::regclass)`);
    await db.execute(sql`analyze kb_articles`);
  } catch {
    // Searches stay correct without it, only slower until autovacuum runs.
  }
}
