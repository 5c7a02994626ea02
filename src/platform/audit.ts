import { and, asc, eq, gt, is, isNull, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, DbOrTx } from '../db/client.ts';
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

/**
 * Writes one audit row; call it inside the transaction that makes the change so both land or neither does.
 * The append holds the chain head's row lock until that transaction ends, so writers queue and never fork it.
 */
export async function recordAudit(db: DbOrTx, actor: Actor, at: Date, entry: AuditEntry): Promise<void> {
  const client = currentClient();
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
    clientAddress: client.address,
    userAgent: client.userAgent?.slice(0, 512) ?? null,
  };
  // Inside the caller's transaction as it is (its failure fails the caller anyway): the head's lock lasts until
  // that transaction ends. The rows and the new head go in one statement (issue 18).
  if (is(db, PgTransaction)) return appendRows(db, [fields], ring);
  // Outside a transaction (an audited read): joined with the other appends of this process waiting at the
  // moment, all in one transaction, so the chain's lock is taken once per group, not once per read.
  return groupAppend(db as Database, fields, ring);
}

async function appendRows(tx: DbOrTx, rows: ChainedFields[], ring: Keyring): Promise<void> {
  const head = await lockHead(tx);
  let prev = head.lastHash;
  const values = rows.map((fields) => {
    const hash = chainHash(prev, fields, sealedDigest(ring));
    const row = { ...fields, prevHash: prev, hash };
    prev = hash;
    return row;
  });
  // One multi-row insert numbers its rows in the order given, which is the chain's order.
  const insert = tx.insert(auditLog).values(values).returning({ id: auditLog.id }).getSQL();
  await tx.execute(sql`with appended as (${insert})
    update ${auditChainHead} set last_id = (select max(id) from appended), last_hash = ${prev},
      entries = ${head.entries + rows.length} where ${auditChainHead.id} = 1`);
}

interface Pending {
  fields: ChainedFields;
  ring: Keyring;
  done: (err?: unknown) => void;
}
const groups = new WeakMap<Database, { waiting: Pending[]; running: boolean }>();

/** Appends `fields` with whatever else is waiting on this handle; resolves once its group is committed. */
function groupAppend(db: Database, fields: ChainedFields, ring: Keyring): Promise<void> {
  let g = groups.get(db);
  if (!g) groups.set(db, (g = { waiting: [], running: false }));
  const group = g;
  const p = new Promise<void>((resolve, reject) => {
    group.waiting.push({ fields, ring, done: (err) => (err ? reject(err) : resolve()) });
  });
  const drain = async () => {
    group.running = true;
    while (group.waiting.length) {
      // One keyring per group (a rotation in between starts a new one).
      const ring = group.waiting[0]!.ring;
      const batch: Pending[] = [];
      while (group.waiting.length && group.waiting[0]!.ring === ring && batch.length < 500)
        batch.push(group.waiting.shift()!);
      try {
        await db.transaction((tx) =>
          appendRows(
            tx,
            batch.map((b) => b.fields),
            ring,
          ),
        );
        for (const b of batch) b.done();
      } catch (err) {
        for (const b of batch) b.done(err);
      }
    }
    group.running = false;
  };
  if (!group.running) void drain();
  return p;
}

/** Chains rows written before the chain existed (hash null), oldest first; run once at start-up. */
export async function sealLegacyAuditRows(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    const head = await lockHead(tx);
    const rows = await tx.select().from(auditLog).where(isNull(auditLog.hash)).orderBy(asc(auditLog.id));
    const ring = activeKeyring();
    let prev = head.lastHash;
    for (const r of rows) {
      // Personal values written before encryption at rest are sealed as they join the chain.
      const sealed = { ...r, before: sealPersonal(ring, r.before), after: sealPersonal(ring, r.after) };
      const hash = chainHash(prev, sealed, sealedDigest(ring));
      await tx
        .update(auditLog)
        .set({ before: sealed.before, after: sealed.after, prevHash: prev, hash })
        .where(eq(auditLog.id, r.id));
      prev = hash;
    }
    if (rows.length)
      await tx
        .update(auditChainHead)
        .set({ lastId: rows.at(-1)!.id, lastHash: prev, entries: head.entries + rows.length })
        .where(eq(auditChainHead.id, 1));
    return rows.length;
  });
}

export interface ChainVerdict {
  ok: boolean;
  entries: number;
  head: { lastId: number; entries: number } | null;
  firstBroken: ChainBreak | null;
}

/** Walks the whole chain in id order (in pages, so memory stays flat) and checks it against the head. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 5000): Promise<ChainVerdict> {
  const [head] = await db.select().from(auditChainHead).where(eq(auditChainHead.id, 1));
  const digest = sealedDigest(activeKeyring());
  let prev = GENESIS_HASH;
  let entries = 0;
  let lastId = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.id, lastId))
      .orderBy(asc(auditLog.id))
      .limit(pageSize);
    if (!rows.length) break;
    const { brk, last } = findBreak(rows, prev, digest);
    if (brk)
      return {
        ok: false,
        entries: entries + rows.findIndex((r) => r.id === brk.id),
        head: headOf(head),
        firstBroken: brk,
      };
    prev = last;
    entries += rows.length;
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
        detail: `the chain head records ${head?.entries ?? 0} rows ending at id ${head?.lastId ?? 0}; the table has ${entries} ending at id ${lastId}`,
      };
  return { ok: headOk, entries, head: headOf(head), firstBroken };
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
