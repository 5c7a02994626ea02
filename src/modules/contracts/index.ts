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
export { assessContract, contractOverview } from './overview.ts';
export { parsePeriod } from './periods.ts';
export { READINGS, DEFAULT_READINGS, type Readings } from './readings.ts';
export { listReports, recordDelivery, reportsOnTime } from './reports-service.ts';
export { checkServiceStarted } from './risks-service.ts';
export { paymentSchedule, splitByShares } from './schedule.ts';
export { settleQuarter } from './settlement.ts';
export {
  confirmStatement,
  currentStatement,
  recordPayment,
  statementWithHistory,
} from './statements-service.ts';
