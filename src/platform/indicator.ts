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

/**
 * A figure as counts only (issue 18): what the assessment answers, counted in SQL without reading the records.
 * Each count equals the length of the matching id list of the figure's records mode (`countsOf`).
 */
export interface FigureCounts {
  numerator: number;
  denominator: number;
  value: number | null;
  evidence: { counted: number; met: number; entity: string };
  excluded: { reason: string; count: number }[];
}

/** The counts of a figure measured with its records. */
export function countsOf<F extends IndicatorFigure>(
  f: F,
): Omit<F, 'evidence' | 'excluded'> & Pick<FigureCounts, 'evidence' | 'excluded'> {
  const { evidence, excluded, ...rest } = f;
  return {
    ...rest,
    evidence: { entity: evidence.entity, counted: evidence.counted.length, met: evidence.met.length },
    excluded: excluded.map((e) => ({ reason: e.reason, count: e.ids.length })),
  };
}

/** As `figure`, from counts: the reasons that left nothing out are dropped, as `figure` drops empty id lists. */
export function figureCounts(
  entity: string,
  counted: number,
  met: number,
  excluded: FigureCounts['excluded'] = [],
): FigureCounts {
  return {
    numerator: met,
    denominator: counted,
    value: counted ? met / counted : null,
    evidence: { counted, met, entity },
    excluded: excluded.filter((e) => e.count),
  };
}
