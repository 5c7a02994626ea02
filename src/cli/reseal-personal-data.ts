import { CALL_SEAL_SPECS } from '../modules/calls/index.ts';
import { USER_SEAL_SPEC } from '../modules/directory/index.ts';
import { ORDER_SEAL_SPEC } from '../modules/orders/index.ts';
import { resealAuditRows } from '../platform/audit.ts';
import { resealTable, type ResealMode, type SealSpec } from '../platform/reseal.ts';
import type { Keyring } from '../platform/sm-crypto.ts';
import type { Database } from '../db/client.ts';

/** Every column of personal data sealed at rest, across modules (docs/security-data.md lists them). */
export const SEAL_SPECS: SealSpec[] = [ORDER_SEAL_SPEC, ...CALL_SEAL_SPECS, USER_SEAL_SPEC];

/**
 * `plain`: seals rows written before encryption at rest (run at every start; finds nothing once done).
 * `rotate`: re-seals everything not sealed with the current key, in batches, audit rows included.
 */
export async function resealPersonalData(
  db: Database,
  ring: Keyring,
  mode: ResealMode,
  opts: { batchSize?: number; onProgress?: (table: string, done: number) => void } = {},
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const spec of SEAL_SPECS)
    out[spec.table] = await resealTable(db, spec, ring, mode, {
      batchSize: opts.batchSize,
      onBatch: (n) => opts.onProgress?.(spec.table, n),
    });
  if (mode === 'rotate') out.audit_log = await resealAuditRows(db, ring, opts.batchSize);
  return out;
}
