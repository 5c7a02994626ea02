/**
 * The detector run over a history, step by step (a day by default), and the clusters found on
 * consecutive steps merged into topic episodes: when a matter started, peaked and ended, and how many
 * requests it drew in all. For evaluation and for the hot-topics board.
 */
import { countPeople } from './signals.ts';
import { countNames } from './describe.ts';
import { detectPrepared, windowBounds } from './detect.ts';
import {
  resolveDetectOptions,
  type DetectOptions,
  type HotTopic,
  type HotTopicInput,
  type NameCount,
  type WeightedTerm,
} from './model.ts';
import { prepareRequests, sortRequests, type PreparedRequest } from './terms.ts';

export interface ScanOptions extends Partial<Omit<DetectOptions, 'now'>> {
  from: Date;
  to: Date;
  stepHours?: number;
  /** A cluster continues an episode if they share this share of the smaller member set … */
  mergeOverlap?: number;
  /** … or their centroid terms have at least this cosine. */
  mergeSimilarity?: number;
  /**
   * Hours an episode may go undetected and still continue (two weeks). On a sparse stream a matter
   * that keeps coming back (伊景园滨河苑: five weeks of complaints) dips below the cluster size between
   * flare-ups, and the board should show one matter, not five.
   */
  maxGapHours?: number;
}

export interface TopicEpisode {
  rank: number;
  /** Time of the first and last member request. */
  start: Date;
  end: Date;
  /** End of the window in which the topic scored highest. */
  peakAt: Date;
  detections: number;
  count: number;
  people: number;
  weightedCount: number;
  peakScore: number;
  peakGrowth: number;
  peakCount: number;
  peakExpected: number;
  label: string[];
  title: string;
  representativeId: string | number;
  districts: NameCount[];
  categories: NameCount[];
  memberIds: (string | number)[];
  terms: WeightedTerm[];
}

export interface ScanStep {
  now: Date;
  topics: HotTopic[];
}

export interface HistoryScan {
  steps: ScanStep[];
  episodes: TopicEpisode[];
}

const HOUR_MS = 3_600_000;

export function scanHistory(requests: readonly HotTopicInput[], scan: ScanOptions): HistoryScan {
  const stepMs = (scan.stepHours ?? 24) * HOUR_MS;
  const base = resolveDetectOptions({ ...scan, now: scan.from });
  const earliest = requests.reduce((m, r) => Math.min(m, r.at.getTime()), Infinity);
  const historyStart = base.historyStart ?? (Number.isFinite(earliest) ? new Date(earliest) : null);
  const { docs, dictionary } = prepareRequests(sortRequests(requests), base);
  const times = Float64Array.from(docs, (d) => d.time);
  const steps: ScanStep[] = [];
  for (let t = scan.from.getTime() + stepMs; t <= scan.to.getTime(); t += stepMs) {
    const options = { ...base, historyStart, now: new Date(t) };
    const bounds = windowBounds(options);
    const b0 = upperBound(times, bounds.baselineStart);
    const w0 = upperBound(times, bounds.windowStart);
    const w1 = upperBound(times, bounds.now);
    const topics = detectPrepared(docs.slice(w0, w1), docs.slice(b0, w0), dictionary, options);
    steps.push({ now: options.now, topics });
  }
  const byId = new Map(docs.map((d) => [d.input.id, d]));
  return { steps, episodes: mergeEpisodes(steps, scan, byId) };
}

