import { describe, expect, it } from 'vitest';
import { addDays, startOfLocalDay } from '../../calendar/index.ts';
import type { PlannedShift } from './labour-law.ts';
import ExcelJS from 'exceljs';
import { hourlyWageFen, overtimePay } from './overtime-pay.ts';
import { PAY_COLUMNS, payWorkbook } from './pay-xlsx.ts';

const MON = '2026-03-02';
const shift = (day: string, startHour: number, hours = 8): PlannedShift => ({
  agent: 'a',
  start: new Date(startOfLocalDay(day).getTime() + startHour * 3600_000),
  end: new Date(startOfLocalDay(day).getTime() + (startHour + hours) * 3600_000),
});
/** 4,350 yuan a month: 4350 / 21.75 / 8 = 25 yuan an hour (劳社部发〔2008〕3号). */
const WAGE = 435_000;
const none = () => false;

describe('overtimePay (Labour Law art. 44)', () => {
  it('uses the 21.75-day month', () => {
    expect(hourlyWageFen(WAGE)).toBe(2500);
  });

  it.each([
    ['five 8-hour days: no premium', [0, 1, 2, 3, 4].map((k) => shift(addDays(MON, k), 8)), 40, 0, 0, 0, 0],
    ['a 10-hour day: 2 h at 150 %', [shift(MON, 8, 10)], 10, 2, 0, 0, 7500],
    [
      'six days: the sixth at 200 %',
      [0, 1, 2, 3, 4, 5].map((k) => shift(addDays(MON, k), 8)),
      48,
      0,
      8,
      0,
      40000,
    ],
  ])('%s', (_, shifts, hours, o150, r200, h300, fen) => {
    const [l] = overtimePay(shifts, none, () => WAGE);
    expect(l).toMatchObject({
      month: '2026-03',
      hours,
      overtime150: o150,
      restDay200: r200,
      holiday300: h300,
      overtimePayFen: fen,
    });
  });

  it('a statutory holiday at 300 %, split at midnight', () => {
    const [l] = overtimePay(
      [shift('2026-09-30', 20)],
      (d) => d === '2026-10-01',
      () => WAGE,
    );
    const [oct] = overtimePay(
      [shift('2026-09-30', 20)],
      (d) => d === '2026-10-01',
      () => WAGE,
    ).slice(1);
    expect(l).toMatchObject({ month: '2026-09', hours: 4, holiday300: 0 });
    expect(oct).toMatchObject({ month: '2026-10', hours: 4, holiday300: 4, overtimePayFen: 30000 });
  });

  it('the National Day week: 10-01 … 10-03 at 300 %, its other rest days at 200 %, not counted twice', async () => {
    const { isStatutoryHoliday } = await import('./statutory-holidays.ts');
    // 2024: 10-01 … 10-07 off by the calendar; only 10-01 … 10-03 are statutory. Mon 09-30 … Sun 10-06, 8 h a day.
    const calendarHoliday = (d: string) => d >= '2024-10-01' && d <= '2024-10-07';
    const shifts = [0, 1, 2, 3, 4, 5, 6].map((k) => shift(addDays('2024-09-30', k), 8));
    const lines = overtimePay(shifts, isStatutoryHoliday, () => WAGE, {
      comprehensiveHours: false,
      isHolidayRestDay: (d) => calendarHoliday(d) && !isStatutoryHoliday(d),
    });
    const oct = lines.find((l) => l.month === '2024-10')!;
    // 3 × 8 h at 300 % + 3 × 8 h at 200 % = (72 + 48) × 25 yuan; 09-30 is a plain 8-hour day.
    expect(oct).toMatchObject({ hours: 48, holiday300: 24, restDay200: 24, overtime150: 0 });
    expect(oct.overtimePayFen).toBe((3 * 24 + 2 * 24) * 2500);
    expect(lines.find((l) => l.month === '2024-09')).toMatchObject({ hours: 8, overtimePayFen: 0 });
  });

  it('under 综合计算工时 only the period’s hours over 40 a week count, at 150 %', () => {
    const shifts = [0, 1, 2, 3, 4, 5].map((k) => shift(addDays(MON, k), 8));
    const [l] = overtimePay(shifts, none, () => WAGE, { comprehensiveHours: true, periodWeeks: 1 });
    expect(l).toMatchObject({ overtime150: 8, restDay200: 0, overtimePayFen: 30000 });
  });

  it('five night shifts are 40 hours: no premium though they touch six days', () => {
    const lines = overtimePay(
      [0, 1, 2, 3, 4].map((k) => shift(addDays(MON, k), 22)),
      none,
      () => WAGE,
    );
    expect(lines.reduce((s, l) => s + l.overtimePayFen, 0)).toBe(0);
  });

  it('exports the table as XLSX', async () => {
    const lines = overtimePay([shift(MON, 8, 10)], none, () => WAGE).map((l) => ({ ...l, name: '李四' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await payWorkbook(lines)) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...PAY_COLUMNS]);
    expect(ws.getRow(2).values).toEqual([undefined, '李四', '2026-03', 10, 2, 0, 0, 75, 0, 0]);
  });
});
