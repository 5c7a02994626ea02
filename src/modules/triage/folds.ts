/** Stratified fold assignment, shared by cross-validation and the calibration inside training. */
import { createRandom, shuffleInPlace } from './random.ts';

/**
 * Fold number (0 … k−1) of every item: each class is shuffled with the seed and dealt round-robin,
 * so every fold holds about 1/k of every class, small classes included.
 */
export function assignStratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Int32Array {
  if (!Number.isInteger(k) || k < 2) throw new Error(`fold count must be an integer ≥ 2, got ${k}`);
  const folds = new Int32Array(labels.length);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const members = byClass.get(labels[i]!) ?? [];
    members.push(i);
    byClass.set(labels[i]!, members);
  }
  const random = createRandom(seed);
  // Continue the round-robin across classes so fold sizes differ by at most one overall.
  let next = 0;
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = byClass.get(label)!;
    shuffleInPlace(members, random);
    for (const i of members) folds[i] = next++ % k;
  }
  return folds;
}

/**
 * Indices of a stratified train/test split with `testFraction` of every class in the test part.
 */
export function splitStratified(
  labels: ArrayLike<number>,
  testFraction: number,
  seed: number,
): { train: number[]; test: number[] } {
  if (!(testFraction > 0 && testFraction < 1)) throw new Error(`test fraction must be in (0, 1)`);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const members = byClass.get(labels[i]!) ?? [];
    members.push(i);
    byClass.set(labels[i]!, members);
  }
  const random = createRandom(seed);
  const train: number[] = [];
  const test: number[] = [];
  for (const label of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = byClass.get(label)!;
    shuffleInPlace(members, random);
    const testCount = Math.round(members.length * testFraction);
    members.forEach((i, position) => (position < testCount ? test : train).push(i));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}
