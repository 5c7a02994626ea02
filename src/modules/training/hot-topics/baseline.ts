/**
 * The usual level of a topic: how many requests of the baseline period (the weeks before the window)
 * lie near the cluster's centroid.
 */
import { adjustSimilarity, type Profile } from './signals.ts';
import type { DetectOptions } from './model.ts';
import type { PreparedRequest } from './terms.ts';
import { buildPostings, dotSparse, topTermIds, type SparseVector } from './vectors.ts';

/** A baseline request near the centroid shares at least one of its strongest terms. */
const KEY_TERMS = 15;

export interface BaselineIndex {
  docs: readonly PreparedRequest[];
  vectors: readonly SparseVector[];
  start: Int32Array;
  entries: Int32Array;
  stamp: Int32Array;
  round: number;
}

export function indexBaseline(
  docs: readonly PreparedRequest[],
  vectors: readonly SparseVector[],
  vocabularySize: number,
): BaselineIndex {
  const { start, entries } = buildPostings(vectors, vocabularySize);
  return { docs, vectors, start, entries, stamp: new Int32Array(docs.length), round: 0 };
}

/**
 * Baseline requests whose adjusted cosine with the centroid reaches the pair threshold. The pair
 * threshold, not the (higher) centroid one: members helped make the centroid and so sit closer to
 * it than any outside request of the same matter; the lower bar compensates, and overestimating
 * the usual level errs on the side of not crying "burst".
 */
export function countBaselineNear(
  index: BaselineIndex,
  centroid: SparseVector,
  profile: Profile,
  options: DetectOptions,
): number {
  const round = ++index.round;
  let count = 0;
  for (const t of topTermIds(centroid, KEY_TERMS)) {
    for (let p = index.start[t]!; p < index.start[t + 1]!; p++) {
      const d = index.entries[p]!;
      if (index.stamp[d] === round) continue;
      index.stamp[d] = round;
      const s = adjustSimilarity(dotSparse(centroid, index.vectors[d]!), index.docs[d]!, profile, options);
      if (s >= options.pairSimilarity) count++;
    }
  }
  return count;
}