/** First index whose time is after `t`: windows are (start, end]. */
function upperBound(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface OpenEpisode {
  episode: TopicEpisode;
  members: Set<string | number>;
  lastSeen: number;
  lastTopic: HotTopic;
  /** Sum of the centroid terms of every detection: the episode's vocabulary as it drifts. */
  profile: Map<string, number>;
}

export function mergeEpisodes(
  steps: readonly ScanStep[],
  scan: Pick<ScanOptions, 'mergeOverlap' | 'mergeSimilarity' | 'maxGapHours'>,
  requestsById: ReadonlyMap<string | number, PreparedRequest>,
): TopicEpisode[] {
  const reach = (scan.maxGapHours ?? 14 * 24) * HOUR_MS;
  const overlap = scan.mergeOverlap ?? 0.3;
  const similarity = scan.mergeSimilarity ?? 0.4;
  const all: OpenEpisode[] = [];
  for (const step of steps) {
    const now = step.now.getTime();
    const open = all.filter((e) => now - e.lastSeen <= reach);
    for (const topic of step.topics) {
      const match = findEpisode(open, topic, overlap, similarity);
      if (match) extendEpisode(match, topic, now);
      else all.push(openEpisode(topic, now));
    }
  }
  return all
    .map((e) => finishEpisode(e, requestsById))
    .sort((a, b) => b.peakScore - a.peakScore || a.start.getTime() - b.start.getTime())
    .map((e, i) => ({ ...e, rank: i + 1 }));
}

function findEpisode(open: readonly OpenEpisode[], topic: HotTopic, overlap: number, similarity: number) {
  let best: OpenEpisode | null = null;
  let bestScore = 0;
  for (const e of open) {
    const shared = topic.memberIds.filter((id) => e.members.has(id)).length;
    const byMembers = shared / Math.min(topic.memberIds.length, e.lastTopic.memberIds.length);
    const byTerms = samePlace(e.lastTopic, topic) ? cosineOfTerms(profileTerms(e.profile), topic.terms) : 0;
    const score = byMembers >= overlap ? 1 + byMembers : byTerms >= similarity ? byTerms : 0;
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}

/** Two topics whose main districts are both known and differ are different matters, however alike their words. */
function samePlace(a: HotTopic, b: HotTopic): boolean {
  const da = a.districts[0]?.name;
  const db = b.districts[0]?.name;
  return da === undefined || db === undefined || da === db;
}

export function cosineOfTerms(a: readonly WeightedTerm[], b: readonly WeightedTerm[]): number {
  const weights = new Map(a.map((t) => [t.term, t.weight]));
  let dot = 0;
  for (const t of b) dot += (weights.get(t.term) ?? 0) * t.weight;
  const norm = (ts: readonly WeightedTerm[]) => Math.sqrt(ts.reduce((s, t) => s + t.weight * t.weight, 0));
  const denominator = norm(a) * norm(b);
  return denominator > 0 ? dot / denominator : 0;
}

function openEpisode(topic: HotTopic, now: number): OpenEpisode {
  const episode: TopicEpisode = {
    rank: 0,
    start: topic.first,
    end: topic.last,
    peakAt: new Date(now),
    detections: 1,
    count: 0,
    people: 0,
    weightedCount: 0,
    peakScore: topic.score,
    peakGrowth: topic.growth,
    peakCount: topic.count,
    peakExpected: topic.expected,
    label: topic.label,
    title: topic.title,
    representativeId: topic.representativeId,
    districts: [],
    categories: [],
    memberIds: [],
    terms: topic.terms,
  };
  const open = {
    episode,
    members: new Set(topic.memberIds),
    lastSeen: now,
    lastTopic: topic,
    profile: new Map(),
  };
  addToProfile(open.profile, topic);
  return open;
}

function addToProfile(profile: Map<string, number>, topic: HotTopic) {
  for (const t of topic.terms) profile.set(t.term, (profile.get(t.term) ?? 0) + t.weight);
}

function profileTerms(profile: ReadonlyMap<string, number>): WeightedTerm[] {
  return [...profile].map(([term, weight]) => ({ term, weight }));
}

function extendEpisode(open: OpenEpisode, topic: HotTopic, now: number) {
  const e = open.episode;
  for (const id of topic.memberIds) open.members.add(id);
  if (topic.first < e.start) e.start = topic.first;
  if (topic.last > e.end) e.end = topic.last;
  e.detections++;
  if (topic.score > e.peakScore) {
    Object.assign(e, {
      peakAt: new Date(now),
      peakScore: topic.score,
      peakGrowth: topic.growth,
      peakCount: topic.count,
      peakExpected: topic.expected,
      label: topic.label,
      title: topic.title,
      representativeId: topic.representativeId,
      terms: topic.terms,
    });
  }
  open.lastSeen = now;
  open.lastTopic = topic;
  addToProfile(open.profile, topic);
}

function finishEpisode(open: OpenEpisode, byId: ReadonlyMap<string | number, PreparedRequest>): TopicEpisode {
  const members = [...open.members].map((id) => byId.get(id)!).sort((a, b) => a.time - b.time);
  return {
    ...open.episode,
    count: members.length,
    people: countPeople(
      members.map((_, i) => i),
      members,
    ),
    weightedCount: members.reduce((s, d) => s + d.weight, 0),
    districts: countNames(members.map((d) => d.district)),
    categories: countNames(members.map((d) => d.category)),
    memberIds: members.map((d) => d.input.id),
  };
}
