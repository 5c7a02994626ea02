/** COPY's text format, apart from copy.ts so that a worker building COPY text loads no database driver. */

/** A value in COPY's text format: `\N` for null; backslash, tab, newline and carriage return escaped. */
export function copyText(v: string | number | null | undefined): string {
  if (v == null) return '\\N';
  return String(v).replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** A text array as a PostgreSQL array literal (then `copyText` it like any value). */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
