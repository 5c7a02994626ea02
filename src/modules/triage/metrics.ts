/** Classification metrics as reported in the literature on this task (macro-F1 first). */

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Number of true instances of the class. */
  support: number;
}

export interface ClassificationReport {
  accuracy: number;
  /** Mean over classes of 2PR/(P+R); a class never predicted and never present is left out. */
  macroF1: number;
  perClass: ClassMetrics[];
  /** confusion[actual][predicted], rows and columns in `labels` order. */
  confusion: number[][];
  labels: string[];
}

export function computeConfusion(
  actual: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
) {
  if (actual.length !== predicted.length) throw new Error('actual and predicted differ in length');
  const position = new Map(labels.map((label, i) => [label, i]));
  const confusion = labels.map(() => labels.map(() => 0));
  actual.forEach((label, i) => {
    const a = position.get(label);
    const p = position.get(predicted[i]!);
    if (a === undefined || p === undefined) throw new Error(`unknown label ${label} / ${predicted[i]}`);
    confusion[a]![p]!++;
  });
  return confusion;
}

/**
 * @param labels the classes to report, in display order; defaults to every label seen, sorted
 */
export function computeReport(
  actual: readonly string[],
  predicted: readonly string[],
  labels: readonly string[] = [...new Set([...actual, ...predicted])].sort(),
): ClassificationReport {
  const confusion = computeConfusion(actual, predicted, labels);
  const perClass = labels.map((label, c) => {
    const truePositives = confusion[c]![c]!;
    const support = confusion[c]!.reduce((sum, v) => sum + v, 0);
    const predictedCount = confusion.reduce((sum, row) => sum + row[c]!, 0);
    const precision = predictedCount > 0 ? truePositives / predictedCount : 0;
    const recall = support > 0 ? truePositives / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    return { label, precision, recall, f1, support };
  });
  const counted = perClass.filter((m, c) => m.support > 0 || confusion.some((row) => row[c]! > 0));
  const correct = labels.reduce((sum, _, c) => sum + confusion[c]![c]!, 0);
  return {
    accuracy: actual.length > 0 ? correct / actual.length : 0,
    macroF1: counted.length > 0 ? counted.reduce((sum, m) => sum + m.f1, 0) / counted.length : 0,
    perClass,
    confusion,
    labels: [...labels],
  };
}

/** Mean negative log-likelihood of the true labels: how honest the probabilities are. */
export function computeLogLoss(trueProbabilities: readonly number[]): number {
  if (trueProbabilities.length === 0) return 0;
  const sum = trueProbabilities.reduce((s, p) => s - Math.log(Math.max(p, 1e-15)), 0);
  return sum / trueProbabilities.length;
}

/**
 * Expected calibration error of the top prediction: predictions are binned by their probability
 * (10 equal-width bins) and the gaps between mean probability and accuracy are averaged, weighted
 * by bin size. 0.03 means "a shown 80 % is right about 77–83 % of the time".
 */
export function computeCalibrationError(
  topProbabilities: readonly number[],
  correct: readonly boolean[],
  binCount = 10,
): number {
  const confidence = new Float64Array(binCount);
  const hits = new Float64Array(binCount);
  topProbabilities.forEach((p, i) => {
    const bin = Math.min(binCount - 1, Math.floor(p * binCount));
    confidence[bin] = confidence[bin]! + p;
    hits[bin] = hits[bin]! + (correct[i] ? 1 : 0);
  });
  let gap = 0;
  for (let bin = 0; bin < binCount; bin++) gap += Math.abs(confidence[bin]! - hits[bin]!);
  return topProbabilities.length > 0 ? gap / topProbabilities.length : 0;
}
