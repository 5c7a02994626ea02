/**
 * Issue 13, sixth pass: do the unlabelled messages (self-training) or BM25 term weighting inside the SVM
 * lift the dispatch classifier? Same stratified folds as `crossValidate`; per fold:
 *
 * - base: `trainFromTerms` exactly as the product trains (χ² 100k, SVM C 1, balanced, calibrated), so the
 *   `base` row reproduces `npx tsx bench/triage-cv.ts` (0.9233 on seed 42);
 * - idf-all: the vocabulary and IDF counted over the training folds plus the unlabelled pool (no labels used);
 * - self-training `st τ w`: the base model labels the unlabelled pool; the messages whose top calibrated
 *   probability is ≥ τ join the training set with their predicted category, each at w times the cost of a
 *   labelled message of that category (the balanced class weight of the labelled rows); `×2` relabels the pool
 *   with the first self-trained model and trains once more;
 * - BM25 `bm25 k1 b`: tf → tf·(k1+1) / (tf + k1·(1 − b + b·len/avglen)) per block (length = the block's
 *   weighted term count) instead of 1 + ln tf, still × IDF and L2-normalised per block;
 * - each row is also blended with the kNN vote of bench/triage-knn.ts (K 5, BM25 over character bigrams of the
 *   labelled training folds): p = (1 − α)·p_linear + α·p_kNN; the variants' decision values are turned into
 *   probabilities with the base model's temperature (fitted by its inner CV).
 *
 * The unlabelled pool is /work/shared/data/messages-with-votes.csv less the messages whose title or first 60
 * characters of body equal a labelled message's (the pool must not hold the test messages themselves).
 *
 *   npx tsx bench/triage-semi.ts [--seed 42] [--variants base,idf-all,st0.9w0.3,bm25k1.2b0.75,...]
 *   [--train /work/shared/data/messages-train.csv] [--unlabelled /work/shared/data/messages-with-votes.csv]
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { Bm25Index } from '../src/modules/knowledge/bm25.ts';
import { addBigrams, type TermCounts as BigramCounts } from '../src/modules/knowledge/ranking-terms.ts';
import { softmax } from '../src/modules/triage/calibration.ts';
import {
  extractDocumentTerms,
  predictFromTerms,
  resolveClassifierOptions,
  trainFromTerms,
  type ClassifierOptions,
} from '../src/modules/triage/classifier.ts';
import { compactLinearModel, scoreCompact } from '../src/modules/triage/compact-model.ts';
import {
  computeChiSquare,
  restrictVocabulary,
  selectTopColumns,
} from '../src/modules/triage/feature-selection.ts';
import {
  buildVocabulary,
  vectorizeTerms,
  type TermCounts,
  type Vocabulary,
} from '../src/modules/triage/features.ts';
import { assignStratifiedFolds } from '../src/modules/triage/folds.ts';
import { computeReport, readLabelledCsv } from '../src/modules/triage/index.ts';
import { getInt } from '../src/modules/triage/int-table.ts';
import { trainOneVsRestSvm } from '../src/modules/triage/linear-model.ts';
import type { SparseVector, TriageInput } from '../src/modules/triage/model.ts';
import { stackRows } from '../src/modules/triage/sparse.ts';
import { blockOfTermKey } from '../src/modules/triage/term-hash.ts';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback;
};
const SEED = Number(arg('seed', '42'));
const TRAIN = arg('train', '/work/shared/data/messages-train.csv');
const UNLABELLED = arg('unlabelled', '/work/shared/data/messages-with-votes.csv');
const VARIANTS = arg('variants', 'base,idf-all,st0.9w0.3,st0.9w1,st0.7w0.3,st0.5w0.3,bm25k1.2b0.75').split(
  ',',
);
const FOLDS = 5;
const K_NN = 5;
const ALPHAS = [0, 0.2, 0.3, 0.4];

interface Variant {
  name: string;
  idfAll: boolean;
  selfTrain?: { threshold: number; weight: number; rounds: number };
  bm25?: { k1: number; b: number };
}

function parseVariant(name: string): Variant {
  if (name === 'base') return { name, idfAll: false };
  if (name === 'idf-all') return { name, idfAll: true };
  const st = /^st([\d.]+)w([\d.]+)(x2)?(idf)?$/.exec(name);
  if (st)
    return {
      name,
      idfAll: Boolean(st[4]),
      selfTrain: { threshold: Number(st[1]), weight: Number(st[2]), rounds: st[3] ? 2 : 1 },
    };
  const bm = /^bm25k([\d.]+)b([\d.]+)$/.exec(name);
  if (bm) return { name, idfAll: false, bm25: { k1: Number(bm[1]), b: Number(bm[2]) } };
  throw new Error(`unknown variant ${name}`);
}
const variants = VARIANTS.map(parseVariant);

// --- data ---------------------------------------------------------------------------------------------------
const { docs } = await readLabelledCsv(TRAIN);
const rows = parse(await readFile(UNLABELLED), { columns: true, bom: true }) as Record<string, string>[];
const labelledTitles = new Set(docs.map((d) => d.title.trim()));
const labelledBodies = new Set(docs.map((d) => d.content.trim().slice(0, 60)).filter((s) => s.length >= 20));
const pool: TriageInput[] = [];
let overlapping = 0;
for (const row of rows) {
  const title = (row.title ?? '').trim();
  const content = (row.detail ?? '').trim();
  if (!title && !content) continue;
  if (labelledTitles.has(title) || labelledBodies.has(content.slice(0, 60))) {
    overlapping++;
    continue;
  }
  pool.push({ title, content });
}
console.log(
  `seed ${SEED}: ${docs.length} labelled, ${pool.length} unlabelled (${overlapping} left out: same as a labelled message)`,
);

const labels = [...new Set(docs.map((d) => d.label))].sort();
const K = labels.length;
const position = new Map(labels.map((l, i) => [l, i]));
const y = Int32Array.from(docs, (d) => position.get(d.label)!);
const folds = assignStratifiedFolds(y, FOLDS, SEED);
const options: ClassifierOptions = resolveClassifierOptions({ seed: SEED });

const started = performance.now();
const terms = extractDocumentTerms(docs, options);
const poolTerms = extractDocumentTerms(pool, options);
console.log(`segmentation ${((performance.now() - started) / 1000).toFixed(1)} s`);

// --- vectorisers --------------------------------------------------------------------------------------------
type Vectorize = (t: TermCounts, vocabulary: Vocabulary) => SparseVector;
const tfidf: Vectorize = (t, v) => vectorizeTerms(t, v, options.features);

function blockLengths(t: TermCounts): Float64Array {
  const len = new Float64Array(3);
  for (let k = 0; k < t.keys.length; k++) {
    const b = blockOfTermKey(t.keys[k]!);
    len[b] = len[b]! + t.counts[k]!;
  }
  return len;
}

function makeBm25(k1: number, b: number, trainTerms: readonly TermCounts[]): Vectorize {
  const avg = new Float64Array(3);
  for (const t of trainTerms) {
    const len = blockLengths(t);
    for (let i = 0; i < 3; i++) avg[i] = avg[i]! + len[i]! / trainTerms.length;
  }
  const f = options.features;
  const blockWeight = [f.wordBlockWeight, f.charBlockWeight, f.titleBlockWeight];
  return (t, v) => {
    const len = blockLengths(t);
    const norm = Array.from(len, (l, i) => k1 * (1 - b + (b * l) / Math.max(avg[i]!, 1e-9)));
    const indices: number[] = [];
    const values: number[] = [];
    const blocks: number[] = [];
    const ss = new Float64Array(3);
    for (let k = 0; k < t.keys.length; k++) {
      const column = getInt(v.columnOf, t.keys[k]!);
      if (column < 0) continue;
      const tf = t.counts[k]!;
      const block = blockOfTermKey(t.keys[k]!);
      const value = ((tf * (k1 + 1)) / (tf + norm[block]!)) * v.idf[column]!;
      indices.push(column);
      values.push(value);
      blocks.push(block);
      ss[block] = ss[block]! + value * value;
    }
    const scale = Array.from(ss, (s, i) => (s > 0 ? blockWeight[i]! / Math.sqrt(s) : 0));
    return {
      indices: Int32Array.from(indices),
      values: Float32Array.from(values, (value, i) => value * scale[blocks[i]!]!),
    };
  };
}

// --- training with row weights (mirrors trainFromTerms without calibration) ----------------------------------
interface Fitted {
  vocabulary: Vocabulary;
  linear: ReturnType<typeof compactLinearModel>;
  vectorize: Vectorize;
}

function fit(
  rowsTerms: readonly TermCounts[],
  rowsY: Int32Array,
  rowCost: Float64Array,
  vocabularyDocs: readonly TermCounts[],
  vectorize: Vectorize,
): Fitted {
  let vocabulary = buildVocabulary(vocabularyDocs, options.features);
  const stack = (v: Vocabulary) =>
    stackRows(
      rowsTerms.map((t) => vectorize(t, v)),
      v.keys.length,
    );
  let x = stack(vocabulary);
  if (vocabulary.keys.length > options.selectedFeatures) {
    vocabulary = restrictVocabulary(
      vocabulary,
      selectTopColumns(computeChiSquare(x, rowsY, K), options.selectedFeatures),
    );
    x = stack(vocabulary);
  }
  const linear = compactLinearModel(trainOneVsRestSvm(x, rowsY, K, options.svm, rowCost));
  return { vocabulary, linear, vectorize };
}

function scores(model: Fitted, t: TermCounts): Float64Array {
  const v = model.vectorize(t, model.vocabulary);
  return scoreCompact(model.linear, v.indices, v.values, new Float64Array(K));
}

function probabilitiesOf(model: Fitted, t: TermCounts, temperature: number): Float64Array {
  return softmax(scores(model, t), temperature);
}

// --- kNN ----------------------------------------------------------------------------------------------------
function bigrams(d: TriageInput): BigramCounts {
  const m: BigramCounts = new Map();
  addBigrams(m, d.title ?? '', 2);
  addBigrams(m, d.content.slice(0, 2000), 1);
  return m;
}

// --- cross-validation ---------------------------------------------------------------------------------------
const probs = new Map<string, Float64Array[]>(variants.map((v) => [v.name, new Array(docs.length)]));
const knnVote: Float64Array[] = new Array(docs.length);
const added = new Map<string, number[]>(variants.map((v) => [v.name, []]));

for (let fold = 0; fold < FOLDS; fold++) {
  const foldStarted = performance.now();
  const train = docs.flatMap((_, i) => (folds[i] === fold ? [] : [i]));
  const test = docs.flatMap((_, i) => (folds[i] === fold ? [i] : []));
  const trainTerms = train.map((i) => terms[i]!);
  const trainY = Int32Array.from(train, (i) => y[i]!);
  const counts = labels.map(() => 0);
  for (const c of trainY) counts[c]!++;
  const classCost = counts.map((n) => train.length / (K * n));
  const trainCost = Float64Array.from(trainY, (c) => classCost[c]!);

  // The product's own training: the reference row and the pool's first labels.
  const base = trainFromTerms(
    trainTerms,
    train.map((i) => docs[i]!.label),
    options,
  );
  const T = base.temperature;
  const baseProbs = (t: TermCounts) => {
    const p = new Float64Array(K);
    for (const lp of predictFromTerms(base, t)) p[position.get(lp.label)!] = lp.probability;
    return p;
  };
  const poolBase: Float64Array[] = poolTerms.map(baseProbs);

  const index = new Bm25Index<number>({ k1: 1.2, b: 0.75 });
  for (const i of train) index.add(i, bigrams(docs[i]!));
  for (const i of test) {
    const s = new Float64Array(index.slots);
    const q = bigrams(docs[i]!);
    index.scoreInto(q, 1, s, q.size > 40 ? 0.25 : 1);
    const order = Array.from({ length: s.length }, (_, k) => k)
      .filter((k) => s[k]! > 0)
      .sort((a, b) => s[b]! - s[a]!)
      .slice(0, K_NN);
    const vote = new Float64Array(K);
    let total = 0;
    for (const k of order) {
      vote[y[index.keyOf(k)!]!]! += s[k]!;
      total += s[k]!;
    }
    if (total > 0) for (let c = 0; c < K; c++) vote[c]! /= total;
    knnVote[i] = vote;
  }

  for (const variant of variants) {
    const out = probs.get(variant.name)!;
    if (variant.name === 'base') {
      for (const i of test) out[i] = baseProbs(terms[i]!);
      continue;
    }
    const vocabularyExtra = variant.idfAll ? poolTerms : [];
    let model: Fitted;
    if (variant.selfTrain) {
      const { threshold, weight, rounds } = variant.selfTrain;
      let poolP: Float64Array[] = poolBase;
      model = undefined as unknown as Fitted;
      for (let round = 0; round < rounds; round++) {
        const chosen: number[] = [];
        const chosenY: number[] = [];
        poolP.forEach((p, j) => {
          let best = 0;
          for (let c = 1; c < K; c++) if (p[c]! > p[best]!) best = c;
          if (p[best]! >= threshold) {
            chosen.push(j);
            chosenY.push(best);
          }
        });
        const rowsTerms = [...trainTerms, ...chosen.map((j) => poolTerms[j]!)];
        const rowsY = Int32Array.from([...trainY, ...chosenY]);
        const rowCost = Float64Array.from([...trainCost, ...chosenY.map((c) => weight * classCost[c]!)]);
        model = fit(rowsTerms, rowsY, rowCost, [...rowsTerms, ...vocabularyExtra], tfidf);
        if (round === rounds - 1) added.get(variant.name)!.push(chosen.length);
        const m = model;
        poolP = poolTerms.map((t) => probabilitiesOf(m, t, T));
      }
    } else if (variant.bm25) {
      const vectorize = makeBm25(variant.bm25.k1, variant.bm25.b, trainTerms);
      model = fit(trainTerms, trainY, trainCost, trainTerms, vectorize);
    } else {
      model = fit(trainTerms, trainY, trainCost, [...trainTerms, ...vocabularyExtra], tfidf);
    }
    for (const i of test) out[i] = probabilitiesOf(model, terms[i]!, T);
  }
  console.log(`fold ${fold}: ${((performance.now() - foldStarted) / 1000).toFixed(1)} s`);
}

const actual = docs.map((d) => d.label);
for (const variant of variants) {
  const p = probs.get(variant.name)!;
  const cells = ALPHAS.map((a) => {
    const predicted = docs.map((_, i) => {
      let best = 0;
      let bestP = -1;
      for (let c = 0; c < K; c++) {
        const v = (1 - a) * p[i]![c]! + a * knnVote[i]![c]!;
        if (v > bestP) [best, bestP] = [c, v];
      }
      return labels[best]!;
    });
    return `α ${a}: ${computeReport(actual, predicted, labels).macroF1.toFixed(4)}`;
  });
  const n = added.get(variant.name)!;
  const extra = n.length ? `  (pool rows added per fold: ${n.join(' ')})` : '';
  console.log(`${variant.name.padEnd(16)} ${cells.join('  ')}${extra}`);
}
