/**
 * How well the classifier does on messages it has not seen: a held-out split, and stratified
 * k-fold cross-validation (every document is predicted exactly once, by a model trained on the
 * other folds; the vocabulary, χ² selection and calibration are refitted inside each fold).
 */
import {
  extractDocumentTerms,
  predict,
  predictFromTerms,
  resolveClassifierOptions,
  trainFromTerms,
  type ClassifierOptionsInput,
  type TriageModel,
} from './classifier.ts';
import { assignStratifiedFolds } from './folds.ts';
import {
  computeCalibrationError,
  computeLogLoss,
  computeReport,
  type ClassificationReport,
} from './metrics.ts';
import type { LabelledDoc, LabelProbability } from './model.ts';

export interface Evaluation {
  report: ClassificationReport;
  /** Mean −ln p(true category): lower is better; ln 7 ≈ 1.95 is a uniform guess over 7 classes. */
  logLoss: number;
  /** Expected calibration error of the top probability (see computeCalibrationError). */
  calibrationError: number;
  trainMilliseconds: number;
  /** Mean time to classify one test document, segmentation included. */
  predictMilliseconds: number;
  /** Features the model kept (mean over folds in cross-validation). */
  featureCount: number;
}

export interface CrossValidation extends Evaluation {
  /** One evaluation per fold; the top-level figures pool every fold's predictions. */
  folds: Evaluation[];
  /** Mean and sample standard deviation of the per-fold macro-F1. */
  macroF1Mean: number;
  macroF1StdDev: number;
}

export function evaluateClassifier(
  train: readonly LabelledDoc[],
  test: readonly LabelledDoc[],
  options: ClassifierOptionsInput = {},
): Evaluation & { model: TriageModel } {
  const resolved = resolveClassifierOptions(options);
  const started = performance.now();
  const model = trainFromTerms(
    extractDocumentTerms(train, resolved),
    train.map((doc) => doc.label),
    resolved,
  );
  const trainMilliseconds = performance.now() - started;
  return { ...scoreTestSet(model, test, trainMilliseconds), model };
}

export function crossValidate(
  docs: readonly LabelledDoc[],
  k: number,
  seed: number,
  options: ClassifierOptionsInput = {},
): CrossValidation {
  const resolved = resolveClassifierOptions({ seed, ...options });
  const labels = [...new Set(docs.map((doc) => doc.label))].sort();
  const position = new Map(labels.map((label, c) => [label, c]));
  const folds = assignStratifiedFolds(
    docs.map((doc) => position.get(doc.label)!),
    k,
    seed,
  );
  // Segmentation does not depend on the training set, so it is done once for all folds.
  const started = performance.now();
  const terms = extractDocumentTerms(docs, resolved);
  const extractMilliseconds = performance.now() - started;
  const evaluations: Evaluation[] = [];
  const pooled: Outcome[] = [];
  for (let fold = 0; fold < k; fold++) {
    const trainIndex = docs.flatMap((_, i) => (folds[i] === fold ? [] : [i]));
    const testIndex = docs.flatMap((_, i) => (folds[i] === fold ? [i] : []));
    const trainStarted = performance.now();
    const model = trainFromTerms(
      trainIndex.map((i) => terms[i]!),
      trainIndex.map((i) => docs[i]!.label),
      resolved,
    );
    const trainMilliseconds =
      performance.now() - trainStarted + (extractMilliseconds * trainIndex.length) / docs.length;
    const predictStarted = performance.now();
    const outcomes = testIndex.map((i) => ({
      actual: docs[i]!.label,
      ranked: predictFromTerms(model, terms[i]!),
    }));
    const predictMilliseconds =
      (performance.now() - predictStarted + (extractMilliseconds * testIndex.length) / docs.length) /
      Math.max(1, testIndex.length);
    evaluations.push(
      summarise(outcomes, labels, trainMilliseconds, predictMilliseconds, model.vocabulary.keys.length),
    );
    pooled.push(...outcomes);
  }
  const f1s = evaluations.map((e) => e.report.macroF1);
  const mean = f1s.reduce((s, v) => s + v, 0) / k;
  const variance = f1s.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, k - 1);
  const meanOf = (pick: (e: Evaluation) => number) => evaluations.reduce((s, e) => s + pick(e), 0) / k;
  return {
    ...summarise(
      pooled,
      labels,
      meanOf((e) => e.trainMilliseconds),
      meanOf((e) => e.predictMilliseconds),
      meanOf((e) => e.featureCount),
    ),
    folds: evaluations,
    macroF1Mean: mean,
    macroF1StdDev: Math.sqrt(variance),
  };
}

interface Outcome {
  actual: string;
  ranked: LabelProbability[];
}

function scoreTestSet(
  model: TriageModel,
  test: readonly LabelledDoc[],
  trainMilliseconds: number,
): Evaluation {
  const started = performance.now();
  const outcomes = test.map((doc) => ({ actual: doc.label, ranked: predict(model, doc) }));
  const predictMilliseconds = (performance.now() - started) / Math.max(1, test.length);
  const labels = [...new Set([...model.labels, ...test.map((doc) => doc.label)])].sort();
  return summarise(outcomes, labels, trainMilliseconds, predictMilliseconds, model.vocabulary.keys.length);
}

function summarise(
  outcomes: readonly Outcome[],
  labels: readonly string[],
  trainMilliseconds: number,
  predictMilliseconds: number,
  featureCount: number,
): Evaluation {
  const top = outcomes.map((o) => o.ranked[0]!);
  return {
    report: computeReport(
      outcomes.map((o) => o.actual),
      top.map((t) => t.label),
      labels,
    ),
    logLoss: computeLogLoss(
      outcomes.map((o) => o.ranked.find((r) => r.label === o.actual)?.probability ?? 0),
    ),
    calibrationError: computeCalibrationError(
      top.map((t) => t.probability),
      outcomes.map((o, i) => o.actual === top[i]!.label),
    ),
    trainMilliseconds,
    predictMilliseconds,
    featureCount,
  };
}
