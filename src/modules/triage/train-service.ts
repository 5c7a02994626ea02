/**
 * `hotline triage train`: a new model from the city's finished orders, compared with the active one on the
 * most recent part of the history, and activated only if it does better there (or when forced).
 */
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { forgetActiveModel } from './active-model-cache.ts';
import type { ClassifierOptionsInput } from './classifier.ts';
import { computeDepartmentShares, loadHistory } from './history.ts';
import { deserializeModel, serializeModel } from './model-codec.ts';
import { trainInWorker } from './train-job.ts';
import { activateModel, insertModel, loadActiveModel, type ModelFigures } from './model-store.ts';

export interface TrainFromHistoryOptions {
  /** Depth of the category tree to learn (1 = top level). */
  level?: number;
  /** Share of the history, the most recent, kept out of training to compare the models on. */
  holdBack?: number;
  /** Activate the new model even if it does no better than the active one. */
  force?: boolean;
  /** Refuse with fewer finished orders than this. */
  minOrders?: number;
  classifier?: ClassifierOptionsInput;
}

export const DEFAULT_TRAIN_OPTIONS = { level: 1, holdBack: 0.2, force: false, minOrders: 200 };
/** A category needs this many orders among the finished ones to be worth learning; rarer ones are left out. */
const MIN_PER_CATEGORY = 3;

export interface TrainOutcome {
  version: number;
  level: number;
  trainingSize: number;
  heldBackSize: number;
  categories: number;
  /** Categories left out for having fewer than MIN_PER_CATEGORY orders. */
  rareCategoriesLeftOut: number;
  /** The new model on the held-back orders. */
  candidate: ModelFigures;
  /** The model active before, on the same orders; null when there was none. */
  previous: (ModelFigures & { version: number; level: number }) | null;
  activated: boolean;
  decision: string;
  trainMilliseconds: number;
}

function tooLittleHistory(found: number, categories: number, needed: number): AppError {
  return new AppError(
    'triage_too_little_history',
    422,
    `Training needs at least ${needed} finished orders in at least 2 categories; found ${found} in ${categories}`,
    `训练至少需要 ${needed} 件已办结工单、至少 2 个分类；当前 ${found} 件、${categories} 个分类`,
    { found, categories, needed },
  );
}

export { scoreModel } from './train-job.ts';

export async function trainFromHistory(
  db: Database,
  actor: Actor,
  options: TrainFromHistoryOptions,
  now: Date,
): Promise<TrainOutcome> {
  const o = { ...DEFAULT_TRAIN_OPTIONS, ...options };
  const history = await loadHistory(db, o.level);
  const perLabel = new Map<string, number>();
  for (const d of history.docs) perLabel.set(d.label, (perLabel.get(d.label) ?? 0) + 1);
  const docs = history.docs.filter((d) => perLabel.get(d.label)! >= MIN_PER_CATEGORY);
  const labels = new Set(docs.map((d) => d.label));
  if (docs.length < o.minOrders || labels.size < 2) {
    throw tooLittleHistory(docs.length, labels.size, o.minOrders);
  }
  const heldBackSize = Math.max(1, Math.round(docs.length * o.holdBack));
  const train = docs.slice(0, docs.length - heldBackSize);
  const held = docs.slice(docs.length - heldBackSize);
  if (new Set(train.map((d) => d.label)).size < 2) {
    throw tooLittleHistory(train.length, 1, o.minOrders);
  }

  const active = await loadActiveModel(db);
  // The CPU-bound part runs in a worker thread, so the server keeps answering while a model trains.
  const job = await trainInWorker({
    train,
    held,
    classifier: o.classifier,
    active: active ? new Uint8Array(serializeModel(active.model)) : null,
  });
  const model = deserializeModel(job.model);
  const { candidate, trainMilliseconds } = job;
  const previous =
    active && job.previous
      ? { version: active.summary.version, level: active.summary.level, ...job.previous }
      : null;
  const { activated, decision } = decideActivation(candidate, previous, o.level, o.force);

  const version = await db.transaction(async (tx) => {
    const v = await insertModel(tx, {
      level: o.level,
      trainedAt: now,
      trainedBy: actor.id,
      trainingSize: train.length,
      heldBackSize: held.length,
      dataThrough: train.at(-1)!.receivedAt,
      figures: candidate,
      departmentShares: computeDepartmentShares(train),
      model,
      decision,
    });
    if (activated) await activateModel(tx, v, now);
    return v;
  });
  if (activated) forgetActiveModel(db);
  return {
    version,
    level: o.level,
    trainingSize: train.length,
    heldBackSize: held.length,
    categories: model.labels.length,
    rareCategoriesLeftOut: perLabel.size - labels.size,
    candidate,
    previous,
    activated,
    decision,
    trainMilliseconds,
  };
}

/**
 * The activation rule: the new model replaces the active one only if its macro-F1 on the held-back orders is
 * strictly higher (macro-F1 because a small category counts as much as a large one); a tie keeps the model
 * agents already know. A model of another level answers different questions and is replaced only by force.
 */
export function decideActivation(
  candidate: ModelFigures,
  previous: (ModelFigures & { version: number; level: number }) | null,
  level: number,
  force: boolean,
): { activated: boolean; decision: string } {
  const f = (x: number) => x.toFixed(4);
  const mine = `new macro-F1 ${f(candidate.macroF1)}, accuracy ${f(candidate.accuracy)}`;
  if (!previous) return { activated: true, decision: `activated: no active model (${mine})` };
  const theirs = `active v${previous.version} macro-F1 ${f(previous.macroF1)}, accuracy ${f(previous.accuracy)}`;
  if (force) return { activated: true, decision: `activated by force (${mine}; ${theirs})` };
  if (previous.level !== level) {
    return {
      activated: false,
      decision: `kept v${previous.version}: it learns level ${previous.level}, not ${level} (use --force to switch)`,
    };
  }
  if (candidate.macroF1 > previous.macroF1) {
    return { activated: true, decision: `activated: better on the held-back orders (${mine}; ${theirs})` };
  }
  return {
    activated: false,
    decision: `kept v${previous.version}: the new model is not better on the held-back orders (${mine}; ${theirs})`,
  };
}
