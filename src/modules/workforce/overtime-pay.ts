/**
 * 加班工资 — overtime pay under Labour Law art. 44, per agent per month — pure. Sanmenxia art. 11: 乙方人员在
 * 国家法定节假日或者超过法定工时工作的，由乙方按照《劳动法》规定支付加班、加时工资.
 * - Hours on a statutory holiday (法定节假日, statutory-holidays.ts: e.g. 10-01 … 10-03 only): 300 % (art. 44(3)).
 * - Hours on the other rest days of a holiday week (the calendar's `holiday` days that are not statutory: the
 *   weekends and 调休 rest days the State Council moves into the week): 200 % (art. 44(2)), the platform recording
 *   no compensatory time off (补休) for them; they are not counted again in the week's 40 hours.
 * - Standard hours (art. 36): hours over 8 in a calendar day, 150 % (art. 44(1)); a week's hours over 40
 *   not already counted so, 200 % (art. 44(2): work on the agent's rest days, 休息日, without time off in lieu).
 * - 综合计算工时 (art. 39): hours over 40 × weeks in the period, 150 %; no rest-day premium (劳部发〔1994〕503号).
 * The hourly wage is the agent's monthly wage / 21.75 / 8 (劳社部发〔2008〕3号), in fen. Money in integer fen.
 */
import { type LocalDate } from '../../calendar/index.ts';
import { hoursByDay, mondayOf, type PlannedShift } from './labour-law.ts';

export interface PayLine {
  agent: string;
  month: string;
  hours: number;
  overtime150: number;
  restDay200: number;
  holiday300: number;
  /** Premium hours × rate × hourly wage, fen. */
  overtimePayFen: number;
}

export const hourlyWageFen = (monthlyWageFen: number) => monthlyWageFen / 21.75 / 8;

export function overtimePay(
  shifts: PlannedShift[],
  isStatutoryHoliday: (d: LocalDate) => boolean,
  wageFenOf: (agent: string) => number,
  options: {
    comprehensiveHours: boolean;
    periodWeeks?: number;
    /** A rest day of a holiday week that is not itself statutory (200 % under the standard hours). */
    isHolidayRestDay?: (d: LocalDate) => boolean;
  } = { comprehensiveHours: false },
): PayLine[] {
  const holidayRest = options.isHolidayRestDay ?? (() => false);
  const byAgent = new Map<string, Map<LocalDate, number>>();
  for (const s of shifts) {
    const days = byAgent.get(s.agent) ?? new Map<LocalDate, number>();
    for (const [d, h] of hoursByDay(s)) days.set(d, (days.get(d) ?? 0) + h);
    byAgent.set(s.agent, days);
  }
  const lines: PayLine[] = [];
  for (const [agent, days] of [...byAgent].sort(([a], [b]) => a.localeCompare(b))) {
    const perMonth = new Map<string, Omit<PayLine, 'agent' | 'month' | 'overtimePayFen'>>();
    const line = (d: LocalDate) => {
      let l = perMonth.get(d.slice(0, 7));
      if (!l) perMonth.set(d.slice(0, 7), (l = { hours: 0, overtime150: 0, restDay200: 0, holiday300: 0 }));
      return l;
    };
    const weeks = new Map<LocalDate, LocalDate[]>();
    for (const [d, h] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
      const l = line(d);
      l.hours += h;
      if (isStatutoryHoliday(d)) {
        l.holiday300 += h;
        continue;
      }
      if (!options.comprehensiveHours && holidayRest(d)) {
        l.restDay200 += h;
        continue;
      }
      if (!options.comprehensiveHours) {
        l.overtime150 += Math.max(0, h - 8);
        weeks.set(mondayOf(d), [...(weeks.get(mondayOf(d)) ?? []), d]);
      }
    }
    if (!options.comprehensiveHours) {
      // A week's hours over 40 not already paid at 150 % are its rest days worked (art. 44(2)): a 7×24 rota
      // has no fixed weekend, so the rest days are whichever go beyond the five 8-hour days; counted on the
      // week's last day worked (a night shift's hours fall on two days, so days cannot be counted instead).
      for (const worked of weeks.values()) {
        const hours = worked.reduce((s, d) => s + (days.get(d) ?? 0), 0);
        const daily = worked.reduce((s, d) => s + Math.max(0, (days.get(d) ?? 0) - 8), 0);
        const extra = Math.max(0, hours - 40 - daily);
        if (extra) line(worked.at(-1)!).restDay200 += extra;
      }
    } else {
      const total = [...days].filter(([d]) => !isStatutoryHoliday(d)).reduce((s, [, h]) => s + h, 0);
      const excess = Math.max(0, total - 40 * (options.periodWeeks ?? 4));
      const last = [...days.keys()].sort().at(-1);
      if (excess && last) line(last).overtime150 += excess;
    }
    const wage = hourlyWageFen(wageFenOf(agent));
    for (const [month, l] of [...perMonth].sort(([a], [b]) => a.localeCompare(b))) {
      const premium = 1.5 * l.overtime150 + 2 * l.restDay200 + 3 * l.holiday300;
      lines.push({ agent, month, ...l, overtimePayFen: Math.round(premium * wage) });
    }
  }
  return lines;
}
