/**
 * Decision values → probabilities: softmax(s / T) with one temperature T fitted by maximum
 * likelihood on held-out decision values (temperature scaling, Guo et al. 2017). One parameter
 * cannot change which class ranks first, so calibration never costs accuracy.
 */

/** softmax(scores / temperature), numerically stable; written into `out` (or a new array). */
export function softmax(scores: ArrayLike<number>, temperature = 1, out = new Float64Array(scores.length)) {
  let max = -Infinity;
  for (let c = 0; c < scores.length; c++) max = Math.max(max, scores[c]!);
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    out[c] = Math.exp((scores[c]! - max) / temperature);
    sum += out[c]!;
  }
  for (let c = 0; c < scores.length; c++) out[c] = out[c]! / sum;
  return out;
}

/** Mean negative log-likelihood of `labels` under softmax(scores / T); scores row-major n × K. */
export function computeTemperatureLoss(
  scores: Float64Array,
  labels: Int32Array,
  classCount: number,
  temperature: number,
): number {
  const K = classCount;
  let loss = 0;
  for (let i = 0; i < labels.length; i++) {
    let max = -Infinity;
    for (let c = 0; c < K; c++) max = Math.max(max, scores[i * K + c]! / temperature);
    let sum = 0;
    for (let c = 0; c < K; c++) sum += Math.exp(scores[i * K + c]! / temperature - max);
    loss += max + Math.log(sum) - scores[i * K + labels[i]!]! / temperature;
  }
  return labels.length > 0 ? loss / labels.length : 0;
}

/**
 * The temperature that minimises the held-out log-loss. The loss is convex in 1/T, so a golden-
 * section search over log T in [1e-3, 1e3] finds the optimum.
 */
export function fitTemperature(scores: Float64Array, labels: Int32Array, classCount: number): number {
  if (labels.length === 0) return 1;
  const loss = (logT: number) => computeTemperatureLoss(scores, labels, classCount, Math.exp(logT));
  let lo = Math.log(1e-3);
  let hi = Math.log(1e3);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let a = hi - ratio * (hi - lo);
  let b = lo + ratio * (hi - lo);
  let fa = loss(a);
  let fb = loss(b);
  for (let step = 0; step < 60; step++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - ratio * (hi - lo);
      fa = loss(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + ratio * (hi - lo);
      fb = loss(b);
    }
  }
  return Math.exp((lo + hi) / 2);
}
