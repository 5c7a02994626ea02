/**
 * The editor's user dictionary (kb_terms) and synonym groups (kb_synonyms). A dictionary change re-indexes
 * every article in the same transaction, under the dictionary lock, so the index never mixes two cuttings.
 * Synonyms only widen queries: changing them needs no re-index.
 */
import { asc, eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { duplicate, notFound } from '../../platform/errors.ts';
import { loadDictionary, lockDictionary } from './dictionary.ts';
import type { SynonymInput, TermInput } from './model.ts';
import { kbSynonyms, kbTerms } from './schema.ts';
import { reindexAllArticles, tidySearchIndex } from './search-index.ts';
import { BUILT_IN_SYNONYMS } from './synonyms.ts';

export async function listTerms(db: DbOrTx) {
  return db.select().from(kbTerms).orderBy(asc(kbTerms.word));
}

/**
 * Rebuilds every article's vector with the dictionary as it now stands (after a change, or by `hotline kb
 * reindex`). Call inside a transaction; the lock is re-entrant for a caller that already holds it.
 */
export async function reindexWithDictionary(db: DbOrTx) {
  await lockDictionary(db, 'exclusive');
  const dict = await loadDictionary(db);
  return reindexAllArticles(db, dict.segmenter);
}

/** Adds a word and re-indexes every article in the same transaction; then tidies the index. */
export async function addTerm(db: Database, actor: Actor, input: TermInput, now: Date) {
  const result = await db.transaction((tx) => addTermInTransaction(tx, actor, input, now));
  await tidySearchIndex(db);
  return result;
}

async function addTermInTransaction(db: DbOrTx, actor: Actor, input: TermInput, now: Date) {
  await lockDictionary(db, 'exclusive');
  const [existing] = await db.select().from(kbTerms).where(eq(kbTerms.word, input.word));
  if (existing) throw duplicate('word', `Term ${input.word}`, `词条“${input.word}”`);
  const [term] = await db
    .insert(kbTerms)
    .values({ word: input.word, kind: input.kind, createdBy: actor.id, createdAt: now })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'create',
    entity: 'kb_term',
    entityId: input.word,
    after: term,
  });
  return { term: term!, reindexed: await reindexWithDictionary(db) };
}

export async function removeTerm(db: Database, actor: Actor, word: string, now: Date) {
  const result = await db.transaction((tx) => removeTermInTransaction(tx, actor, word, now));
  await tidySearchIndex(db);
  return result;
}

async function removeTermInTransaction(db: DbOrTx, actor: Actor, word: string, now: Date) {
  await lockDictionary(db, 'exclusive');
  const [term] = await db.delete(kbTerms).where(eq(kbTerms.word, word)).returning();
  if (!term) throw notFound(`Term ${word}`, `词条“${word}”`);
  await recordAudit(db, actor, now, { action: 'delete', entity: 'kb_term', entityId: word, before: term });
  return { term, reindexed: await reindexWithDictionary(db) };
}

/** The editor's groups, and the built-in ones for reference (those cannot be removed, only added to). */
export async function listSynonyms(db: DbOrTx) {
  const items = await db.select().from(kbSynonyms).orderBy(asc(kbSynonyms.id));
  return { items, builtIn: BUILT_IN_SYNONYMS };
}

export async function addSynonymGroup(db: DbOrTx, actor: Actor, input: SynonymInput, now: Date) {
  const [group] = await db
    .insert(kbSynonyms)
    .values({ words: input.words, createdBy: actor.id, createdAt: now })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'create',
    entity: 'kb_synonym',
    entityId: group!.id,
    after: group,
  });
  return group!;
}

export async function removeSynonymGroup(db: DbOrTx, actor: Actor, id: number, now: Date) {
  const [group] = await db.delete(kbSynonyms).where(eq(kbSynonyms.id, id)).returning();
  if (!group) throw notFound(`Synonym group ${id}`, `同义词组 ${id} `);
  await recordAudit(db, actor, now, { action: 'delete', entity: 'kb_synonym', entityId: id, before: group });
  return group;
}
