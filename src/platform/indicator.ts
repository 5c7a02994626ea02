/**
 * A measured figure of the contract assessment: how many counted in the numerator of how many, the value, and
 * the records behind it — so a statement can show its evidence down to each order, call or notice.
 */
export interface IndicatorFigure {
  numerator: number;
  denominator: number;
  /** numerator / denominator, 0–1; null when there is nothing to measure. */
  value: number | null;
  /** Ids of the records counted in the denominator, and of those also in the numerator. */
  evidence: { counted: (number | string)[]; met: (number | string)[]; entity: string };
  /** What was left out and why (e.g. not yet due, accepted appeals). */
  excluded: { reason: string; ids: (number | string)[] }[];
}

export function figure(
  entity: string,
  counted: (number | string)[],
  met: (number | string)[],
  excluded: IndicatorFigure['excluded'] = [],
): IndicatorFigure {
  return {
    numerator: met.length,
    denominator: counted.length,
    value: counted.length ? met.length / counted.length : null,
    evidence: { counted, met, entity },
    excluded: excluded.filter((e) => e.ids.length),
  };
}
