/**
 * An in-memory Okapi BM25 inverted index (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25
 * and Beyond", 2009) that takes documents in and out one at a time. Pure: no I/O.
 *
 * Fields are weighted BM25F-style by repetition: a term's frequency in the document is the weighted sum of its
 * frequencies in the fields, and the document length the weighted sum of the field lengths, so one k1 and one b
 * apply (the simplification of BM25F with a shared length normalisation).
 *
 * Postings are packed as `slot << 8 | min(tf, 255)` (up to 8 million slots) in plain arrays of small integers (one number a posting,
 * not two), so 20,000 articles of a page each take tens of MB. A document taken out leaves a dead slot that the
 * scorer skips; df and the average length count live documents only, so scores are exact. The owner rebuilds
 * the index when dead slots pile up (`deadShare`).
 */

export interface Bm25Params {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation: 0 none, 1 full. */
  b: number;
}

const TF_CAP = 255;

export class Bm25Index<K> {
  private readonly termIds = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly postings: number[][] = [];
  private readonly df: number[] = [];
  private readonly slotTerms: Int32Array[] = [];
  private readonly slotLen: number[] = [];
  private readonly slotKey: (K | undefined)[] = [];
  private readonly slotOf = new Map<K, number>();
  private totalLen = 0;

  constructor(readonly params: Bm25Params) {}

  get size(): number {
    return this.slotOf.size;
  }

  get slots(): number {
    return this.slotKey.length;
  }

  /** Share of slots left by documents taken out. */
  get deadShare(): number {
    return this.slots === 0 ? 0 : 1 - this.size / this.slots;
  }

  keyOf(slot: number): K | undefined {
    return this.slotKey[slot];
  }

