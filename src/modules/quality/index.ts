export { assignTask, assistanceCompletion, completeTask } from './assistance-service.ts';
export {
  callbackQueue,
  callbackRateOf,
  readCallbackSettings,
  type CallbackSettings,
} from './callbacks-service.ts';
export { complaintRate, seriousIncidents } from './complaints-service.ts';
export { qualityFigures, readQualityFigureSettings, type QualityFigureSettings } from './indicators.ts';
export { consecutiveFailures, createSheet, monthlyResults } from './inspection-service.ts';
export { registerQualityRoutes } from './routes.ts';
export {
  attitudeSatisfaction,
  attitudeSatisfactionCounts,
  attitudeSatisfactionBreakdown,
  handlingSatisfactionByDepartment,
  readSatisfactionSettings,
  type SatisfactionSettings,
} from './satisfaction.ts';
export * from './settings.ts';
export { ASSESSMENT_YEAR_START, yearAround } from './year.ts';
export {
  DEFAULT_THRESHOLDS,
  ELEMENT_LABELS,
  scoreReply,
  termStats,
  type ReplyScore,
  type TermStats,
} from './replies/score.ts';
export { registerReplyQualityRoutes } from './replies/routes.ts';
export { replyQuality, reviewReply, type ReplyQuality } from './replies/service.ts';
export { REPLY_REQUIRED_ELEMENTS, REPLY_THRESHOLDS } from './replies/settings.ts';
export { replyQualityByDepartment, type DepartmentReplyQuality } from './replies/by-department.ts';
