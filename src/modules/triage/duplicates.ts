/**
 * 重复工单 — which open orders are most likely about the same matter as a new request. Pure: candidates and
 * `now` come in. Three kinds of evidence, each 0–1:
 * - text: the mean of two cosines, of jieba-word and of character-bigram TF-IDF vectors (the classifier's
 *   features; characters survive the different wording two callers use for one broken streetlight), IDF
 *   over the candidates. Measured on hand-made pairs: the same matter 0.4–0.5, another matter ≤ 0.15;
 * - place: the addresses' character-bigram overlap, or half credit for the same district;
 * - caller: the same telephone number.
 * score = (0.7·text + 0.2·place + 0.1·caller) × recency, recency falling linearly from 1 today to 0.5 at the
 * end of the window. Only candidates with text ≥ minText and score ≥ minScore are shown: a neighbour's
 * different complaint at the same address is not a duplicate.
 */
import { createSegmenter, normalizeText } from '../../platform/text/segment.ts';
import { DEFAULT_FEATURE_OPTIONS, extractTerms, type FeatureOptions, type TermCounts } from './features.ts';
import { addInt, createIntTable, getInt, setInt } from './int-table.ts';
import { blockOfTermKey } from './term-hash.ts';

export interface DuplicateCandidate {
  orderId: number;
  number: string;
  title: string;
  content: string;
  status: string;
  receivedAt: Date;
  district: string | null;
  address: string | null;
  callerPhone: string | null;
  /** extractDuplicateTerms of title and content, when cached. */
  terms?: TermCounts;
}

export interface DuplicateQuery {
  title?: string;
  content: string;
  district?: string;
  address?: string;
  phone?: string;
}

export type DuplicateReason =
  'similar_text' | 'same_address' | 'near_address' | 'same_district' | 'same_caller';

export const DUPLICATE_REASON_LABELS: Record<DuplicateReason, string> = {
  similar_text: '内容相似',
  same_address: '地址相同',
  near_address: '地址相近',
  same_district: '同一区县',
  same_caller: '同一来电号码',
};

export interface DuplicateMatch {
  orderId: number;
  number: string;
  title: string;
  status: string;
  receivedAt: Date;
  district: string | null;
  address: string | null;
  score: number;
  reasons: DuplicateReason[];
}

export interface DuplicateOptions {
  windowDays: number;
  limit: number;
  minText: number;
  minScore: number;
}

export const DEFAULT_DUPLICATE_OPTIONS: DuplicateOptions = {
  windowDays: 30,
  limit: 5,
  minText: 0.25,
  minScore: 0.2,
};

export const TEXT_FEATURES: FeatureOptions = {
  ...DEFAULT_FEATURE_OPTIONS,
  wordNgramMax: 1,
  charNgramMin: 2,
  charNgramMax: 2,
  titleRepeat: 1,
  titleBlockWeight: 0,
  minDf: 1,
};
/** Bodies past this add nothing to "is it the same matter" but cost time. */
const TEXT_LIMIT = 600;
const DAY_MS = 86_400_000;

/** The terms the text comparison uses, for one order (cache them: segmentation is the costly part). */
export function extractDuplicateTerms(doc: { title?: string; content: string }): TermCounts {
  return extractTerms(
    { title: doc.title, content: doc.content.slice(0, TEXT_LIMIT) },
    TEXT_FEATURES,
    createSegmenter(),
  );
}

