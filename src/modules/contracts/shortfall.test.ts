import { describe, expect, it } from 'vitest';
import { personsShort } from './shortfall.ts';

/** Days from `from` for `n` days, each with the shortfall `f(i)`. */
function days(from: string, n: number, f: (i: number) => number) {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => ({
    day: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    shortfall: f(i),
  }));
}
const SUSTAINED = { measure: 'max_sustained' as const, minDays: 7 };

describe('headcount shortfall (Luohe art. 7.2)', () => {
  // Two people short from 20 July to 9 August: 12 days in C3 (May–Jul), 9 in C4 (Aug–Oct).
  const term = days('2026-05-01', 184, (i) => (i >= 80 && i < 101 ? 2 : 0));

  it('deducts a run across two quarters once, in the quarter it began', () => {
    expect(personsShort(term, SUSTAINED, { from: '2026-05-01', to: '2026-08-01' })).toEqual({
      persons: 2,
      from: '2026-07-20',
      to: '2026-08-09',
      days: 21,
    });
    expect(personsShort(term, SUSTAINED, { from: '2026-08-01', to: '2026-11-01' }).persons).toBe(0);
  });

  it('needs the run to last the minimum days, and takes the largest number held that long', () => {
    const d = days('2026-05-01', 30, (i) => (i < 5 ? 3 : i < 12 ? 1 : 0));
    // 3 short for 5 days is too short; 1 or more short for 12 days counts as 1.
    expect(personsShort(d, SUSTAINED)).toMatchObject({ persons: 1, days: 12 });
    expect(personsShort(d, { measure: 'max_sustained', minDays: 13 }).persons).toBe(0);
  });

  it('averages only the quarter’s own days under the average_daily reading', () => {
    const avg = { measure: 'average_daily' as const, minDays: 1 };
    expect(personsShort(term, avg, { from: '2026-05-01', to: '2026-08-01' })).toMatchObject({
      persons: Math.floor((12 * 2) / 92),
      days: 92,
    });
    const heavy = days('2026-05-01', 10, () => 3);
    expect(personsShort(heavy, avg).persons).toBe(3);
  });
});
