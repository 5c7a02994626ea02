import { describe, expect, it } from 'vitest';
import { bondDrawing, carryRemainders } from './carry.ts';

describe('remainders carried (Luohe art. 2.5)', () => {
  it('carries a deduction larger than the base to the next quarter, and the last remainder to the bond', () => {
    const q = carryRemainders([
      { baseFen: 100, deductedFen: 0 },
      { baseFen: 50, deductedFen: 70 },
      { baseFen: 50, deductedFen: 10 },
      { baseFen: 50, deductedFen: 80 },
    ]);
    expect(q.map((x) => [x.carriedInFen, x.payableFen, x.carriedOutFen])).toEqual([
      [0, 100, 0],
      [0, 0, 20],
      [20, 20, 0],
      [0, 0, 30],
    ]);
    expect(bondDrawing(25, 30)).toEqual({ drawnFen: 25, returnableFen: 0, unrecoveredFen: 5 });
    expect(bondDrawing(25, 0)).toEqual({ drawnFen: 0, returnableFen: 25, unrecoveredFen: 0 });
  });
});
