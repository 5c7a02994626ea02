import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The meaning of each table and column, read from the doc comments in the schema files (the one place they
 * are written), so the hand-over README says what the code says. Columns without a comment get a meaning from
 * their name's convention (`*_at` a time, `*_id` a reference).
 */
export interface TableDoc {
  table: string;
  comment: string | null;
  columns: Map<string, string>;
}

const SRC = fileURLToPath(new URL('../../', import.meta.url));

function schemaFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return schemaFiles(p);
    return e.name === 'schema.ts' ? [p] : [];
  });
}

const clean = (c: string) =>
  c
    .split('\n')
    .map((l) => l.replace(/^\s*\*\s?/, '').trim())
    .filter(Boolean)
    .join(' ');

export function readSchemaDocs(srcDir = SRC): Map<string, TableDoc> {
  const docs = new Map<string, TableDoc>();
  for (const file of schemaFiles(srcDir)) {
    const text = fs.readFileSync(file, 'utf8');
    const starts = [
      ...text.matchAll(/(?:\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*)?export const \w+ = pgTable\(\s*'(\w+)'/g),
    ];
    starts.forEach((m, i) => {
      const chunk = text.slice(m.index! + m[0].length, starts[i + 1]?.index ?? text.length);
      const columns = new Map<string, string>();
      for (const c of chunk.matchAll(/\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\w+: \w+\(\s*'(\w+)'/g))
        columns.set(c[2]!, clean(c[1]!));
      docs.set(m[2]!, { table: m[2]!, comment: m[1] ? clean(m[1]) : null, columns });
    });
  }
  return docs;
}

const COMMON: Record<string, string> = {
  number: 'the number people quote (e.g. the order number 工单编号)',
  status: 'state (values as in the module docs under docs/)',
  version: 'optimistic-lock version, +1 per change',
  note: 'free-text note by the person acting',
  reason: 'free-text reason given',
  title: 'short title',
  content: 'the text of the request or record',
  channel: 'where it came in (phone, web, app, …)',
  kind: 'kind of record (values as in the module docs)',
  name: 'name',
  caller_name: "the caller's name (personal information; SM4-encrypted on the platform, clear here)",
  caller_phone: "the caller's phone (personal information; SM4-encrypted on the platform, clear here)",
  caller_number: 'the calling number (personal information; SM4-encrypted on the platform, clear here)',
  address: 'the address of the matter (personal information; SM4-encrypted on the platform, clear here)',
};

/** A meaning for a column without a comment, from the naming conventions of docs/ARCHITECTURE.md. */
export function conventionalMeaning(column: string, type: string): string {
  if (COMMON[column]) return COMMON[column];
  if (column === 'id') return 'row id (primary key)';
  if (column.endsWith('_at')) return `time (${type}, ISO 8601)`;
  if (column.endsWith('_ids')) return 'ids of referenced rows';
  if (column.endsWith('_id') || column.endsWith('_by')) return 'id of a referenced row (user, department, …)';
  if (column.endsWith('_hash')) return 'one-way hash (the secret itself is not kept)';
  if (column.endsWith('_bidx'))
    return 'blind index: keyed HMAC-SM3 of the normalised value, for exact look-ups only';
  return column.replace(/_/g, ' ');
}
