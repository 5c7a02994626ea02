/**
 * TF-IDF vectors over the requests of one detection (window + baseline), and the sparse arithmetic
 * the clustering needs. Vectors hold ascending term ids in typed arrays so that a cosine is one merge.
 */
import type { PreparedRequest } from './terms.ts';

export interface SparseVector {
  ids: Int32Array;
  values: Float32Array;
}

/**
 * Smoothed IDF, ln((1 + N) / (1 + df)) + 1 (as scikit-learn), over the given requests only: a word is
 * rare or common relative to the weeks being looked at, so a topic filling the window stays telling
 * because the baseline weeks do not contain it.
 */
export function computeIdf(docs: readonly PreparedRequest[], vocabularySize: number): Float32Array {
  const df = new Int32Array(vocabularySize);
  for (const doc of docs) for (const id of doc.termIds) df[id]!++;
  const idf = new Float32Array(vocabularySize);
  const n = docs.length;
  for (let id = 0; id < vocabularySize; id++) idf[id] = Math.log((1 + n) / (1 + df[id]!)) + 1;
  return idf;
}

/** Sublinear tf (1 + ln tf) × idf, L2-normalised. */
export function vectorizeRequest(doc: PreparedRequest, idf: Float32Array): SparseVector {
  const values = new Float32Array(doc.termIds.length);
  let norm2 = 0;
  for (let k = 0; k < values.length; k++) {
    const v = (1 + Math.log(doc.tf[k]!)) * idf[doc.termIds[k]!]!;
    values[k] = v;
    norm2 += v * v;
  }
  const scale = norm2 > 0 ? 1 / Math.sqrt(norm2) : 0;
  for (let k = 0; k < values.length; k++) values[k] = values[k]! * scale;
  return { ids: doc.termIds, values };
}

export function dotSparse(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) sum += a.values[i++]! * b.values[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return sum;
}

/**
 * Inverted index in CSR form: the requests containing term `t` are `entries[start[t] .. start[t + 1])`,
 * in request order, with the term's weight in each.
 */
export interface Postings {
  start: Int32Array;
  entries: Int32Array;
  weights: Float32Array;
}

export function buildPostings(vectors: readonly SparseVector[], vocabularySize: number): Postings {
  const start = new Int32Array(vocabularySize + 1);
  for (const v of vectors) for (const id of v.ids) start[id + 1]!++;
  for (let t = 0; t < vocabularySize; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, vocabularySize);
  const entries = new Int32Array(start[vocabularySize]!);
  const weights = new Float32Array(entries.length);
  vectors.forEach((v, d) => {
    for (let k = 0; k < v.ids.length; k++) {
      const p = fill[v.ids[k]!]!++;
      entries[p] = d;
      weights[p] = v.values[k]!;
    }
  });
  return { start, entries, weights };
}

/** Ids of the `k` largest values of a vector: the terms that say most about it. */
export function topTermIds(v: SparseVector, k: number): number[] {
  const order = Array.from(v.ids.keys()).sort((a, b) => v.values[b]! - v.values[a]! || v.ids[a]! - v.ids[b]!);
  return order.slice(0, k).map((i) => v.ids[i]!);
}

/**
 * A running sum of vectors over a dense scratch array, so that adding a member and taking the cosine
 * of a candidate with the centroid cost the size of the sparse vector, not of the vocabulary.
 */
export interface CentroidSum {
  sum: Float64Array;
  touched: number[];
  norm2: number;
}

export function createCentroidSum(vocabularySize: number): CentroidSum {
  return { sum: new Float64Array(vocabularySize), touched: [], norm2: 0 };
}

export function addToCentroid(c: CentroidSum, v: SparseVector): void {
  for (let k = 0; k < v.ids.length; k++) {
    const id = v.ids[k]!;
    const old = c.sum[id]!;
    if (old === 0) c.touched.push(id);
    const next = old + v.values[k]!;
    c.sum[id] = next;
    c.norm2 += next * next - old * old;
  }
}

export function cosineToCentroid(c: CentroidSum, v: SparseVector): number {
  if (c.norm2 <= 0) return 0;
  let dot = 0;
  for (let k = 0; k < v.ids.length; k++) dot += c.sum[v.ids[k]!]! * v.values[k]!;
  return dot / Math.sqrt(c.norm2);
}

/** The normalised centroid as a sparse vector; clears the scratch array for the next cluster. */
export function takeCentroid(c: CentroidSum): SparseVector {
  const ids = Int32Array.from(c.touched).sort();
  const values = new Float32Array(ids.length);
  const scale = c.norm2 > 0 ? 1 / Math.sqrt(c.norm2) : 0;
  ids.forEach((id, k) => {
    values[k] = c.sum[id]! * scale;
    c.sum[id] = 0;
  });
  c.touched = [];
  c.norm2 = 0;
  return { ids, values };
}
