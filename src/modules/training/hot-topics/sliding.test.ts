import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../../calendar/local-time.ts';
import { scanHistory } from './sliding.ts';
import { generateBackground, generateOutageBurst, generateSteadyComplaint } from './synthetic-requests.ts';

const DAY_MS = 86_400_000;
const END = new Date('2025-07-31T00:00:00+08:00');
const FROM = new Date('2025-07-01T00:00:00+08:00');

const background = generateBackground({ end: END, days: 60, perDay: 15, seed: 2 });
/** The outage: 8 requests on 14–15 July. */
const burst = generateOutageBurst({
  idPrefix: 'outage',
  estate: '幸福家园',
  district: '源汇区',
  end: new Date('2025-07-16T00:00:00+08:00'),
  hours: 40,
  count: 8,
});
const steady = generateSteadyComplaint({ end: END, days: 60, perDay: 3 });

describe('scanHistory', () => {
  const scan = scanHistory([...background, ...steady, ...burst], { from: FROM, to: END });

  it('runs one detection per day', () => {
    expect(scan.steps).toHaveLength(30);
    expect(scan.steps[0]!.now).toEqual(new Date(FROM.getTime() + DAY_MS));
  });

  it('merges the burst seen on consecutive days into one episode, ranked first', () => {
    const outage = scan.episodes.filter((e) => e.memberIds.some((id) => String(id).startsWith('outage-')));
    expect(outage).toHaveLength(1);
    const e = outage[0]!;
    expect(e.rank).toBe(1);
    expect([...e.memberIds].sort()).toEqual(burst.map((r) => r.id).sort());
    expect(e.count).toBe(8);
    expect(e.people).toBe(8);
    expect(e.detections).toBeGreaterThanOrEqual(2);
    expect(localDateOf(e.start) >= '2025-07-14').toBe(true);
    expect(localDateOf(e.end) <= '2025-07-15').toBe(true);
    // The peak is the end of a window holding all 8: 16, 17 or 18 July at 00:00.
    expect(['2025-07-16', '2025-07-17', '2025-07-18']).toContain(localDateOf(e.peakAt));
    expect(e.districts).toEqual([{ name: '源汇区', count: 8 }]);
  });

  it('keeps the steady complaint as one low-growth episode below the burst', () => {
    const market = scan.episodes.filter((e) => e.memberIds.some((id) => String(id).startsWith('steady-')));
    expect(market.length).toBeGreaterThanOrEqual(1);
    const biggest = market.reduce((a, b) => (a.count >= b.count ? a : b));
    expect(biggest.count).toBeGreaterThan(60);
    expect(biggest.peakGrowth).toBeLessThan(1.5);
    expect(biggest.rank).toBeGreaterThan(1);
  });

  it('joins a flare-up within two weeks to the same episode and starts a new one after', () => {
    const again = (end: string, prefix: string) =>
      generateOutageBurst({
        idPrefix: prefix,
        estate: '幸福家园',
        district: '源汇区',
        end: new Date(`${end}T00:00:00+08:00`),
        hours: 30,
        count: 5,
        seed: 9,
      });
    const soon = again('2025-07-22', 'soon');
    const late = again('2025-08-20', 'late');
    const longer = scanHistory([...background, ...burst, ...soon, ...late], {
      from: FROM,
      to: new Date('2025-08-25T00:00:00+08:00'),
    });
    const withOutage = longer.episodes.find((e) => e.memberIds.includes('outage-0'))!;
    expect(withOutage.memberIds).toContain('soon-0');
    expect(withOutage.memberIds).not.toContain('late-0');
    expect(longer.episodes.find((e) => e.memberIds.includes('late-0'))).toBeDefined();
  });

  it('is deterministic', () => {
    const again = scanHistory([...burst, ...steady, ...background].reverse(), { from: FROM, to: END });
    expect(JSON.stringify(again.episodes)).toBe(JSON.stringify(scan.episodes));
  });
});
