import type { ColumnInfo } from './export.ts';
import type { TableDoc } from './schema-doc.ts';

interface ReadmeInput {
  now: Date;
  where: string;
  columns: ColumnInfo[];
  counts: Map<string, number>;
  docs: Map<string, TableDoc>;
  meaning: (column: string, type: string) => string;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The package's README: what it is, how to check it, and every table with its columns and their meaning. */
export function handoverReadme(i: ReadmeInput): string {
  const tables = [...i.counts.keys()];
  const out = [
    '# 12345 热线平台数据移交包 / Hand-over package of the 12345 hotline platform',
    '',
    `Generated ${i.now.toISOString()} from ${i.where}, under Luohe contract art. 8.5 (移交全部资料、数据).`,
    '',
    '## What is in it',
    '',
    '- `tables/<table>.jsonl`: every table the platform holds, one JSON object per line, one key per column.',
    '  Times are ISO 8601 in UTC (the city works in Asia/Shanghai, UTC+8); money is integer fen (分); 64-bit',
    '  integers are strings.',
    '- `attachments/<table>/<id>.<column>.bin`: binary values (e.g. trained triage models); the row holds',
    '  `{"file": "attachments/…"}` in their place.',
    '- `attachments/order_attachments/<id>-<file name>`: the photos and documents sent with requests and',
    '  replies, as readable files (JPEG, PNG, WebP, PDF); the row of `order_attachments` names its file in',
    '  `package_file` (null when the stored file was missing; the manifest then marks it `problem`). The',
    '  `sha256` column is the digest taken at upload: `sha256sum` of the file must equal it.',
    '- `manifest.json`: every file with its SM3 digest (GB/T 32905), byte size and row count; `manifest.sm3`',
    '  is the SM3 digest of `manifest.json` itself, quoted in the 《数据已销毁确认函》.',
    '',
    '**Personal information is in clear text in this package.** On the platform, callers’ names, phone numbers',
    'and addresses (orders), caller numbers (calls) and personal values inside audit rows are encrypted with',
    'SM4; the hand-over decrypts them because the data belongs to Party A (art. 5.3) and is handed to it. Keep',
    'the package under Party A’s protection for personal information (PIPL arts. 9, 51). Columns ending in',
    '`_bidx` are blind indexes (keyed HMAC-SM3): without the platform’s index key they mean nothing and may be',
    'dropped. `*_hash` columns are one-way hashes of secrets (passwords, tokens, tracking codes).',
    '',
    'Check the package: `sm3sum` (or `openssl dgst -sm3`) of each file must equal its `sm3` in the manifest.',
    '',
    '## Tables',
    '',
    '| table | rows | meaning |',
    '| --- | ---: | --- |',
    ...tables.map((t) => `| \`${t}\` | ${i.counts.get(t)} | ${cell(i.docs.get(t)?.comment ?? '')} |`),
    '',
  ];
  for (const t of tables) {
    const doc = i.docs.get(t);
    out.push(`### \`${t}\``, '');
    if (doc?.comment) out.push(doc.comment, '');
    out.push('| column | type | null | meaning |', '| --- | --- | --- | --- |');
    for (const c of i.columns.filter((c) => c.table === t)) {
      const meaning = doc?.columns.get(c.column) ?? i.meaning(c.column, c.type);
      out.push(`| \`${c.column}\` | ${c.type} | ${c.nullable ? 'yes' : 'no'} | ${cell(meaning)} |`);
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
