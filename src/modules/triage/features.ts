/**
 * Text → sparse TF-IDF vectors.
 *
 * Three feature blocks, each L2-normalised on its own and then weighted, so that a long body
 * cannot drown the title and words cannot drown characters (the FeatureUnion layout that
 * works best on short Chinese texts):
 * - words: jieba words and word bigrams of title + body, the title counted `titleRepeat` times;
 * - chars: character n-grams of title + body, which survive segmentation errors and typos;
 * - title: words and characters of the title alone, because the title states the matter most
 *   directly while bodies wander (greetings, history, addresses).
 */
import { normalizeText, type Segmenter } from '../../platform/text/segment.ts';
import { addInt, createIntTable, forEachInt, getInt, setInt, type IntTable } from './int-table.ts';
import type { SparseVector } from './model.ts';
import { blockOfTermKey, hashPair, hashRange, hashString, makeTermKey } from './term-hash.ts';

export interface FeatureOptions {
  /** 0 = no word features, 1 = unigrams, 2 = unigrams + bigrams. */
  wordNgramMax: number;
  charNgramMin: number;
  /** 0 = no character features. */
  charNgramMax: number;
  /** How many times title terms count in the words and chars blocks. */
  titleRepeat: number;
  /** Weight of the separate title block; 0 = no title block. */
  titleBlockWeight: number;
  wordBlockWeight: number;
  charBlockWeight: number;
  /** tf → 1 + ln(tf): the tenth mention of 物业 says less than the first. */
  sublinearTf: boolean;
  /** Replace every digit by 0: house numbers and dates carry no category. */
  foldDigits: boolean;
  /** Terms in fewer training documents are dropped (typos, names, one-off numbers). */
  minDf: number;
  /** Keep at most this many terms, the most frequent by document frequency; 0 = no cap. */
  maxFeatures: number;
}

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = {
  wordNgramMax: 2,
  charNgramMin: 1,
  charNgramMax: 3,
  titleRepeat: 2,
  titleBlockWeight: 0.7,
  wordBlockWeight: 1,
  charBlockWeight: 1,
  sublinearTf: true,
  foldDigits: true,
  minDf: 2,
  maxFeatures: 0,
};

/** The distinct terms of one document (keys from makeTermKey) and their (weighted) counts. */
export interface TermCounts {
  keys: Int32Array;
  counts: Float32Array;
}

export interface Vocabulary {
  /** Term key of each feature column. */
  keys: Int32Array;
  idf: Float32Array;
  /** Term key → column. */
  columnOf: IntTable;
}

const BLOCK_WORDS = 0;
const BLOCK_CHARS = 1;
const BLOCK_TITLE = 2;
const BLOCK_COUNT = 3;
/** Distinct seeds keep unigrams, bigrams and characters of one block apart. */
const SEED_WORD = 0x1234567;
const SEED_BIGRAM = 0x2345678;
const SEED_CHAR = 0x3456789;
const SEPARATOR = /[\s\p{P}\p{S}\p{C}]+/u;

export function extractTerms(
  doc: { title?: string; content: string },
  options: FeatureOptions,
  segmenter: Segmenter,
): TermCounts {
  const counts = new Map<number, number>();
  const title = prepareText(doc.title ?? '', options);
  const body = prepareText(doc.content, options);
  const titleWords = options.wordNgramMax > 0 || options.titleBlockWeight > 0 ? segmenter.cut(title) : [];
  const titleRuns = splitRuns(title);
  const { charNgramMin: minN, charNgramMax: maxN, wordNgramMax, titleRepeat } = options;
  if (wordNgramMax > 0) {
    addWordNgrams(counts, BLOCK_WORDS, titleWords, wordNgramMax, titleRepeat);
    addWordNgrams(counts, BLOCK_WORDS, segmenter.cut(body), wordNgramMax, 1);
  }
  if (maxN > 0) {
    addCharNgrams(counts, BLOCK_CHARS, titleRuns, minN, maxN, titleRepeat);
    addCharNgrams(counts, BLOCK_CHARS, splitRuns(body), minN, maxN, 1);
  }
  if (options.titleBlockWeight > 0) {
    addWordNgrams(counts, BLOCK_TITLE, titleWords, Math.max(1, wordNgramMax), 1);
    addCharNgrams(counts, BLOCK_TITLE, titleRuns, 1, Math.max(2, maxN), 1);
  }
  return packCounts(counts);
}

