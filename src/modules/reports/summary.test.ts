import { describe, expect, it } from 'vitest';
import { resolvedSentence } from './summary.ts';

const callbacks = {
  attempts: 12,
  reached: 10,
  ordersReached: 9,
  reopened: 1,
  satisfied: 7,
  basicallySatisfied: 2,
  unsatisfied: 1,
  resolved: 0,
  unresolved: 0,
};

describe('是否解决 in the monthly report', () => {
  it('says solved, not solved and the share solved of those asked', () => {
    expect(resolvedSentence({ ...callbacks, resolved: 6, unresolved: 2 })).toBe(
      '是否解决：已解决 6 次，未解决 2 次（解决率 75.00%）。',
    );
  });

  it('says so when no callback recorded it', () => {
    expect(resolvedSentence(callbacks)).toBe('是否解决：本月回访未记录。');
  });
});
