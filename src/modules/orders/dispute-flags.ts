/**
 * Which catalogue entries (categories) are disputed often enough to flag for the catalogue's owner (pure).
 * A category is flagged when at least `minDisputes` disputes of orders in it were raised in the window of
 * `windowDays` calendar days ending at `now` — whatever the office then decided (a dispute upheld every time
 * still says the catalogue's wording leaves departments in doubt), withdrawn ones included. Orders without a
 * category are not counted: there is no catalogue entry to review.
 */
export interface DisputeForFlag {
  categoryId: number | null;
  departmentId: number;
  outcome: string;
  raisedAt: Date;
}

export interface FlagRule {
  minDisputes: number;
  windowDays: number;
}

export interface CategoryFlag {
  categoryId: number;
  disputes: number;
  /** By outcome: pending, uphold, redirect, joint, withdrawn. */
  outcomes: Record<string, number>;
  /** The departments that raised them, most disputes first. */
  departments: { departmentId: number; disputes: number }[];
  lastRaisedAt: Date;
}

const DAY_MS = 86_400_000;

export function flaggedCategories(disputes: DisputeForFlag[], now: Date, rule: FlagRule): CategoryFlag[] {
  const since = now.getTime() - rule.windowDays * DAY_MS;
  const byCategory = new Map<number, DisputeForFlag[]>();
  for (const d of disputes) {
    const at = d.raisedAt.getTime();
    if (d.categoryId == null || at <= since || at > now.getTime()) continue;
    const list = byCategory.get(d.categoryId) ?? [];
    list.push(d);
    byCategory.set(d.categoryId, list);
  }
  const flags: CategoryFlag[] = [];
  for (const [categoryId, list] of byCategory) {
    if (list.length < rule.minDisputes) continue;
    const outcomes: Record<string, number> = {};
    const byDepartment = new Map<number, number>();
    for (const d of list) {
      outcomes[d.outcome] = (outcomes[d.outcome] ?? 0) + 1;
      byDepartment.set(d.departmentId, (byDepartment.get(d.departmentId) ?? 0) + 1);
    }
    flags.push({
      categoryId,
      disputes: list.length,
      outcomes,
      departments: [...byDepartment]
        .map(([departmentId, n]) => ({ departmentId, disputes: n }))
        .sort((a, b) => b.disputes - a.disputes || a.departmentId - b.departmentId),
      lastRaisedAt: new Date(Math.max(...list.map((d) => d.raisedAt.getTime()))),
    });
  }
  return flags.sort((a, b) => b.disputes - a.disputes || a.categoryId - b.categoryId);
}
