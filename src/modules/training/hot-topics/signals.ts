/**
 * Same place, same matter, many people: the signals besides the words that make requests one topic.
 */
import type { DetectOptions } from './model.ts';
import type { PreparedRequest } from './terms.ts';

export interface Profile {
  district: string | null;
  category: string | null;
}

type SignalOptions = Pick<
  DetectOptions,
  'sameDistrictFactor' | 'otherDistrictFactor' | 'sameCategoryFactor' | 'otherCategoryFactor'
>;

/**
 * Same place + same matter is what makes a hot topic, so a shared district or category raises the
 * text similarity and a different one lowers it. Only a near-duplicate text (a city-wide policy,
 * the same petition) still links two districts.
 */
export function adjustSimilarity(cosine: number, a: Profile, b: Profile, o: SignalOptions): number {
  let s = cosine;
  if (a.district && b.district) s *= a.district === b.district ? o.sameDistrictFactor : o.otherDistrictFactor;
  if (a.category && b.category) s *= a.category === b.category ? o.sameCategoryFactor : o.otherCategoryFactor;
  return s;
}

/** The most common district and category among the members; of two as common, the one that got there first. */
export function profileOf(members: readonly number[], docs: readonly PreparedRequest[]): Profile {
  return {
    district: modeOf(members.map((m) => docs[m]!.district)),
    category: modeOf(members.map((m) => docs[m]!.category)),
  };
}

function modeOf(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  for (const v of values) {
    if (v === null) continue;
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (best === null || c > counts.get(best)!) best = v;
  }
  return best;
}

/** Distinct callers; a request whose caller is unknown counts as one person. */
export function countPeople(members: readonly number[], docs: readonly PreparedRequest[]): number {
  const callers = new Set<string>();
  let anonymous = 0;
  for (const m of members) {
    const caller = docs[m]!.caller;
    if (caller === null) anonymous++;
    else callers.add(caller);
  }
  return callers.size + anonymous;
}
