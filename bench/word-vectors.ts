/**
 * Corpus-trained word meaning by random indexing (Kanerva, Kristoferson & Holst 2000; Sahlgren 2005), built
 * from the articles themselves at index time: no model file, no download. Pure: no I/O.
 *
 * Every document gets a fixed sparse random "index vector" (a few ±1 in DIMENSIONS places, from its key). A
 * term's vector is the sum of the index vectors of the documents it occurs in, so two terms that occur in the
 * same documents (医保局 and 医疗保险) get similar vectors even when no document says both in one sentence: a
 * random projection of the term–document matrix, which approximates LSA's similarities (Sahlgren 2005)
 * without its SVD, and which takes documents in and out one at a time as the BM25 index does.
 *
 * A text's meaning vector is the IDF-weighted sum of its terms' unit vectors; two texts are compared by
 * cosine. Used by the second stage to give a short reply that uses other words for the same matter
 * ("已转医保局核查" for a question on 农村医疗保险) some credit that word matching cannot.
 */

/** Dimensions of the vectors: enough that random index vectors of thousands of documents stay near-orthogonal. */
export const DIMENSIONS = 256;
/** Non-zero entries of a document's index vector (half +1, half −1). */
const NON_ZEROS = 8;

/** A document's index vector, as positions (+1 first half, −1 second half), fixed by a hash of its key. */
function indexPositions(key: string): Int16Array {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  const out = new Int16Array(NON_ZEROS);
  const used = new Set<number>();
  for (let i = 0; i < NON_ZEROS;) {
    // mulberry32 step
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), h | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const p = ((t ^ (t >>> 14)) >>> 0) % DIMENSIONS;
    if (used.has(p)) continue;
    used.add(p);
    out[i++] = p;
  }
  return out;
}

/** How much one occurrence count adds: sublinear, so a word repeated in one long reply does not dominate. */
const tfWeight = (tf: number) => 1 + Math.log(tf);

export class RandomIndexing<K> {
  private readonly vectors = new Map<string, Float32Array>();
  private readonly docs = new Map<K, ReadonlyMap<string, number>>();

  get size(): number {
    return this.docs.size;
  }

  /** Adds (or replaces) the document `key` with its term counts: its index vector joins each term's vector. */
  add(key: K, tf: ReadonlyMap<string, number>): void {
    this.remove(key);
    this.docs.set(key, tf);
    this.apply(key, tf, 1);
  }

  remove(key: K): void {
    const tf = this.docs.get(key);
    if (!tf) return;
    this.docs.delete(key);
    this.apply(key, tf, -1);
  }

  private apply(key: K, tf: ReadonlyMap<string, number>, sign: number): void {
    const pos = indexPositions(String(key));
    const half = NON_ZEROS / 2;
    for (const [term, f] of tf) {
      if (!(f > 0)) continue;
      let v = this.vectors.get(term);
      if (!v) this.vectors.set(term, (v = new Float32Array(DIMENSIONS)));
      const w = sign * tfWeight(f);
      for (let i = 0; i < NON_ZEROS; i++) v[pos[i]!]! += i < half ? w : -w;
      if (sign < 0 && v.every((x) => Math.abs(x) < 1e-6)) this.vectors.delete(term);
    }
  }

  /**
   * The meaning vector of a text given as term counts, each term weighted by `weight` (its IDF, say) and
   * sublinearly by its count; unit length (all zeros when no term is known).
   */
  meaningOf(tf: ReadonlyMap<string, number>, weight: (term: string) => number): Float32Array {
    const out = new Float32Array(DIMENSIONS);
    for (const [term, f] of tf) {
      const v = this.vectors.get(term);
      if (!v || !(f > 0)) continue;
      const w = weight(term) * tfWeight(f);
      if (!(w > 0)) continue;
      let norm = 0;
      for (let i = 0; i < DIMENSIONS; i++) norm += v[i]! * v[i]!;
      if (norm === 0) continue;
      const k = w / Math.sqrt(norm);
      for (let i = 0; i < DIMENSIONS; i++) out[i]! += k * v[i]!;
    }
    return normalise(out);
  }

  /** The meaning vector of an indexed document (zeros when unknown). */
  meaningOfDocument(key: K, weight: (term: string) => number): Float32Array {
    const tf = this.docs.get(key);
    return tf ? this.meaningOf(tf, weight) : new Float32Array(DIMENSIONS);
  }
}

function normalise(v: Float32Array): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i]! * v[i]!;
  if (n === 0) return v;
  const k = 1 / Math.sqrt(n);
  for (let i = 0; i < v.length; i++) v[i]! *= k;
  return v;
}

/** Cosine of two unit vectors (0 when either is all zeros). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