/** Cosine similarity of the query with each candidate's text (`terms` when the caller has them already). */
export function computeTextSimilarities(
  query: DuplicateQuery,
  candidates: readonly { title: string; content: string; terms?: TermCounts }[],
): number[] {
  const queryTerms = extractDuplicateTerms(query);
  const docs = [queryTerms, ...candidates.map((c) => c.terms ?? extractDuplicateTerms(c))];
  // Document frequencies over the query and the candidates; no vocabulary is built (it would be sorted).
  const df = createIntTable(1 << 16);
  for (const d of docs) for (const key of d.keys) addInt(df, key, 1);
  const n = docs.length;
  const idfOfDf = Float64Array.from({ length: n + 2 }, (_, f) => Math.log((1 + n) / (1 + f)) + 1);
  const weigh = (tf: number, key: number) => (tf === 1 ? 1 : 1 + Math.log(tf)) * idfOfDf[getInt(df, key, 0)]!;
  // The query's weights, unit length per block, looked up by term key → slot.
  const slotOf = createIntTable(queryTerms.keys.length * 2);
  const queryWeight = new Float64Array(queryTerms.keys.length);
  const queryNorm = [0, 0, 0];
  queryTerms.keys.forEach((key, k) => {
    setInt(slotOf, key, k);
    queryWeight[k] = weigh(queryTerms.counts[k]!, key);
    queryNorm[blockOfTermKey(key)]! += queryWeight[k]! ** 2;
  });
  queryTerms.keys.forEach((key, k) => (queryWeight[k]! /= Math.sqrt(queryNorm[blockOfTermKey(key)]!)));
  const blocks = queryNorm.filter((x) => x > 0).length;
  return docs.slice(1).map((d) => {
    const norm = [0, 0, 0];
    const dot = [0, 0, 0];
    for (let k = 0; k < d.keys.length; k++) {
      const key = d.keys[k]!;
      const block = blockOfTermKey(key);
      const w = weigh(d.counts[k]!, key);
      norm[block]! += w * w;
      const slot = getInt(slotOf, key);
      if (slot >= 0) dot[block]! += w * queryWeight[slot]!;
    }
    let sum = 0;
    for (let b = 0; b < 3; b++) if (norm[b]! > 0) sum += dot[b]! / Math.sqrt(norm[b]!);
    // Each block (words, characters) is of unit length: the mean of the blocks' cosines.
    return blocks > 0 ? Math.min(1, sum / blocks) : 0;
  });
}

function bigrams(text: string): Set<string> {
  const s = normalizeText(text).replace(/[\s\p{P}\p{S}]+/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 2 <= s.length; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

/** Dice coefficient of the two addresses' character bigrams (1 when one contains the other). */
export function compareAddresses(a: string, b: string): number {
  const x = normalizeText(a).replace(/\s+/g, '');
  const y = normalizeText(b).replace(/\s+/g, '');
  if (!x || !y) return 0;
  if (Math.min(x.length, y.length) >= 4 && (x.includes(y) || y.includes(x))) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  let shared = 0;
  for (const g of bx) if (by.has(g)) shared++;
  return bx.size + by.size > 0 ? (2 * shared) / (bx.size + by.size) : 0;
}

const digitsOf = (phone: string) => phone.replace(/\D/g, '').slice(-11);

export function rankDuplicates(
  query: DuplicateQuery,
  candidates: readonly DuplicateCandidate[],
  now: Date,
  options: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS,
): DuplicateMatch[] {
  const texts = computeTextSimilarities(query, candidates);
  const matches: DuplicateMatch[] = [];
  candidates.forEach((c, i) => {
    const text = texts[i]!;
    if (text < options.minText) return;
    const ageDays = Math.max(0, (now.getTime() - c.receivedAt.getTime()) / DAY_MS);
    if (ageDays > options.windowDays) return;
    const reasons: DuplicateReason[] = ['similar_text'];
    const address = query.address && c.address ? compareAddresses(query.address, c.address) : 0;
    const sameDistrict = !!query.district && !!c.district && query.district.trim() === c.district.trim();
    if (address >= 0.8) reasons.push('same_address');
    else if (address >= 0.5) reasons.push('near_address');
    else if (sameDistrict) reasons.push('same_district');
    const place = Math.max(address >= 0.5 ? address : 0, sameDistrict ? 0.5 : 0);
    const caller =
      !!query.phone &&
      !!c.callerPhone &&
      digitsOf(query.phone).length >= 5 &&
      digitsOf(query.phone) === digitsOf(c.callerPhone)
        ? 1
        : 0;
    if (caller) reasons.push('same_caller');
    const recency = 1 - (0.5 * ageDays) / options.windowDays;
    const score = (0.7 * text + 0.2 * place + 0.1 * caller) * recency;
    if (score < options.minScore) return;
    matches.push({
      orderId: c.orderId,
      number: c.number,
      title: c.title,
      status: c.status,
      receivedAt: c.receivedAt,
      district: c.district,
      address: c.address,
      score: Math.round(score * 10_000) / 10_000,
      reasons,
    });
  });
  return matches
    .sort((a, b) => b.score - a.score || b.receivedAt.getTime() - a.receivedAt.getTime())
    .slice(0, options.limit);
}
