/**
 * The ranking's index: every published article's bigrams and words in two in-process BM25 indexes
 * (bm25.ts), built from the database and kept fresh.
 *
 * **Freshness across processes.** Before each search one cheap aggregate is read (article count, sum of
 * versions, latest update, dictionary fingerprint). Every article write bumps the version or the count, and a
 * dictionary change re-indexes, so any change made by any process (another server process, the CLI, an
 * import) is seen by the next search here: only the changed articles are read again and swapped in. No
 * LISTEN/NOTIFY is needed, so PGlite and the server behave alike. Dates are not indexed state: whether an
 * article is current is decided at query time from its stored dates (`isCurrentOn`).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { Bm25Index, type Bm25Params } from './bm25.ts';
import { type KbDictionary, loadDictionary } from './dictionary.ts';
import { articleBigrams, wordsFromTsvector } from './ranking-terms.ts';

/** b 0.9: official replies run from one line to pages, and a long one should not win by length (dev set). */
export const BM25_PARAMS: Bm25Params = { k1: 1.2, b: 0.9 };
/** Weight of the words channel beside the bigrams (1). Chosen on the development set: docs/knowledge.md. */
export const WORDS_WEIGHT = 0.3;
/**
 * Weights of the tf-idf cosine of each channel (bm25.ts `cosineInto`), on the scale of the query's best BM25:
 * first-stage score = (BM25 mixture + best BM25 · (30 · cos(bigrams) + 10 · cos(words))) / 41. The cosine leads
 * and BM25 breaks its ties. Chosen on half A of the development set, reported on half B: docs/knowledge.md.
 */
export const COSINE_WEIGHTS = { bigrams: 30, words: 10 } as const;
/** Rebuild from scratch when this share of slots is dead (articles changed since the last build). */
const REBUILD_DEAD_SHARE = 0.3;
const LOAD_BATCH = 2000;

export interface ArticleMeta {
  id: number;
  title: string;
  kind: string;
  issuer: string | null;
  categoryPath: string[];
  effectiveFrom: string | null;
  expiresOn: string | null;
}

export interface SearchEngine {
  bigrams: Bm25Index<number>;
  words: Bm25Index<number>;
  meta: Map<number, ArticleMeta>;
  versions: Map<number, number>;
  /** kb_search_state's generation when last refreshed. */
  state: string;
  /** The user dictionary's fingerprint the words were cut with. */
  dictionary: string;
}

interface Entry {
  engine: SearchEngine;
  refreshing: Promise<void> | null;
  dict: KbDictionary;
  /** The generation the dictionary was read at. */
  dictState: string;
}
const engines = new WeakMap<object, Entry>();

/**
 * The generation of kb_search_state, which triggers bump on every write to the articles, terms and synonyms:
 * one primary-key read per search. The dictionary's own fingerprint rides along, since a term change
 * re-indexes every article (a full rebuild here).
 */
async function readState(db: DbOrTx): Promise<string> {
  const [row] = await queryRows<{ g: string }>(
    db,
    sql`select generation::text as g from kb_search_state where id = 1`,
  );
  return row?.g ?? '0';
}

interface LoadRow {
  id: number;
  version: number;
  title: string;
  kind: string;
  issuer: string | null;
  keywords: string[];
  category_path: string[];
  content: string;
  effective_from: string | null;
  expires_on: string | null;
  search: string | null;
}

function emptyEngine(dictionary: string): SearchEngine {
  return {
    bigrams: new Bm25Index<number>(BM25_PARAMS),
    words: new Bm25Index<number>(BM25_PARAMS),
    meta: new Map(),
    versions: new Map(),
    state: '',
    dictionary,
  };
}

