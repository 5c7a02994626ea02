/**
 * Reading a knowledge file in the columns Henan cities exchange: 类目 标题 内容 发文单位 材料性质 关键字. The
 * header row is required; columns may come in any order and extra ones are ignored. CSV may be UTF-8 (with or
 * without BOM) or GBK as Excel for Chinese Windows saves it; XLSX is read from its first sheet.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';

export const KB_FILE_FORMATS = ['csv', 'xlsx'] as const;
export type KbFileFormat = (typeof KB_FILE_FORMATS)[number];

/** One batch at most: a bigger file is refused whole, before anything is written. */
export const IMPORT_MAX_ROWS = 1000;

export const KB_COLUMNS = ['category', 'title', 'content', 'issuer', 'kind', 'keywords'] as const;
export type KbColumn = (typeof KB_COLUMNS)[number];

/** The headers as written in the exchange format, in their usual order. */
export const KB_COLUMN_HEADERS: Record<KbColumn, string> = {
  category: '类目',
  title: '标题',
  content: '内容',
  issuer: '发文单位',
  kind: '材料性质',
  keywords: '关键字',
};

/** Other spellings met in cities' files. */
const HEADER_ALIASES: Record<string, KbColumn> = {
  ...Object.fromEntries(Object.entries(KB_COLUMN_HEADERS).map(([k, v]) => [v, k as KbColumn])),
  分类: 'category',
  知识类目: 'category',
  正文: 'content',
  关键词: 'keywords',
};

const REQUIRED: readonly KbColumn[] = ['title', 'content'];

export interface RawRow {
  /** The row as a spreadsheet shows it: the header is row 1 (or wherever it stands). */
  row: number;
  values: Record<KbColumn, string>;
}

/** UTF-8 when the bytes are valid UTF-8, else GBK: a file Excel saved as "CSV" on Chinese Windows. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

function readCsvTable(bytes: Uint8Array): string[][] {
  try {
    return parse(decodeCsv(bytes), {
      relax_column_count: true,
      skip_empty_lines: false,
      bom: true,
    }) as string[][];
  } catch (err) {
    throw new AppError(
      'unreadable_file',
      400,
      `Not a readable CSV file: ${(err as Error).message}`,
      '无法读取 CSV 文件，请检查格式',
    );
  }
}

/** A cell as the text a user sees (rich text joined, formulas as their result, hyperlinks as their text). */
function cellText(cell: ExcelJS.Cell): string {
  const t = cell.text;
  return typeof t === 'string' ? t : String(t ?? '');
}

async function readXlsxTable(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new AppError(
      'unreadable_file',
      400,
      `Not a readable XLSX file: ${(err as Error).message}`,
      '无法读取 XLSX 文件，请检查格式',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    table[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(table, (r) => r ?? []);
}

const isBlank = (cells: readonly string[]) => cells.every((c) => !c || c.trim() === '');

function mapHeader(cells: readonly string[]): Map<KbColumn, number> {
  const columns = new Map<KbColumn, number>();
  cells.forEach((cell, i) => {
    const key = HEADER_ALIASES[cell.replace(/^\uFEFF/u, '').trim()];
    if (key && !columns.has(key)) columns.set(key, i);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c)).map((c) => KB_COLUMN_HEADERS[c]);
  if (missing.length > 0) {
    throw new AppError(
      'missing_columns',
      400,
      `The header row lacks the column(s) ${missing.join(', ')}; expected ${Object.values(KB_COLUMN_HEADERS).join(', ')}`,
      `表头缺少列：${missing.join('、')}（应为 ${Object.values(KB_COLUMN_HEADERS).join('、')}）`,
      { missing },
    );
  }
  return columns;
}

/** The data rows of a table under its header (the first non-blank row); blank rows are skipped. */
export function tableToRows(table: readonly (readonly string[])[]): RawRow[] {
  const headerIndex = table.findIndex((cells) => !isBlank(cells));
  if (headerIndex < 0) {
    throw new AppError('empty_file', 400, 'The file has no header row', '文件为空，缺少表头');
  }
  const columns = mapHeader(table[headerIndex]!);
  const rows: RawRow[] = [];
  for (let i = headerIndex + 1; i < table.length; i++) {
    const cells = table[i]!;
    if (isBlank(cells)) continue;
    const values = Object.fromEntries(
      KB_COLUMNS.map((c) => [c, columns.has(c) ? (cells[columns.get(c)!] ?? '') : '']),
    ) as Record<KbColumn, string>;
    rows.push({ row: i + 1, values });
  }
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new AppError(
      'import_too_large',
      400,
      `An import takes at most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows; this file has ${rows.length.toLocaleString('en')}. Split it into several files.`,
      `每次导入最多 ${IMPORT_MAX_ROWS} 行，此文件有 ${rows.length} 行，请拆分后分批导入`,
      { limit: IMPORT_MAX_ROWS, rows: rows.length },
    );
  }
  return rows;
}

export async function readKbFile(format: KbFileFormat, bytes: Uint8Array): Promise<RawRow[]> {
  const table = format === 'csv' ? readCsvTable(bytes) : await readXlsxTable(bytes);
  return tableToRows(table);
}
