/**
 * One-vs-rest linear SVM trained by dual coordinate descent (Hsieh et al., "A Dual Coordinate
 * Descent Method for Large-scale Linear SVM", ICML 2008 — the solver behind LIBLINEAR's -s 1/-s 3),
 * and scoring of any linear model.
 *
 * The dual solver suits this problem: a few thousand documents with a few hundred thousand
 * sparse features, where each coordinate step costs one sparse dot product.
 */
import type { SparseMatrix } from './model.ts';
import { createRandom, shuffleInPlace } from './random.ts';

/** Weights stored feature-major (weights[f * classCount + c]) so scoring touches one run per feature. */
export interface LinearModel {
  classCount: number;
  featureCount: number;
  weights: Float32Array;
  bias: Float32Array;
}

export interface SvmOptions {
  /** Cost of a margin violation; larger fits the training data more tightly. */
  C: number;
  /** 'l2' = squared hinge (smoother, LIBLINEAR's default), 'l1' = hinge. */
  loss: 'l1' | 'l2';
  /** Stop when the projected-gradient spread falls below this (LIBLINEAR uses 0.1). */
  tolerance: number;
  maxEpochs: number;
  /** Value of the constant feature that carries the (regularised) bias, as LIBLINEAR's -B. */
  biasFeature: number;
  seed: number;
}

export const DEFAULT_SVM_OPTIONS: SvmOptions = {
  C: 1,
  loss: 'l2',
  tolerance: 0.05,
  maxEpochs: 200,
  biasFeature: 1,
  seed: 1,
};

/**
 * @param costOfRow per-row cost multiplier (class weights), 1 when omitted
 * @param columnScale feature-major (f * K + c) factor per feature and class (NB-SVM's log-count
 *   ratios); folded into the returned weights, so the model scores unscaled feature vectors
 */
export function trainOneVsRestSvm(
  x: SparseMatrix,
  labels: Int32Array,
  classCount: number,
  options: SvmOptions,
  costOfRow?: Float64Array,
  columnScale?: Float32Array,
): LinearModel {
  const K = classCount;
  const weights = new Float32Array(x.columnCount * K);
  const bias = new Float32Array(K);
  const scale = new Float32Array(columnScale ? x.columnCount : 0);
  for (let c = 0; c < K; c++) {
    const sign = Int8Array.from(labels, (label) => (label === c ? 1 : -1));
    if (columnScale) for (let f = 0; f < x.columnCount; f++) scale[f] = columnScale[f * K + c]!;
    const scaled = { ...x, values: columnScale ? scaleValues(x, scale) : x.values };
    const binary = trainBinarySvm(scaled, sign, options, costOfRow, options.seed + c * 7919);
    for (let f = 0; f < x.columnCount; f++) weights[f * K + c] = binary.w[f]! * (columnScale ? scale[f]! : 1);
    bias[c] = binary.b;
  }
  return { classCount, featureCount: x.columnCount, weights, bias };
}

interface BinarySolution {
  w: Float64Array;
  b: number;
}

function trainBinarySvm(
  x: SparseMatrix,
  sign: Int8Array,
  options: SvmOptions,
  costOfRow: Float64Array | undefined,
  seed: number,
): BinarySolution {
  const n = x.rowCount;
  const { rowStart, indices, values } = x;
  const B = options.biasFeature;
  const isL1 = options.loss === 'l1';
  // Dual of each row: box bound U (hinge) or diagonal term D (squared hinge), from the row's cost.
  const upper = new Float64Array(n);
  const diag = new Float64Array(n);
  const qd = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const cost = options.C * (costOfRow ? costOfRow[i]! : 1);
    upper[i] = isL1 ? cost : Infinity;
    diag[i] = isL1 ? 0 : 1 / (2 * cost);
    let norm = B * B;
    for (let k = rowStart[i]!; k < rowStart[i + 1]!; k++) norm += values[k]! * values[k]!;
    qd[i] = norm + diag[i]!;
  }
  const alpha = new Float64Array(n);
  const w = new Float64Array(x.columnCount);
  let b = 0;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const random = createRandom(seed);
  // Shrinking (LIBLINEAR): rows stuck at a bound whose gradient pushes further out are left out
  // of later sweeps; a final sweep over all rows confirms convergence before stopping.
  let active = n;
  let pgMaxOld = Infinity;
  let pgMinOld = -Infinity;
  for (let epoch = 0; epoch < options.maxEpochs; epoch++) {
    shuffleInPlace(order.subarray(0, active), random);
    let pgMax = -Infinity;
    let pgMin = Infinity;
    for (let t = 0; t < active; t++) {
      const i = order[t]!;
      const yi = sign[i]!;
      const start = rowStart[i]!;
      const end = rowStart[i + 1]!;
      let dot = b * B;
      for (let k = start; k < end; k++) dot += w[indices[k]!]! * values[k]!;
      const a = alpha[i]!;
      const g = yi * dot - 1 + diag[i]! * a;
      let pg = g;
      if (a === 0 || a === upper[i]) {
        const atLower = a === 0;
        if (atLower ? g > pgMaxOld : g < pgMinOld) {
          order[t--] = order[--active]!;
          order[active] = i;
          continue;
        }
        pg = atLower ? Math.min(g, 0) : Math.max(g, 0);
      }
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (Math.abs(pg) <= 1e-12) continue;
      const next = Math.min(Math.max(a - g / qd[i]!, 0), upper[i]!);
      alpha[i] = next;
      const step = (next - a) * yi;
      for (let k = start; k < end; k++) {
        const f = indices[k]!;
        w[f] = w[f]! + step * values[k]!;
      }
      b += step * B;
    }
    if (pgMax - pgMin <= options.tolerance) {
      if (active === n) break;
      active = n;
      pgMaxOld = Infinity;
      pgMinOld = -Infinity;
      continue;
    }
    pgMaxOld = pgMax <= 0 ? Infinity : pgMax;
    pgMinOld = pgMin >= 0 ? -Infinity : pgMin;
  }
  return { w, b: b * B };
}

function scaleValues(x: SparseMatrix, scale: Float32Array): Float32Array {
  const out = new Float32Array(x.values.length);
  for (let k = 0; k < out.length; k++) out[k] = x.values[k]! * scale[x.indices[k]!]!;
  return out;
}

/** Decision values of one sparse row, written into `out` (length classCount). */
export function scoreRow(
  model: LinearModel,
  indices: Int32Array,
  values: Float32Array,
  start: number,
  end: number,
  out: Float64Array,
): void {
  const K = model.classCount;
  for (let c = 0; c < K; c++) out[c] = model.bias[c]!;
  for (let k = start; k < end; k++) {
    const v = values[k]!;
    const base = indices[k]! * K;
    for (let c = 0; c < K; c++) out[c] = out[c]! + v * model.weights[base + c]!;
  }
}

/** Decision values of every row, row-major (scores[r * classCount + c]). */
export function scoreMatrix(model: LinearModel, x: SparseMatrix): Float64Array {
  const K = model.classCount;
  const scores = new Float64Array(x.rowCount * K);
  const row = new Float64Array(K);
  for (let r = 0; r < x.rowCount; r++) {
    scoreRow(model, x.indices, x.values, x.rowStart[r]!, x.rowStart[r + 1]!, row);
    scores.set(row, r * K);
  }
  return scores;
}
