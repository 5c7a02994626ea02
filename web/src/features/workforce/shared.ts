/**
 * The workforce screens' shapes, taken from the generated API schema (src/modules/workforce via
 * `npm run gen:api`), and the labels and contract rule days they show.
 */
import type { paths } from '../../api/schema.d.ts';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;

export type Member = Json<'/api/workforce/members'>['items'][number];
export type HeadcountDay = Json<'/api/workforce/headcount'>['days'][number];
export type HeadcountChange = Json<'/api/workforce/headcount-changes'>['items'][number];
export type ReplacementRequest = Json<'/api/workforce/replacement-requests'>['items'][number];
export type Evidence = Json<'/api/workforce/evidence'>;
export type Vacancy = Evidence['vacancies'][number];

export const ROLE_OPTIONS = [
  ['agent', '话务员'],
  ['team_lead', '班长'],
  ['quality_inspector', '质检员'],
  ['trainer', '培训师'],
  ['kb_editor', '知识库管理员'],
  ['scheduler', '排班员'],
  ['analyst', '分析员'],
  ['manager', '项目经理'],
].map(([value, label]) => ({ value: value!, label: label! }));

export const END_REASON_OPTIONS = [
  ['resigned', '辞职'],
  ['dismissed', '辞退'],
  ['transferred', '调岗'],
  ['replaced_at_request', '应甲方要求更换'],
  ['other', '其他'],
].map(([value, label]) => ({ value: value!, label: label! }));

export const VACANCY_CAUSE: Record<string, string> = {
  left: '离岗',
  ended: '离岗',
  absence: '请假/病休',
  leave: '请假',
  sick_leave: '病休',
};

export const NOTICE_STATUS: Record<string, [string, string]> = {
  on_time: ['按期通知', 'green'],
  late: ['通知不足', 'red'],
  not_recorded: ['未登记通知日期', 'gold'],
  no_rule: ['—', 'default'],
};

export const REPLACEMENT_STATUS: Record<string, [string, string]> = {
  open: ['待更换', 'gold'],
  fulfilled: ['已更换', 'green'],
  withdrawn: ['已撤回', 'default'],
};

/** Sanmenxia art. 13.4 (vacancy filled within 15 days), 12.2 (replacement within 3 days), 4 (7 days' notice). */
export const RULE_DAYS = { fillDays: 15, replacementDays: 3, noticeDays: 7 };
