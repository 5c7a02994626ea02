import { activeKeyring } from '../../platform/keyring.ts';
import type { SealSpec } from '../../platform/reseal.ts';
import {
  isSealed,
  type Keyring,
  open,
  phoneIndex,
  phoneIndexes,
  sealNullable,
} from '../../platform/sm-crypto.ts';

/**
 * The caller's name, phone and the address are personal information (PIPL art. 4) and are stored sealed with
 * SM4 (docs/security-data.md); the phone also gets a blind index for exact look-ups and repeat callers.
 */
export const ORDER_SEAL_SPEC: SealSpec = {
  table: 'orders',
  columns: [
    { name: 'caller_name', context: 'orders.caller_name' },
    { name: 'caller_phone', context: 'orders.caller_phone' },
    { name: 'address', context: 'orders.address' },
  ],
  phoneIndex: { column: 'caller_phone_bidx', from: 'caller_phone' },
};

export interface CallerPlain {
  callerName: string | null;
  callerPhone: string | null;
  address: string | null;
}

/** The stored form of the personal columns of a new order. */
export function sealCaller(p: CallerPlain, ring: Keyring = activeKeyring()) {
  return {
    callerName: sealNullable(ring, p.callerName, 'orders.caller_name'),
    callerPhone: sealNullable(ring, p.callerPhone, 'orders.caller_phone'),
    callerPhoneBidx: phoneIndex(ring, p.callerPhone),
    address: sealNullable(ring, p.address, 'orders.address'),
  };
}

/**
 * Rows this process has just sealed, with the plain values they were sealed from and the sealed values they
 * hold (issue 18: the intake's answer opened the three values it had sealed a moment before, twice). Keyed by
 * the row object, so nothing outlives the row; used only while the row still holds exactly those sealed values.
 */
const justSealed = new WeakMap<object, { plain: CallerPlain; sealed: CallerPlain }>();

/** Remembers that `row` holds `sealed`, sealed from `plain`: `openCaller(row)` then need not decrypt them. */
export function rememberSealed(row: object, plain: CallerPlain, sealed: CallerPlain): void {
  justSealed.set(row, { plain, sealed });
}

/** A row with its personal columns opened; rows written before encryption pass through unchanged. */
export function openCaller<T extends Partial<CallerPlain>>(row: T, ring: Keyring = activeKeyring()): T {
  const out = { ...row };
  const known = justSealed.get(row);
  if (
    known &&
    row.callerName === known.sealed.callerName &&
    row.callerPhone === known.sealed.callerPhone &&
    row.address === known.sealed.address
  ) {
    out.callerName = known.plain.callerName;
    out.callerPhone = known.plain.callerPhone;
    out.address = known.plain.address;
    return out;
  }
  if (row.callerName !== undefined) out.callerName = openKnown(ring, row.callerName, 'orders.caller_name');
  if (row.callerPhone !== undefined)
    out.callerPhone = openKnown(ring, row.callerPhone, 'orders.caller_phone');
  if (row.address !== undefined) out.address = openKnown(ring, row.address, 'orders.address');
  return out;
}

/**
 * Values this process has opened, by context and sealed text (issue 18: every list opened each listed caller,
 * three SM4 decryptions and MAC checks per row, 13 % of the server's CPU in the mixed workload, while agents
 * and departments re-read the same queues all day). Bounded (oldest out first) and emptied when the key ring
 * changes; a sealed text is unique (its IV is random), so an entry can never answer for another value. The
 * cache holds no more than the process already holds while it presents a page.
 */
export const OPENED_CACHE_MAX = 20_000;
const opened = new Map<string, string | null>();
let openedWith: Keyring | null = null;

function openKnown(ring: Keyring, stored: string | null, context: string): string | null {
  if (stored == null || !isSealed(stored)) return stored;
  if (ring !== openedWith) {
    opened.clear();
    openedWith = ring;
  }
  const key = `${context}|${stored}`;
  const hit = opened.get(key);
  if (hit !== undefined) return hit;
  const plain = open(ring, stored, context);
  if (opened.size >= OPENED_CACHE_MAX) opened.delete(opened.keys().next().value!);
  opened.set(key, plain);
  return plain;
}

/** How many opened values the process keeps (for tests). */
export const openedCacheSize = () => opened.size;

/** The blind index to look an exact phone up by (`?callerPhone=`). */
export function callerPhoneIndex(phone: string, ring: Keyring = activeKeyring()): string | null {
  return phoneIndex(ring, phone);
}

/** The indexes to match for an exact phone: under the current index key and any older one kept during a rotation. */
export function callerPhoneIndexes(phone: string, ring: Keyring = activeKeyring()): string[] {
  return phoneIndexes(ring, phone);
}
