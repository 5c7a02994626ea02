/**
 * Complement naive Bayes (Rennie et al., "Tackling the Poor Assumptions of Naive Bayes Text
 * Classifiers", ICML 2003) on TF-IDF vectors, with weight normalisation.
 *
 * It estimates each class from the documents *not* in it, which makes it robust to the uneven
 * class sizes of hotline data, trains in one pass, and errs differently from an SVM — the
 * reason to have it in an ensemble.
 */
import type { LinearModel } from './linear-model.ts';
import type { SparseMatrix } from './model.ts';

export interface NaiveBayesOptions {
  /** Additive (Laplace/Lidstone) smoothing. */
  smoothing: number;
}

export const DEFAULT_NAIVE_BAYES_OPTIONS: NaiveBayesOptions = { smoothing: 0.3 };

export function trainComplementNaiveBayes(
  x: SparseMatrix,
  labels: Int32Array,
  classCount: number,
  options: NaiveBayesOptions,
): LinearModel {
  const K = classCount;
  const d = x.columnCount;
  const classSums = new Float64Array(d * K);
  const totals = new Float64Array(d);
  for (let i = 0; i < x.rowCount; i++) {
    const label = labels[i]!;
    for (let k = x.rowStart[i]!; k < x.rowStart[i + 1]!; k++) {
      const f = x.indices[k]!;
      classSums[f * K + label] = classSums[f * K + label]! + x.values[k]!;
      totals[f] = totals[f]! + x.values[k]!;
    }
  }
  const grandTotal = totals.reduce((sum, v) => sum + v, 0);
  const weights = new Float32Array(d * K);
  for (let c = 0; c < K; c++) {
    let classTotal = 0;
    for (let f = 0; f < d; f++) classTotal += classSums[f * K + c]!;
    const denominator = grandTotal - classTotal + options.smoothing * d;
    let absSum = 0;
    for (let f = 0; f < d; f++) {
      const complement = totals[f]! - classSums[f * K + c]! + options.smoothing;
      const logTheta = Math.log(complement / denominator);
      weights[f * K + c] = logTheta;
      absSum += Math.abs(logTheta);
    }
    // Negated so that, like every LinearModel, the highest score wins (CNB picks the class whose
    // complement explains the document worst); normalised so long classes do not dominate.
    for (let f = 0; f < d; f++) weights[f * K + c] = (-weights[f * K + c]! / absSum) * d;
  }
  return { classCount, featureCount: d, weights, bias: new Float32Array(K) };
}

/**
 * NB-SVM's feature scaling (Wang & Manning, "Baselines and Bigrams", ACL 2012), one-vs-rest:
 * r[f·K + c] = |ln((p_c[f] / ‖p_c‖₁) / (q_c[f] / ‖q_c‖₁))| where p_c and q_c count the documents in
 * and outside class c that contain feature f (plus `smoothing`). Scaling by |r| instead of r keeps
 * the sign of the TF-IDF value; the SVM learns the direction.
 */
export function computeLogCountRatios(
  x: SparseMatrix,
  labels: Int32Array,
  classCount: number,
  smoothing: number,
): Float32Array {
  const K = classCount;
  const d = x.columnCount;
  const inClass = new Float64Array(d * K);
  const total = new Float64Array(d);
  for (let i = 0; i < x.rowCount; i++) {
    for (let k = x.rowStart[i]!; k < x.rowStart[i + 1]!; k++) {
      const f = x.indices[k]!;
      inClass[f * K + labels[i]!] = inClass[f * K + labels[i]!]! + 1;
      total[f] = total[f]! + 1;
    }
  }
  const ratios = new Float32Array(d * K);
  for (let c = 0; c < K; c++) {
    let pSum = 0;
    let qSum = 0;
    for (let f = 0; f < d; f++) {
      pSum += inClass[f * K + c]! + smoothing;
      qSum += total[f]! - inClass[f * K + c]! + smoothing;
    }
    for (let f = 0; f < d; f++) {
      const p = (inClass[f * K + c]! + smoothing) / pSum;
      const q = (total[f]! - inClass[f * K + c]! + smoothing) / qSum;
      ratios[f * K + c] = Math.abs(Math.log(p / q));
    }
  }
  return ratios;
}
