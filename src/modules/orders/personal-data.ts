import { activeKeyring } from '../../platform/keyring.ts';
import type { SealSpec } from '../../platform/reseal.ts';
import { type Keyring, open, phoneIndex, phoneIndexes, sealNullable } from '../../platform/sm-crypto.ts';

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
  if (row.callerName !== undefined) out.callerName = open(ring, row.callerName, 'orders.caller_name');
  if (row.callerPhone !== undefined) out.callerPhone = open(ring, row.callerPhone, 'orders.caller_phone');
  if (row.address !== undefined) out.address = open(ring, row.address, 'orders.address');
  return out;
}

/** The blind index to look an exact phone up by (`?callerPhone=`). */
export function callerPhoneIndex(phone: string, ring: Keyring = activeKeyring()): string | null {
  return phoneIndex(ring, phone);
}

/** The indexes to match for an exact phone: under the current index key and any older one kept during a rotation. */
export function callerPhoneIndexes(phone: string, ring: Keyring = activeKeyring()): string[] {
  return phoneIndexes(ring, phone);
}
