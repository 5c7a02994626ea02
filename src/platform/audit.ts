import { and, asc, eq, gt, is, isNull, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import type { Actor } from './actor.ts';
import { type ChainBreak, chainHash, type ChainedFields, findBreak, GENESIS_HASH } from './audit-chain.ts';
import { activeKeyring } from './keyring.ts';
import { currentClient } from './request-context.ts';
import { auditChainHead, auditLog } from './schema.ts';
import { hmacSm3, isSealed, type Keyring, open, seal } from './sm-crypto.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Keys whose values are a person's data wherever they appear in before/after (PIPL art. 28, 51). */
const PERSONAL_KEYS = new Set(['callerName', 'callerPhone', 'callerNumber', 'phone', 'address', 'idNumber']);
const AUDIT_CONTEXT = 'audit_log';

/** Seals personal values inside a before/after document; the rest stays readable for SQL and reviewers. */
export function sealPersonal(ring: Keyring, value: unknown, key?: string): unknown {
  if (key && PERSONAL_KEYS.has(key) && typeof value === 'string' && value && !isSealed(value))
    return seal(ring, value, AUDIT_CONTEXT);
  if (Array.isArray(value)) return value.map((v) => sealPersonal(ring, v));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sealPersonal(ring, v, k)]));
  return value;
}

export function openPersonal(ring: Keyring, value: unknown): unknown {
  if (typeof value === 'string' && isSealed(value)) return open(ring, value, AUDIT_CONTEXT);
  if (Array.isArray(value)) return value.map((v) => openPersonal(ring, v));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openPersonal(ring, v)]));
  return value;
}

/** The keyed digest a sealed value enters the chain's hash as (see audit-chain.ts). */
export function sealedDigest(ring: Keyring) {
  return (sealed: string) =>
    `hmac-sm3:${hmacSm3(ring.chainKey, `audit|${open(ring, sealed, AUDIT_CONTEXT)}`).toString('hex')}`;
}

/** As jsonb will give it back: dates as strings, undefined dropped. */
const asStored = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/** Locks the chain's head row for the rest of the transaction (creating it on first use). */
async function lockHead(tx: DbOrTx) {
  const read = () => tx.select().from(auditChainHead).where(eq(auditChainHead.id, 1)).for('update');
  let [head] = await read();
  if (!head) {
    await tx
      .insert(auditChainHead)
      .values({ id: 1, lastId: 0, lastHash: GENESIS_HASH, entries: 0 })
      .onConflictDoNothing();
    [head] = await read();
  }
  return head!;
}

/** The client fields of an audit row written now (for a statement that writes its audit row itself). */
export function auditClient(): { clientAddress: string | null; userAgent: string | null } {
  const client = currentClient();
  return { clientAddress: client.address, userAgent: client.userAgent?.slice(0, 512) ?? null };
}

/**
 * Writes one audit row; call it inside the transaction that makes the change so both land or neither does.
 *
 * The row is written pending (no hash yet) and takes no lock: the chainer links it within a fraction of a second
 * (chainPendingAuditRows). Before issue 18 each append locked the chain's head until its transaction ended, so
 * every audited read and every audited change in the city queued on one row lock. The row itself is durable
 * before the caller answers, as before; only its link into the chain comes later.
 */
export async function recordAudit(db: DbOrTx, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  const ring = activeKeyring();
  const fields: ChainedFields = {
    at,
    actorId: actor.id,
    actorRole: actor.role,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: sealPersonal(ring, asStored(entry.before)),
    after: sealPersonal(ring, asStored(entry.after)),
    ...auditClient(),
  };
  // Inside the caller's transaction: committed with the change, or rolled back with it.
  if (is(db, PgTransaction)) {
    await db.insert(auditLog).values(fields);
    return;
  }
  // Outside a transaction (an audited read): joined with the rows recorded in the same turn of the event loop
  // into one insert. Nothing waits for an insert in flight: each turn's rows go at once.
  return batchedInsert(db as Database, fields);
}

interface Waiting {
  fields: ChainedFields;
  done: (err?: unknown) => void;
}
const turns = new WeakMap<Database, Waiting[]>();

