import { describe, expect, it } from 'vitest';
import { isStatutoryHoliday, statutoryHolidays } from './statutory-holidays.ts';

const of = (year: number, festival: string) =>
  statutoryHolidays(year)
    .filter((d) => d.festival === festival)
    .map((d) => d.date);

// Official dates (State Council holiday notices and the lunar calendar), each checked against lunar-javascript.
describe('statutoryHolidays (《全国年节及纪念日放假办法》)', () => {
  it.each([
    // year, festival, days
    [2025, '春节', ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']], // 除夕 01-28 (2025 rules: 4 days)
    [2026, '春节', ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19']], // 初一 02-17
    [2024, '春节', ['2024-02-10', '2024-02-11', '2024-02-12']], // 初一–初三 (2014–2024)
    [2014, '春节', ['2014-01-31', '2014-02-01', '2014-02-02']],
    [2013, '春节', ['2013-02-09', '2013-02-10', '2013-02-11']], // 除夕–初二 (2008–2013)
    [2008, '春节', ['2008-02-06', '2008-02-07', '2008-02-08']],
    [2024, '清明', ['2024-04-04']],
    [2025, '清明', ['2025-04-04']],
    [2026, '清明', ['2026-04-05']],
    [2014, '清明', ['2014-04-05']],
    [2024, '劳动节', ['2024-05-01']],
    [2025, '劳动节', ['2025-05-01', '2025-05-02']],
    [2024, '端午', ['2024-06-10']],
    [2025, '端午', ['2025-05-31']],
    [2026, '端午', ['2026-06-19']],
    [2024, '中秋', ['2024-09-17']],
    [2025, '中秋', ['2025-10-06']], // inside the National Day week, still one statutory day
    [2026, '中秋', ['2026-09-25']],
    [2026, '国庆', ['2026-10-01', '2026-10-02', '2026-10-03']],
    [2026, '元旦', ['2026-01-01']],
  ])('%i %s', (year, festival, days) => {
    expect(of(year, festival)).toEqual(days);
  });

  it('counts 11 days a year before 2025 and 13 from 2025, in date order', () => {
    for (const y of [2008, 2013, 2014, 2020, 2024]) expect(statutoryHolidays(y)).toHaveLength(11);
    for (const y of [2025, 2026, 2030]) expect(statutoryHolidays(y)).toHaveLength(13);
    const dates = statutoryHolidays(2025).map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('the rest of a holiday week is not statutory: 2024 National Day 10-04 … 10-07, 2026 春节 02-15 and 02-20', () => {
    expect(['2024-10-01', '2024-10-02', '2024-10-03'].every(isStatutoryHoliday)).toBe(true);
    expect(['2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'].some(isStatutoryHoliday)).toBe(false);
    expect(isStatutoryHoliday('2026-02-15')).toBe(false);
    expect(isStatutoryHoliday('2026-02-20')).toBe(false);
    expect(isStatutoryHoliday('2025-10-06')).toBe(true); // 中秋 2025
  });

  it('refuses years before the 2008 rules', () => {
    expect(() => statutoryHolidays(2007)).toThrow(RangeError);
  });
});
