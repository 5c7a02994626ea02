/**
 * Clustering of the window's requests: candidate pairs from an inverted index, then clusters grown
 * around the densest requests, each new member checked against the cluster's centroid.
 *
 * Why not connected components over cosine ≥ threshold: one loose link joins two topics, and in a
 * window of a few hundred complaints chains of "小区 … 物业 … 停车" links glue unrelated matters into
 * one giant component. Why not single-pass leader clustering: it depends on arrival order. Growing
 * from the request with the most similar neighbours and admitting only requests close to the
 * centroid keeps each cluster about one matter and is deterministic.
 */
import type { DetectOptions } from './model.ts';
import type { Neighbourhood } from './neighbours.ts';
import { adjustSimilarity, countPeople, profileOf, type Profile } from './signals.ts';
import type { PreparedRequest } from './terms.ts';
import {
  addToCentroid,
  cosineToCentroid,
  createCentroidSum,
  takeCentroid,
  type SparseVector,
} from './vectors.ts';

export interface Cluster {
  members: number[];
  centroid: SparseVector;
  profile: Profile;
}

const MAX_ROUNDS = 20;

export function growClusters(
  docs: readonly PreparedRequest[],
  vectors: readonly SparseVector[],
  hood: Neighbourhood,
  vocabularySize: number,
  options: DetectOptions,
): Cluster[] {
  const n = docs.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => hood.density[b]! - hood.density[a]! || docs[a]!.time - docs[b]!.time || a - b,
  );
  const assigned = new Uint8Array(n);
  const sum = createCentroidSum(vocabularySize);
  const clusters: Cluster[] = [];
  for (const seed of order) {
    if (assigned[seed] || hood.neighbours[seed]!.length < options.minClusterSize - 1) continue;
    const members = [seed];
    assigned[seed] = 1;
    addToCentroid(sum, vectors[seed]!);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const profile = profileOf(members, docs);
      const accepted = collectCandidates(members, hood, assigned)
        .map((c) => ({
          c,
          s: adjustSimilarity(cosineToCentroid(sum, vectors[c]!), docs[c]!, profile, options),
        }))
        .filter(({ s }) => s >= options.centroidSimilarity);
      if (accepted.length === 0) break;
      for (const { c } of accepted) {
        members.push(c);
        assigned[c] = 1;
        addToCentroid(sum, vectors[c]!);
      }
    }
    const centroid = takeCentroid(sum);
    if (countPeople(members, docs) < options.minClusterSize) {
      for (const m of members) assigned[m] = 0;
      // The seed's neighbours may still join a denser cluster; the seed itself stays free too.
      continue;
    }
    clusters.push({ members: members.sort((a, b) => a - b), centroid, profile: profileOf(members, docs) });
  }
  return clusters;
}

function collectCandidates(members: readonly number[], hood: Neighbourhood, assigned: Uint8Array): number[] {
  const seen = new Set<number>();
  for (const m of members) for (const c of hood.neighbours[m]!) if (!assigned[c]) seen.add(c);
  return [...seen].sort((a, b) => a - b);
}