function batchedInsert(db: Database, fields: ChainedFields): Promise<void> {
  let batch = turns.get(db);
  if (!batch) {
    const rows: Waiting[] = (batch = []);
    turns.set(db, rows);
    setImmediate(() => {
      turns.delete(db);
      db.insert(auditLog)
        .values(rows.map((w) => w.fields))
        .then(
          () => rows.forEach((w) => w.done()),
          (err: unknown) => rows.forEach((w) => w.done(err)),
        );
    });
  }
  const rows = batch;
  return new Promise<void>((resolve, reject) => {
    rows.push({ fields, done: (err) => (err ? reject(err) : resolve()) });
  });
}

/**
 * Pending: written and not linked yet. A row with a place but no hash was unlinked by hand: verify reports it,
 * the chainer leaves it alone.
 */
const PENDING = and(isNull(auditLog.hash), isNull(auditLog.chainSeq));

/** Arbitrary constant naming the chainer's advisory lock: one process links at a time, the others skip. */
const AUDIT_CHAINER_LOCK = 7212361;

/**
 * Links pending rows (hash null) into the SM3 chain, oldest id first, in batches of `batchSize`: each gets the
 * next place (chain_seq), the previous row's hash and its own. Rows written before encryption at rest get their
 * personal values sealed as they join. Returns how many rows it linked; 0 when another process holds the
 * chainer's lock (it is linking them). Run at start-up, every fraction of a second while serving, at shutdown,
 * and before the trail is read or verified.
 */
export async function chainPendingAuditRows(db: Database, batchSize = 2000): Promise<number> {
  let total = 0;
  for (;;) {
    const linked = await chainBatch(db, batchSize);
    if (linked === null) return total;
    total += linked;
    if (linked < batchSize) return total;
  }
}

