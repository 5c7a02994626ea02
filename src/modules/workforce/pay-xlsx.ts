import ExcelJS from 'exceljs';
import type { DaySource } from './attendance.ts';
import type { PayLine } from './overtime-pay.ts';

/** Column labels of the pay sheet (UI text in Chinese, one place). */
export const PAY_COLUMNS = [
  '话务员',
  '月份',
  '工作小时',
  '延长工作时间(150%)',
  '休息日(200%)',
  '法定节假日(300%)',
  '加班工资(元)',
  '按考勤天数',
  '按排班天数',
];
/** Column labels of the second sheet: where each work day's hours came from. */
export const PAY_DAY_COLUMNS = ['话务员', '日期', '来源', '小时'];
export const DAY_SOURCE_LABELS: Record<DaySource, string> = { attendance: '考勤记录', rota: '排班表' };

type Line = PayLine & {
  name: string;
  attendanceDays?: number;
  rotaDays?: number;
  days?: { date: string; source: DaySource; hours: number }[];
};

/**
 * The overtime-pay table as an XLSX workbook: one row per agent per month, money in yuan to the fen; a second
 * sheet names the source (clock-in records or the published rota) of each agent's work day.
 */
export async function payWorkbook(lines: Line[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('加班工资');
  ws.addRow(PAY_COLUMNS);
  for (const l of lines)
    ws.addRow([
      l.name,
      l.month,
      l.hours,
      l.overtime150,
      l.restDay200,
      l.holiday300,
      l.overtimePayFen / 100,
      l.attendanceDays ?? 0,
      l.rotaDays ?? 0,
    ]);
  ws.getColumn(7).numFmt = '0.00';
  const days = wb.addWorksheet('每日来源');
  days.addRow(PAY_DAY_COLUMNS);
  for (const l of lines)
    for (const d of l.days ?? []) days.addRow([l.name, d.date, DAY_SOURCE_LABELS[d.source], d.hours]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
