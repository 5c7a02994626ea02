/**
 * The second stage of the ranking: the first stage's best RERANK_DEPTH articles (BM25, search-engine.ts) are
 * scored again with what a bag of terms cannot see, and near-identical articles are collapsed. Pure.
 *
 *     score = bm25 / best bm25 of the query
 *           + 0.1 · ln(1 + longest common substring of the query and the article)
 *           − 0.2 · (the article names places and the query names others, none in common)
 *           + 0.1 · (share of the article's place names that the query names; 0.5 when either names none)
 *
 * Why: a reply about "B市火车站" shares as many words with a message about "A市火车站" as the reply about A市
 * does, and the place is what tells them apart; a long phrase quoted from the message (an estate, a road, a
 * school) is stronger evidence than the same characters scattered. Weights chosen on one half of the
 * development set and reported on the other (docs/knowledge.md, "Second stage").
 */
import { normalizeText } from '../../platform/text/segment.ts';

/** How many first-stage candidates are scored again. */
export const RERANK_DEPTH = 20;

export const RERANK_WEIGHTS = {
  /** Per ln(1 + characters) of the longest common substring. */
  commonRun: 0.1,
  /** When the article's places and the query's are disjoint. */
  placeMismatch: -0.2,
  /** Times the share of the article's places the query names. */
  placePrecision: 0.1,
} as const;

/** Anonymised or coded places (A市, A3区, K4县) and the like, as the normalised (lower-cased) text has them. */
const PLACE_CODE = /[a-z]\d{0,2}[市区县]/gu;
/** A segmented word that names a place: at least two characters before 市/区/县 (漯河市, 郾城区, 舞阳县). */
const PLACE_WORD = /^\p{Script=Han}{2,8}[市区县]$/u;
/** Words of that shape that name no particular place. */
const GENERIC_PLACES = new Set([
  '老城区',
  '新城区',
  '主城区',
  '中心城区',
  '城市区',
  '居住区',
  '生活区',
  '开发区',
  '风景区',
  '保护区',
  '示范区',
  '试验区',
  '工业区',
  '商业区',
  '住宅区',
  '老小区',
  '新小区',
  '本市区',
  '各区县',
  '全市区',
]);

/** Place names in a text: coded places found in the text, and place-shaped words from its segmented words. */
export function placeNames(text: string, words: Iterable<string>): Set<string> {
  const out = new Set<string>(normalizeText(text).match(PLACE_CODE) ?? []);
  for (const w of words) if (PLACE_WORD.test(w) && !GENERIC_PLACES.has(w)) out.add(w);
  return out;
}

/**
 * A suffix automaton of the query (Blumer et al. 1985): built once per query in linear time, it then gives the
 * longest common substring with each candidate in one pass over the candidate's text.
 */
export class CommonRun {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly link: number[] = [-1];
  private readonly len: number[] = [0];

  constructor(query: string) {
    let last = 0;
    for (const ch of compact(query)) {
      const c = ch.codePointAt(0)!;
      const cur = this.len.length;
      this.next.push(new Map());
      this.len.push(this.len[last]! + 1);
      this.link.push(0);
      let p = last;
      while (p !== -1 && !this.next[p]!.has(c)) {
        this.next[p]!.set(c, cur);
        p = this.link[p]!;
      }
      if (p !== -1) {
        const q = this.next[p]!.get(c)!;
        if (this.len[p]! + 1 === this.len[q]) this.link[cur] = q;
        else {
          const clone = this.len.length;
          this.next.push(new Map(this.next[q]!));
          this.len.push(this.len[p]! + 1);
          this.link.push(this.link[q]!);
          while (p !== -1 && this.next[p]!.get(c) === q) {
            this.next[p]!.set(c, clone);
            p = this.link[p]!;
          }
          this.link[q] = clone;
          this.link[cur] = clone;
        }
      }
      last = cur;
    }
  }

  /** Length in characters of the longest run of `text` that also occurs in the query. */
  longestIn(text: string): number {
    let state = 0;
    let length = 0;
    let best = 0;
    for (const ch of compact(text)) {
      const c = ch.codePointAt(0)!;
      while (state !== 0 && !this.next[state]!.has(c)) {
        state = this.link[state]!;
        length = this.len[state]!;
      }
      const to = this.next[state]!.get(c);
      if (to === undefined) continue;
      state = to;
      length += 1;
      if (length > best) best = length;
    }
    return best;
  }
}

/** Normalised characters without white space (line breaks and spaces do not interrupt a phrase). */
function compact(text: string): string {
  return normalizeText(text).replace(/\s+/gu, '');
}

export interface RerankQuery {
  run: CommonRun;
  places: ReadonlySet<string>;
}

export interface RerankCandidate {
  /** The first stage's score. */
  score: number;
  /** Plain text the candidate is compared on (its content, as far as the ranking reads it). */
  text: string;
  places: ReadonlySet<string>;
}

/** The second-stage score of one candidate; `best` is the first stage's best score for the query. */
export function rerankScore(q: RerankQuery, c: RerankCandidate, best: number): number {
  const w = RERANK_WEIGHTS;
  let shared = 0;
  for (const p of c.places) if (q.places.has(p)) shared++;
  const both = c.places.size > 0 && q.places.size > 0;
  return (
    c.score / (best || 1) +
    w.commonRun * Math.log1p(q.run.longestIn(c.text)) +
    (both && shared === 0 ? w.placeMismatch : 0) +
    w.placePrecision * (both ? shared / c.places.size : 0.5)
  );
}

/** A key equal for articles whose text is the same but for white space and case (boilerplate replies). */
export function duplicateKey(text: string): string {
  return normalizeText(text).replace(/\s+/gu, '');
}
