/**
 * 智能分派 — the dispatch classifier: learns a request's category from a city's past orders and
 * gives every category a calibrated probability.
 *
 * Pipeline (figures and ablations in docs/triage.md): jieba words + character n-grams → TF-IDF
 * per block → χ² selection → one-vs-rest linear SVM (dual coordinate descent) → 8-bit weights
 * → softmax with a temperature fitted on inner cross-validation.
 */
import { AppError } from '../../platform/errors.ts';
import { createSegmenter } from '../../platform/text/segment.ts';
import { fitTemperature, softmax } from './calibration.ts';
import { compactLinearModel, scoreCompact, type CompactLinearModel } from './compact-model.ts';
import { computeChiSquare, restrictVocabulary, selectTopColumns } from './feature-selection.ts';
import {
  buildVocabulary,
  DEFAULT_FEATURE_OPTIONS,
  extractTerms,
  vectorizeTerms,
  type FeatureOptions,
  type TermCounts,
  type Vocabulary,
} from './features.ts';
import { assignStratifiedFolds } from './folds.ts';
import {
  DEFAULT_SVM_OPTIONS,
  scoreMatrix,
  trainOneVsRestSvm,
  type LinearModel,
  type SvmOptions,
} from './linear-model.ts';
import type { LabelledDoc, LabelProbability, SparseMatrix, TriageInput } from './model.ts';
import {
  computeLogCountRatios,
  DEFAULT_NAIVE_BAYES_OPTIONS,
  trainComplementNaiveBayes,
  type NaiveBayesOptions,
} from './naive-bayes.ts';
import { selectRows, stackRows } from './sparse.ts';

export interface ClassifierOptions {
  features: FeatureOptions;
  /** Keep this many features, the most category-dependent by χ²; 0 = keep all. */
  selectedFeatures: number;
  learner: 'svm' | 'complement-naive-bayes';
  svm: SvmOptions;
  /** Scale each feature by its naive-Bayes log-count ratio before the SVM (NB-SVM). */
  naiveBayesScaling: boolean;
  naiveBayes: NaiveBayesOptions;
  /**
   * 'balanced' weighs a class's errors by n / (K · n_class): macro-F1 counts a small category as
   * much as 城乡建设, the large catch-all that otherwise wins the doubtful cases (+0.002 macro-F1 on
   * three CV seeds).
   */
  classWeight: 'none' | 'balanced';
  /** Inner folds whose held-out scores fit the softmax temperature; 0 = no calibration (T = 1). */
  calibrationFolds: number;
  /** Words the segmenter must keep whole besides the default hotline dictionary (street names…). */
  userWords: readonly string[];
  /** Drives every random choice (row order of the solver, calibration folds). */
  seed: number;
}

export const DEFAULT_CLASSIFIER_OPTIONS: ClassifierOptions = {
  features: DEFAULT_FEATURE_OPTIONS,
  selectedFeatures: 100_000,
  learner: 'svm',
  svm: DEFAULT_SVM_OPTIONS,
  naiveBayesScaling: false,
  naiveBayes: DEFAULT_NAIVE_BAYES_OPTIONS,
  classWeight: 'balanced',
  calibrationFolds: 3,
  userWords: [],
  seed: 20200101,
};

export type ClassifierOptionsInput = Partial<Omit<ClassifierOptions, 'features' | 'svm' | 'naiveBayes'>> & {
  features?: Partial<FeatureOptions>;
  svm?: Partial<SvmOptions>;
  naiveBayes?: Partial<NaiveBayesOptions>;
};

/** A trained classifier: plain data, so it can be stored (see model-codec.ts) and shared. */
export interface TriageModel {
  /** Categories in the order of the model's columns (sorted by code point). */
  labels: string[];
  featureOptions: FeatureOptions;
  userWords: string[];
  vocabulary: Vocabulary;
  linear: CompactLinearModel;
  temperature: number;
  /** Training documents per category, in `labels` order. */
  labelCounts: number[];
}

export function resolveClassifierOptions(input: ClassifierOptionsInput = {}): ClassifierOptions {
  const base = DEFAULT_CLASSIFIER_OPTIONS;
  return {
    ...base,
    ...input,
    features: { ...base.features, ...input.features },
    svm: { ...base.svm, seed: input.seed ?? base.seed, ...input.svm },
    naiveBayes: { ...base.naiveBayes, ...input.naiveBayes },
  };
}

export function trainClassifier(
  docs: readonly LabelledDoc[],
  options: ClassifierOptionsInput = {},
): TriageModel {
  const resolved = resolveClassifierOptions(options);
  const terms = extractDocumentTerms(docs, resolved);
  return trainFromTerms(
    terms,
    docs.map((doc) => doc.label),
    resolved,
  );
}

/** The slow, data-independent step of training (segmentation), separated so cross-validation does it once. */
export function extractDocumentTerms(docs: readonly TriageInput[], options: ClassifierOptions): TermCounts[] {
  const segmenter = createSegmenter(options.userWords);
  return docs.map((doc) => extractTerms(doc, options.features, segmenter));
}

