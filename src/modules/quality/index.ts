export { assistanceCompletion } from './assistance-service.ts';
export { callbackQueue, callbackRate, requiresCallbackSql } from './callbacks-service.ts';
export { complaintRate, seriousIncidents } from './complaints-service.ts';
export { qualityFigures } from './indicators.ts';
export { consecutiveFailures, monthlyResults } from './inspection-service.ts';
export { registerQualityRoutes } from './routes.ts';
export {
  attitudeSatisfaction,
  attitudeSatisfactionBreakdown,
  handlingSatisfactionByDepartment,
} from './satisfaction.ts';
export * from './settings.ts';
export { ASSESSMENT_YEAR_START, yearAround } from './year.ts';
