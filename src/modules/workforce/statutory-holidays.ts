/**
 * 法定节假日 — the statutory holiday days of a year, the days on which work is paid at 300 % (Labour Law art. 44(3)) —
 * pure. They are fewer than the calendar's holiday weeks: the rest of a holiday week is made of weekends and 调休
 * rest days, which are rest days (休息日, art. 44(2), 200 %). Source: 《全国年节及纪念日放假办法》 as amended by
 * 国务院令第513号 (in force 2008-01-01), 第644号 (2014-01-01) and 第795号 (2025-01-01), art. 2:
 *
 * | festival | 2008–2013            | 2014–2024            | from 2025                   |
 * |----------|----------------------|----------------------|-----------------------------|
 * | 元旦     | 01-01                | 01-01                | 01-01                       |
 * | 春节     | 除夕, 初一, 初二     | 初一, 初二, 初三     | 除夕, 初一, 初二, 初三      |
 * | 清明     | the 清明 solar term  | same                 | same                        |
 * | 劳动节   | 05-01                | 05-01                | 05-01, 05-02                |
 * | 端午     | 五月初五             | same                 | same                        |
 * | 中秋     | 八月十五             | same                 | same                        |
 * | 国庆     | 10-01 … 10-03        | same                 | same                        |
 *
 * Before 2008 (three-day 劳动节, no 清明/端午/中秋) the platform holds no records: such years are refused.
 * Lunar dates and the solar term come from lunar-javascript (寿星天文历 algorithms).
 */
import lunar from 'lunar-javascript';

export type StatutoryFestival = '元旦' | '春节' | '清明' | '劳动节' | '端午' | '中秋' | '国庆';

export interface StatutoryDay {
  /** 'YYYY-MM-DD' in the Chinese calendar's own day (Asia/Shanghai). */
  date: string;
  festival: StatutoryFestival;
}

export const FIRST_RULED_YEAR = 2008;

const pad = (n: number) => String(n).padStart(2, '0');

/** The statutory holiday days of `year`, in date order (11 days 2008–2024, 13 from 2025). */
export function statutoryHolidays(year: number): StatutoryDay[] {
  if (!Number.isInteger(year) || year < FIRST_RULED_YEAR || year > 2099)
    throw new RangeError(`statutory holidays are known for ${FIRST_RULED_YEAR}–2099, not ${year}`);
  const { Lunar, Solar } = lunar;
  const days: StatutoryDay[] = [];
  const add = (festival: StatutoryFestival, ...dates: string[]) =>
    dates.forEach((date) => days.push({ date, festival }));
  const md = (m: number, d: number) => `${year}-${pad(m)}-${pad(d)}`;

  add('元旦', md(1, 1));
  // 正月初一 of the lunar year beginning in this solar year; 除夕 is the day before it (腊月 has 29 or 30 days).
  const newYear = Lunar.fromYmd(year, 1, 1).getSolar();
  const eve = newYear.next(-1).toYmd();
  const [d1, d2, d3] = [0, 1, 2].map((k) => newYear.next(k).toYmd()) as [string, string, string];
  if (year < 2014) add('春节', eve, d1, d2);
  else if (year < 2025) add('春节', d1, d2, d3);
  else add('春节', eve, d1, d2, d3);
  // 清明 is a solar term (early April); mid-April always lies in this solar year's lunar year.
  add('清明', Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()['清明']!.toYmd());
  if (year < 2025) add('劳动节', md(5, 1));
  else add('劳动节', md(5, 1), md(5, 2));
  add('端午', Lunar.fromYmd(year, 5, 5).getSolar().toYmd());
  add('中秋', Lunar.fromYmd(year, 8, 15).getSolar().toYmd());
  add('国庆', md(10, 1), md(10, 2), md(10, 3));
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

const cache = new Map<number, Set<string>>();

/** Whether a day ('YYYY-MM-DD') is a statutory holiday; memoised per year. */
export function isStatutoryHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let set = cache.get(year);
  if (!set) cache.set(year, (set = new Set(statutoryHolidays(year).map((d) => d.date))));
  return set.has(date);
}
