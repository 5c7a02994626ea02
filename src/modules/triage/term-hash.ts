/**
 * 32-bit term hashes (MurmurHash3's mixing steps over UTF-16 code units).
 *
 * The classifier keys its features by hash, not by string: character n-grams are hashed straight
 * from the text without building a string each, and the model stores 4 bytes per feature instead
 * of the term. Among the ~10⁶ distinct terms of 10⁴ documents, a 30-bit space makes a few hundred
 * colliding pairs, nearly all between rare terms that min-df drops anyway.
 */

function mixUnit(h: number, unit: number): number {
  let k = Math.imul(unit, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finishHash(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Hash of `text.slice(start, end)` without building the slice. */
export function hashRange(text: string, start: number, end: number, seed: number): number {
  let h = seed;
  for (let i = start; i < end; i++) h = mixUnit(h, text.charCodeAt(i));
  return finishHash(h, end - start);
}

export function hashString(text: string, seed: number): number {
  return hashRange(text, 0, text.length, seed);
}

/** Hash of an ordered pair of hashes (a word bigram from its two words' hashes). */
export function hashPair(first: number, second: number, seed: number): number {
  return finishHash(mixUnit(mixUnit(seed, first), second), 2);
}

/**
 * A feature key: the block (0–3) in the top two bits, so the block of a kept feature can be
 * recovered from its key alone, and 30 bits of hash; never 0.
 */
export function makeTermKey(block: number, hash: number): number {
  const bits = hash & 0x3fffffff;
  // 0 is IntTable's empty-slot marker; giving up one hash value of 2³⁰ costs nothing.
  return (block << 30) | (bits === 0 ? 1 : bits);
}

export function blockOfTermKey(key: number): number {
  return key >>> 30;
}
