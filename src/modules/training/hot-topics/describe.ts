/** From a cluster of requests to a hot topic: volume, growth, score, label, places. */
import type { Cluster } from './cluster.ts';
import { countPeople } from './signals.ts';
import type { HotTopic, NameCount, WeightedTerm } from './model.ts';
import { displayTerm, type PreparedRequest, type TermDictionary } from './terms.ts';
import { dotSparse, topTermIds, type SparseVector } from './vectors.ts';

const LABEL_TERMS = 5;
const KEPT_TERMS = 30;

export interface TopicCounts {
  count: number;
  people: number;
  weightedCount: number;
  expected: number;
}

/**
 * score = volume × log2(1 + growth), where
 *   volume = people + ln(1 + extra weight)   (extra weight = Σ weight − count, e.g. reader support)
 *   growth = (count + 1) / (expected + 1).
 * A steady complaint (growth ≈ 1) scores its volume; a burst of 8 where none is usual (growth 9)
 * scores 3.3 × its volume, so it outranks a steady one up to three times its size. Support counts
 * logarithmically: 2,000 readers backing a message are a signal, not 2,000 requests.
 */
export function scoreTopic(c: TopicCounts): { score: number; growth: number } {
  const growth = (c.count + 1) / (c.expected + 1);
  const volume = c.people + Math.log(1 + Math.max(0, c.weightedCount - c.count));
  return { score: volume * Math.log2(1 + growth), growth };
}

export function describeTopic(
  cluster: Cluster,
  docs: readonly PreparedRequest[],
  vectors: readonly SparseVector[],
  dictionary: TermDictionary,
  baseline: { count: number; expected: number },
): HotTopic {
  const members = cluster.members.map((m) => docs[m]!);
  const count = members.length;
  const weightedCount = members.reduce((s, d) => s + d.weight, 0);
  const people = countPeople(cluster.members, docs);
  const { score, growth } = scoreTopic({ count, people, weightedCount, expected: baseline.expected });
  const representative = pickRepresentative(cluster, docs, vectors);
  const times = members.map((d) => d.time);
  return {
    rank: 0,
    score,
    label: labelOf(cluster.centroid, dictionary),
    title: representative.input.title,
    representativeId: representative.input.id,
    count,
    people,
    weightedCount,
    baselineCount: baseline.count,
    expected: baseline.expected,
    growth,
    districts: countNames(members.map((d) => d.district)),
    categories: countNames(members.map((d) => d.category)),
    memberIds: [...members].sort((a, b) => a.time - b.time).map((d) => d.input.id),
    first: new Date(Math.min(...times)),
    last: new Date(Math.max(...times)),
    terms: weightedTerms(cluster.centroid, dictionary),
  };
}

/** The member closest to the centroid; on a tie the earlier one. */
function pickRepresentative(
  cluster: Cluster,
  docs: readonly PreparedRequest[],
  vectors: readonly SparseVector[],
) {
  let best = cluster.members[0]!;
  let bestSimilarity = -1;
  for (const m of cluster.members) {
    const s = dotSparse(cluster.centroid, vectors[m]!);
    if (s > bestSimilarity + 1e-9) {
      best = m;
      bestSimilarity = s;
    }
  }
  return docs[best]!;
}

/**
 * The centroid's strongest terms, leaving out a word already inside a chosen bigram (景园 when
 * 景园滨河 is there) so that five terms say five things.
 */
function labelOf(centroid: SparseVector, dictionary: TermDictionary): string[] {
  const label: string[] = [];
  for (const id of topTermIds(centroid, KEPT_TERMS)) {
    const term = displayTerm(dictionary.terms[id]!);
    if (label.some((l) => l.includes(term) || term.includes(l))) {
      const shorter = label.findIndex((l) => term.includes(l));
      if (shorter >= 0) label[shorter] = term;
      continue;
    }
    label.push(term);
    if (label.length === LABEL_TERMS) break;
  }
  return label;
}

function weightedTerms(centroid: SparseVector, dictionary: TermDictionary): WeightedTerm[] {
  const byId = new Map<number, number>();
  centroid.ids.forEach((id, k) => byId.set(id, centroid.values[k]!));
  return topTermIds(centroid, KEPT_TERMS).map((id) => ({
    term: dictionary.terms[id]!,
    weight: byId.get(id)!,
  }));
}

export function countNames(values: readonly (string | null)[]): NameCount[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
