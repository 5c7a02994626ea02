import { sm3Hex } from './sm-crypto.ts';

/**
 * The audit chain's pure rules. Each row's hash is SM3(previous hash ‖ "\n" ‖ canonical form of the row), so a
 * row edited in place no longer matches its hash and a row deleted leaves its successor pointing at nothing
 * (等保 2.0 level 3, 8.1.4.3 c: audit records protected from deletion, modification or overwriting).
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields the hash covers, as stored (personal values already sealed). */
export interface ChainedFields {
  at: Date;
  actorId: number | null;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  clientAddress: string | null;
  userAgent: string | null;
}

/** JSON with object keys sorted at every depth: jsonb reorders keys, so the form must not depend on order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * How a sealed personal value enters the hash: not as its ciphertext (a new key would change it) and not as
 * plain text (SM3 of a row whose other fields are known would let a phone number be guessed), but as a keyed
 * digest of the plain value, which key rotation leaves unchanged.
 */
export type SealedDigest = (sealed: string) => string;

function mapSealed(value: unknown, digest: SealedDigest): unknown {
  if (typeof value === 'string') return value.startsWith('sm4:') ? digest(value) : value;
  if (Array.isArray(value)) return value.map((v) => mapSealed(v, digest));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapSealed(v, digest)]));
  return value;
}

export function canonicalForm(r: ChainedFields, digest: SealedDigest): string {
  return canonicalJson({
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorRole: r.actorRole,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    before: mapSealed(r.before ?? null, digest),
    after: mapSealed(r.after ?? null, digest),
    clientAddress: r.clientAddress,
    userAgent: r.userAgent,
  });
}

export function chainHash(prevHash: string, r: ChainedFields, digest: SealedDigest): string {
  return sm3Hex(`${prevHash}\n${canonicalForm(r, digest)}`);
}

export interface StoredChainRow extends ChainedFields {
  id: number;
  prevHash: string | null;
  hash: string | null;
}

export interface ChainBreak {
  id: number;
  at: string | null;
  action: string | null;
  reason: 'edited' | 'deleted_before' | 'deleted_at_end' | 'unsealed';
  detail: string;
}

/** Checks one run of rows in id order, continuing from `prevHash`; returns the first break, if any. */
export function findBreak(
  rows: StoredChainRow[],
  prevHash: string,
  digest: SealedDigest,
): { brk: ChainBreak | null; last: string } {
  let prev = prevHash;
  for (const r of rows) {
    const where = { id: r.id, at: r.at.toISOString(), action: r.action };
    if (r.hash == null || r.prevHash == null)
      return { brk: { ...where, reason: 'unsealed', detail: 'row has no hash' }, last: prev };
    if (r.prevHash !== prev)
      return {
        brk: { ...where, reason: 'deleted_before', detail: 'prev_hash is not the hash of the row before it' },
        last: prev,
      };
    let hash: string | null;
    try {
      hash = chainHash(prev, r, digest);
    } catch {
      hash = null; // a sealed value that no longer opens was tampered with
    }
    if (hash !== r.hash)
      return {
        brk: { ...where, reason: 'edited', detail: 'the row no longer matches its hash' },
        last: prev,
      };
    prev = r.hash;
  }
  return { brk: null, last: prev };
}
