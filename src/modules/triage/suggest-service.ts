/**
 * 智能分派建议 — the top categories and departments for what an agent is typing, each suggestion recorded
 * so that the agent's final choice can be set beside it and accuracy in use measured.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors.ts';
import { findCategory } from '../directory/index.ts';
import { orderExists } from '../orders/index.ts';
import { getActiveModel, type ActiveModel } from './active-model-cache.ts';
import { predict } from './classifier.ts';
import type { ChoiceInput, LabelProbability, SuggestInput } from './model.ts';
import { triageSuggestions } from './schema.ts';

export const SUGGESTION_COUNT = 3;

export interface CategorySuggestion {
  id: number;
  name: string;
  /** Names from the root, e.g. ["城乡建设", "物业管理"]. */
  path: string[];
  probability: number;
}

export interface DepartmentSuggestion {
  id: number;
  name: string;
  probability: number;
}

export interface Suggestion {
  /** null when no model is active (then both lists are empty). */
  suggestionId: number | null;
  modelVersion: number | null;
  categories: CategorySuggestion[];
  departments: DepartmentSuggestion[];
}

/**
 * Department probabilities: each category's probability spread over the departments its past orders went
 * to, in their shares (P(d) = Σ_c P(c)·share(d | c)).
 */
export function rankDepartments(active: ActiveModel, ranked: readonly LabelProbability[]) {
  const byDepartment = new Map<number, number>();
  for (const { label, probability } of ranked) {
    for (const [id, share] of active.departmentShares[label] ?? []) {
      byDepartment.set(id, (byDepartment.get(id) ?? 0) + probability * share);
    }
  }
  return [...byDepartment]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, SUGGESTION_COUNT)
    .map(([id, probability]) => ({ id, name: active.departmentNames.get(id) ?? `#${id}`, probability }));
}

export function rankCategories(active: ActiveModel, ranked: readonly LabelProbability[]) {
  const out: CategorySuggestion[] = [];
  for (const { label, probability } of ranked) {
    const id = Number(label);
    const node = active.tree.byId.get(id);
    if (!node) continue; // a category removed from the catalogue since training
    out.push({ id, name: node.name, path: active.tree.pathOf(id), probability });
    if (out.length === SUGGESTION_COUNT) break;
  }
  return out;
}

const round = (p: number) => Math.round(p * 10_000) / 10_000;

export async function suggestDispatch(
  db: Database,
  actor: Actor,
  input: SuggestInput,
  now: Date,
): Promise<Suggestion> {
  const active = await getActiveModel(db, now);
  if (!active) return { suggestionId: null, modelVersion: null, categories: [], departments: [] };
  const ranked = predict(active.model, input);
  const cats = rankCategories(active, ranked).map((c) => ({ ...c, probability: round(c.probability) }));
  const deps = rankDepartments(active, ranked).map((d) => ({ ...d, probability: round(d.probability) }));
  const text = `${input.title ?? ''}\n${input.content}`;
  const [row] = await db
    .insert(triageSuggestions)
    .values({
      modelVersion: active.summary.version,
      textHash: createHash('sha256').update(text).digest('hex'),
      textStart: text.trim().slice(0, 100),
      categoryIds: cats.map((c) => c.id),
      departmentIds: deps.map((d) => d.id),
      topProbability: cats[0]?.probability ?? 0,
      userId: actor.id,
      createdAt: now,
    })
    .returning({ id: triageSuggestions.id });
  return { suggestionId: row!.id, modelVersion: active.summary.version, categories: cats, departments: deps };
}

export interface RecordedChoice {
  suggestionId: number;
  orderId: number | null;
  categoryId: number;
  departmentId: number | null;
  chosenAt: Date;
}

/**
 * Sets the agent's final choice beside a suggestion. A suggestion has one final choice: recording the same
 * choice again is harmless, a different one is refused (409) rather than overwriting what was measured.
 */
export async function recordChoice(
  db: DbOrTx,
  actor: Actor,
  suggestionId: number,
  input: ChoiceInput,
  now: Date,
): Promise<RecordedChoice> {
  const [s] = await db.select().from(triageSuggestions).where(eq(triageSuggestions.id, suggestionId));
  if (!s) throw notFound(`Suggestion ${suggestionId}`, `分派建议 ${suggestionId} `);
  // The choice measures the model against the agent it advised: only that agent may record it.
  if (s.userId !== actor.id)
    throw forbidden(
      'Only the agent the suggestion was made for may record the choice',
      '只能记录本人收到的分派建议',
    );
  const cat = await findCategory(db, input.categoryId);
  if (!cat) throw validationFailed([{ field: 'categoryId', message: `no category ${input.categoryId}` }]);
  if (input.orderId != null) {
    if (!(await orderExists(db, input.orderId)))
      throw validationFailed([{ field: 'orderId', message: `no order ${input.orderId}` }]);
  }
  const choice = {
    orderId: input.orderId ?? null,
    categoryId: input.categoryId,
    departmentId: input.departmentId ?? null,
  };
  if (s.chosenAt) {
    const same =
      s.chosenCategoryId === choice.categoryId &&
      s.chosenDepartmentId === choice.departmentId &&
      s.orderId === choice.orderId;
    if (!same) {
      throw conflict(
        'triage_choice_recorded',
        `Suggestion ${suggestionId} already has a recorded choice`,
        `分派建议 ${suggestionId} 已记录最终选择`,
      );
    }
    return { suggestionId, ...choice, chosenAt: s.chosenAt };
  }
  await db
    .update(triageSuggestions)
    .set({
      orderId: choice.orderId,
      chosenCategoryId: choice.categoryId,
      chosenDepartmentId: choice.departmentId,
      chosenBy: actor.id,
      chosenAt: now,
    })
    .where(eq(triageSuggestions.id, suggestionId));
  return { suggestionId, ...choice, chosenAt: now };
}
