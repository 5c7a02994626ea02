/** Shapes of the workforce module's answers (src/modules/workforce): the operator's roster and its evidence. */

export interface Member {
  id: number;
  name: string;
  userId: number | null;
  role: string;
  roleLabel: string;
  startDate: string;
  endDate: string | null;
  endReason: string | null;
  endReasonLabel: string | null;
  note: string | null;
}

export interface HeadcountDay {
  day: string;
  agreed: number;
  changeId: number | null;
  headcount: number;
  present: number;
  shortfall: number;
}

export interface HeadcountChange {
  id: number;
  effectiveOn: string;
  agreed: number;
  consented: boolean;
  consentedOn: string | null;
  consentRef: string | null;
  noticeGivenOn: string | null;
  note: string | null;
  notice: { daysAhead: number | null; status: 'on_time' | 'late' | 'not_recorded' | 'no_rule' };
}

export interface ReplacementRequest {
  id: number;
  memberId: number;
  memberName: string;
  requestedOn: string;
  reason: string;
  documentRef: string | null;
  status: 'open' | 'fulfilled' | 'withdrawn';
  replacementMemberId: number | null;
  replacementName: string | null;
  note: string | null;
  replacedOn: string | null;
  days: number | null;
  dueOn: string | null;
  late: boolean | null;
}

export interface Vacancy {
  memberId: number;
  memberName: string | null;
  endReason: string | null;
  cause: string;
  openedOn: string;
  filledOn: string | null;
  days: number;
  dueOn: string | null;
  late: boolean | null;
}

export interface Evidence {
  from: string;
  to: string;
  asOf: string;
  through: string | null;
  shortfallPeriods: { from: string; to: string; days: number; shortfall: number; personDays: number }[];
  shortfall: { days: number; personDays: number; max: number };
  staffingRate: { numerator: number; denominator: number; value: number | null };
  vacancies: Vacancy[];
  replacementRequests: ReplacementRequest[];
  headcountChanges: HeadcountChange[];
}

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
