/**
 * The segmenter and synonym groups the knowledge base cuts and expands with: the built-in hotline dictionary
 * plus the editor's kb_terms, and the built-in synonym groups plus kb_synonyms. Read per use with one cheap
 * query, so an edit made through another process takes effect on the next search or write.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { createSegmenter, type Segmenter } from '../../platform/text/segment.ts';
import { kbTerms } from './schema.ts';
import { BUILT_IN_SYNONYMS, normaliseGroups } from './synonyms.ts';

export interface KbDictionary {
  segmenter: Segmenter;
  synonyms: string[][];
  /** Identifies the term list: equal fingerprints mean the same segmentation. */
  fingerprint: string;
}

/**
 * Segmenters by term-list fingerprint, so an unchanged list costs no second query. A changed list yields a new
 * fingerprint and the next use builds the new segmenter (jieba loads its dictionary: ~0.2 s, once).
 */
const segmenters = new Map<string, Segmenter>();
const KEEP_SEGMENTERS = 8;

/**
 * One statement, answered from two small tables: the number of terms and a hash of them (exact, so a term
 * removed and another added in the same second is still seen), and the synonym groups.
 */
async function readDictionaryState(db: DbOrTx) {
  const [row] = await queryRows<{ n: number; h: string | null; syn: string[][] | null }>(
    db,
    sql`select (select count(*)::int from kb_terms) as n,
               (select md5(string_agg(word, E'\n' order by word)) from kb_terms) as h,
               (select json_agg(words order by id) from kb_synonyms) as syn`,
  );
  return { fingerprint: `${row!.n}:${row!.h ?? ''}`, synonyms: row!.syn ?? [] };
}

export async function loadDictionary(db: DbOrTx): Promise<KbDictionary> {
  const state = await readDictionaryState(db);
  let segmenter = segmenters.get(state.fingerprint);
  if (!segmenter) {
    const terms = await db.select({ word: kbTerms.word }).from(kbTerms);
    segmenter = createSegmenter(terms.map((t) => t.word));
    if (segmenters.size >= KEEP_SEGMENTERS) segmenters.delete(segmenters.keys().next().value!);
    segmenters.set(state.fingerprint, segmenter);
  }
  return {
    segmenter,
    synonyms: normaliseGroups([...BUILT_IN_SYNONYMS, ...state.synonyms]),
    fingerprint: state.fingerprint,
  };
}

/** Arbitrary constant naming the knowledge base's dictionary lock. */
const DICTIONARY_LOCK = 7_412_345;

/**
 * Article writes hold the lock shared and a dictionary change holds it exclusively while it re-indexes, so an
 * article is never indexed with a dictionary that a concurrent change is replacing. Transaction-scoped: call
 * inside the transaction that writes, before loading the dictionary.
 */
export async function lockDictionary(db: DbOrTx, mode: 'shared' | 'exclusive'): Promise<void> {
  await db.execute(
    mode === 'shared'
      ? sql`select pg_advisory_xact_lock_shared(${DICTIONARY_LOCK})`
      : sql`select pg_advisory_xact_lock(${DICTIONARY_LOCK})`,
  );
}
