import type { DbOrTx } from '../../db/client.ts';
import { headcountEvidence } from '../workforce/index.ts';
import type { Readings } from './readings.ts';

/**
 * The per-day shortfalls the headcount reading turns into a number of people (pure). With `startsIn`, `days`
 * may reach beyond the payment quarter and only a run that starts in it counts, so a shortfall that spans two
 * quarters is deducted once — in the quarter it began — however long it lasts on either side.
 */
export function personsShort(
  allDays: { day: string; shortfall: number }[],
  reading: Readings['headcountShortfall'],
  startsIn?: { from: string; to: string },
): { persons: number; from: string | null; to: string | null; days: number } {
  const inQuarter = (day: string) => !startsIn || (day >= startsIn.from && day < startsIn.to);
  const days = reading.measure === 'average_daily' ? allDays.filter((d) => inQuarter(d.day)) : allDays;
  if (!days.length) return { persons: 0, from: null, to: null, days: 0 };
  if (reading.measure === 'average_daily') {
    const avg = days.reduce((s, d) => s + d.shortfall, 0) / days.length;
    return { persons: Math.floor(avg), from: days[0]!.day, to: days.at(-1)!.day, days: days.length };
  }
  // max_sustained: the largest shortfall s held (s or more people short) for at least minDays days in a row.
  let best = { persons: 0, from: null as string | null, to: null as string | null, days: 0 };
  const maxShort = Math.max(...days.map((d) => d.shortfall));
  for (let s = maxShort; s >= 1 && !best.persons; s--) {
    let runStart = -1;
    for (let i = 0; i <= days.length; i++) {
      const short = i < days.length && days[i]!.shortfall >= s;
      if (short && runStart < 0) runStart = i;
      if (!short && runStart >= 0) {
        const len = i - runStart;
        if (len >= reading.minDays && len > best.days && inQuarter(days[runStart]!.day))
          best = { persons: s, from: days[runStart]!.day, to: days[i - 1]!.day, days: len };
        runStart = -1;
      }
    }
  }
  return best;
}

/**
 * People short of the agreed headcount in the payment quarter [fromDay, toDay) by the reading, with the days as
 * evidence. The roster is read over the whole term so a run crossing a quarter's edge is seen whole, but never
 * past the as-of day (`now`): planned future days are not evidence. Days before `chargeFrom` (the end of the
 * start-up period, art. 1.4, by the `rampUp` reading) are not charged. With no roster recorded at all nothing
 * is charged and `rosterMissing` says so: missing evidence is not proof of absence.
 */
export async function shortfallPersons(
  db: DbOrTx,
  fromDay: string,
  toDay: string,
  agreed: number,
  readings: Readings,
  term: { from: string; to: string },
  o: { now: Date; chargeFrom: string },
) {
  const evidence = await headcountEvidence(db, {
    from: term.from,
    to: term.to,
    agreed,
    presentMeans: readings.staffingPresentMeans,
    now: o.now,
  });
  const rosterMissing = evidence.days.every((d) => d.headcount === 0);
  const days = rosterMissing
    ? []
    : evidence.days.map((d) => ({ day: d.day, shortfall: d.day < o.chargeFrom ? 0 : d.shortfall }));
  const r = personsShort(days, readings.headcountShortfall, { from: fromDay, to: toDay });
  const what =
    readings.headcountShortfall.measure === 'average_daily'
      ? `average daily shortfall over ${r.days} days`
      : `${r.persons} short from ${r.from} to ${r.to} (${r.days} days ≥ ${readings.headcountShortfall.minDays})`;
  const whatZh =
    readings.headcountShortfall.measure === 'average_daily'
      ? `${r.days} 天日均缺员`
      : `${r.from} 至 ${r.to} 连续 ${r.days} 天缺员 ${r.persons} 人（不少于 ${readings.headcountShortfall.minDays} 天）`;
  return {
    persons: r.persons,
    rosterMissing,
    through: evidence.through,
    description: what,
    descriptionZh: whatZh,
    evidence: {
      ...r,
      chargedFrom: o.chargeFrom,
      shortDays: days.filter((d) => d.shortfall > 0 && r.from !== null && d.day >= r.from && d.day <= r.to!),
    },
  };
}
