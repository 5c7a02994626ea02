/**
 * A report as a format-neutral document: numbered sections of paragraphs, tables and charts. The DOCX, PDF and
 * XLSX writers each render it, so the three files carry the same figures.
 */
export type CellFormat = 'text' | 'int' | 'pct' | 'dec1';
export interface Column {
  title: string;
  format?: CellFormat;
}
export type Cell = string | number | null;

export interface TableBlock {
  kind: 'table';
  title: string;
  /** The worksheet's name in the XLSX (≤ 31 characters; tables without one are left out of the workbook). */
  sheet?: string;
  columns: Column[];
  rows: Cell[][];
}
export type Block =
  { kind: 'text'; text: string } | TableBlock | { kind: 'chart'; title: string; png: Buffer };

export interface DocSection {
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  /** 标题 — printed in the heading font, centred. */
  title: string;
  /** Lines under the title: the issuer, the period, the generation time. */
  meta: string[];
  sections: DocSection[];
  /** File name without extension, ASCII (e.g. `monthly-2026-02`). */
  fileName: string;
}

/** A cell as printed in the DOCX and PDF (the XLSX keeps numbers as numbers). */
export function formatCell(value: Cell, format: CellFormat = 'text'): string {
  if (value == null) return '—';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'pct':
      return `${(value * 100).toFixed(2)}%`;
    case 'dec1':
      return value.toFixed(1);
    case 'int':
      return value.toLocaleString('en-US');
    default:
      return String(value);
  }
}

export const tablesOf = (doc: ReportDocument): TableBlock[] =>
  doc.sections.flatMap((s) => s.blocks.filter((b): b is TableBlock => b.kind === 'table'));
