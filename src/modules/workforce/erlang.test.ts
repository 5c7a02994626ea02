import { describe, expect, it } from 'vitest';
import { erlang, erlangB, erlangC, type ErlangInput, requiredAgents } from './erlang.ts';

const HALF_HOUR = 1800;
/** pyworkforce's scenario (its tests): 100 calls in 30 min, AHT 3 min. */
const PYWF: Omit<ErlangInput, 'agents'> = {
  arrivals: 100,
  intervalSeconds: HALF_HOUR,
  ahtSeconds: 180,
  targetSeconds: 20,
};

/** Independent evaluation: the stationary distribution summed state by state (fine for small N). */
function bruteForce(lambda: number, mu: number, theta: number, n: number) {
  const p = [1];
  for (let k = 1; k < n + 2000; k++)
    p.push((p[k - 1]! * lambda) / (Math.min(k, n) * mu + Math.max(k - n, 0) * theta));
  const z = p.reduce((s, x) => s + x, 0);
  const pi = p.map((x) => x / z);
  const wait = pi.slice(n).reduce((s, x) => s + x, 0);
  const queue = pi.slice(n).reduce((s, x, j) => s + j * x, 0);
  return { wait, abandon: (theta * queue) / lambda, meanWait: queue / lambda };
}

describe('Erlang B and C', () => {
  it.each([
    // [agents, erlangs, B, C]
    [1, 0.5, 1 / 3, 0.5],
    [2, 1, 0.2, 1 / 3],
    [3, 2, 4 / 19, 4 / 9], // the textbook C(N=3, A=2) = 4/9
  ])('N=%i, A=%f', (n, a, b, c) => {
    expect(erlangB(n, a)).toBeCloseTo(b, 12);
    expect(erlangC(n, a)).toBeCloseTo(c, 12);
  });

  it.each([
    // pyworkforce test_erlang.py: raw positions, service level, occupancy, waiting probability (3 decimals)
    [14, 0.888, 0.714, 0.174],
    [15, 0.941, 0.667, 0.102],
  ])('pyworkforce reference with %i agents (target 19.8 s)', (n, sl, occ, wait) => {
    const r = erlang({ ...PYWF, targetSeconds: 19.8, agents: n });
    expect(r.serviceLevel).toBeCloseTo(sl, 3);
    expect(r.occupancy).toBeCloseTo(occ, 3);
    expect(r.waitProbability).toBeCloseTo(wait, 3);
  });

  it('the staffing search finds pyworkforce’s 14 raw positions for 80 %', () => {
    expect(requiredAgents({ ...PYWF, targetSeconds: 19.8 }, { serviceLevel: 0.8 })?.agents).toBe(14);
    // and 13 agents do not meet it
    expect(erlang({ ...PYWF, targetSeconds: 19.8, agents: 13 }).serviceLevel).toBeLessThan(0.8);
  });

  it('ASA = C·AHT/(N − A): 4 calls/h of 30 min on 3 agents', () => {
    const r = erlang({ arrivals: 4, intervalSeconds: 3600, ahtSeconds: 1800, agents: 3, targetSeconds: 0 });
    expect(r.waitProbability).toBeCloseTo(4 / 9, 10);
    expect(r.asaSeconds).toBeCloseTo((4 / 9) * 1800, 8);
    expect(r.serviceLevel).toBeCloseTo(5 / 9, 10);
    expect(r.occupancy).toBeCloseTo(2 / 3, 12);
  });

  it('is stable for hundreds and thousands of agents (no factorial overflow)', () => {
    const big = erlang({
      arrivals: 5000,
      intervalSeconds: 1800,
      ahtSeconds: 324,
      agents: 950,
      targetSeconds: 15,
    });
    expect(big.waitProbability).toBeGreaterThan(0);
    expect(big.waitProbability).toBeLessThan(1);
    expect(Number.isFinite(big.asaSeconds)).toBe(true);
    const idle = erlang({
      arrivals: 1,
      intervalSeconds: 1800,
      ahtSeconds: 300,
      agents: 3000,
      targetSeconds: 15,
    });
    expect(idle.waitProbability).toBe(0);
    expect(idle.serviceLevel).toBe(1);
  });

  it('reports an overloaded Erlang C queue as unstable rather than a number', () => {
    const r = erlang({
      arrivals: 100,
      intervalSeconds: 1800,
      ahtSeconds: 180,
      agents: 10,
      targetSeconds: 15,
    });
    expect(r).toMatchObject({ stable: false, waitProbability: 1, serviceLevel: 0, asaSeconds: null });
  });

  it.each([
    ['arrivals', { arrivals: -1 }],
    ['intervalSeconds', { intervalSeconds: 0 }],
    ['ahtSeconds', { ahtSeconds: Number.NaN }],
    ['agents', { agents: 2.5 }],
    ['agents', { agents: 0 }],
    ['patienceSeconds', { patienceSeconds: -3 }],
    ['targetSeconds', { targetSeconds: -1 }],
  ])('refuses a bad %s', (name, bad) => {
    expect(() => erlang({ ...PYWF, agents: 14, ...bad })).toThrow(name);
  });
});

