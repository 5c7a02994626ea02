export { resolveAsOf, type AsOf } from './as-of.ts';
export { assessPeriod, type IndicatorResult } from './assessment.ts';
export {
  getContract,
  listContracts,
  loadContract,
  readingsOf,
  setReading,
  syncRepositoryContracts,
} from './contracts-service.ts';
export * from './model.ts';
export { assessContract, assessContractIndicator, assessmentAnswer, contractOverview } from './overview.ts';
export { parsePeriod } from './periods.ts';
export { registerContractRoutes } from './routes.ts';
export { READINGS, DEFAULT_READINGS, type Readings } from './readings.ts';
export { listReports, recordDelivery, reportsOnTime } from './reports-service.ts';
export { checkServiceStarted } from './risks-service.ts';
export { paymentSchedule, splitByShares } from './schedule.ts';
export { settleQuarter } from './settlement.ts';
export {
  acknowledgeWarning,
  confirmStatement,
  currentStatement,
  recordPayment,
  statementWithHistory,
} from './statements-service.ts';
