export { attemptCallback, callbackStats, listCallbacks } from './callbacks-service.ts';
export { applyCallEvent, CALLS_CHANNEL } from './events-service.ts';
export { importCallLog, insertCallBatch, type ImportCounts, type ImportResult } from './import-service.ts';
export {
  checkOutages,
  decideExemption,
  endOutage,
  listOutages,
  recordOutage,
  requestExemption,
} from './incidents-service.ts';
export * from './metrics.ts';
export { callMetrics, callTotals, type MetricsResult, type MetricsSettings } from './metrics-service.ts';
export { callSpan, offeredByInterval, waitingTotals, type WaitingTotals } from './patience-service.ts';
export * from './model.ts';
export { registerCallRoutes } from './routes.ts';
export * from './settings.ts';
export { wallboardSnapshot } from './wallboard.ts';
export { CALL_SEAL_SPECS, openNumber, sealNumber } from './personal-data.ts';
export { answeredCallIds, anyCallSince, ivrRatingCounts, ivrRatings, type IvrRating } from './reads.ts';
