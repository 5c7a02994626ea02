/**
 * Candidate links between the window's requests: every pair whose adjusted cosine reaches
 * `pairSimilarity`, found through an inverted index rather than by comparing all pairs.
 */
import type { DetectOptions } from './model.ts';
import { adjustSimilarity } from './signals.ts';
import type { PreparedRequest } from './terms.ts';
import { buildPostings, dotSparse, type SparseVector } from './vectors.ts';

/**
 * Terms in more requests than this are skipped when accumulating dot products: they cost df² pair
 * visits and, with a low IDF, add little to any cosine. A pair sharing only such terms is never
 * looked at; on the message data the links found equal those of comparing all pairs.
 */
const MIN_POSTINGS_CAP = 64;
const POSTINGS_CAP_SHARE = 0.05;

export interface Neighbourhood {
  neighbours: Int32Array[];
  /** Sum of the similarities to the neighbours: the density used to choose seeds. */
  density: Float64Array;
}

/**
 * All pairs whose adjusted cosine reaches `pairSimilarity`, without visiting all pairs: dot products
 * are accumulated over the inverted index of the rarer terms. The vectors are non-negative, so that
 * partial sum plus the most the skipped common terms can add, |a_common|·|b_common| by
 * Cauchy–Schwarz, bounds the cosine from above; only a pair whose bound reaches the threshold costs
 * an exact merge.
 */
export function findNeighbours(
  docs: readonly PreparedRequest[],
  vectors: readonly SparseVector[],
  vocabularySize: number,
  options: DetectOptions,
): Neighbourhood {
  const n = vectors.length;
  const cap = Math.max(MIN_POSTINGS_CAP, Math.ceil(n * POSTINGS_CAP_SHARE));
  const { start, entries, weights } = buildPostings(vectors, vocabularySize);
  const commonNorm = Float64Array.from(vectors, (v) => {
    let ss = 0;
    for (let k = 0; k < v.ids.length; k++)
      if (start[v.ids[k]! + 1]! - start[v.ids[k]!]! > cap) ss += v.values[k]! ** 2;
    return Math.sqrt(ss);
  });
  const lists: number[][] = Array.from({ length: n }, () => []);
  const density = new Float64Array(n);
  const partial = new Float64Array(n);
  const touched = new Int32Array(n);
  const seen = new Int32Array(n).fill(-1);
  const district = encodeLabels(docs.map((d) => d.district));
  const category = encodeLabels(docs.map((d) => d.category));
  const link = (i: number, j: number, s: number) => {
    lists[i]!.push(j);
    lists[j]!.push(i);
    density[i]! += s;
    density[j]! += s;
  };
  for (let i = 0; i < n; i++) {
    const v = vectors[i]!;
    let touchedCount = 0;
    for (let k = 0; k < v.ids.length; k++) {
      const t = v.ids[k]!;
      const from = start[t]!;
      const to = start[t + 1]!;
      if (to - from > cap) continue;
      const w = v.values[k]!;
      // Postings are in request order: only later requests, so each pair is visited once.
      for (let p = to - 1; p >= from && entries[p]! > i; p--) {
        const j = entries[p]!;
        if (seen[j] !== i) {
          seen[j] = i;
          partial[j] = 0;
          touched[touchedCount++] = j;
        }
        partial[j]! += w * weights[p]!;
      }
    }
    for (let c = 0; c < touchedCount; c++) {
      const j = touched[c]!;
      const upper = partial[j]! + commonNorm[i]! * commonNorm[j]!;
      // Millions of pairs pass here: the place check on integer codes, not on the request objects.
      let bound = upper;
      if (district[i]! >= 0 && district[i] === district[j]) bound *= options.sameDistrictFactor;
      if (category[i]! >= 0 && category[i] === category[j]) bound *= options.sameCategoryFactor;
      if (bound >= options.pairSimilarity) {
        const s = adjustSimilarity(dotSparse(v, vectors[j]!), docs[i]!, docs[j]!, options);
        if (s >= options.pairSimilarity) link(i, j, s);
      }
    }
  }
  return { neighbours: lists.map((l) => Int32Array.from(l).sort()), density };
}

/** Labels as integers, -1 for none: equal labels get equal codes. */
function encodeLabels(labels: readonly (string | null)[]): Int32Array {
  const codes = new Map<string, number>();
  return Int32Array.from(labels, (l) => {
    if (l === null) return -1;
    if (!codes.has(l)) codes.set(l, codes.size);
    return codes.get(l)!;
  });
}
