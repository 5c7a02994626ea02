import { beforeAll, describe, expect, it } from 'vitest';
import { weekdayOf } from '../../calendar/local-time.ts';
import { simulateCalls } from './simulate.ts';
import { summarizeCalls, type CallSummary } from './summary.ts';

/** One simulated month (March 2026: no statutory holiday), timed. */
let month: CallSummary;
let elapsedMs = 0;
let items = 0;

beforeAll(() => {
  const started = performance.now();
  month = summarizeCalls(
    (function* () {
      for (const item of simulateCalls({
        from: new Date('2026-03-01T00:00:00+08:00'),
        to: new Date('2026-04-01T00:00:00+08:00'),
        seed: 7,
      })) {
        items++;
        yield item;
      }
    })(),
  );
  elapsedMs = performance.now() - started;
});

describe('a simulated month', () => {
  it('reports how long it took (nothing asserted about time)', () => {
    console.info(
      `simulated March 2026: ${month.offered} calls, ${month.orders.total} orders, ${items} items in ` +
        `${Math.round(elapsedMs)} ms (${Math.round(items / (elapsedMs / 1000))} items/s)`,
    );
    expect(month.byDay.filter((d) => d.offered > 0)).toHaveLength(31);
  });

  it('is busier on Mondays than on Sundays', () => {
    const meanOn = (weekday: number) => {
      const days = month.byDay.filter((d) => d.offered > 0 && weekdayOf(d.date) === weekday);
      return days.reduce((s, d) => s + d.offered, 0) / days.length;
    };
    expect(meanOn(1)).toBeGreaterThan(1.3 * meanOn(0));
  });

  it('is busier at 10:00 than at 04:00, with a lunch dip between the peaks', () => {
    const h = month.byHour;
    expect(h[10]!.offered).toBeGreaterThan(10 * h[4]!.offered);
    expect(h[12]!.offered).toBeLessThan(h[10]!.offered);
    expect(h[12]!.offered).toBeLessThan(h[15]!.offered);
  });

  it('comes out near the contract target, from the queue', () => {
    expect(month.answerRate).toBeGreaterThan(0.9);
    expect(month.answered + month.abandoned).toBe(month.offered);
  });
});
