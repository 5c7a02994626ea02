import type { CircularWeights } from './settings.ts';
import type { DepartmentScorecard } from './scorecard-rules.ts';

/** A department's rates and its composite score in the circular (通报), with its rank. */
export interface CircularRow extends DepartmentScorecard {
  notReturnedRate: number | null;
  /** 0–100, two decimals; null when the department has no rate at all in the period. */
  score: number | null;
  rank: number | null;
}

/**
 * 综合得分: the weighted mean of the four rates, each weight a share of 100 (setting `reports.circularWeights`).
 * A rate with nothing to measure (no dispatch due, no rating) is left out and the other weights carry the
 * score, so a department is not ranked down for what did not happen. The rates are the scorecard's
 * (scorecard-rules.ts); only 未退回率 is the circular's own.
 */
export function scoreDepartments(rows: DepartmentScorecard[], w: CircularWeights): CircularRow[] {
  const scored = rows.map((r) => {
    const rates = {
      signedOnTimeRate: r.signedOnTimeRate,
      handledOnTimeRate: r.handledOnTimeRate,
      notReturnedRate:
        r.received + r.returned > 0 ? Math.max(0, 1 - r.returned / Math.max(r.received, r.returned)) : null,
      satisfactionRate: r.satisfactionRate,
    };
    const parts: [number | null, number][] = [
      [rates.signedOnTimeRate, w.signedOnTime],
      [rates.handledOnTimeRate, w.handledOnTime],
      [rates.notReturnedRate, w.notReturned],
      [rates.satisfactionRate, w.satisfaction],
    ];
    const used = parts.filter((p): p is [number, number] => p[0] != null && p[1] > 0);
    const weight = used.reduce((s, [, wt]) => s + wt, 0);
    const score = weight
      ? Math.round((used.reduce((s, [v, wt]) => s + v * wt, 0) / weight) * 10000) / 100
      : null;
    return { ...r, ...rates, score, rank: null as number | null };
  });
  // Competition ranking (1, 2, 2, 4): equal scores share a rank; unscored departments are not ranked.
  const ordered = scored
    .filter((r) => r.score != null)
    .sort((a, b) => b.score! - a.score! || a.name.localeCompare(b.name, 'zh-CN'));
  ordered.forEach((r, i) => {
    r.rank = i > 0 && ordered[i - 1]!.score === r.score ? ordered[i - 1]!.rank : i + 1;
  });
  return [...ordered, ...scored.filter((r) => r.score == null)];
}
