import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { auditLog } from '../schema.ts';
import type { CertificateInput } from './certificate.ts';
import type { Manifest } from './export.ts';

/** The facts a certificate quotes, from a manifest file; its digest is recomputed from the bytes on disk. */
export function manifestFacts(file: string): Omit<CertificateInput, 'partyA' | 'partyB' | 'contract'> {
  const text = fs.readFileSync(file);
  const m = JSON.parse(text.toString('utf8')) as Manifest;
  if (m.kind !== '12345-hotline-handover') throw new Error(`${file} is not a hand-over manifest`);
  return {
    exportedAt: new Date(m.generatedAt),
    manifestSm3: createHash('sm3').update(text).digest('hex'),
    files: m.files.length,
    tables: m.tables,
    rows: m.rows,
  };
}

/** The manifest of the latest hand-over export, as the audit trail recorded it. */
export async function latestExport(
  db: DbOrTx,
): Promise<{ manifestFile: string; manifestSm3: string } | null> {
  const [row] = await db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'handover_export'), eq(auditLog.entity, 'handover')))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return (row?.after as { manifestFile: string; manifestSm3: string } | undefined) ?? null;
}
