/**
 * Search quality on a labelled set: each case is a query (a citizen's message) and the title of the article
 * that answers it. Runs every query through `searchArticles`, the function behind GET and POST
 * /api/kb/search, and reports recall@1, recall@5, MRR@10 and latency. Used by `hotline kb evaluate`.
 */
import { z } from 'zod';
import type { DbOrTx } from '../../db/client.ts';
import { searchArticles } from './search.ts';

export const EvaluationCase = z.object({ query: z.string().min(1), title: z.string().min(1) });
export type EvaluationCase = z.infer<typeof EvaluationCase>;
export const EvaluationCases = z.array(EvaluationCase).min(1);

/** How deep the search is read for MRR: a right answer below the tenth result counts as not found. */
export const EVALUATION_DEPTH = 10;

export interface EvaluationReport {
  queries: number;
  recallAt1: number;
  recallAt5: number;
  /** Mean reciprocal rank of the right article within the first EVALUATION_DEPTH results. */
  mrr: number;
  /** Queries whose right article is not in the first EVALUATION_DEPTH results. */
  notFound: number;
  /** Queries whose title names no current article in the base (left out of the figures). */
  unknownTitles: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const r1 = (x: number) => Math.round(x * 10) / 10;

/** Figures from each query's rank of its right article (0: not found) and its latency. Pure. */
export function summariseEvaluation(
  ranks: readonly number[],
  latencies: readonly number[],
  unknownTitles: number,
): EvaluationReport {
  const n = ranks.length || 1;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    queries: ranks.length,
    recallAt1: r4(ranks.filter((r) => r === 1).length / n),
    recallAt5: r4(ranks.filter((r) => r >= 1 && r <= 5).length / n),
    mrr: r4(ranks.reduce((s, r) => s + (r > 0 ? 1 / r : 0), 0) / n),
    notFound: ranks.filter((r) => r === 0).length,
    unknownTitles,
    latencyMs: {
      p50: r1(percentile(sorted, 50)),
      p95: r1(percentile(sorted, 95)),
      p99: r1(percentile(sorted, 99)),
      mean: r1(sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1)),
      max: r1(sorted.at(-1) ?? 0),
    },
  };
}

/**
 * Searches every case in turn (as agents do, one at a time) and ranks its right article. A case whose title
 * is not among `knownTitles` is left out and counted, so a mistyped file does not pass for a bad search.
 */
export async function evaluateSearch(
  db: DbOrTx,
  cases: readonly EvaluationCase[],
  knownTitles: ReadonlySet<string>,
  now: Date,
  options: { secondStage?: boolean; cosine?: boolean } = {},
): Promise<EvaluationReport> {
  const ranks: number[] = [];
  const latencies: number[] = [];
  let unknown = 0;
  for (const c of cases) {
    if (!knownTitles.has(c.title)) {
      unknown++;
      continue;
    }
    const started = performance.now();
    const { results } = await searchArticles(db, c.query, { limit: EVALUATION_DEPTH, ...options }, now);
    latencies.push(performance.now() - started);
    ranks.push(results.findIndex((r) => r.title === c.title) + 1);
  }
  return summariseEvaluation(ranks, latencies, unknown);
}
