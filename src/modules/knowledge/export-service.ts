/** Exporting articles in the exchange columns (类目 标题 内容 发文单位 材料性质 关键字), CSV or XLSX. */
import { and, asc } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LocalDate } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import { articleFilterSql } from './articles-query.ts';
import { KB_COLUMN_HEADERS, KB_COLUMNS, type KbColumn, type KbFileFormat } from './import-file.ts';
import type { ArticleFilter } from './model.ts';
import { kbArticles } from './schema.ts';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
  rows: number;
}

type ExportRow = Record<KbColumn, string>;

async function exportRows(db: DbOrTx, filter: ArticleFilter, today: LocalDate): Promise<ExportRow[]> {
  const rows = await db
    .select()
    .from(kbArticles)
    .where(and(...articleFilterSql(filter, today)))
    .orderBy(asc(kbArticles.categoryPath), asc(kbArticles.title));
  return rows.map((a) => ({
    category: a.categoryPath.join('/'),
    title: a.title,
    content: a.content,
    issuer: a.issuer ?? '',
    kind: a.kind,
    keywords: a.keywords.join(';'),
  }));
}

/** A cell Excel would run as a formula gets a leading `'` (CSV injection); the import takes it off. */
function guardCell(value: string): string {
  return /^[=+\-@]/u.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  const v = guardCell(value);
  return /[",\r\n]/u.test(v) ? `"${v.replace(/"/gu, '""')}"` : v;
}

/** UTF-8 with a BOM and CRLF line ends: what Excel on Chinese Windows opens without garbling. */
export function formatCsv(rows: readonly ExportRow[]): Buffer {
  const lines = [
    KB_COLUMNS.map((c) => KB_COLUMN_HEADERS[c]).join(','),
    ...rows.map((r) => KB_COLUMNS.map((c) => csvField(r[c])).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

const XLSX_WIDTHS: Record<KbColumn, number> = {
  category: 24,
  title: 36,
  content: 80,
  issuer: 24,
  kind: 12,
  keywords: 24,
};

export async function formatXlsx(rows: readonly ExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('知识库');
  sheet.columns = KB_COLUMNS.map((c) => ({ header: KB_COLUMN_HEADERS[c], key: c, width: XLSX_WIDTHS[c] }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.getColumn('content').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportKbFile(
  db: DbOrTx,
  format: KbFileFormat,
  filter: ArticleFilter,
  today: LocalDate,
): Promise<ExportFile> {
  const rows = await exportRows(db, filter, today);
  const stamp = today.replaceAll('-', '');
  if (format === 'csv') {
    return {
      body: formatCsv(rows),
      contentType: 'text/csv; charset=utf-8',
      fileName: `kb-${stamp}.csv`,
      rows: rows.length,
    };
  }
  return {
    body: await formatXlsx(rows),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `kb-${stamp}.xlsx`,
    rows: rows.length,
  };
}
