/**
 * Dispatch classifier figures on a labelled CSV (id,title,detail,label):
 *
 *   npx tsx bench/triage-cv.ts [path] [--ablations] [--folds 5] [--seed 42]
 *
 * Prints stratified k-fold cross-validation and a fixed 70/30 split (accuracy, macro-F1, per-class
 * F1, log-loss, calibration error), training time on the whole file and on 10,000 documents, the
 * stored model's size, and p50/p99 latency of one `predict` call. `--ablations` adds the table of
 * variants recorded in docs/triage.md. The data is read in place, never copied.
 */
import {
  crossValidate,
  evaluateClassifier,
  predict,
  readLabelledCsv,
  serializeModel,
  trainClassifier,
  type ClassificationReport,
  type ClassifierOptionsInput,
  type Evaluation,
  type LabelledDoc,
} from '../src/modules/triage/index.ts';
import { splitStratified } from '../src/modules/triage/folds.ts';

const DEFAULT_PATH = '/work/shared/data/messages-train.csv';

const ABLATIONS: [string, ClassifierOptionsInput][] = [
  ['final: w1-2 + c1-3 + title block, χ² 100k, SVM C=1, balanced', {}],
  ['all features (no χ² selection)', { selectedFeatures: 0 }],
  ['χ² 50k', { selectedFeatures: 50_000 }],
  ['χ² 200k', { selectedFeatures: 200_000 }],
  ['word unigrams only (baseline)', { features: onlyWords(1) }],
  ['character bigrams only (baseline)', { features: { ...onlyChars(2, 2) } }],
  ['words 1-2 only', { features: onlyWords(2) }],
  ['characters 1-3 only', { features: onlyChars(1, 3) }],
  ['words + chars, no title emphasis', { features: { titleRepeat: 1, titleBlockWeight: 0 } }],
  ['title repeated ×2, no title block', { features: { titleBlockWeight: 0 } }],
  ['title block weight 1.0', { features: { titleBlockWeight: 1 } }],
  ['characters 1-2', { features: { charNgramMax: 2 } }],
  ['characters 1-4', { features: { charNgramMax: 4 } }],
  ['raw tf (no sublinear)', { features: { sublinearTf: false } }],
  ['digits kept', { features: { foldDigits: false } }],
  ['min-df 3', { features: { minDf: 3 } }],
  ['SVM C=0.25', { svm: { C: 0.25 } }],
  ['SVM C=4', { svm: { C: 4 } }],
  ['SVM hinge (L1) loss', { svm: { loss: 'l1' } }],
  ['no class weights', { classWeight: 'none' }],
  ['NB-SVM (log-count-ratio scaling)', { naiveBayesScaling: true }],
  ['complement naive Bayes instead of SVM', { learner: 'complement-naive-bayes' }],
];

function onlyWords(maxN: number): ClassifierOptionsInput['features'] {
  return { wordNgramMax: maxN, charNgramMax: 0, titleRepeat: 1, titleBlockWeight: 0 };
}

function onlyChars(minN: number, maxN: number): ClassifierOptionsInput['features'] {
  return { wordNgramMax: 0, charNgramMin: minN, charNgramMax: maxN, titleRepeat: 1, titleBlockWeight: 0 };
}

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const valueOf = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const path = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? DEFAULT_PATH;
const folds = valueOf('--folds', 5);
const seed = valueOf('--seed', 42);

const f4 = (v: number) => v.toFixed(4);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const { docs, rejected } = await readLabelledCsv(path);
console.log(`== data: ${path}`);
console.log(`${docs.length} documents; ${rejected.length} rows rejected`);
for (const row of rejected) console.log(`  line ${row.line} (${row.id || 'no id'}): ${row.reason}`);
const counts = new Map<string, number>();
for (const doc of docs) counts.set(doc.label, (counts.get(doc.label) ?? 0) + 1);
console.log([...counts].map(([label, n]) => `${label} ${n}`).join(', '));

console.log(`\n== ${folds}-fold stratified cross-validation (seed ${seed})`);
const cv = crossValidate(docs, folds, seed);
printEvaluation(cv);
console.log(
  `macro-F1 per fold: ${cv.folds.map((f) => f4(f.report.macroF1)).join(' ')} ` +
    `(mean ${f4(cv.macroF1Mean)} ± ${f4(cv.macroF1StdDev)})`,
);
printConfusion(cv.report);

