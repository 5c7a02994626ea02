export { assessChangeNotice } from './change-notice.ts';
export { listHeadcountChanges, recordHeadcountChange, updateHeadcountChange } from './changes-service.ts';
export { seedDemoRoster } from './demo-roster.ts';
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
