import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * XLSX exports of the console's lists and tables: Chinese headers, a frozen and bold header row, numbers kept as
 * numbers and instants as Excel dates in city time (Asia/Shanghai, UTC+8 all year — Excel dates carry no zone,
 * so an instant is written as the wall-clock time a person in the city reads).
 */
export type ExportFormat = 'text' | 'int' | 'dec1' | 'pct' | 'datetime' | 'date' | 'bool';

export interface ExportColumn<R> {
  header: string;
  format?: ExportFormat;
  width?: number;
  value: (row: R) => string | number | boolean | Date | null | undefined;
}

const NUM_FMT: Record<ExportFormat, string | undefined> = {
  text: undefined,
  int: '#,##0',
  dec1: '0.0',
  pct: '0.00%',
  datetime: 'yyyy-mm-dd hh:mm',
  date: 'yyyy-mm-dd',
  bool: undefined,
};

const CITY_OFFSET_MS = 8 * 3600_000;

/** An instant as the Excel date a person in the city reads (Excel stores wall-clock time, no zone). */
export function cityExcelDate(d: Date): Date {
  return new Date(d.getTime() + CITY_OFFSET_MS);
}

/** Back from an Excel date read by exceljs to the instant (for tests and imports). */
export function instantOfExcelDate(d: Date): Date {
  return new Date(d.getTime() - CITY_OFFSET_MS);
}

function cellValue(v: unknown, format: ExportFormat | undefined) {
  if (v == null) return null;
  if (v instanceof Date) return cityExcelDate(v);
  if (format === 'bool') return v ? '是' : '否';
  // Strings go out as strings: no formula, however it starts (a leading "=" stays text, CSV-injection safe).
  if (typeof v === 'string') return v.replace(/\0/g, '');
  return v as number | boolean;
}

/** Excel's rule for sheet names: ≤ 31 characters, none of : \ / ? * [ ]. */
export const sheetName = (name: string) => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

function columnsOf<R>(cols: ExportColumn<R>[]): Partial<ExcelJS.Column>[] {
  return cols.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length * 2 + 4, c.format === 'datetime' ? 18 : 0),
    style: NUM_FMT[c.format ?? 'text'] ? { numFmt: NUM_FMT[c.format ?? 'text'] } : {},
  }));
}

/** Adds one sheet to an in-memory workbook: header row bold and frozen, one row per item. */
export function addExportSheet<R>(
  wb: ExcelJS.Workbook,
  name: string,
  cols: ExportColumn<R>[],
  rows: Iterable<R>,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columnsOf(cols);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(cols.map((c) => cellValue(c.value(r), c.format)));
  return ws;
}

/** A cover sheet: title and lines of explanation (filters, period, who exported, when). */
export function addCoverSheet(wb: ExcelJS.Workbook, title: string, lines: string[]) {
  const ws = wb.addWorksheet('说明');
  ws.columns = [{ width: 100 }];
  ws.addRow([title]).font = { bold: true, size: 14 };
  for (const l of lines) ws.addRow([l]);
  return ws;
}

export function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '12345 政务服务便民热线平台';
  return wb;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A workbook written as a stream, page by page: each row is committed as soon as it is added, so memory stays
 * bounded however long the list (exceljs's streaming writer). `pages` yields the rows a page at a time.
 */
export function streamExport<R>(
  cover: { title: string; lines: string[] },
  name: string,
  cols: ExportColumn<R>[],
  pages: AsyncIterable<R[]>,
): PassThrough {
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = '12345 政务服务便民热线平台';
  void (async () => {
    const ws = wb.addWorksheet(sheetName(name), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columnsOf(cols);
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.commit();
    for await (const page of pages)
      for (const r of page) ws.addRow(cols.map((c) => cellValue(c.value(r), c.format))).commit();
    ws.commit();
    const c = wb.addWorksheet('说明');
    c.columns = [{ width: 100 }];
    c.addRow([cover.title]).commit();
    for (const l of cover.lines) c.addRow([l]).commit();
    c.commit();
    await wb.commit();
  })().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
