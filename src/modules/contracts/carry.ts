/**
 * 结转 — deductions larger than a quarter's base are carried to the next quarter, and what is left after the last
 * is drawn from the performance bond (Luohe art. 2.5: 甲方有权从履约保证金中直接扣除). Pure.
 */
export interface CarriedQuarter {
  baseFen: number;
  deductedFen: number;
  /** Carried in from the quarters before. */
  carriedInFen: number;
  payableFen: number;
  /** Left over after this quarter's base, carried to the next quarter (or, after the last, to the bond). */
  carriedOutFen: number;
}

export function carryRemainders(quarters: { baseFen: number; deductedFen: number }[]): CarriedQuarter[] {
  let carried = 0;
  return quarters.map((q) => {
    const owed = q.deductedFen + carried;
    const out: CarriedQuarter = {
      baseFen: q.baseFen,
      deductedFen: q.deductedFen,
      carriedInFen: carried,
      payableFen: Math.max(0, q.baseFen - owed),
      carriedOutFen: Math.max(0, owed - q.baseFen),
    };
    carried = out.carriedOutFen;
    return out;
  });
}

/** What the bond pays for the remainder left after the last quarter, and what is still owed beyond it. */
export function bondDrawing(bondFen: number, remainderFen: number) {
  const drawnFen = Math.min(bondFen, remainderFen);
  return { drawnFen, returnableFen: bondFen - drawnFen, unrecoveredFen: remainderFen - drawnFen };
}
