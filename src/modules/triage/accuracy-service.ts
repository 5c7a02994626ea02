/**
 * Accuracy in use (智能分派准确率): of the suggestions whose final choice was recorded, how often the chosen
 * category was the first suggestion or among the three, and how often the chosen department was the first.
 * A model of level 1 suggests top-level categories while agents file leaves, so a suggestion counts as hit
 * when the chosen category is the suggested one or lies beneath it in the catalogue.
 */
import { and, gte, lt } from 'drizzle-orm';
import { addDays, endOfLocalDay, localDateOf, startOfLocalDay } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import { validationFailed } from '../../platform/errors.ts';
import { loadCategoryTree } from './history.ts';
import type { AccuracyQuery } from './model.ts';
import { triageSuggestions } from './schema.ts';

export interface AccuracyFigures {
  /** Suggestions shown. */
  suggestions: number;
  /** Of those, with the agent's final choice recorded (the denominator of the rates). */
  withChoice: number;
  top1Hits: number;
  top3Hits: number;
  /** Choices that name a department (the denominator of departmentRate). */
  withDepartment: number;
  departmentHits: number;
  /** Rates as fractions 0–1; null when nothing to divide by. */
  top1Rate: number | null;
  top3Rate: number | null;
  departmentRate: number | null;
}

export interface AccuracyReport extends AccuracyFigures {
  from: string;
  to: string;
  byDay: (AccuracyFigures & { day: string })[];
}

/** The most days one request may cover (a year and a bit). */
const MAX_DAYS = 400;

function emptyFigures(): AccuracyFigures {
  return {
    suggestions: 0,
    withChoice: 0,
    top1Hits: 0,
    top3Hits: 0,
    withDepartment: 0,
    departmentHits: 0,
    top1Rate: null,
    top3Rate: null,
    departmentRate: null,
  };
}

function finish<T extends AccuracyFigures>(f: T): T {
  const rate = (hits: number, n: number) => (n > 0 ? hits / n : null);
  return {
    ...f,
    top1Rate: rate(f.top1Hits, f.withChoice),
    top3Rate: rate(f.top3Hits, f.withChoice),
    departmentRate: rate(f.departmentHits, f.withDepartment),
  };
}

export async function measureAccuracy(db: DbOrTx, query: AccuracyQuery): Promise<AccuracyReport> {
  const { from, to } = query;
  const days = Math.round((startOfLocalDay(to).getTime() - startOfLocalDay(from).getTime()) / 86_400_000);
  if (days < 0) throw validationFailed([{ field: 'to', message: 'before from' }]);
  if (days >= MAX_DAYS) throw validationFailed([{ field: 'to', message: `at most ${MAX_DAYS} days` }]);
  const rows = await db
    .select({
      createdAt: triageSuggestions.createdAt,
      categoryIds: triageSuggestions.categoryIds,
      departmentIds: triageSuggestions.departmentIds,
      chosenCategoryId: triageSuggestions.chosenCategoryId,
      chosenDepartmentId: triageSuggestions.chosenDepartmentId,
    })
    .from(triageSuggestions)
    .where(
      and(
        gte(triageSuggestions.createdAt, startOfLocalDay(from)),
        lt(triageSuggestions.createdAt, endOfLocalDay(to)),
      ),
    );
  const tree = await loadCategoryTree(db);
  const byDay = new Map<string, AccuracyFigures>();
  for (let d = 0; d <= days; d++) byDay.set(addDays(from, d), emptyFigures());
  const total = emptyFigures();
  for (const r of rows) {
    const day = byDay.get(localDateOf(r.createdAt))!;
    for (const f of [day, total]) f.suggestions++;
    if (r.chosenCategoryId == null) continue;
    const chain = tree.chainOf(r.chosenCategoryId);
    const rank = r.categoryIds.findIndex((id) => chain.includes(id));
    const departmentChosen = r.chosenDepartmentId != null;
    const departmentHit = departmentChosen && r.departmentIds[0] === r.chosenDepartmentId;
    for (const f of [day, total]) {
      f.withChoice++;
      if (rank === 0) f.top1Hits++;
      if (rank >= 0 && rank < 3) f.top3Hits++;
      if (departmentChosen) f.withDepartment++;
      if (departmentHit) f.departmentHits++;
    }
  }
  return {
    from,
    to,
    ...finish(total),
    byDay: [...byDay].map(([day, f]) => ({ day, ...finish(f) })),
  };
}
