/**
 * 履约义务 — the clauses that are not indicators, judged from records — pure. Each finding names its clause.
 * - Luohe art. 6.6 payroll: wages paid on time (reading wagesDueDayOfNextMonth), social insurance and housing
 *   fund, per team member per month, recorded by the operator and checked by the office.
 * - Sanmenxia art. 13.1 hiring: age (reading hiringAgeLimit), 统招大专及以上, a clean record, at least one
 *   month of training before the trial team (Civil Code art. 1259: 以上 includes the number).
 * - Luohe art. 1.2 / Sanmenxia art. 7: every half-hour of the term covered by the published rotas' shifts.
 */
import { addDays, startOfLocalDay } from '../../calendar/local-time.ts';

export interface PayrollLine {
  memberId: number;
  wagesPaidOn: string | null;
  socialInsurance: boolean;
  housingFund: boolean;
  overtimePaidFen?: number | undefined;
}

export interface Finding {
  code: string;
  messageZh: string;
  memberId?: number;
}

const lastDayOfMonth = (month: string) => addDays(`${nextMonth(month)}-01`, -1);
export const nextMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The last day a month's wages count as paid on time: day `day` of the next month, clamped to its end. */
export function wagesDueOn(month: string, day: number): string {
  const next = nextMonth(month);
  const end = lastDayOfMonth(next);
  const want = `${next}-${String(day).padStart(2, '0')}`;
  return day >= Number(end.slice(8)) ? end : want;
}

/** What the payroll record of a month shows against the members on the team that month. */
export function payrollFindings(
  members: { id: number; name: string }[],
  lines: PayrollLine[] | null,
  dueOn: string,
): Finding[] {
  if (!lines) return [{ code: 'payroll_missing', messageZh: '未录入本月工资、社保和公积金缴纳情况' }];
  const out: Finding[] = [];
  for (const m of members) {
    const l = lines.find((x) => x.memberId === m.id);
    if (!l) {
      out.push({ code: 'member_missing', memberId: m.id, messageZh: `${m.name}：本月在册但无工资记录` });
      continue;
    }
    if (!l.wagesPaidOn || l.wagesPaidOn > dueOn)
      out.push({
        code: 'wages_late',
        memberId: m.id,
        messageZh: `${m.name}：工资${l.wagesPaidOn ? `于 ${l.wagesPaidOn} 发放，晚于 ${dueOn}` : `至 ${dueOn} 未发放`}`,
      });
    if (!l.socialInsurance)
      out.push({ code: 'social_insurance', memberId: m.id, messageZh: `${m.name}：未缴纳社会保险` });
    if (!l.housingFund)
      out.push({ code: 'housing_fund', memberId: m.id, messageZh: `${m.name}：未缴纳住房公积金` });
  }
  return out;
}

export interface HiringRecord {
  memberId: number;
  hiredOn: string;
  ageAtHire: number;
  education: 'below_college' | 'college' | 'bachelor' | 'master' | 'doctor';
  fullTimeEducation: boolean;
  recordClean: boolean;
  trainingFrom: string;
  trainingTo: string;
  trialFrom: string | null;
}

export interface HiringRules {
  maxAgeYears: number;
  minEducation: 'college' | 'bachelor';
  fullTimeEducation: boolean;
  cleanRecord: boolean;
  trainingMonths: number;
}

const EDUCATION_RANK = { below_college: 0, college: 1, bachelor: 2, master: 3, doctor: 4 } as const;
const EDUCATION_ZH = { college: '大专', bachelor: '本科' } as const;

