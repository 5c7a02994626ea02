import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import type { Actor } from '../actor.ts';
import { openPersonal, recordAudit } from '../audit.ts';
import { activeKeyring } from '../keyring.ts';
import { isSealed, type Keyring, open } from '../sm-crypto.ts';
import { conventionalMeaning, readSchemaDocs } from './schema-doc.ts';
import { handoverReadme } from './readme.ts';

/**
 * 数据移交 — the hand-over package of Luohe contract art. 8.5: every table the platform holds as JSON lines,
 * binary values as attachment files, a README of the schema and a manifest with each file's SM3 digest and row
 * count. It reads the database's catalogue rather than each module's tables on purpose: the package must hold
 * every table, including ones added after this code was written.
 */
export interface ManifestFile {
  file: string;
  table: string | null;
  rows: number;
  bytes: number;
  sm3: string;
  /** For a file a row refers to (an attachment): that row's id. */
  rowId?: number;
  /** Set when the stored file was missing or no longer matched the digest recorded at upload. */
  problem?: 'missing' | 'digest_mismatch';
}

/**
 * Files a module keeps outside the database, each referred to by a row of one of its tables (order
 * attachments). The module says where a row's file is; the package copies it in readable form.
 */
export interface HandoverFiles {
  table: string;
  /** `read`: the file's bytes, opened; `name`: its name in the package; `sha256`: the digest recorded with it. */
  locate(row: Record<string, unknown>): { read: () => Promise<Buffer>; name: string; sha256?: string } | null;
}

export interface Manifest {
  kind: '12345-hotline-handover';
  version: 1;
  generatedAt: string;
  database: string;
  tables: number;
  rows: number;
  files: ManifestFile[];
}

export interface HandoverResult {
  dir: string;
  manifestFile: string;
  /** SM3 of the manifest file's bytes: what the destruction certificate quotes. */
  manifestSm3: string;
  tables: number;
  rows: number;
  files: number;
  /** Files copied for rows that refer to them (attachments), and those missing or damaged on disk. */
  attachments: number;
  attachmentProblems: number;
}

export interface ColumnInfo {
  table: string;
  column: string;
  type: string;
  nullable: boolean;
}

export async function listColumns(db: Database): Promise<ColumnInfo[]> {
  const rows = await queryRows<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
  }>(
    db,
    sql`select c.table_name, c.column_name, c.data_type, c.is_nullable
          from information_schema.columns c
          join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
         where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
         order by c.table_name, c.ordinal_position`,
  );
  return rows.map((r) => ({
    table: r.table_name,
    column: r.column_name,
    type: r.data_type,
    nullable: r.is_nullable === 'YES',
  }));
}

const WITHHELD = new Set(['users.totp_secret', 'users.totp_pending_secret']);

/** A stored value as it goes into the package: opened if sealed, dates as ISO 8601, 64-bit integers as text. */
function exportValue(ring: Keyring, table: string, column: string, v: unknown): unknown {
  // Second-factor secrets are credentials, not the city's data: handed over they would let anyone holding the
  // package sign in as the staff. They go out empty (the staff enrol again on the successor's system).
  if (WITHHELD.has(`${table}.${column}`)) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return isSealed(v) ? open(ring, v, `${table}.${column}`) : v;
  if (v && typeof v === 'object') return openPersonal(ring, v);
  return v;
}

class Sm3File {
  private hash = createHash('sm3');
  private fd: number;
  bytes = 0;
  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
  }
  write(data: string | Uint8Array) {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    fs.writeSync(this.fd, buf);
    this.hash.update(buf);
    this.bytes += buf.length;
  }
  close(): string {
    fs.closeSync(this.fd);
    return this.hash.digest('hex');
  }
}

/**
 * Copies the file a row refers to into `attachments/<table>/<id>-<name>`, opened (readable: the successor must
 * open the photos and replies, not hold our key), with its SM3 and size for the manifest.
 */
async function copyRowFile(
  dir: string,
  source: HandoverFiles,
  row: Record<string, unknown>,
  files: ManifestFile[],
): Promise<string | null> {
  const where = source.locate(row);
  if (!where) return null;
  const id = Number(row.id);
  const rel = path.join('attachments', source.table, `${id}-${path.basename(where.name)}`);
  let bytes: Buffer;
  try {
    bytes = await where.read();
  } catch (err) {
    // A lost or tampered file must not stop the hand-over: the manifest names it, the row keeps its metadata.
    const problem = (err as { code?: string }).code === 'ENOENT' ? 'missing' : 'digest_mismatch';
    files.push({ file: rel, table: source.table, rows: 0, bytes: 0, sm3: '', rowId: id, problem });
    return null;
  }
  const out = new Sm3File(path.join(dir, rel));
  out.write(bytes);
  const damaged = where.sha256 != null && createHash('sha256').update(bytes).digest('hex') !== where.sha256;
  files.push({
    file: rel,
    table: source.table,
    rows: 0,
    bytes: out.bytes,
    sm3: out.close(),
    rowId: id,
    ...(damaged && { problem: 'digest_mismatch' as const }),
  });
  return rel;
}

