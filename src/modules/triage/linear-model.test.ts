import { describe, expect, it } from 'vitest';
import { DEFAULT_SVM_OPTIONS, scoreMatrix, trainOneVsRestSvm } from './linear-model.ts';
import { trainComplementNaiveBayes } from './naive-bayes.ts';
import type { SparseMatrix } from './model.ts';
import { createRandom } from './random.ts';
import { stackRows } from './sparse.ts';

/** Three classes, each with two marker columns (0–5) plus random noise columns (6–29). */
function makeData(rows: number, seed: number): { x: SparseMatrix; y: Int32Array } {
  const random = createRandom(seed);
  const y = new Int32Array(rows);
  const vectors = Array.from({ length: rows }, (_, i) => {
    const label = i % 3;
    y[i] = label;
    const columns = [label * 2 + (random.next() < 0.5 ? 0 : 1)];
    for (let n = 0; n < 4; n++) columns.push(6 + Math.floor(random.next() * 24));
    const unique = [...new Set(columns)];
    const norm = Math.sqrt(unique.length);
    return { indices: Int32Array.from(unique), values: Float32Array.from(unique, () => 1 / norm) };
  });
  return { x: stackRows(vectors, 30), y };
}

function accuracy(scores: Float64Array, y: Int32Array, K: number): number {
  let correct = 0;
  for (let i = 0; i < y.length; i++) {
    let best = 0;
    for (let c = 1; c < K; c++) if (scores[i * K + c]! > scores[i * K + best]!) best = c;
    if (best === y[i]) correct++;
  }
  return correct / y.length;
}

describe('trainOneVsRestSvm', () => {
  const train = makeData(300, 1);
  const test = makeData(150, 2);

  it.each(['l1', 'l2'] as const)('learns marker columns with %s loss', (loss) => {
    const model = trainOneVsRestSvm(train.x, train.y, 3, { ...DEFAULT_SVM_OPTIONS, loss });
    expect(accuracy(scoreMatrix(model, test.x), test.y, 3)).toBe(1);
    expect(model.weights[0 * 3 + 0]!).toBeGreaterThan(0);
    expect(model.weights[0 * 3 + 1]!).toBeLessThan(0);
  });

  it('is deterministic for a seed', () => {
    const a = trainOneVsRestSvm(train.x, train.y, 3, DEFAULT_SVM_OPTIONS);
    const b = trainOneVsRestSvm(train.x, train.y, 3, DEFAULT_SVM_OPTIONS);
    expect(a.weights).toEqual(b.weights);
    expect(a.bias).toEqual(b.bias);
  });

  it('weighs rows by their cost', () => {
    const cheapClassTwo = Float64Array.from(train.y, (label) => (label === 2 ? 0.01 : 1));
    const full = trainOneVsRestSvm(train.x, train.y, 3, DEFAULT_SVM_OPTIONS);
    const cheap = trainOneVsRestSvm(train.x, train.y, 3, DEFAULT_SVM_OPTIONS, cheapClassTwo);
    expect(cheap.weights[4 * 3 + 2]!).toBeLessThan(full.weights[4 * 3 + 2]!);
  });
});

describe('trainComplementNaiveBayes', () => {
  it('learns marker columns', () => {
    const train = makeData(300, 3);
    const test = makeData(150, 4);
    const model = trainComplementNaiveBayes(train.x, train.y, 3, { smoothing: 0.3 });
    expect(accuracy(scoreMatrix(model, test.x), test.y, 3)).toBeGreaterThan(0.95);
  });
});
