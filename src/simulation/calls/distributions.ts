/**
 * Random variates for the simulator, drawn from the platform's seeded PRNG (`createRandom`), and the derivation of
 * independent streams from one seed.
 *
 * Why separate streams: the arrivals, the per-day plan (noise, surges) and each call's own attributes (patience,
 * talk time, what the caller asks for) come from streams derived from `(seed, …)`, not from one shared stream. A
 * scenario that changes the staffing therefore sees exactly the same callers arriving with the same needs (common
 * random numbers), and the difference in the answer rate is the staffing's, not noise.
 */
import { createRandom, type Random } from '../../platform/random.ts';

/** Mixes integers into a 32-bit seed (the murmur3 finaliser), so nearby inputs give unrelated streams. */
export function deriveSeed(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

export function createStream(...parts: number[]): Random {
  return createRandom(deriveSeed(...parts));
}

/** Uniform on (0, 1]: safe under a logarithm. */
function positiveUniform(rnd: Random): number {
  return 1 - rnd.next();
}

export function drawExponential(rnd: Random, mean: number): number {
  return -Math.log(positiveUniform(rnd)) * mean;
}

export function drawStandardNormal(rnd: Random): number {
  // Box–Muller; one of the pair is enough here.
  return Math.sqrt(-2 * Math.log(positiveUniform(rnd))) * Math.cos(2 * Math.PI * rnd.next());
}

/**
 * Lognormal with the given mean and log-scale standard deviation `sigma`: mu = ln(mean) − sigma²/2 keeps the
 * mean where the parameter says it is.
 */
export function drawLognormal(rnd: Random, mean: number, sigma: number): number {
  const mu = Math.log(mean) - (sigma * sigma) / 2;
  return Math.exp(mu + sigma * drawStandardNormal(rnd));
}

/** Γ(x) by the Lanczos approximation (g = 7), enough to turn a Weibull mean into its scale. */
export function gammaFunction(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFunction(1 - x));
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, z + 0.5) * Math.exp(-t) * a;
}

/** Weibull with the given mean and shape k (k = 1 is the exponential; k < 1 means many early hang-ups). */
export function drawWeibull(rnd: Random, mean: number, shape: number): number {
  const scale = mean / gammaFunction(1 + 1 / shape);
  return scale * Math.pow(-Math.log(positiveUniform(rnd)), 1 / shape);
}

export function drawUniform(rnd: Random, min: number, max: number): number {
  return min + (max - min) * rnd.next();
}

/** Cumulative weights for picking by binary search: cheaper than `Random.weighted` when one list is used often. */
export function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += Math.max(0, w)));
  return out;
}

export function pickIndex(rnd: Random, cumulative: Float64Array): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const r = rnd.next() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
