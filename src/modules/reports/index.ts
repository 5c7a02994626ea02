export { parseMonth, MonthlyReport } from './model.ts';
export { buildMonthlyReport, contractInForce, type OnProgress } from './monthly-service.ts';
export { generateMonthly, renderMonthly, REPORT_FORMATS, type ReportFormat } from './monthly-files.ts';
export {
  decideMonthly,
  generateScheduledMonthly,
  getMonthlyRecord,
  listMonthlyRecords,
  submitMonthly,
} from './records-service.ts';
export { registerReportRoutes } from './routes.ts';
export { buildCircular, writeCircularFiles } from './circular-service.ts';
export { buildSpecialReport, writeSpecialFiles } from './special-service.ts';
export { resumeReportJobs } from './jobs-service.ts';
