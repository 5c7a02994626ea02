/**
 * From a query (a few words or a citizen's whole request) to what the database is asked: the kept tokens,
 * their synonym groups and one OR tsquery. Pure: the segmenter and the synonym groups are passed in.
 */
import { normalizeText, type Segmenter } from '../../platform/text/segment.ts';
import { isStopWord } from './stopwords.ts';
import { expandWord } from './synonyms.ts';

const WORD = /^[\p{L}\p{N}]+$/u;
const WORD_PART = /[\p{L}\p{N}]+/gu;

/**
 * A token reduced to letters and digits. tsquery syntax uses punctuation as operators, and PostgreSQL's
 * parser would split `abc-12` differently in a document and in a query; articles are indexed through this
 * same function, so both sides always agree.
 */
export function sanitizeToken(token: string): string[] {
  const t = token.toLowerCase();
  // Most tokens are already one word; testing first is several times cheaper than splitting every one.
  return WORD.test(t) ? [t] : (t.match(WORD_PART) ?? []);
}

/** A text as the lexemes the index holds, space-separated: the argument of to_tsvector('simple', …). */
export function toLexemeText(segmenter: Segmenter, text: string): string {
  return segmenter.cut(text).flatMap(sanitizeToken).join(' ');
}

/** A request longer than this many concepts is cut: its later words rarely change the answer. */
export const MAX_CONCEPTS = 40;

/** A query word with its synonyms: matching any alternative counts as matching the concept. */
export interface Concept {
  /** tsquery syntax: `a | (b <-> c)`. */
  expression: string;
  /** The lexemes of each alternative (a phrase has several), for frequency estimates. */
  alternatives: string[][];
  /** The words as written (lower-case), to look for in titles and keywords. */
  words: string[];
}

export interface AnalysedQuery {
  /** Query tokens kept after stop words and single characters are dropped. */
  tokens: string[];
  /** Every word looked for: the tokens and their synonyms. */
  expanded: string[];
  /** One per token not already covered by an earlier token's synonyms, at most MAX_CONCEPTS. */
  concepts: Concept[];
  /** The OR of all concepts, for to_tsquery('simple', …); empty when nothing is left to look for. */
  tsquery: string;
}

/**
 * A word as tsquery syntax: one lexeme, or a phrase when the segmenter cuts it (最低生活保障 → 最低 <-> 生活 <->
 * 保障), so a synonym matches articles whose text was cut the same way.
 */
function wordLexemes(segmenter: Segmenter, word: string): string[] {
  return segmenter.cut(word).flatMap(sanitizeToken);
}

function alternativeExpression(lexemes: readonly string[]): string {
  return lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(' <-> ')})`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * The query's tokens, with any synonym that the segmenter would cut into pieces kept whole (最低生活保障 would
 * become 最低 / 生活 / 保障 and never meet its group). Words the segmenter keeps whole are left to it, so a longer
 * dictionary word around them (城管局 around 城管) still wins.
 */
export function cutQuery(
  text: string,
  segmenter: Segmenter,
  synonymGroups: readonly (readonly string[])[],
): string[] {
  const normalized = normalizeText(text);
  const phrases = [...new Set(synonymGroups.flat())]
    .filter((w) => [...w].length > 1 && normalized.includes(w) && segmenter.cut(w).length > 1)
    .sort((a, b) => b.length - a.length);
  if (phrases.length === 0) return segmenter.cut(normalized);
  const out: string[] = [];
  let at = 0;
  for (const m of normalized.matchAll(new RegExp(phrases.map(escapeRegExp).join('|'), 'gu'))) {
    out.push(...segmenter.cut(normalized.slice(at, m.index)), m[0]);
    at = m.index + m[0].length;
  }
  out.push(...segmenter.cut(normalized.slice(at)));
  return out;
}

function pickTokens(all: string[], keepSingles: boolean): string[] {
  const meaningful = all.filter((t) => !isStopWord(t) && (keepSingles || [...t].length > 1));
  if (meaningful.length > 0) return meaningful;
  // A query made only of stop words (问题) or single characters still means something to whoever typed it.
  const longer = all.filter((t) => [...t].length > 1);
  return longer.length > 0 ? longer : all;
}

export function analyseQuery(
  text: string,
  segmenter: Segmenter,
  synonymGroups: readonly (readonly string[])[],
): AnalysedQuery {
  const compact = normalizeText(text).replace(/\s+/gu, '');
  const keepSingles = [...compact].length <= 2;
  const cut = [
    ...new Set(cutQuery(text, segmenter, synonymGroups).filter((t) => sanitizeToken(t).length > 0)),
  ];
  const tokens = pickTokens(cut, keepSingles);

  const expanded = new Set<string>();
  const concepts: Concept[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    const words = expandWord(token, synonymGroups).filter((w) => !expanded.has(w));
    if (words.length === 0) continue; // already covered by an earlier token's group (医保 … 医疗保险)
    const alternatives: string[][] = [];
    const surface: string[] = [];
    for (const w of words) {
      expanded.add(w);
      const lexemes = wordLexemes(segmenter, w);
      const key = lexemes.join(' ');
      if (lexemes.length > 0 && !seen.has(key)) {
        seen.add(key);
        alternatives.push(lexemes);
        surface.push(w);
      }
    }
    if (alternatives.length > 0) {
      concepts.push({
        expression: alternatives.map(alternativeExpression).join(' | '),
        alternatives,
        words: surface,
      });
    }
    if (concepts.length === MAX_CONCEPTS) break;
  }
  return {
    tokens,
    expanded: [...expanded],
    concepts,
    tsquery: concepts
      .map((c) => (c.alternatives.length > 1 ? `(${c.expression})` : c.expression))
      .join(' | '),
  };
}
