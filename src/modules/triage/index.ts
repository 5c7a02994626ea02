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
export { registerTriageRoutes } from './routes.ts';
export { DEFAULT_TRAIN_OPTIONS, trainFromHistory, type TrainOutcome } from './train-service.ts';
export { loadHistory, type HistoryDoc } from './history.ts';
export { listModels, loadActiveModel, type ModelSummary } from './model-store.ts';
export { suggestDispatch, recordChoice, type Suggestion } from './suggest-service.ts';
export { measureAccuracy, type AccuracyReport } from './accuracy-service.ts';
export { findDuplicates } from './duplicates-service.ts';
export { DUPLICATE_REASON_LABELS, rankDuplicates, type DuplicateMatch } from './duplicates.ts';
export { triageModels, triageSuggestions } from './schema.ts';
