import { createRequire } from 'node:module';

/** The maintained holiday data: `chinese-days` (State Council notices 2004 onwards, updated each year). */
interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface BuiltinCalendarData {
  /** Statutory rest days (including the weekends inside a holiday block), with the holiday's name in Chinese. */
  holidays: Map<string, string>;
  /** 调休 — weekend days moved to be working days, with the holiday they make up for. */
  adjustedWorkdays: Map<string, string>;
  /** Years for which the package carries the State Council notice. */
  years: Set<number>;
  source: string;
}

function chineseName(label: string): string {
  // Labels look like "Spring Festival,春节,4".
  return label.split(',')[1] ?? label;
}

let cached: BuiltinCalendarData | undefined;

export function loadBuiltinCalendar(): BuiltinCalendarData {
  if (cached) return cached;
  // Read the JSON directly: the package's named ESM exports fail under Node (see architecture.md).
  const require = createRequire(import.meta.url);
  const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const version = (require('chinese-days/package.json') as { version: string }).version;
  const holidays = new Map(Object.entries(data.holidays).map(([d, l]) => [d, chineseName(l)]));
  const adjustedWorkdays = new Map(Object.entries(data.workdays).map(([d, l]) => [d, chineseName(l)]));
  const years = new Set([...holidays.keys()].map((d) => Number(d.slice(0, 4))));
  cached = { holidays, adjustedWorkdays, years, source: `chinese-days ${version}` };
  return cached;
}