async function chainBatch(db: Database, batchSize: number): Promise<number | null> {
  // A cheap look first (the partial index of pending rows): most runs find nothing and open no transaction.
  const [any] = await db.select({ id: auditLog.id }).from(auditLog).where(PENDING).limit(1);
  if (!any) return 0;
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${AUDIT_CHAINER_LOCK}) as ok`,
    );
    if (!lock?.ok) return null;
    const head = await lockHead(tx);
    const rows = await tx.select().from(auditLog).where(PENDING).orderBy(asc(auditLog.id)).limit(batchSize);
    if (!rows.length) return 0;
    const ring = activeKeyring();
    const digest = sealedDigest(ring);
    let prev = head.lastHash;
    let seq = head.entries;
    const links = rows.map((r) => {
      // Personal values written before encryption at rest are sealed as they join the chain.
      const before = sealPersonal(ring, r.before);
      const after = sealPersonal(ring, r.after);
      const resealed = before !== r.before || after !== r.after;
      const changed = resealed && JSON.stringify([before, after]) !== JSON.stringify([r.before, r.after]);
      const hash = chainHash(prev, { ...r, before, after }, digest);
      const link = {
        id: r.id,
        seq: ++seq,
        prev,
        hash,
        reseal: changed,
        before: changed ? before : null,
        after: changed ? after : null,
      };
      prev = hash;
      return link;
    });
    // All links and the new head in one statement; the rows travel as one JSON document (both drivers).
    const moved = await queryRows<{ entries: number }>(
      tx,
      sql`with v as (
        select * from jsonb_to_recordset(${JSON.stringify(links)}::jsonb)
          as v(id bigint, seq bigint, prev text, hash text, reseal boolean, before jsonb, after jsonb)
      ), linked as (
        update ${auditLog} a set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash,
          before = case when v.reseal then v.before else a.before end,
          after = case when v.reseal then v.after else a.after end
        from v where a.id = v.id and a.hash is null returning a.id
      )
      update ${auditChainHead} set last_id = ${rows.at(-1)!.id}, last_hash = ${prev}, entries = ${seq}
        where ${auditChainHead.id} = 1 and (select count(*) from linked) = ${links.length}
        returning entries`,
    );
    // A row changed under the chainer's locks (by hand): link none of them and say so.
    if (moved.length !== 1)
      throw new Error('audit chainer: pending rows changed while they were being linked');
    return rows.length;
  });
}

/**
 * Runs the chainer every `intervalMs` on this handle (never two passes at once); `stop` ends it after one last
 * pass, so rows written up to then leave the process linked.
 */
export function startAuditChainer(
  db: Database,
  intervalMs = 150,
  onError: (err: unknown) => void = (err) => console.error('audit chainer failed:', err),
): { stop: () => Promise<void> } {
  let running: Promise<unknown> | null = null;
  const pass = () => {
    running ??= chainPendingAuditRows(db)
      .catch(onError)
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(pass, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await pass();
    },
  };
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  /** Rows written and not linked yet (the chainer links them within a fraction of a second): not a break. */
  pending: number;
  head: { lastId: number; entries: number } | null;
  firstBroken: ChainBreak | null;
}

/**
 * Walks the whole chain in chain order (in pages, so memory stays flat) and checks it against the head. A row
 * edited, deleted or taken out of the chain (its place or hash cleared) breaks the link of the row after it or
 * the head's count; rows still pending are counted apart.
 */
export async function verifyAuditChain(db: DbOrTx, pageSize = 5000): Promise<ChainVerdict> {
  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  const [{ pending } = { pending: 0 }] = await db
    .select({ pending: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(PENDING);
  const digest = sealedDigest(activeKeyring());
  let prev = GENESIS_HASH;
  let entries = 0;
  let lastSeq = 0;
  let lastId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.chainSeq, lastSeq))
      .orderBy(asc(auditLog.chainSeq))
      .limit(pageSize);
    if (!rows.length) break;
    const { brk, last } = findBreak(rows, prev, digest);
    if (brk)
      return {
        ok: false,
        entries: entries + rows.findIndex((r) => r.id === brk.id),
        pending,
        head: headOf(head),
        firstBroken: brk,
      };
    prev = last;
    entries += rows.length;
    lastSeq = rows.at(-1)!.chainSeq!;
    lastId = rows.at(-1)!.id;
  }
  const headOk = head
    ? head.lastHash === prev && head.lastId === lastId && head.entries === entries
    : entries === 0;
  const firstBroken: ChainBreak | null = headOk
    ? null
    : {
        id: head?.lastId ?? lastId,
        at: null,
        action: null,
        reason: 'deleted_at_end',
        detail: `the chain head records ${head?.entries ?? 0} rows ending at id ${head?.lastId ?? 0}; the chain has ${entries} ending at id ${lastId}`,
      };
  return { ok: headOk, entries, pending, head: headOf(head), firstBroken };
}

const headOf = (h: { lastId: number; entries: number } | undefined) =>
  h ? { lastId: h.lastId, entries: h.entries } : null;

function resealValue(ring: Keyring, value: unknown): unknown {
  if (typeof value === 'string' && isSealed(value) && !value.startsWith(`sm4:${ring.current}:`))
    return seal(ring, open(ring, value, AUDIT_CONTEXT)!, AUDIT_CONTEXT);
  if (Array.isArray(value)) return value.map((v) => resealValue(ring, v));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resealValue(ring, v)]));
  return value;
}

/**
 * Key rotation of the audit trail: personal values sealed with an older key are sealed again with the current
 * one. The chain's hashes cover a keyed digest of the plain value, not the ciphertext, so they stay valid.
 */
export async function resealAuditRows(db: Database, ring: Keyring, batchSize = 1000): Promise<number> {
  let lastId = 0;
  let changed = 0;
  for (;;) {
    const rows = await db
      .select({ id: auditLog.id, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(
        and(
          gt(auditLog.id, lastId),
          sql`(coalesce(${auditLog.before}::text, '') || coalesce(${auditLog.after}::text, '')) like '%"sm4:%'`,
        ),
      )
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    if (!rows.length) return changed;
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const before = resealValue(ring, r.before);
        const after = resealValue(ring, r.after);
        if (JSON.stringify([before, after]) === JSON.stringify([r.before, r.after])) continue;
        await tx.update(auditLog).set({ before, after }).where(eq(auditLog.id, r.id));
        changed++;
      }
    });
    lastId = rows.at(-1)!.id;
  }
}