  /** Adds (or replaces) the document `key` with its term frequencies (already field-weighted). */
  add(key: K, tf: ReadonlyMap<string, number>): void {
    this.remove(key);
    this.norms = null;
    this.unitNorms = null;
    const slot = this.slotKey.length;
    const ids = new Int32Array(tf.size);
    let len = 0;
    let i = 0;
    for (const [term, f] of tf) {
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.postings.length;
        this.termIds.set(term, id);
        this.terms.push(term);
        this.postings.push([]);
        this.df.push(0);
      }
      this.postings[id]!.push((slot << 8) | Math.min(TF_CAP, Math.max(1, Math.round(f))));
      this.df[id]! += 1;
      ids[i++] = id;
      len += f;
    }
    this.slotTerms.push(ids);
    this.slotLen.push(len);
    this.slotKey.push(key);
    this.slotOf.set(key, slot);
    this.totalLen += len;
  }

  remove(key: K): void {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return;
    this.norms = null;
    this.unitNorms = null;
    for (const id of this.slotTerms[slot]!) this.df[id]! -= 1;
    this.totalLen -= this.slotLen[slot]!;
    this.slotTerms[slot] = new Int32Array(0);
    this.slotKey[slot] = undefined;
    this.slotOf.delete(key);
  }

  /** The terms of the document `key` (none when it is not in the index). */
  termsOf(key: K): string[] {
    const slot = this.slotOf.get(key);
    return slot === undefined ? [] : Array.from(this.slotTerms[slot]!, (id) => this.terms[id]!);
  }

  /** Documents holding the term. */
  docFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.df[id]!;
  }

  /** Robertson–Spärck Jones IDF, kept positive (Lucene's form): ln(1 + (N − n + 0.5) / (n + 0.5)). */
  idf(n: number): number {
    return Math.log(1 + (this.size - n + 0.5) / (n + 0.5));
  }

  /**
   * Per slot, the denominator's length part k1 · (1 − b + b · len / avg); Infinity for a dead slot, whose
   * terms then add nothing. Cached until the next add or remove.
   */
  private norms: Float64Array | null = null;

  private lengthNorms(): Float64Array {
    if (this.norms) return this.norms;
    const { k1, b } = this.params;
    const avg = this.totalLen / (this.size || 1) || 1;
    const out = new Float64Array(this.slots);
    for (let s = 0; s < out.length; s++) {
      out[s] = this.slotKey[s] === undefined ? Infinity : k1 * (1 - b + (b * this.slotLen[s]!) / avg);
    }
    this.norms = out;
    return out;
  }

  /**
   * Adds weight · BM25 of the query to `scores` (indexed by slot; sized to `slots`). Each query term counts
   * with its weight (its frequency in the query times any caller's factor). Terms held by more than `maxShare`
   * of the documents are skipped (see search.ts for when).
   */
  scoreInto(query: ReadonlyMap<string, number>, weight: number, scores: Float64Array, maxShare = 1): void {
    const n = this.size;
    if (n === 0) return;
    const norms = this.lengthNorms();
    const k1 = this.params.k1;
    for (const [term, qw] of query) {
      const id = this.termIds.get(term);
      const df = id === undefined ? 0 : this.df[id]!;
      if (df === 0 || df > maxShare * n) continue;
      const w = weight * qw * this.idf(df) * (k1 + 1);
      const list = this.postings[id!]!;
      for (let j = 0; j < list.length; j++) {
        const p = list[j]!;
        const slot = p >>> 8;
        const f = p & 255;
        scores[slot]! += (w * f) / (f + norms[slot]!);
      }
    }
  }

  /**
   * Per slot, the length of the document's tf-idf vector, (1 + ln tf) · idf over all its terms; 0 for a dead
   * slot. Computed over every posting once and cached until the next add or remove (idf moves with N).
   */
  private unitNorms: Float64Array | null = null;

  private tfIdfNorms(): Float64Array {
    if (this.unitNorms) return this.unitNorms;
    const out = new Float64Array(this.slots);
    for (let id = 0; id < this.postings.length; id++) {
      const df = this.df[id]!;
      if (df === 0) continue;
      const idf = this.idf(df);
      for (const p of this.postings[id]!) {
        const slot = p >>> 8;
        if (this.slotKey[slot] === undefined) continue;
        const w = (1 + Math.log(p & 255)) * idf;
        out[slot]! += w * w;
      }
    }
    for (let s = 0; s < out.length; s++) out[s] = Math.sqrt(out[s]!);
    this.unitNorms = out;
    return out;
  }

  /**
   * Adds weight · the cosine of the query's and each document's tf-idf vectors ((1 + ln tf) · idf, Salton's
   * vector space model) to `scores`. Unlike BM25, the measure is symmetric: a document is judged by how much of
   * *its own* weight the query shares, so a two-line reply whose every rare term the message uses scores high
   * although it matches few terms. Terms held by more than `maxShare` of the documents are left out of the
   * query (and so of the numerator) as in scoreInto.
   */
  cosineInto(query: ReadonlyMap<string, number>, weight: number, scores: Float64Array, maxShare = 1): void {
    const n = this.size;
    if (n === 0) return;
    const norms = this.tfIdfNorms();
    const kept: [number, number][] = [];
    let qNorm = 0;
    for (const [term, qf] of query) {
      const id = this.termIds.get(term);
      const df = id === undefined ? 0 : this.df[id]!;
      if (df === 0 || df > maxShare * n || !(qf > 0)) continue;
      const idf = this.idf(df);
      const w = Math.max(0, 1 + Math.log(qf)) * idf;
      qNorm += w * w;
      kept.push([id!, w * idf]);
    }
    if (qNorm === 0) return;
    const k = weight / Math.sqrt(qNorm);
    for (const [id, wIdf] of kept) {
      const list = this.postings[id]!;
      for (let j = 0; j < list.length; j++) {
        const p = list[j]!;
        const slot = p >>> 8;
        const norm = norms[slot]!;
        if (norm > 0) scores[slot]! += (k * wIdf * (1 + Math.log(p & 255))) / norm;
      }
    }
  }
}
