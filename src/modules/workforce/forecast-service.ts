import type { DbOrTx } from '../../db/client.ts';
import { addDays, type LocalDate, loadCalendar, localDateOf, startOfLocalDay } from '../../calendar/index.ts';
import { callSpan, offeredByInterval } from '../calls/index.ts';
import { backtestLastWeek, forecastCalls, type ForecastOptions, type ForecastResult } from './forecast.ts';

export interface ForecastWithActuals extends ForecastResult {
  from: LocalDate;
  to: LocalDate;
  /** Offered calls recorded in the forecast's own intervals (null where none recorded yet): for the chart. */
  actuals: (number | null)[];
}

/** Forecast [from, to) from the calls on file before `from`, with the China calendar (holidays, 调休). */
export async function forecastOffered(
  db: DbOrTx,
  from: LocalDate,
  to: LocalDate,
  options: ForecastOptions = {},
): Promise<ForecastWithActuals> {
  const [calendar, span] = await Promise.all([loadCalendar(db), callSpan(db)]);
  const lookback = options.lookbackDays ?? 56;
  const history = await offeredByInterval(
    db,
    startOfLocalDay(addDays(from, -lookback)),
    startOfLocalDay(from),
  );
  const f = forecastCalls(
    history,
    span ? localDateOf(span.first) : null,
    from,
    to,
    (d) => calendar.day(d).kind,
    options,
  );
  const recorded = await offeredByInterval(db, startOfLocalDay(from), startOfLocalDay(to));
  const byStart = new Map(recorded.map((r) => [r.start.getTime(), r.offered]));
  const lastRecorded = span ? span.last.getTime() : -Infinity;
  const actuals = f.intervals.map((i) =>
    i.start.getTime() <= lastRecorded ? (byStart.get(i.start.getTime()) ?? 0) : null,
  );
  return { from, to, ...f, actuals };
}

/**
 * Back-test on the calls on file: the last complete week (ending the day after `end`'s last call unless
 * given) forecast from the weeks before it, against the naive median of the three previous weeks.
 */
export async function backtestForecast(db: DbOrTx, end?: LocalDate, options: ForecastOptions = {}) {
  const [calendar, span] = await Promise.all([loadCalendar(db), callSpan(db)]);
  if (!span) return null;
  // The last day on file counts when its last half-hour has calls; otherwise the week ends at its start.
  const weekEnd = end ?? localDateOf(new Date(span.last.getTime() + 30 * 60_000));
  const lookback = options.lookbackDays ?? 56;
  const history = await offeredByInterval(
    db,
    startOfLocalDay(addDays(weekEnd, -7 - lookback)),
    startOfLocalDay(weekEnd),
  );
  return backtestLastWeek(history, localDateOf(span.first), weekEnd, (d) => calendar.day(d).kind, options);
}
