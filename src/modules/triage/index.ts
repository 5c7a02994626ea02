/** 智能分派 — the dispatch classifier's public surface. Other modules import only from here. */
export {
  DEFAULT_CLASSIFIER_OPTIONS,
  predict,
  resolveClassifierOptions,
  trainClassifier,
  type ClassifierOptions,
  type ClassifierOptionsInput,
  type TriageModel,
} from './classifier.ts';
export { crossValidate, evaluateClassifier, type CrossValidation, type Evaluation } from './evaluate.ts';
export { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './features.ts';
export {
  parseLabelledCsv,
  readLabelledCsv,
  type LabelledCsv,
  type LabelledCsvDoc,
  type RejectedRow,
} from './labelled-csv.ts';
export { DEFAULT_SVM_OPTIONS, type SvmOptions } from './linear-model.ts';
export {
  computeCalibrationError,
  computeLogLoss,
  computeReport,
  type ClassificationReport,
  type ClassMetrics,
} from './metrics.ts';
export { deserializeModel, serializeModel } from './model-codec.ts';
export type { LabelledDoc, LabelProbability, TriageInput } from './model.ts';
