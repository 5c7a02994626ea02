import { describe, expect, it } from 'vitest';
import { erlang } from './erlang.ts';
import { erlangAnswerRate, moneyAtStake } from './what-if.ts';

const p = { ahtSeconds: 180, patienceSeconds: 300, shrinkage: 0 };

describe('erlangAnswerRate', () => {
  it('weights each half-hour’s 1 − P(abandon) by its calls', () => {
    const a =
      1 -
      (erlang({
        arrivals: 100,
        intervalSeconds: 1800,
        ahtSeconds: 180,
        agents: 10,
        patienceSeconds: 300,
        targetSeconds: 15,
      }).abandonProbability ?? 0);
    const b =
      1 -
      (erlang({
        arrivals: 20,
        intervalSeconds: 1800,
        ahtSeconds: 180,
        agents: 3,
        patienceSeconds: 300,
        targetSeconds: 15,
      }).abandonProbability ?? 0);
    const rate = erlangAnswerRate(
      [
        { expected: 100, scheduled: 10 },
        { expected: 20, scheduled: 3 },
      ],
      p,
    );
    expect(rate).toBeCloseTo((100 * a + 20 * b) / 120, 12);
  });

  it('an unstaffed half-hour answers nothing; shrinkage takes agents off the phones', () => {
    expect(erlangAnswerRate([{ expected: 10, scheduled: 0 }], p)).toBe(0);
    const full = erlangAnswerRate([{ expected: 100, scheduled: 14 }], p)!;
    const shrunk = erlangAnswerRate([{ expected: 100, scheduled: 14 }], { ...p, shrinkage: 0.3 })!;
    expect(shrunk).toBeLessThan(full);
  });

  it('no calls, no rate', () => {
    expect(erlangAnswerRate([{ expected: 0, scheduled: 3 }], p)).toBeNull();
  });
});

describe('moneyAtStake', () => {
  it.each([
    // Luohe's total 3,278,289.64 yuan: 1 % is 32,782.90 yuan (art. 11).
    [0.955, 327828964, false, 3278290],
    [0.96, 327828964, true, 0],
    [null, 327828964, null, 0],
  ])('answer rate %s', (rate, total, meets, deduction) => {
    const m = moneyAtStake(rate, total);
    expect(m.meets).toBe(meets);
    expect(m.deductionFen).toBe(deduction);
    expect(m.stakeFen).toBe(3278290);
  });
});