export function trainFromTerms(
  terms: readonly TermCounts[],
  labelNames: readonly string[],
  options: ClassifierOptions,
): TriageModel {
  if (terms.length !== labelNames.length) throw new Error('terms and labels differ in length');
  const labels = [...new Set(labelNames)].sort();
  if (labels.length < 2) {
    throw new AppError(
      'triage_too_few_categories',
      422,
      `Training needs documents of at least two categories, got ${labels.length}`,
      `训练至少需要两个分类的工单，当前只有 ${labels.length} 个`,
    );
  }
  const K = labels.length;
  const position = new Map(labels.map((label, c) => [label, c]));
  const y = Int32Array.from(labelNames, (label) => position.get(label)!);
  const labelCounts = labels.map(() => 0);
  for (const c of y) labelCounts[c]!++;

  let vocabulary = buildVocabulary(terms, options.features);
  let x = vectorizeAll(terms, vocabulary, options.features);
  if (options.selectedFeatures > 0 && vocabulary.keys.length > options.selectedFeatures) {
    const columns = selectTopColumns(computeChiSquare(x, y, K), options.selectedFeatures);
    vocabulary = restrictVocabulary(vocabulary, columns);
    // Re-vectorised rather than sliced: each block's L2 norm must cover exactly the kept features,
    // as it will at prediction time.
    x = vectorizeAll(terms, vocabulary, options.features);
  }
  const costOfRow = computeRowCosts(y, labelCounts, options.classWeight);
  const linear = compactLinearModel(fitLinearModel(x, y, K, options, costOfRow));
  const temperature =
    options.calibrationFolds >= 2
      ? fitTemperature(computeHeldOutScores(x, y, K, options, costOfRow), y, K)
      : 1;
  return {
    labels,
    featureOptions: options.features,
    userWords: [...options.userWords],
    vocabulary,
    linear,
    temperature,
    labelCounts,
  };
}

function vectorizeAll(
  terms: readonly TermCounts[],
  vocabulary: Vocabulary,
  options: FeatureOptions,
): SparseMatrix {
  return stackRows(
    terms.map((t) => vectorizeTerms(t, vocabulary, options)),
    vocabulary.keys.length,
  );
}

function computeRowCosts(
  y: Int32Array,
  labelCounts: number[],
  classWeight: ClassifierOptions['classWeight'],
): Float64Array | undefined {
  if (classWeight === 'none') return undefined;
  const K = labelCounts.length;
  return Float64Array.from(y, (c) => y.length / (K * labelCounts[c]!));
}

function fitLinearModel(
  x: SparseMatrix,
  y: Int32Array,
  K: number,
  options: ClassifierOptions,
  costOfRow: Float64Array | undefined,
): LinearModel {
  if (options.learner === 'complement-naive-bayes')
    return trainComplementNaiveBayes(x, y, K, options.naiveBayes);
  const scale = options.naiveBayesScaling ? computeLogCountRatios(x, y, K, 1) : undefined;
  return trainOneVsRestSvm(x, y, K, options.svm, costOfRow, scale);
}

/**
 * Decision values of every training row from a model that did not see it (inner stratified
 * k-fold). An SVM's scores on its own training rows sit at or beyond the margin, and a temperature
 * fitted on them would make every prediction look certain.
 */
function computeHeldOutScores(
  x: SparseMatrix,
  y: Int32Array,
  K: number,
  options: ClassifierOptions,
  costOfRow: Float64Array | undefined,
): Float64Array {
  const folds = assignStratifiedFolds(y, options.calibrationFolds, options.seed);
  const scores = new Float64Array(y.length * K);
  for (let fold = 0; fold < options.calibrationFolds; fold++) {
    const train: number[] = [];
    const held: number[] = [];
    folds.forEach((f, i) => (f === fold ? held : train).push(i));
    if (held.length === 0 || train.length === 0) continue;
    const trainY = Int32Array.from(train, (i) => y[i]!);
    const trainCost = costOfRow && Float64Array.from(train, (i) => costOfRow[i]!);
    const model = fitLinearModel(selectRows(x, train), trainY, K, options, trainCost);
    const heldScores = scoreMatrix(model, selectRows(x, held));
    held.forEach((i, r) => scores.set(heldScores.subarray(r * K, (r + 1) * K), i * K));
  }
  return scores;
}

/** Every category with its probability, most probable first. */
export function predict(model: TriageModel, input: TriageInput): LabelProbability[] {
  const segmenter = createSegmenter(model.userWords);
  return predictFromTerms(model, extractTerms(input, model.featureOptions, segmenter));
}

export function predictFromTerms(model: TriageModel, terms: TermCounts): LabelProbability[] {
  const vector = vectorizeTerms(terms, model.vocabulary, model.featureOptions);
  const scores = scoreCompact(
    model.linear,
    vector.indices,
    vector.values,
    new Float64Array(model.labels.length),
  );
  const probabilities = softmax(scores, model.temperature);
  return model.labels
    .map((label, c) => ({ label, probability: probabilities[c]! }))
    .sort((a, b) => b.probability - a.probability || (a.label < b.label ? -1 : 1));
}
