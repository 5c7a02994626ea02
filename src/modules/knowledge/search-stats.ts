/**
 * How common each word is across the articles, from the statistics ANALYZE keeps for the `search` column
 * (pg_stats.most_common_elems: the ~1,000 most frequent lexemes with the share of rows holding each). Free to
 * read; refreshed by autovacuum on a server and by tidySearchIndex after imports and re-indexing (PGlite has
 * no autovacuum). A word missing from the list is rarer than every word on it.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Concept } from './query.ts';

export type LexemeFrequencies = ReadonlyMap<string, number>;

/** Statistics change only when ANALYZE runs; a minute's staleness costs nothing. */
const TTL_MS = 60_000;
const cache = new WeakMap<object, { at: number; freqs: LexemeFrequencies }>();

export async function loadLexemeFrequencies(db: DbOrTx, nowMs = Date.now()): Promise<LexemeFrequencies> {
  const hit = cache.get(db);
  if (hit && nowMs - hit.at < TTL_MS) return hit.freqs;
  const rows = await queryRows<{ e: string; f: number }>(
    db,
    sql`select x.e, x.f from pg_stats s,
          unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as x(e, f)
        where s.schemaname = current_schema() and s.tablename = 'kb_articles' and s.attname = 'search'
          and x.e is not null`,
  );
  const freqs = new Map(rows.map((r) => [r.e, Number(r.f)]));
  cache.set(db, { at: nowMs, freqs });
  return freqs;
}

/**
 * The estimated share of articles holding the concept: an alternative is as common as its rarest lexeme (a
 * phrase needs them all), a concept as the sum of its alternatives (capped at 1). Unknown lexemes count 0.
 */
export function estimateConceptFrequency(concept: Concept, freqs: LexemeFrequencies): number {
  const total = concept.alternatives.reduce(
    (sum, lexemes) => sum + Math.min(...lexemes.map((l) => freqs.get(l) ?? 0)),
    0,
  );
  return Math.min(1, total);
}

/** A concept in more than this share of articles is common: it ranks, but does not pick candidates. */
export const COMMON_FREQUENCY = 0.05;

export interface PlannedConcept {
  /** Position in the query. */
  ord: number;
  expression: string;
  words: string[];
}

export interface ConceptPlan {
  /** Concepts looked up in the index in stage 1. */
  scanned: PlannedConcept[];
  /** Common concepts, with their estimated frequency: they pick candidates only when the rare ones find few. */
  common: (PlannedConcept & { freq: number })[];
}

/**
 * Which concepts pick candidates. When every concept is common (a one-word query, or any query in a small
 * knowledge base) all of them do.
 */
export function planConcepts(concepts: readonly Concept[], freqs: LexemeFrequencies): ConceptPlan {
  const planned = concepts.map((c, ord) => ({
    ord,
    expression: c.expression,
    words: c.words,
    freq: estimateConceptFrequency(c, freqs),
  }));
  const strip = ({ ord, expression, words }: PlannedConcept) => ({ ord, expression, words });
  const rare = planned.filter((c) => c.freq <= COMMON_FREQUENCY);
  if (rare.length === 0) return { scanned: planned.map(strip), common: [] };
  return { scanned: rare.map(strip), common: planned.filter((c) => c.freq > COMMON_FREQUENCY) };
}
