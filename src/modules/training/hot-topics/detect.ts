/**
 * 热点问题发现 — bursts of similar requests in a sliding window, ranked by volume and growth.
 *
 * 1. Words (and word bigrams) of title + body, the title counted more, stop words dropped (`terms.ts`).
 * 2. TF-IDF over the window and the baseline weeks before it (`vectors.ts`).
 * 3. Clusters of the window's requests grown around dense seeds, with district and category as
 *    strong signals (`cluster.ts`).
 * 4. For each cluster: the baseline requests near its centroid, scaled to the window's length, give
 *    the usual level; growth and score follow (`baseline.ts`, `describe.ts`).
 */
import { countBaselineNear, indexBaseline } from './baseline.ts';
import { growClusters } from './cluster.ts';
import { describeTopic } from './describe.ts';
import { findNeighbours } from './neighbours.ts';
import {
  resolveDetectOptions,
  type DetectOptions,
  type DetectOptionsInput,
  type HotTopic,
  type HotTopicInput,
} from './model.ts';
import { prepareRequests, sortRequests, type PreparedRequest, type TermDictionary } from './terms.ts';
import { computeIdf, vectorizeRequest } from './vectors.ts';

const HOUR_MS = 3_600_000;

export function detectHotTopics(requests: readonly HotTopicInput[], input: DetectOptionsInput): HotTopic[] {
  const options = resolveDetectOptions(input);
  const { windowStart, baselineStart, now } = windowBounds(options);
  const relevant = requests.filter((r) => r.at.getTime() > baselineStart && r.at.getTime() <= now);
  const { docs, dictionary } = prepareRequests(sortRequests(relevant), options);
  const split = docs.findIndex((d) => d.time > windowStart);
  const cut = split < 0 ? docs.length : split;
  return detectPrepared(docs.slice(cut), docs.slice(0, cut), dictionary, options);
}

export function windowBounds(options: Pick<DetectOptions, 'now' | 'windowHours' | 'baselineDays'>) {
  const now = options.now.getTime();
  const windowStart = now - options.windowHours * HOUR_MS;
  const baselineStart = windowStart - options.baselineDays * 24 * HOUR_MS;
  return { now, windowStart, baselineStart };
}

/**
 * The detection proper, on requests already cut into words: the window's requests (time in
 * (now − window, now]) and the baseline's (the `baselineDays` before), each in time order.
 */
export function detectPrepared(
  window: readonly PreparedRequest[],
  baseline: readonly PreparedRequest[],
  dictionary: TermDictionary,
  options: DetectOptions,
): HotTopic[] {
  if (window.length < options.minClusterSize) return [];
  const vocabularySize = dictionary.terms.length;
  const idf = computeIdf([...window, ...baseline], vocabularySize);
  const vectors = window.map((d) => vectorizeRequest(d, idf));
  const hood = findNeighbours(window, vectors, vocabularySize, options);
  const clusters = growClusters(window, vectors, hood, vocabularySize, options);
  if (clusters.length === 0) return [];
  const baselineIndex = indexBaseline(
    baseline,
    baseline.map((d) => vectorizeRequest(d, idf)),
    vocabularySize,
  );
  const scale = options.windowHours / coveredBaselineHours(options);
  const topics = clusters.map((cluster) => {
    const count = countBaselineNear(baselineIndex, cluster.centroid, cluster.profile, options);
    return describeTopic(cluster, window, vectors, dictionary, { count, expected: count * scale });
  });
  return topics
    .filter((t) => t.growth >= options.minGrowth)
    .sort((a, b) => b.score - a.score || a.first.getTime() - b.first.getTime())
    .slice(0, options.maxResults)
    .map((t, i) => ({ ...t, rank: i + 1 }));
}

/**
 * Hours of baseline that the history covers. At least one window's length: a baseline of a few hours
 * scaled up to three days would turn one stray request into a large expected level.
 */
function coveredBaselineHours(options: DetectOptions): number {
  const { windowStart, baselineStart } = windowBounds(options);
  const start = Math.max(baselineStart, options.historyStart?.getTime() ?? -Infinity);
  return Math.max(options.windowHours, (windowStart - start) / HOUR_MS);
}