console.log(`\n== 70/30 stratified split (seed ${seed})`);
const split = splitStratified(
  docs.map((doc) => [...counts.keys()].indexOf(doc.label)),
  0.3,
  seed,
);
const held = evaluateClassifier(
  split.train.map((i) => docs[i]!),
  split.test.map((i) => docs[i]!),
  { seed },
);
printEvaluation(held);

console.log('\n== training time and model size');
const started = performance.now();
const model = trainClassifier(docs, { seed });
console.log(`${docs.length} documents: ${seconds(performance.now() - started)}`);
const tenThousand = padToTenThousand(docs);
const startedTen = performance.now();
trainClassifier(tenThousand, { seed });
console.log(
  `${tenThousand.length} documents (${tenThousand.length - docs.length} recombined): ` +
    seconds(performance.now() - startedTen),
);
const bytes = serializeModel(model);
console.log(
  `stored model: ${(bytes.length / 1024 / 1024).toFixed(2)} MB, ${model.vocabulary.keys.length} features, ` +
    `temperature ${model.temperature.toFixed(3)}`,
);

console.log('\n== predict latency (one call: segmentation, features, scores, softmax)');
const latencies = measureLatency(split.test.map((i) => docs[i]!));
console.log(
  `${latencies.length} requests: p50 ${latencies[Math.floor(latencies.length * 0.5)]!.toFixed(3)} ms, ` +
    `p99 ${latencies[Math.floor(latencies.length * 0.99)]!.toFixed(3)} ms, max ${latencies.at(-1)!.toFixed(3)} ms`,
);

if (flag('--ablations')) {
  console.log(`\n== ablations (${folds}-fold CV, seed ${seed})`);
  console.log('| variant | accuracy | macro-F1 | train s/fold | features |');
  console.log('|---|---|---|---|---|');
  for (const [name, options] of ABLATIONS) {
    const result = crossValidate(docs, folds, seed, options);
    console.log(
      `| ${name} | ${f4(result.report.accuracy)} | ${f4(result.report.macroF1)} | ` +
        `${(result.trainMilliseconds / 1000).toFixed(1)} | ${Math.round(result.featureCount)} |`,
    );
  }
}

function printEvaluation(e: Evaluation): void {
  console.log(
    `accuracy ${f4(e.report.accuracy)}  macro-F1 ${f4(e.report.macroF1)}  log-loss ${f4(e.logLoss)}  ` +
      `calibration error ${f4(e.calibrationError)}  train ${seconds(e.trainMilliseconds)}`,
  );
  for (const m of e.report.perClass) {
    console.log(
      `  ${m.label.padEnd(8, '　')} P ${f4(m.precision)}  R ${f4(m.recall)}  F1 ${f4(m.f1)}  n ${m.support}`,
    );
  }
}

function printConfusion(report: ClassificationReport): void {
  console.log('confusion (rows: actual, columns: predicted, same order as above)');
  report.confusion.forEach((row, i) =>
    console.log(`  ${report.labels[i]!.padEnd(8, '　')} ${row.join('\t')}`),
  );
}

/**
 * 10,000 documents for the timing: the real ones plus pairs recombined within a category (the
 * title of one, the body of another), so no document is an exact copy that the solver meets twice.
 */
function padToTenThousand(source: readonly LabelledDoc[]): LabelledDoc[] {
  const byLabel = new Map<string, LabelledDoc[]>();
  for (const doc of source) byLabel.set(doc.label, [...(byLabel.get(doc.label) ?? []), doc]);
  const out = [...source];
  for (let i = 0; out.length < 10_000; i++) {
    const doc = source[i % source.length]!;
    const peers = byLabel.get(doc.label)!;
    const other = peers[(i * 7 + 3) % peers.length]!;
    out.push({ title: doc.title, content: other.content, label: doc.label });
  }
  return out;
}

function measureLatency(requests: readonly LabelledDoc[]): number[] {
  for (const doc of requests.slice(0, 50)) predict(model, doc);
  const times = requests.map((doc) => {
    const t0 = performance.now();
    predict(model, { title: doc.title, content: doc.content });
    return performance.now() - t0;
  });
  return times.sort((a, b) => a - b);
}
