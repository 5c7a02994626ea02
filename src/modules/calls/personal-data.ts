import { activeKeyring } from '../../platform/keyring.ts';
import type { SealSpec } from '../../platform/reseal.ts';
import { type Keyring, open, sealNullable } from '../../platform/sm-crypto.ts';

/** The calling number is personal information (PIPL art. 4): sealed with SM4 in calls and in callbacks. */
export const CALL_SEAL_SPECS: SealSpec[] = [
  { table: 'calls', columns: [{ name: 'caller_number', context: 'calls.caller_number' }] },
  { table: 'call_callbacks', columns: [{ name: 'caller_number', context: 'call_callbacks.caller_number' }] },
];

type Where = 'calls' | 'call_callbacks';

export function sealNumber(n: string | null | undefined, where: Where, ring: Keyring = activeKeyring()) {
  return sealNullable(ring, n, `${where}.caller_number`);
}

export function openNumber(n: string | null, where: Where, ring: Keyring = activeKeyring()): string | null {
  return open(ring, n, `${where}.caller_number`);
}
