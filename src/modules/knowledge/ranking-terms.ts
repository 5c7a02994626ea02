/**
 * The terms the ranking (search-engine.ts) counts, for an article and for a query. Pure.
 *
 * Two channels, because neither alone is enough for Chinese: **character bigrams** match whatever the
 * segmenter does (路灯不亮 shares 路灯, 灯不, 不亮 with an article that says 路灯 不亮, whichever way jieba cuts
 * either), and **jieba words** carry the user dictionary and the synonym groups (医保 ↔ 医疗保险), which
 * bigrams alone cannot. Measured on the development set in docs/knowledge.md.
 */
import { normalizeText, type Segmenter } from '../../platform/text/segment.ts';
import { toPlainText } from './content-rules.ts';
import { cutQuery, sanitizeToken } from './query.ts';
import { isStopWord } from './stopwords.ts';
import { expandWord } from './synonyms.ts';

/**
 * BM25F field weights (by repetition): a word in the title counts three times, in the keywords twice, in the
 * category path, issuer or content once. The tsvector's A/B/C/D weights name the same fields.
 */
export const FIELD_WEIGHTS = { title: 3, keywords: 2, category: 1, content: 1 } as const;
const LETTER_WEIGHT: Record<string, number> = {
  A: FIELD_WEIGHTS.title,
  B: FIELD_WEIGHTS.keywords,
  C: FIELD_WEIGHTS.category,
  D: FIELD_WEIGHTS.content,
};

/**
 * What the ranking reads of a query: its first QUERY_MAX_CHARS characters. A citizen's message rarely says
 * anything new after two thousand characters, and the cost of a query grows with its length. Documented in
 * docs/knowledge.md ("Long requests").
 */
export const QUERY_MAX_CHARS = 2000;

/** Weight of a synonym's bigrams in the query, beside the words the citizen wrote (1). */
export const SYNONYM_BIGRAM_WEIGHT = 0.5;

export type TermCounts = Map<string, number>;

function bump(m: TermCounts, term: string, by: number): void {
  m.set(term, (m.get(term) ?? 0) + by);
}

const RUN = /[\p{L}\p{N}]+/gu;

/**
 * Overlapping character bigrams of each run of letters and digits (punctuation and spaces break runs); a run
 * of one character is its own term, so 灯 alone between punctuation still counts.
 */
export function addBigrams(into: TermCounts, text: string, weight: number): void {
  for (const run of normalizeText(text).match(RUN) ?? []) {
    const cs = [...run];
    if (cs.length === 1) bump(into, run, weight);
    for (let i = 0; i + 1 < cs.length; i++) bump(into, cs[i]! + cs[i + 1]!, weight);
  }
}

export interface ArticleText {
  title: string;
  keywords: readonly string[];
  categoryPath: readonly string[];
  issuer: string | null;
  content: string;
}

export function articleBigrams(a: ArticleText): TermCounts {
  const m: TermCounts = new Map();
  addBigrams(m, a.title, FIELD_WEIGHTS.title);
  for (const k of a.keywords) addBigrams(m, k, FIELD_WEIGHTS.keywords);
  for (const c of [...a.categoryPath, a.issuer ?? '']) addBigrams(m, c, FIELD_WEIGHTS.category);
  addBigrams(m, toPlainText(a.content), FIELD_WEIGHTS.content);
  return m;
}

/** One lexeme of a tsvector's text form: `'word':1A,5` (weight D is not printed; '' escapes a quote). */
const TSV_ENTRY = /'((?:[^']|'')*)'(?::([0-9A-D,]+))?/gu;

/**
 * The article's jieba words with field-weighted frequencies, read from its `search` tsvector (written with
 * the user dictionary at every article write: search-index.ts), so loading the index cuts no text.
 */
export function wordsFromTsvector(tsv: string): TermCounts {
  const m: TermCounts = new Map();
  for (const [, raw, positions] of tsv.matchAll(TSV_ENTRY)) {
    const word = raw!.replace(/''/gu, "'");
    if (!positions) {
      bump(m, word, FIELD_WEIGHTS.content);
      continue;
    }
    for (const p of positions.split(',')) bump(m, word, LETTER_WEIGHT[p.slice(-1)] ?? FIELD_WEIGHTS.content);
  }
  return m;
}

export interface QueryTerms {
  bigrams: TermCounts;
  words: TermCounts;
  /** Words kept (after stop words), in order, for the answer and for snippets. */
  tokens: string[];
  /** The tokens and their synonyms. */
  expanded: string[];
}

/**
 * A query's terms, counted: a word said three times in a long message weighs three times (query term
 * frequency, as in the BM25 of a query-by-document). Stop words are left out of the words channel only when
 * something else remains; synonyms add their lexemes with the word's count.
 */
export function queryTerms(
  text: string,
  segmenter: Segmenter,
  synonymGroups: readonly (readonly string[])[],
): QueryTerms {
  const cut = [...normalizeText(text)].slice(0, QUERY_MAX_CHARS).join('');
  const bigrams: TermCounts = new Map();
  addBigrams(bigrams, cut, 1);
  const all = cutQuery(cut, segmenter, synonymGroups).filter((t) => sanitizeToken(t).length > 0);
  // Single characters are left to the bigrams unless the whole query is that short (灯, 水费 → 水 费).
  const keepSingles = cut.replace(/\s+/gu, '').length <= 2;
  const meaningful = all.filter((t) => !isStopWord(t) && (keepSingles || [...t].length > 1));
  const longer = all.filter((t) => [...t].length > 1);
  const kept = meaningful.length > 0 ? meaningful : longer.length > 0 ? longer : all;
  const counts: TermCounts = new Map();
  for (const t of kept) bump(counts, t, 1);
  const words: TermCounts = new Map();
  const expanded = new Set<string>();
  for (const [token, n] of counts) {
    for (const w of expandWord(token, synonymGroups)) {
      expanded.add(w);
      // A synonym's characters count too, at half weight: 医保 also finds an article that says 医疗保险.
      if (w !== token) addBigrams(bigrams, w, SYNONYM_BIGRAM_WEIGHT * n);
      for (const lexeme of segmenter.cut(w).flatMap(sanitizeToken)) bump(words, lexeme, n);
    }
  }
  return { bigrams, words, tokens: [...counts.keys()], expanded: [...expanded] };
}
