import type { Readings } from './readings.ts';

/**
 * The basis points the k-th serious incident of the term deducts (k from 0), by the readings (pure). Luohe art.
 * 11 #6 names two steps (1 %, 5 %); `secondIncidentDeduction` says whether the 5 % includes the first 1 %, and
 * `laterIncidents` what a third or later one deducts (default nothing: art. 8.3(3) lets Party A terminate).
 */
export function incidentStepBp(k: number, steps: number[], r: Readings): number {
  if (!steps.length) return 0;
  const cumulative = r.secondIncidentDeduction === 'cumulative';
  const stepOf = (n: number) => (n === 0 ? steps[0]! : cumulative ? steps[n]! - steps[n - 1]! : steps[n]!);
  if (k < steps.length) return stepOf(k);
  return r.laterIncidents === 'repeat_last_step' ? stepOf(steps.length - 1) : 0;
}
