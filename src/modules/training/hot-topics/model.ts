/**
 * 热点问题发现 — types and defaults of the hot-topic detector.
 *
 * A hot topic is a burst of similar requests: many people raising the same matter about the same
 * place (or the same policy) within a short time. The office or the operator confirms one, which
 * starts the 24-hour clock to train every frontline agent on it (Luohe art. 11, KPI 8).
 */
import type { Segmenter } from '../../../platform/text/segment.ts';

/** One incoming request (a work order or an online message) as the detector sees it. */
export interface HotTopicInput {
  id: string | number;
  at: Date;
  title: string;
  content: string;
  category?: string | null;
  district?: string | null;
  /** How much the request counts, e.g. 1 + reader support; default 1. */
  weight?: number;
  /**
   * Who raised it (a caller's phone hash, a user id). Optional: when known, one person repeating the
   * same request counts once, because a hot topic is many people, not one persistent one.
   */
  caller?: string | null;
  /**
   * The title's and content's words in order, as the platform segmenter's `cut` returns them, when the
   * caller already has them (e.g. stored with the order at intake): segmenting is most of the
   * detector's time, and a baseline of four weeks would otherwise be cut again on every run.
   */
  titleWords?: readonly string[];
  contentWords?: readonly string[];
}

export interface DetectOptions {
  /** End of the window (exclusive of later requests). */
  now: Date;
  windowHours: number;
  /** The period before the window taken as the normal level of each topic. */
  baselineDays: number;
  /**
   * Earliest time the history is complete from: a baseline reaching before it is scaled to the part
   * covered, so the first weeks of a data set do not all look like bursts.
   */
  historyStart: Date | null;
  /** Cosine (after the place and category adjustments) that links two requests as candidates. */
  pairSimilarity: number;
  /** Cosine to the cluster centroid a request needs to join the cluster. */
  centroidSimilarity: number;
  /** Fewest distinct people (requests when callers are unknown) in a hot topic. */
  minClusterSize: number;
  /**
   * Topics growing less than this over their baseline are left out. Default 0: the contract asks
   * for 热点 and 重点 issues, and a large steady complaint is a 重点 — it is listed, ranked low.
   */
  minGrowth: number;
  maxResults: number;
  /** How many times a title word counts against a body word: the title states the matter. */
  titleWeight: number;
  /** Only the start of a long body is read: the matter comes first, history and greetings follow. */
  maxContentChars: number;
  /**
   * Multipliers of the cosine of two requests by their places and categories. Multipliers, not
   * additions: two requests of the same district and category with no word in common stay apart.
   */
  sameDistrictFactor: number;
  /** Two known, different districts: only a near-duplicate text (a city-wide policy, one petition) still links. */
  otherDistrictFactor: number;
  sameCategoryFactor: number;
  otherCategoryFactor: number;
  /** Words dropped besides the built-in stop words (e.g. the city's own name). */
  stopWords: readonly string[];
  /** Place names compared through `district`, so they are dropped from the words. */
  placeWords: readonly string[];
  /** Defaults to the platform segmenter with the hotline dictionary. */
  segmenter: Segmenter | null;
}

export type DetectOptionsInput = Partial<DetectOptions> & { now: Date };

export const DEFAULT_DETECT_OPTIONS: Omit<DetectOptions, 'now'> = {
  windowHours: 72,
  baselineDays: 28,
  historyStart: null,
  pairSimilarity: 0.15,
  centroidSimilarity: 0.22,
  minClusterSize: 3,
  minGrowth: 0,
  maxResults: 20,
  titleWeight: 3,
  maxContentChars: 300,
  sameDistrictFactor: 1.3,
  otherDistrictFactor: 0.3,
  sameCategoryFactor: 1.1,
  otherCategoryFactor: 0.7,
  stopWords: [],
  placeWords: [],
  segmenter: null,
};

export function resolveDetectOptions(input: DetectOptionsInput): DetectOptions {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_DETECT_OPTIONS, ...defined } as DetectOptions;
}

export interface NameCount {
  name: string;
  count: number;
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface HotTopic {
  rank: number;
  /** volume × log2(1 + growth); see `scoreTopic`. */
  score: number;
  /** The top terms of the cluster centroid, the topic's label. */
  label: string[];
  /** Title of the member closest to the centroid. */
  title: string;
  representativeId: string | number;
  /** Requests in the window. */
  count: number;
  /** Distinct callers among them (a request without a caller counts as one person). */
  people: number;
  /** Sum of the members' weights. */
  weightedCount: number;
  /** Similar requests in the baseline period. */
  baselineCount: number;
  /** baselineCount scaled to the window's length: the usual number of such requests. */
  expected: number;
  /** (count + 1) / (expected + 1). */
  growth: number;
  districts: NameCount[];
  categories: NameCount[];
  memberIds: (string | number)[];
  first: Date;
  last: Date;
  /** Centroid terms with their weights (top 30), to match the same topic across windows. */
  terms: WeightedTerm[];
}
