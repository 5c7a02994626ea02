/** 热点问题发现 — the hot-topic detector's public surface. Other modules import only from here. */
export { detectHotTopics } from './detect.ts';
export { scoreTopic } from './describe.ts';
export {
  DEFAULT_DETECT_OPTIONS,
  type DetectOptions,
  type DetectOptionsInput,
  type HotTopic,
  type HotTopicInput,
  type NameCount,
  type WeightedTerm,
} from './model.ts';
export { collectPlaceCodes, extractDistrict } from './places.ts';
export { parseRequestsCsv, type RejectedRequestRow, type RequestsCsv } from './requests-csv.ts';
export {
  cosineOfTerms,
  scanHistory,
  type HistoryScan,
  type ScanOptions,
  type ScanStep,
  type TopicEpisode,
} from './sliding.ts';
