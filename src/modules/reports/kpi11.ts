import type { ChinaCalendar } from '../../calendar/index.ts';
import { nthWorkingDayOfMonth } from '../../calendar/index.ts';
import { CN_NUMERALS, MONTHLY_SECTIONS } from './labels.ts';
import { monthShift } from './monthly-figures.ts';

/**
 * The month whose analysis is to be generated on `today` (a city day): the previous month, once the first
 * working day of this month has come (Luohe art. 11 #11: 次月5个工作日内完成 — generating on the first working
 * day leaves the operator four to review and submit). Before it (a holiday at the start of the month), none.
 */
export function monthToGenerate(calendar: ChinaCalendar, today: string): string | null {
  const thisMonth = today.slice(0, 7);
  const first = nthWorkingDayOfMonth(
    calendar,
    Number(thisMonth.slice(0, 4)),
    Number(thisMonth.slice(5, 7)),
    1,
  );
  return today >= first.lastDay ? monthShift(thisMonth, -1) : null;
}

/** A generation that started this long ago and never finished died with its process: it may start again. */
export const STALE_GENERATION_MS = 60 * 60_000;

/**
 * 完整性 — each required section, and whether the document's text has its numbered heading ("三、工单受理情况")
 * in order. Completeness is read from the generated file itself, not assumed from the code that wrote it.
 */
export function sectionsFound(text: string) {
  let from = 0;
  return MONTHLY_SECTIONS.map((s, i) => {
    const at = text.indexOf(`${CN_NUMERALS[i]}、${s.title}`, from);
    if (at >= 0) from = at;
    return { id: s.id, title: s.title, found: at >= 0 };
  });
}
