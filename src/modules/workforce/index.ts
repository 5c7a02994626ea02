export { assessChangeNotice } from './change-notice.ts';
export { listHeadcountChanges, recordHeadcountChange, updateHeadcountChange } from './changes-service.ts';
export {
  headcountEvidence,
  headcountSeries,
  loadRosterFacts,
  staffingRate,
  type EvidenceOptions,
} from './evidence-service.ts';
export {
  agreedOn,
  dailyHeadcount,
  DEFAULT_READING,
  findShortfallPeriods,
  type HeadcountReading,
  type RosterFacts,
  type ShortfallPeriod,
} from './headcount.ts';
export { addMember, endMembership, listMembers, updateMember } from './members-service.ts';
export * from './model.ts';
export { assessReplacement } from './replacements.ts';
export { fulfilReplacement, listReplacementRequests, requestReplacement } from './replacements-service.ts';
export { registerWorkforceRoutes } from './routes.ts';
export { computeStaffingRate, type StaffingRateFigure } from './staffing-rate.ts';
export { findVacancies, type Vacancy } from './vacancies.ts';
export { erlang, requiredAgents } from './erlang.ts';
export { backtestForecast, forecastOffered } from './forecast-service.ts';
export { planRotaFor } from './rota-service.ts';
export { readPlanSettings, type LawSettings, type PlanSettings } from './plan-settings.ts';
export { whatIfHeadcounts, whatIfRota } from './what-if-service.ts';
export { getRota, listRotas, rotaOvertimePay } from './rota-store.ts';
export { payWorkbook } from './pay-xlsx.ts';
export { importAttendance, listAttendance } from './attendance-service.ts';
export type { SimulateAnswerRate } from './what-if.ts';
