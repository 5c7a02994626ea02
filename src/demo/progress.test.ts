import { describe, expect, it } from 'vitest';
import { DemoProgress } from './progress.ts';

describe('demo progress', () => {
  it('moves from 0 to 99 through the steps and reads 100 only when ready', () => {
    const p = new DemoProgress();
    expect(p.status()).toEqual({ state: 'seeding', percent: 0, step: 'city' });
    p.at('orders', 0.5);
    const mid = p.status();
    expect(mid.step).toBe('orders');
    expect(mid.percent).toBeGreaterThan(5);
    expect(mid.percent).toBeLessThan(50);
    p.at('hotTopics', 1);
    expect(p.status().percent).toBe(99);
    p.done();
    expect(p.status()).toEqual({ state: 'ready', percent: 100, step: null });
  });

  it('clamps fractions outside 0–1 and reports a failure', () => {
    const p = new DemoProgress();
    p.at('calls', 7);
    const calls = p.status().percent;
    p.at('operations', -3);
    expect(p.status().percent).toBe(calls);
    p.failed();
    expect(p.status().state).toBe('failed');
  });
});
