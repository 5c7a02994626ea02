/**
 * Periods travel as [from, to) with an exclusive end (contract files, API); people write the last day:
 * "2025-11-01 至 2026-10-31", not "至 2026-11-01（不含末日）" (issue 14).
 */
export function lastDayOf(exclusiveTo: string): string {
  const d = new Date(`${exclusiveTo.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return exclusiveTo;
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** "2025-11-01 至 2026-10-31" from a [from, to) period. */
export const periodText = (from: string, exclusiveTo: string) =>
  `${from.slice(0, 10)} 至 ${lastDayOf(exclusiveTo)}`;