function packCounts(map: Map<number, number>): TermCounts {
  const keys = new Int32Array(map.size);
  const counts = new Float32Array(map.size);
  let k = 0;
  map.forEach((count, key) => {
    keys[k] = key;
    counts[k++] = count;
  });
  return { keys, counts };
}

function prepareText(text: string, options: FeatureOptions): string {
  const normalized = normalizeText(text);
  return options.foldDigits ? normalized.replace(/[0-9]/g, '0') : normalized;
}

function splitRuns(text: string): string[] {
  return text.split(SEPARATOR).filter((run) => run.length > 0);
}

function addWordNgrams(
  counts: Map<number, number>,
  block: number,
  words: string[],
  maxN: number,
  weight: number,
) {
  let previous = 0;
  for (let i = 0; i < words.length; i++) {
    const hash = hashString(words[i]!, SEED_WORD);
    increment(counts, makeTermKey(block, hash), weight);
    if (maxN >= 2 && i > 0)
      increment(counts, makeTermKey(block, hashPair(previous, hash, SEED_BIGRAM)), weight);
    previous = hash;
  }
}

/** N-grams of UTF-16 code units: a rare character outside the BMP just yields two units. */
function addCharNgrams(
  counts: Map<number, number>,
  block: number,
  runs: string[],
  minN: number,
  maxN: number,
  weight: number,
) {
  for (const run of runs) {
    for (let n = minN; n <= maxN; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        increment(counts, makeTermKey(block, hashRange(run, i, i + n, SEED_CHAR + n)), weight);
      }
    }
  }
}

function increment(counts: Map<number, number>, key: number, by: number) {
  counts.set(key, (counts.get(key) ?? 0) + by);
}

/**
 * Vocabulary and smoothed IDF (ln((1 + N) / (1 + df)) + 1, as scikit-learn) from training documents.
 * Column order is deterministic: by document frequency, then by key.
 */
export function buildVocabulary(docs: readonly TermCounts[], options: FeatureOptions): Vocabulary {
  const df = createIntTable(1 << 16);
  for (const doc of docs) for (const key of doc.keys) addInt(df, key, 1);
  const keptKeys: number[] = [];
  const keptDf: number[] = [];
  forEachInt(df, (key, count) => {
    if (count >= options.minDf) {
      keptKeys.push(key);
      keptDf.push(count);
    }
  });
  let order = keptKeys
    .map((_, i) => i)
    .sort((a, b) => keptDf[b]! - keptDf[a]! || keptKeys[a]! - keptKeys[b]!);
  if (options.maxFeatures > 0) order = order.slice(0, options.maxFeatures);
  const n = docs.length;
  const keys = Int32Array.from(order, (i) => keptKeys[i]!);
  const idf = Float32Array.from(order, (i) => Math.log((1 + n) / (1 + keptDf[i]!)) + 1);
  return { keys, idf, columnOf: indexKeys(keys) };
}

export function indexKeys(keys: Int32Array): IntTable {
  const columnOf = createIntTable(keys.length);
  keys.forEach((key, column) => setInt(columnOf, key, column));
  return columnOf;
}

export function vectorizeTerms(
  counts: TermCounts,
  vocabulary: Vocabulary,
  options: FeatureOptions,
): SparseVector {
  const columns = new Int32Array(counts.keys.length);
  const raw = new Float64Array(counts.keys.length);
  const blocks = new Uint8Array(counts.keys.length);
  const blockNorm = new Float64Array(BLOCK_COUNT);
  let found = 0;
  for (let k = 0; k < counts.keys.length; k++) {
    const key = counts.keys[k]!;
    const column = getInt(vocabulary.columnOf, key);
    if (column < 0) continue;
    const tf = counts.counts[k]!;
    const value = (options.sublinearTf ? 1 + Math.log(tf) : tf) * vocabulary.idf[column]!;
    const block = blockOfTermKey(key);
    columns[found] = column;
    raw[found] = value;
    blocks[found++] = block;
    blockNorm[block] = blockNorm[block]! + value * value;
  }
  const blockWeight = [options.wordBlockWeight, options.charBlockWeight, options.titleBlockWeight];
  const scale = Array.from(blockNorm, (ss, b) => (ss > 0 ? blockWeight[b]! / Math.sqrt(ss) : 0));
  const values = new Float32Array(found);
  for (let k = 0; k < found; k++) values[k] = raw[k]! * scale[blocks[k]!]!;
  return { indices: columns.slice(0, found), values };
}
