import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { createSegmenter, normalizeText } from '../../platform/text/segment.ts';

/**
 * Order text search through an index rather than a scan. An order's title and content are cut once, when
 * written, into the lexemes of a `simple` tsvector with a GIN index (orders.search_tokens): every Chinese
 * character and every pair of neighbouring characters (so two-character words such as 路灯 and 噪音 are found
 * however the segmenter would cut their sentence: jieba cuts 路灯不亮 as 路/灯不亮), and the other words
 * (latin, digits) as the segmenter the knowledge base uses cuts them (platform/text/segment.ts, NFKC,
 * lower-case). A search asks the index for every lexeme of its text, then the exact substring rechecks the few
 * rows found, so the answer is what the old scan gave.
 */
const MAX_LEXEME_BYTES = 2000; // PostgreSQL refuses lexemes of 2 KB and more
const HAN_RUN = /\p{Script=Han}+/gu;

function hanLexemes(text: string, out: Set<string>, unigrams: boolean): void {
  for (const run of text.match(HAN_RUN) ?? []) {
    const chars = [...run];
    if (unigrams || chars.length === 1) for (const c of chars) out.add(c);
    for (let i = 0; i + 2 <= chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
}

function otherWords(text: string): string[] {
  return createSegmenter()
    .cut(text.replace(HAN_RUN, ' '))
    .filter((w) => w.trim().length > 0 && Buffer.byteLength(w) < MAX_LEXEME_BYTES);
}

/** The lexemes of an order's title and content. */
export function searchLexemes(title: string, content: string): string[] {
  const text = normalizeText(`${title}\n${content}`);
  const out = new Set<string>();
  hanLexemes(text, out, true);
  for (const w of otherWords(text)) out.add(w);
  return [...out];
}

/** The tsvector expression for an order's lexemes (exact lexemes: no parser, no stemming). */
export function searchDocument(title: string, content: string): SQL {
  return sql`array_to_tsvector(array(select jsonb_array_elements_text(${JSON.stringify(searchLexemes(title, content))}::jsonb)))`;
}

const quoteLexeme = (w: string) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The tsquery text that every order containing `q` matches (characters and pairs of its Chinese runs; its other
 * words as prefixes), or null when `q` has nothing to look up (punctuation only).
 */
export function searchQueryText(q: string): string | null {
  const text = normalizeText(q);
  const han = new Set<string>();
  hanLexemes(text, han, false);
  const terms = [...han].map(quoteLexeme);
  for (const w of new Set(otherWords(text))) terms.push(`${quoteLexeme(w)}:*`);
  return terms.length ? terms.join(' & ') : null;
}

/**
 * Whether the index alone answers `q` exactly: one or two Chinese characters (the most asked searches: 路灯,
 * 噪音) are themselves a lexeme of every order containing them, so no substring recheck of each found order's
 * text is needed (issue 18: rechecking 3,000 long messages took 300–400 ms at 500,000 orders). Longer text needs
 * the recheck: all of 路灯不亮's pairs can be in an order without the four characters in a row.
 */
export function searchIsExact(q: string): boolean {
  const text = normalizeText(q).trim();
  const run = text.match(HAN_RUN);
  return run?.length === 1 && run[0] === text && [...text].length <= 2;
}

/** Cuts the text of orders written without it (before this column, or in bulk by the simulation). */
export async function segmentUnsearchableOrders(db: DbOrTx, batchSize = 500): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await queryRows<{ id: number; title: string; content: string }>(
      db,
      sql`select id, title, content from orders where search_tokens is null order by id limit ${batchSize}`,
    );
    if (!rows.length) return done;
    const docs = rows.map((r) => ({ id: r.id, lexemes: searchLexemes(r.title, r.content) }));
    await db.execute(sql`update orders o set search_tokens = array_to_tsvector(array(
        select jsonb_array_elements_text(d.value -> 'lexemes')))
      from jsonb_array_elements(${JSON.stringify(docs)}::jsonb) d
      where o.id = (d.value ->> 'id')::int`);
    done += rows.length;
    if (rows.length < batchSize) return done;
  }
}