/** Both indexes take every article in the same order, so a slot means the same article in both. */
function put(engine: SearchEngine, r: LoadRow): void {
  engine.bigrams.add(
    r.id,
    articleBigrams({
      title: r.title,
      keywords: r.keywords,
      categoryPath: r.category_path,
      issuer: r.issuer,
      content: r.content,
    }),
  );
  engine.words.add(r.id, wordsFromTsvector(r.search ?? ''));
  engine.versions.set(r.id, r.version);
  engine.meta.set(r.id, {
    id: r.id,
    title: r.title,
    kind: r.kind,
    issuer: r.issuer,
    categoryPath: r.category_path,
    effectiveFrom: r.effective_from,
    expiresOn: r.expires_on,
  });
}

function drop(engine: SearchEngine, id: number): void {
  engine.bigrams.remove(id);
  engine.words.remove(id);
  engine.versions.delete(id);
  engine.meta.delete(id);
}

async function loadRows(db: DbOrTx, ids: number[]): Promise<LoadRow[]> {
  const out: LoadRow[] = [];
  for (let i = 0; i < ids.length; i += LOAD_BATCH) {
    const batch = ids.slice(i, i + LOAD_BATCH);
    out.push(
      ...(await queryRows<LoadRow>(
        db,
        sql`select id, version, title, kind, issuer, keywords, category_path, content,
                   effective_from::text as effective_from, expires_on::text as expires_on, search::text as search
            from kb_articles
            where status = 'published' and id = any(${`{${batch.join(',')}}`}::int[]) order by id`,
      )),
    );
  }
  return out;
}

/** Reads what changed since the engine's state: the published articles' versions, then the changed rows. */
async function refresh(
  db: DbOrTx,
  engine: SearchEngine,
  state: string,
  dictionary: string,
): Promise<SearchEngine> {
  const rebuild = dictionary !== engine.dictionary || engine.bigrams.deadShare > REBUILD_DEAD_SHARE;
  const target = rebuild ? emptyEngine(dictionary) : engine;
  const current = await queryRows<{ id: number; version: number }>(
    db,
    sql`select id, version from kb_articles where status = 'published'`,
  );
  const live = new Set<number>();
  const changed: number[] = [];
  for (const r of current) {
    live.add(r.id);
    if (target.versions.get(r.id) !== r.version) changed.push(r.id);
  }
  const rows = await loadRows(db, changed);
  // No await from here on: a search running meanwhile sees the index before or after, never half-changed.
  for (const id of [...target.versions.keys()]) if (!live.has(id)) drop(target, id);
  for (const r of rows) put(target, r);
  target.state = state;
  return target;
}

/**
 * The dictionary and the engine for this database handle, brought up to date first: one primary-key read when
 * nothing changed (the dictionary is re-read only when the generation moved). Concurrent callers share one
 * refresh.
 */
export async function searchContextFor(db: DbOrTx): Promise<{ dict: KbDictionary; engine: SearchEngine }> {
  const state = await readState(db);
  let entry = engines.get(db);
  if (!entry || entry.dictState !== state) {
    const dict = await loadDictionary(db);
    entry ??= { engine: emptyEngine(dict.fingerprint), refreshing: null, dict, dictState: state };
    entry.dict = dict;
    entry.dictState = state;
    engines.set(db, entry);
  }
  const { dict } = entry;
  const fresh = (e: SearchEngine) => e.state === state && e.dictionary === dict.fingerprint;
  // At most twice: wait for a refresh already running, then run one for this state if that one was older.
  for (let round = 0; round < 2 && !fresh(entry.engine); round++) {
    if (!entry.refreshing) {
      const e = entry;
      e.refreshing = refresh(db, e.engine, state, dict.fingerprint)
        .then((next) => void (e.engine = next))
        .finally(() => (e.refreshing = null));
    }
    await entry.refreshing;
  }
  return { dict, engine: entry.engine };
}

/** Whether the article is in effect on `today` (a date): started, and not expired. */
export function isCurrentOn(m: ArticleMeta, today: string): boolean {
  return (m.effectiveFrom === null || m.effectiveFrom <= today) && !isExpiredOn(m, today);
}

export function isExpiredOn(m: ArticleMeta, today: string): boolean {
  return m.expiresOn !== null && m.expiresOn < today;
}