describe('Erlang A (M/M/N+M)', () => {
  it('matches pyworkforce’s regression figures (patience 5 min, 14 agents)', () => {
    const r = erlang({ ...PYWF, agents: 14, patienceSeconds: 300 });
    expect(r.waitProbability).toBeCloseTo(0.14526, 5);
    expect(r.abandonProbability).toBeCloseTo(0.013984, 6);
    expect(r.occupancy).toBeCloseTo(0.704297, 6);
    expect((r.meanWaitSeconds as number) / 60).toBeCloseTo(0.069919, 6);
    expect(r.serviceLevel).toBeCloseTo(0.916792, 6);
  });

  it.each([
    [5, 4, 60, 90],
    [20, 18, 180, 240],
    [45, 50, 300, 60],
    [3, 10, 100, 30],
  ])(
    'agrees with a state-by-state evaluation: N=%i, A=%f, AHT %i s, patience %i s',
    (n, a, aht, patience) => {
      const lambda = a / aht;
      const r = erlang({
        arrivals: lambda * 1800,
        intervalSeconds: 1800,
        ahtSeconds: aht,
        agents: n,
        patienceSeconds: patience,
        targetSeconds: 15,
      });
      const ref = bruteForce(lambda, 1 / aht, 1 / patience, n);
      expect(r.waitProbability).toBeCloseTo(ref.wait, 8);
      expect(r.abandonProbability).toBeCloseTo(ref.abandon, 8);
      expect(r.meanWaitSeconds).toBeCloseTo(ref.meanWait, 6);
    },
  );

  it('converges to Erlang C as patience grows', () => {
    for (const n of [12, 15, 20]) {
      const c = erlang({ ...PYWF, agents: n });
      const a = erlang({ ...PYWF, agents: n, patienceSeconds: 1e9 });
      expect(a.waitProbability).toBeCloseTo(c.waitProbability, 4);
      expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 4);
      expect(a.asaSeconds).toBeCloseTo(c.asaSeconds as number, 2);
    }
  });

  it('an overload stays finite under Erlang A, and Little’s law holds on the queue', () => {
    const r = erlang({ ...PYWF, agents: 10, patienceSeconds: 120 });
    // Overloaded (A = 10 on 10 agents) yet finite: abandonment keeps the queue stable.
    expect(r.stable).toBe(true);
    expect(r.abandonProbability).toBeGreaterThan(0.05);
    // Little's law on the whole queue: E[wait of all] = P(ab)·patience.
    expect(r.meanWaitSeconds).toBeCloseTo((r.abandonProbability as number) * 120, 8);
  });

  it('as the target grows the service level tends to the answer rate 1 − P(abandon)', () => {
    const r = erlang({ ...PYWF, agents: 14, patienceSeconds: 300, targetSeconds: 7200 });
    expect(r.serviceLevel).toBeCloseTo(1 - (r.abandonProbability as number), 6);
  });

  it('stays finite for hundreds of agents and for an overload', () => {
    const big = erlang({
      arrivals: 6000,
      intervalSeconds: 1800,
      ahtSeconds: 300,
      agents: 980,
      patienceSeconds: 90,
      targetSeconds: 15,
    });
    expect(big.serviceLevel).toBeGreaterThan(0.5);
    expect(big.serviceLevel).toBeLessThanOrEqual(1);
    const over = erlang({
      arrivals: 6000,
      intervalSeconds: 1800,
      ahtSeconds: 300,
      agents: 500,
      patienceSeconds: 90,
      targetSeconds: 15,
    });
    expect(over.abandonProbability).toBeGreaterThan(0.4);
    expect(over.abandonProbability).toBeLessThan(1);
  });

  it('the staffing search meets an abandonment ceiling with the fewest agents', () => {
    const base = { ...PYWF, patienceSeconds: 300 };
    const found = requiredAgents(base, { serviceLevel: 0.8, maxAbandon: 0.01 });
    expect(found).not.toBeNull();
    const n = found!.agents;
    expect(found!.result.abandonProbability).toBeLessThanOrEqual(0.01);
    const fewer = erlang({ ...base, agents: n - 1 });
    expect(fewer.serviceLevel < 0.8 || (fewer.abandonProbability as number) > 0.01).toBe(true);
  });
});
