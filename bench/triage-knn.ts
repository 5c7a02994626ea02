/**
 * Does a kNN vote over similar past orders, found with the knowledge search's BM25 over character bigrams,
 * lift the dispatch classifier? Same stratified folds as `crossValidate` (seed 42): per fold the linear model
 * is trained on the other folds, and each test message's probabilities are blended with a vote of its K most
 * similar training messages (weights: their BM25 scores, normalised):
 *
 *     p = (1 − α) · p_linear + α · p_kNN
 *
 * Prints pooled macro-F1 for each α and K. Experiment only (the product is unchanged):
 *   npx tsx bench/triage-knn.ts [/work/shared/data/messages-train.csv] [seed, default 42]
 */
import { Bm25Index } from '../src/modules/knowledge/bm25.ts';
import { addBigrams, type TermCounts } from '../src/modules/knowledge/ranking-terms.ts';
import { assignStratifiedFolds } from '../src/modules/triage/folds.ts';
import { computeReport, predict, readLabelledCsv, trainClassifier } from '../src/modules/triage/index.ts';

const path = process.argv[2] ?? '/work/shared/data/messages-train.csv';
const FOLDS = 5;
const SEED = Number(process.argv[3] ?? 42);
const ALPHAS = [0, 0.1, 0.2, 0.3, 0.4, 0.5];
const KS = [3, 5, 10, 20];

const { docs } = await readLabelledCsv(path);
const labels = [...new Set(docs.map((d) => d.label))].sort();
const pos = new Map(labels.map((l, i) => [l, i]));
const folds = assignStratifiedFolds(
  docs.map((d) => pos.get(d.label)!),
  FOLDS,
  SEED,
);

function terms(title: string, content: string): TermCounts {
  const m: TermCounts = new Map();
  addBigrams(m, title, 2);
  addBigrams(m, content.slice(0, 2000), 1);
  return m;
}

// For each test doc: linear probabilities and per-K kNN vote, both indexed by label position.
const linear: Float64Array[] = new Array(docs.length);
const knn = new Map<number, Float64Array[]>(KS.map((k) => [k, new Array(docs.length)]));
for (let fold = 0; fold < FOLDS; fold++) {
  const train = docs.flatMap((_, i) => (folds[i] === fold ? [] : [i]));
  const test = docs.flatMap((_, i) => (folds[i] === fold ? [i] : []));
  const started = performance.now();
  const model = trainClassifier(
    train.map((i) => docs[i]!),
    { seed: SEED },
  );
  const index = new Bm25Index<number>({ k1: 1.2, b: 0.75 });
  for (const i of train) index.add(i, terms(docs[i]!.title, docs[i]!.content));
  for (const i of test) {
    const p = new Float64Array(labels.length);
    for (const lp of predict(model, { title: docs[i]!.title, content: docs[i]!.content }))
      p[pos.get(lp.label)!] = lp.probability;
    linear[i] = p;
    const scores = new Float64Array(index.slots);
    const q = terms(docs[i]!.title, docs[i]!.content);
    index.scoreInto(q, 1, scores, q.size > 40 ? 0.25 : 1);
    const order = Array.from({ length: scores.length }, (_, s) => s)
      .filter((s) => scores[s]! > 0)
      .sort((a, b) => scores[b]! - scores[a]!);
    for (const k of KS) {
      const v = new Float64Array(labels.length);
      let total = 0;
      for (const s of order.slice(0, k)) {
        const c = pos.get(docs[index.keyOf(s)!]!.label)!;
        v[c] = v[c]! + scores[s]!;
        total += scores[s]!;
      }
      if (total > 0) for (let c = 0; c < v.length; c++) v[c]! /= total;
      knn.get(k)![i] = v;
    }
  }
  console.log(`fold ${fold}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const actual = docs.map((d) => d.label);
for (const k of KS) {
  const row = ALPHAS.map((a) => {
    const predicted = docs.map((_, i) => {
      let best = 0;
      let bestP = -1;
      for (let c = 0; c < labels.length; c++) {
        const p = (1 - a) * linear[i]![c]! + a * knn.get(k)![i]![c]!;
        if (p > bestP) [best, bestP] = [c, p];
      }
      return labels[best]!;
    });
    return `α ${a}: ${computeReport(actual, predicted, labels).macroF1.toFixed(4)}`;
  });
  console.log(`K ${k}  ${row.join('  ')}`);
}