/** The day `months` calendar months after `day` (Civil Code art. 202: the corresponding day, else month end). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const month = `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  const end = Number(lastDayOfMonth(month).slice(8));
  return `${month}-${String(Math.min(d, end)).padStart(2, '0')}`;
}

/** Each rule of Sanmenxia art. 13.1 a new member's record fails. */
export function hiringFindings(
  rules: HiringRules,
  r: HiringRecord,
  ageLimit: 'inclusive' | 'exclusive',
): Finding[] {
  const out: Finding[] = [];
  const ageOk = ageLimit === 'inclusive' ? r.ageAtHire <= rules.maxAgeYears : r.ageAtHire < rules.maxAgeYears;
  if (!ageOk)
    out.push({ code: 'age', messageZh: `入职时 ${r.ageAtHire} 周岁，超过“${rules.maxAgeYears}周岁以下”` });
  if (EDUCATION_RANK[r.education] < EDUCATION_RANK[rules.minEducation])
    out.push({ code: 'education', messageZh: `学历低于${EDUCATION_ZH[rules.minEducation]}` });
  else if (rules.fullTimeEducation && !r.fullTimeEducation)
    out.push({ code: 'full_time_education', messageZh: '学历非统招' });
  if (rules.cleanRecord && !r.recordClean)
    out.push({ code: 'record', messageZh: '有违法犯罪记录或不良嗜好' });
  if (rules.trainingMonths > 0) {
    const enough = addMonths(r.trainingFrom, rules.trainingMonths);
    // 经1个月以上培训: training from the 1st through the day before the same date a month later is one month.
    const trainedOk = addDays(r.trainingTo, 1) >= enough;
    if (!trainedOk)
      out.push({
        code: 'training',
        messageZh: `培训 ${r.trainingFrom} 至 ${r.trainingTo}，不足 ${rules.trainingMonths} 个月`,
      });
    if (r.trialFrom && r.trialFrom <= r.trainingTo)
      out.push({
        code: 'trial_before_training',
        messageZh: `培训结束（${r.trainingTo}）前已进入小组试用（${r.trialFrom}）`,
      });
  }
  return out;
}

export interface Shift {
  start: Date;
  end: Date;
}

/**
 * 7×24: each half-hour from `from` to `to` (city days, `to` exclusive) and before `until` is covered when at
 * least `minAgents` shifts span it whole; a half-hour no published rota plans is not judged (no evidence).
 */
export function coverage(
  spans: { from: string; to: string; shifts: Shift[] }[],
  from: string,
  to: string,
  until: Date,
  minAgents: number,
) {
  const t0 = startOfLocalDay(from).getTime();
  const t1 = Math.min(startOfLocalDay(to).getTime(), until.getTime());
  // A half-hour begun by the as-of instant is judged (the as-of day's last one ends at 23:59:59.999).
  const n = Math.max(0, Math.ceil((t1 - t0) / 1800_000));
  const planned = new Uint8Array(n);
  const count = new Uint16Array(n);
  for (const r of spans) {
    const a = Math.max(0, Math.ceil((startOfLocalDay(r.from).getTime() - t0) / 1800_000));
    const b = Math.min(n, Math.floor((startOfLocalDay(r.to).getTime() - t0) / 1800_000));
    for (let k = a; k < b; k++) planned[k] = 1;
    for (const s of r.shifts) {
      const sa = Math.max(a, Math.ceil((s.start.getTime() - t0) / 1800_000));
      const sb = Math.min(b, Math.floor((s.end.getTime() - t0) / 1800_000));
      for (let k = sa; k < sb; k++) count[k]!++;
    }
  }
  const gaps: { from: string; to: string; slots: number }[] = [];
  let judged = 0;
  let covered = 0;
  for (let k = 0; k < n; k++) {
    if (!planned[k]) continue;
    judged++;
    if (count[k]! >= minAgents) {
      covered++;
      continue;
    }
    const at = new Date(t0 + k * 1800_000).toISOString();
    const last = gaps.at(-1);
    if (last && last.to === at) {
      last.to = new Date(t0 + (k + 1) * 1800_000).toISOString();
      last.slots++;
    } else gaps.push({ from: at, to: new Date(t0 + (k + 1) * 1800_000).toISOString(), slots: 1 });
  }
  return { slots: n, judged, covered, notPlanned: n - judged, gaps };
}
