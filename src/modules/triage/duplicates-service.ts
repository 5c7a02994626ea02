/** The open orders of the last weeks, ranked as possible duplicates of a new request (see duplicates.ts). */
import type { DbOrTx } from '../../db/client.ts';
import { recentOpenOrders } from '../orders/index.ts';
import {
  DEFAULT_DUPLICATE_OPTIONS,
  extractDuplicateTerms,
  rankDuplicates,
  type DuplicateMatch,
  type DuplicateOptions,
} from './duplicates.ts';
import type { TermCounts } from './features.ts';
import type { DuplicatesInput } from './model.ts';

/** A busy city has a few thousand open orders in a month; beyond this the oldest are not compared. */
const MAX_CANDIDATES = 5000;
/** Characters of the body compared (see duplicates.ts); the rest is not read from the database. */
const CONTENT_PREFIX = 600;

/**
 * Segmented text of each open order, per database and keyed by order id and version: an order's text is
 * segmented once, not on every search (3,000 candidates take ~1 s to segment, a cached search ~0.1 s).
 */
const termCache = new WeakMap<object, Map<number, { version: number; terms: TermCounts }>>();

function cachedTerms(
  db: DbOrTx,
  rows: readonly { orderId: number; version: number; title: string; content: string }[],
): TermCounts[] {
  let cache = termCache.get(db);
  if (!cache) termCache.set(db, (cache = new Map()));
  const out = rows.map((r) => {
    const hit = cache.get(r.orderId);
    if (hit && hit.version === r.version) return hit.terms;
    const terms = extractDuplicateTerms(r);
    cache.set(r.orderId, { version: r.version, terms });
    return terms;
  });
  // Orders that left the window or closed are dropped once the cache holds far more than is searched.
  if (cache.size > 4 * MAX_CANDIDATES) {
    const live = new Set(rows.map((r) => r.orderId));
    for (const id of cache.keys()) if (!live.has(id)) cache.delete(id);
  }
  return out;
}

export async function findDuplicates(
  db: DbOrTx,
  input: DuplicatesInput,
  now: Date,
  options: DuplicateOptions = DEFAULT_DUPLICATE_OPTIONS,
): Promise<{ items: DuplicateMatch[] }> {
  const since = new Date(now.getTime() - options.windowDays * 86_400_000);
  // Address and phone arrive opened (in memory, for the comparison only): they are sealed at rest.
  const rows = await recentOpenOrders(db, since, MAX_CANDIDATES, CONTENT_PREFIX);
  const terms = cachedTerms(db, rows);
  const candidates = rows.map((r, i) => ({ ...r, terms: terms[i] }));
  return { items: rankDuplicates(input, candidates, now, options) };
}
