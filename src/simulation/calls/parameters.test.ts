import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATOR_PARAMETERS as P, resolveParameters } from './parameters.ts';
import { createStream, drawLognormal, drawWeibull } from './distributions.ts';

describe('resolveParameters', () => {
  it('merges objects key by key and replaces arrays', () => {
    const p = resolveParameters({ traffic: { baseDailyCalls: 4000, weekdayFactors: [1, 1, 1, 1, 1, 1, 1] } });
    expect(p.traffic.baseDailyCalls).toBe(4000);
    expect(p.traffic.weekdayFactors).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(p.traffic.monthFactors).toEqual(P.traffic.monthFactors);
    expect(p.patience).toEqual(P.patience);
    expect(P.traffic.baseDailyCalls).not.toBe(4000);
  });

  it('has 24 hourly shares, 7 weekday and 12 month factors, ratings of 1…5', () => {
    expect(P.traffic.hourlyShares.workday).toHaveLength(24);
    expect(P.traffic.hourlyShares.restDay).toHaveLength(24);
    expect(P.online.hourlyShares).toHaveLength(24);
    expect(P.traffic.weekdayFactors).toHaveLength(7);
    expect(P.traffic.monthFactors).toHaveLength(12);
    expect(P.rating.weights).toHaveLength(5);
  });
});

describe('the distributions keep the means the parameters state', () => {
  const mean = (draw: () => number, n = 40_000) =>
    Array.from({ length: n }, draw).reduce((s, x) => s + x, 0) / n;

  it('lognormal talk time', () => {
    const rnd = createStream(1);
    expect(mean(() => drawLognormal(rnd, 255, 0.7))).toBeCloseTo(255, -1);
  });

  it('Weibull patience', () => {
    const rnd = createStream(2);
    expect(mean(() => drawWeibull(rnd, 120, 0.9))).toBeCloseTo(120, -1);
  });
});
