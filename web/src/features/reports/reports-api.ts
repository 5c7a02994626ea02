import type { paths } from '../../api/client.ts';

/** The JSON a GET answers with 200, from the generated API types (never written by hand). */
type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

/** A generated monthly report's record (KPI 11 evidence), as `GET /api/reports/monthly-records` lists it. */
export type MonthlyRecord = Json<'/api/reports/monthly-records', 'get'>['items'][number];
export type Circular = Json<'/api/reports/circular', 'get'>;
export type CircularRow = Circular['departments'][number];
export type ReportJob = Json<'/api/reports/jobs', 'get'>['items'][number];
export type SpecialReport = Json<'/api/reports/special', 'get'>;
export type HotTopic = Json<'/api/hot-topics', 'get'>['items'][number];

export const STATUS_LABELS: Record<MonthlyRecord['status'], [string, string]> = {
  generating: ['生成中', 'processing'],
  generated: ['待提交', 'blue'],
  failed: ['生成失败', 'red'],
  submitted: ['已提交待验收', 'gold'],
  accepted: ['已验收', 'green'],
  returned: ['已退回修改', 'orange'],
};

export const JOB_STATUS_LABELS: Record<ReportJob['status'], [string, string]> = {
  queued: ['排队中', 'default'],
  running: ['生成中', 'processing'],
  done: ['已完成', 'green'],
  failed: ['失败', 'red'],
};

export { downloadFile } from '../../components/export-button.tsx';
