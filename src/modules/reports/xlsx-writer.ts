import ExcelJS from 'exceljs';
import { type CellFormat, type ReportDocument, tablesOf, type TableBlock } from './document.ts';

const NUM_FMT: Record<CellFormat, string | undefined> = {
  text: undefined,
  int: '#,##0',
  pct: '0.00%',
  dec1: '0.0',
};

/** Adds one table as a worksheet: a header row, numbers kept as numbers with a number format. */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  t: TableBlock,
  name = t.sheet ?? t.title,
): ExcelJS.Worksheet {
  // Sheet names: ≤ 31 characters, none of : \ / ? * [ ] (Excel's rule).
  const ws = wb.addWorksheet(name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  ws.columns = t.columns.map((c, i) => ({
    header: c.title,
    width: i === 0 ? 24 : Math.max(10, c.title.length * 2 + 2),
    style: NUM_FMT[c.format ?? 'text'] ? { numFmt: NUM_FMT[c.format ?? 'text'] } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of t.rows) ws.addRow(r.map((v) => v ?? null));
  return ws;
}

/** The document's tables as a workbook: a cover sheet (title, period, the summary) and one sheet per table. */
export async function writeXlsx(doc: ReportDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '12345 政务服务便民热线平台';
  const cover = wb.addWorksheet('说明');
  cover.columns = [{ width: 120 }];
  cover.addRow([doc.title]).font = { bold: true, size: 14 };
  for (const m of doc.meta) cover.addRow([m]);
  cover.addRow([]);
  for (const s of doc.sections)
    for (const b of s.blocks) if (b.kind === 'text' && s === doc.sections[0]) cover.addRow([b.text]);
  for (const t of tablesOf(doc)) if (t.sheet) addTableSheet(wb, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