async function exportTable(
  db: Database,
  ring: Keyring,
  dir: string,
  table: string,
  columns: ColumnInfo[],
  files: ManifestFile[],
  rowFiles: HandoverFiles | undefined,
) {
  const out = new Sm3File(path.join(dir, 'tables', `${table}.jsonl`));
  const order = columns.some((c) => c.column === 'id') ? sql`order by id` : sql``;
  let rows = 0;
  // A cursor keeps memory flat on tables of millions of rows (calls) on both drivers.
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`declare handover_cur no scroll cursor for select * from ${sql.identifier(table)} ${order}`,
    );
    for (;;) {
      const batch = await queryRows<Record<string, unknown>>(tx, sql`fetch 2000 from handover_cur`);
      if (!batch.length) break;
      for (const r of batch) {
        rows++;
        const row: Record<string, unknown> = {};
        for (const c of columns) {
          const v = r[c.column];
          if (v instanceof Uint8Array) {
            const rel = path.join('attachments', table, `${r.id ?? rows}.${c.column}.bin`);
            const att = new Sm3File(path.join(dir, rel));
            att.write(v);
            files.push({ file: rel, table, rows: 0, bytes: att.bytes, sm3: att.close() });
            row[c.column] = { file: rel };
          } else row[c.column] = exportValue(ring, table, c.column, v);
        }
        if (rowFiles) row.package_file = await copyRowFile(dir, rowFiles, r, files);
        out.write(`${JSON.stringify(row)}\n`);
      }
    }
    await tx.execute(sql`close handover_cur`);
  });
  files.push({
    file: path.join('tables', `${table}.jsonl`),
    table,
    rows,
    bytes: out.bytes,
    sm3: out.close(),
  });
  return rows;
}

/** Writes the package into `dir` (which must be empty or absent) and records the export in the audit trail. */
export async function exportHandover(
  db: Database,
  where: string,
  dir: string,
  actor: Actor,
  now: Date,
  opts: { files?: HandoverFiles[] } = {},
): Promise<HandoverResult> {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length) throw new Error(`${dir} is not empty`);
  fs.mkdirSync(dir, { recursive: true });
  const ring = activeKeyring();
  const columns = await listColumns(db);
  const tables = [...new Set(columns.map((c) => c.table))];
  const files: ManifestFile[] = [];
  let total = 0;
  const counts = new Map<string, number>();
  for (const t of tables) {
    const n = await exportTable(
      db,
      ring,
      dir,
      t,
      columns.filter((c) => c.table === t),
      files,
      opts.files?.find((f) => f.table === t),
    );
    counts.set(t, n);
    total += n;
  }
  const readme = new Sm3File(path.join(dir, 'README.md'));
  readme.write(
    handoverReadme({ now, where, columns, counts, docs: readSchemaDocs(), meaning: conventionalMeaning }),
  );
  files.unshift({ file: 'README.md', table: null, rows: 0, bytes: readme.bytes, sm3: readme.close() });
  const manifest: Manifest = {
    kind: '12345-hotline-handover',
    version: 1,
    generatedAt: now.toISOString(),
    database: where,
    tables: tables.length,
    rows: total,
    files,
  };
  const manifestFile = path.join(dir, 'manifest.json');
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  fs.writeFileSync(manifestFile, text);
  const manifestSm3 = createHash('sm3').update(text).digest('hex');
  fs.writeFileSync(path.join(dir, 'manifest.sm3'), `${manifestSm3}  manifest.json\n`);
  const result = {
    dir: path.resolve(dir),
    manifestFile,
    manifestSm3,
    tables: tables.length,
    rows: total,
    files: files.length,
    attachments: files.filter((f) => f.rowId != null && !f.problem).length,
    attachmentProblems: files.filter((f) => f.problem).length,
  };
  // Exporting everything is the largest read of personal data there is: it goes into the audit trail.
  await recordAudit(db, actor, now, { action: 'handover_export', entity: 'handover', after: result });
  return result;
}
