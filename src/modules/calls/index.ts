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
export { callMetrics, type MetricsResult } from './metrics-service.ts';
export * from './model.ts';
export { registerCallRoutes } from './routes.ts';
export * from './settings.ts';
export { wallboardSnapshot } from './wallboard.ts';
