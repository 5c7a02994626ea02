import { describe, expect, it } from 'vitest';
import { startOfLocalDay } from '../../calendar/index.ts';
import {
  ATTENDANCE_LIMITS,
  checkOverlaps,
  correctionProblems,
  parseAttendanceCsv,
  parseClockTime,
  type ResolveAgent,
  workedShifts,
} from './attendance.ts';
import { overtimePay } from './overtime-pay.ts';

const NOW = new Date('2026-03-20T12:00:00+08:00');
/** Members 1 (李四) and 2 (王五), on the team from 2026-01-01; 王五 left on 2026-03-04. */
const resolve: ResolveAgent = (key, date) => {
  const id = { '1': 1, 'member-1': 1, 李四: 1, '2': 2, 王五: 2 }[key];
  if (!id) return { error: `no team member ${key}` };
  if (id === 2 && date > '2026-03-04') return { error: `${key} is not on the team on ${date}` };
  return { memberId: id };
};
const at = (day: string, h: number, m = 0) =>
  new Date(startOfLocalDay(day).getTime() + (h * 60 + m) * 60_000);
const parse = (body: string) => parseAttendanceCsv(`agent,date,clockIn,clockOut\n${body}`, resolve, NOW);

describe('parseAttendanceCsv', () => {
  it('reads records, a night shift ending the next day, Chinese headers in any order, quotes and a BOM', () => {
    const { rows, errors } = parse('member-1,2026-03-02,07:58,16:05\n\n"李四",2026-03-03,22:00,06:00');
    expect(errors).toEqual([]);
    expect(rows).toMatchObject([
      {
        line: 2,
        memberId: 1,
        date: '2026-03-02',
        clockIn: at('2026-03-02', 7, 58),
        clockOut: at('2026-03-02', 16, 5),
      },
      {
        line: 4,
        memberId: 1,
        date: '2026-03-03',
        clockIn: at('2026-03-03', 22),
        clockOut: at('2026-03-04', 6),
      },
    ]);
    const zh = parseAttendanceCsv(
      '\uFEFF日期,签退,话务员,签到\r\n2026-03-02,16:00,2,08:00\r\n',
      resolve,
      NOW,
    );
    expect(zh.errors).toEqual([]);
    expect(zh.rows[0]).toMatchObject({
      memberId: 2,
      clockIn: at('2026-03-02', 8),
      clockOut: at('2026-03-02', 16),
    });
  });

  it.each([
    ['an impossible hour', '1,2026-03-02,25:00,16:00', 'clockIn'],
    ['an impossible minute', '1,2026-03-02,08:00,16:60', 'clockOut'],
    ['a time without a colon', '1,2026-03-02,0800,16:00', 'clockIn'],
    ['an impossible day', '1,2026-02-30,08:00,16:00', 'date'],
    ['a clock-out 16 h and more after the clock-in', '1,2026-03-02,08:00,07:00', 'clockOut'],
    ['a clock-out in the future', '1,2026-03-20,08:00,16:00', 'clockOut'],
    ['an unknown agent', '赵六,2026-03-02,08:00,16:00', 'agent'],
    ['an agent no longer on the team', '王五,2026-03-05,08:00,16:00', 'agent'],
    ['an empty cell', '1,,08:00,16:00', 'date'],
    ['a NUL character', '1,2026-03-02,08:00\u0000,16:00', 'line'],
    ['a huge cell', `${'x'.repeat(200)},2026-03-02,08:00,16:00`, 'agent'],
    ['a huge line', `1,2026-03-02,08:00,16:00,${'x'.repeat(10_000)}`, 'line'],
    ['an unclosed quote', '"1,2026-03-02,08:00,16:00', 'line'],
  ])('refuses %s, naming the line and field', (_, body, field) => {
    const { rows, errors } = parse(`1,2026-03-01,08:00,16:00\n${body}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 3, field });
    expect(rows.map((r) => r.line)).toEqual([2]);
  });

  it('refuses a header without the columns and a file over the limits', () => {
    expect(parseAttendanceCsv('name,day\n1,2026-03-02', resolve, NOW).errors[0]).toMatchObject({
      line: 1,
      field: 'header',
    });
    const many =
      'agent,date,clockIn,clockOut\n' + '1,2026-03-02,08:00,16:00\n'.repeat(ATTENDANCE_LIMITS.maxLines + 1);
    expect(parseAttendanceCsv(many, resolve, NOW).errors[0]).toMatchObject({ field: 'file' });
  });

  it('reads the clock times strictly', () => {
    expect(parseClockTime('00:00')).toBe(0);
    expect(parseClockTime('7:05:30')).toBe(7 * 3600 + 5 * 60 + 30);
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('12:5')).toBeNull();
  });
});

describe('checkOverlaps', () => {
  const rows = parse(
    '1,2026-03-02,08:00,16:00\n1,2026-03-02,15:00,18:00\n2,2026-03-02,08:00,16:00\n1,2026-03-03,08:00,16:00',
  ).rows;

  it('names a row overlapping another of the same agent; other agents may overlap', () => {
    const r = checkOverlaps(rows, []);
    expect(r.errors).toEqual([{ line: 3, field: 'clockIn', message: 'overlaps line 2 of the same agent' }]);
  });

  it('skips a repeat of a stored record and refuses one overlapping it', () => {
    const ok = rows.filter((r) => r.line !== 3);
    const stored = [
      { id: 7, memberId: 1, clockIn: at('2026-03-02', 8), clockOut: at('2026-03-02', 16) },
      { id: 8, memberId: 2, clockIn: at('2026-03-02', 12), clockOut: at('2026-03-02', 20) },
    ];
    const r = checkOverlaps(ok, stored);
    expect(r.repeats).toBe(1);
    expect(r.errors).toMatchObject([{ line: 4, field: 'clockIn' }]);
    expect(r.errors[0]!.message).toContain('stored record 8');
    expect(r.fresh.map((x) => x.line)).toEqual([5]);
  });
});

describe('workedShifts: attendance where recorded, the rota otherwise', () => {
  const WAGE = 435_000; // 25 yuan an hour
  const rota = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'].map((d) => ({
    agent: 'a',
    start: at(d, 8),
    end: at(d, 16),
  }));

  it('replaces the rota’s day by the clock-in records and adds a day off worked, naming each day’s source', () => {
    const clocked = [
      { agent: 'a', start: at('2026-03-03', 7, 30), end: at('2026-03-03', 17, 30) }, // 10 h instead of 8
      { agent: 'a', start: at('2026-03-07', 8), end: at('2026-03-07', 16) }, // Saturday, off in the rota
    ];
    const { shifts, days } = workedShifts(rota, clocked);
    expect(shifts).toHaveLength(6);
    expect(days.map((d) => [d.date, d.source, d.hours])).toEqual([
      ['2026-03-02', 'rota', 8],
      ['2026-03-03', 'attendance', 10],
      ['2026-03-04', 'rota', 8],
      ['2026-03-05', 'rota', 8],
      ['2026-03-06', 'rota', 8],
      ['2026-03-07', 'attendance', 8],
    ]);
    // 50 h in the week: 2 h over 8 on 03-03 at 150 %, then 50 − 40 − 2 = 8 h at 200 %.
    const [l] = overtimePay(
      shifts,
      () => false,
      () => WAGE,
    );
    expect(l).toMatchObject({
      hours: 50,
      overtime150: 2,
      restDay200: 8,
      overtimePayFen: (1.5 * 2 + 2 * 8) * 2500,
    });
  });

  it('without records the rota is the pay, every day from the rota', () => {
    const { shifts, days } = workedShifts(rota, []);
    expect(shifts).toEqual(rota);
    expect(days.every((d) => d.source === 'rota')).toBe(true);
  });
});

describe('correctionProblems', () => {
  const t = (hm: string) => new Date(`2026-03-02T${hm}:00+08:00`);
  const now = t('20:00');
  const other = { id: 7, memberId: 1, clockIn: t('12:00'), clockOut: t('16:00') };
  it.each([
    ['a fine correction', t('07:00'), t('11:00'), []],
    ['a clock-out at the clock-in', t('08:00'), t('08:00'), ['clockOut']],
    ['a clock-out before the clock-in', t('09:00'), t('08:00'), ['clockOut']],
    ['16 h 1 min', new Date(t('00:00').getTime() - 3600_000), new Date(t('15:01').getTime()), ['clockOut']],
    ['a clock-out after now', t('13:00'), t('21:00'), ['clockOut']],
    ['an overlap with another record', t('15:00'), t('19:00'), ['clockIn']],
    ['touching another record', t('16:00'), t('19:00'), []],
  ])('%s', (_, clockIn, clockOut, fields) => {
    expect(correctionProblems({ clockIn, clockOut }, [other], now).map((p) => p.field)).toEqual(fields);
  });
});
