/**
 * The clauses beside the money, judged for one payment quarter as of a day and put on its statement: payroll
 * (Luohe art. 6.6), termination grounds the office recorded (art. 8.3(2)(6)(7)), the hand-over and destruction
 * letter (art. 8.5), the bond's "no quality problem" (art. 2.5); 7×24 coverage (Luohe art. 1.2, Sanmenxia
 * art. 7) and overtime pay owed (Sanmenxia art. 11) from the workforce module's published rotas; hiring rules
 * on each new member (Sanmenxia art. 13.1). What the records cannot show is a warning, never a deduction.
 */
import { addDays } from '../../calendar/local-time.ts';
import type { ChinaCalendar } from '../../calendar/china-calendar.ts';
import { addWorkingDaysToDate } from '../../calendar/working-days.ts';
import type { DbOrTx } from '../../db/client.ts';
import {
  getRota,
  type LawSettings,
  listMembers,
  listRotas,
  readPlanSettings,
  rotaOvertimePay,
} from '../workforce/index.ts';
import { clipTo, type AsOf } from './as-of.ts';
import type { ContractDefinition } from './model.ts';
import {
  coverage,
  hiringFindings,
  nextMonth,
  payrollFindings,
  wagesDueOn,
  type HiringRecord,
  type PayrollLine,
} from './obligations.ts';
import type { Period } from './periods.ts';
import type { Readings } from './readings.ts';
import { latestBySubject, listRecords, type ContractRecord } from './records-service.ts';
import { listRectifications } from './rectification-service.ts';
import { warningKey, warningOf, type StatementWarning } from './warnings.ts';

const monthsBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (let m = from.slice(0, 7); `${m}-01` < to; m = nextMonth(m)) out.push(m);
  return out;
};

async function payroll(
  db: DbOrTx,
  c: ContractDefinition,
  q: Period,
  r: Readings,
  asOf: AsOf,
  records: ContractRecord[],
  notices: StatementWarning[],
) {
  if (!c.payroll) return null;
  const members = await listMembers(db);
  const byMonth = latestBySubject(records, 'payroll');
  const months = [];
  for (const month of monthsBetween(q.from, q.to)) {
    const monthStart = `${month}-01` < c.term.from ? c.term.from : `${month}-01`;
    const monthEnd = `${nextMonth(month)}-01` > c.term.to ? c.term.to : `${nextMonth(month)}-01`;
    if (monthStart >= monthEnd) continue;
    const dueOn = wagesDueOn(month, r.wagesDueDayOfNextMonth);
    const on = members.filter((m) => m.startDate < monthEnd && (!m.endDate || m.endDate >= monthStart));
    const rec = byMonth.get(month);
    const judged = dueOn < asOf.day;
    const findings = judged
      ? payrollFindings(on, rec ? ((rec.data as { lines: PayrollLine[] }).lines ?? []) : null, dueOn)
      : [];
    if (judged && on.length) {
      if (!rec) notices.push(warningOf('payroll_missing', { subject: month, month, dueOn }));
      else if (findings.length)
        notices.push(
          warningOf('payroll_problem', { subject: month, month, findings: findings.map((f) => f.messageZh) }),
        );
      else if (!rec.checkedAt) notices.push(warningOf('payroll_unchecked', { subject: month, month }));
      else if (rec.accepted === false)
        notices.push(
          warningOf('payroll_problem', {
            subject: month,
            month,
            findings: [rec.checkNote ?? '甲方核查未通过'],
          }),
        );
    }
    months.push({
      month,
      dueOn,
      judged,
      members: on.length,
      recordId: rec?.id ?? null,
      checked: rec?.checkedAt ? { accepted: rec.accepted, note: rec.checkNote } : null,
      findings,
    });
  }
  return { clause: c.payroll.clause, reading: `wagesDueDayOfNextMonth=${r.wagesDueDayOfNextMonth}`, months };
}

async function hiring(
  db: DbOrTx,
  c: ContractDefinition,
  q: Period,
  r: Readings,
  asOf: AsOf,
  records: ContractRecord[],
  notices: StatementWarning[],
) {
  const rules = c.hiringRules;
  if (!rules) return null;
  const byMember = latestBySubject(records, 'hiring');
  // 乙方新聘用的话务人员: members of the roles named who joined after the term began, in this quarter.
  const joined = (await listMembers(db)).filter(
    (m) =>
      rules.roles.includes(m.role) &&
      m.startDate > c.term.from &&
      m.startDate >= q.from &&
      m.startDate < clipTo(q.to, asOf),
  );
  const members = joined.map((m) => {
    const rec = byMember.get(String(m.id));
    const findings = rec ? hiringFindings(rules, rec.data as HiringRecord, r.hiringAgeLimit) : [];
    if (!rec)
      notices.push(
        warningOf('hiring_record_missing', { subject: `m${m.id}`, member: m.name, startDate: m.startDate }),
      );
    else if (findings.length)
      notices.push(
        warningOf('hiring_rule_failed', {
          subject: `m${m.id}`,
          member: m.name,
          findings: findings.map((f) => f.messageZh),
        }),
      );
    return {
      memberId: m.id,
      name: m.name,
      startDate: m.startDate,
      recordId: rec?.id ?? null,
      checked: rec?.checkedAt ? { accepted: rec.accepted, note: rec.checkNote } : null,
      findings,
    };
  });
  return { clause: rules.clause, reading: `hiringAgeLimit=${r.hiringAgeLimit}`, members };
}

/** The published rotas overlapping a quarter, with their shifts. */
async function publishedRotas(db: DbOrTx, from: string, to: string, law: LawSettings) {
  const out = [];
  for (const r of await listRotas(db)) {
    const end = addDays(r.from, 7 * r.weeks);
    if (r.status !== 'published' || end <= from || r.from >= to) continue;
    out.push(await getRota(db, r.id, law));
  }
  return out;
}

async function serviceHours(
  db: DbOrTx,
  c: ContractDefinition,
  q: Period,
  r: Readings,
  asOf: AsOf,
  notices: StatementWarning[],
  law: LawSettings,
) {
  if (!c.serviceHours || q.from >= asOf.until) return null;
  const to = clipTo(q.to, asOf);
  const rotas = await publishedRotas(db, q.from, to, law);
  // 7×24 is judged once shifts exist: with no published rota in the term yet there is nothing to judge.
  const anyInTerm =
    rotas.length > 0 || (await publishedRotas(db, c.term.from, clipTo(c.term.to, asOf), law)).length > 0;
  if (!anyInTerm) return null;
  const spans = rotas.map((x) => ({
    from: x.from,
    to: addDays(x.from, 7 * x.weeks),
    shifts: x.shifts.map((s) => ({ start: new Date(s.start), end: new Date(s.end) })),
  }));
  const cov = coverage(spans, q.from, to, asOf.now, r.coverageMinAgents);
  if (cov.notPlanned > 0)
    notices.push(warningOf('rota_missing', { subject: q.key, halfHours: cov.notPlanned, from: q.from, to }));
  if (cov.gaps.length)
    notices.push(
      warningOf('coverage_gap', {
        subject: q.key,
        halfHours: cov.judged - cov.covered,
        first: cov.gaps[0]!.from,
        gaps: cov.gaps.length,
      }),
    );
  return {
    clause: c.serviceHours.clause,
    reading: `coverageMinAgents=${r.coverageMinAgents}`,
    rotas: rotas.map((x) => x.id),
    ...cov,
    gaps: cov.gaps.slice(0, 50),
  };
}

async function overtime(
  db: DbOrTx,
  c: ContractDefinition,
  q: Period,
  r: Readings,
  asOf: AsOf,
  records: ContractRecord[],
  notices: StatementWarning[],
  law: LawSettings,
) {
  if (!c.overtimePay || q.from >= asOf.until) return null;
  const to = clipTo(q.to, asOf);
  const rotas = await publishedRotas(db, q.from, to, law);
  const wage = r.overtimeMonthlyWageFen;
  const lines: (Awaited<ReturnType<typeof rotaOvertimePay>>[number] & { rotaId: number })[] = [];
  for (const rota of rotas)
    for (const l of await rotaOvertimePay(db, rota.id, wage ?? 1, law))
      if (`${l.month}-01` >= q.from.slice(0, 7) + '-01' && `${l.month}-01` < to)
        lines.push({ ...l, rotaId: rota.id });
  const months = [...new Set(lines.map((l) => l.month))].sort();
  const payrolls = latestBySubject(records, 'payroll');
  const perMonth = months.map((month) => {
    const ls = lines.filter((l) => l.month === month);
    const owedFen = wage == null ? null : ls.reduce((s, l) => s + l.overtimePayFen, 0);
    const rec = payrolls.get(month);
    const paidFen = rec
      ? ((rec.data as { lines: PayrollLine[] }).lines ?? []).reduce((s, l) => s + (l.overtimePaidFen ?? 0), 0)
      : null;
    if (owedFen != null && paidFen != null && paidFen < owedFen)
      notices.push(warningOf('overtime_underpaid', { subject: month, month, owedFen, paidFen }));
    return {
      month,
      overtime150: ls.reduce((s, l) => s + l.overtime150, 0),
      restDay200: ls.reduce((s, l) => s + l.restDay200, 0),
      holiday300: ls.reduce((s, l) => s + l.holiday300, 0),
      owedFen,
      paidFen,
    };
  });
  if (wage == null && perMonth.some((m) => m.overtime150 + m.restDay200 + m.holiday300 > 0))
    notices.push(warningOf('overtime_wage_unset', { subject: q.key }));
  return {
    clause: c.overtimePay.clause,
    reading: `overtimeMonthlyWageFen=${wage ?? 'null'}`,
    months: perMonth,
    owedFen: wage == null ? null : perMonth.reduce((s, m) => s + (m.owedFen ?? 0), 0),
  };
}

function terminationEvents(
  c: ContractDefinition,
  q: Period,
  records: ContractRecord[],
  warnings: StatementWarning[],
) {
  return records
    .filter((x) => x.kind === 'termination_event' && x.occurredOn >= q.from && x.occurredOn < q.to)
    .map((x) => {
      const g = c.terminationTriggers.find((t) => t.id === x.subject);
      warnings.push(
        warningOf('termination_ground_recorded', {
          subject: `r${x.id}`,
          day: x.occurredOn,
          ground: g?.name ?? x.subject,
          clause: g?.clause ?? '',
        }),
      );
      return {
        id: x.id,
        ground: x.subject,
        name: g?.name ?? x.subject,
        clause: g?.clause ?? '',
        occurredOn: x.occurredOn,
        description: (x.data as { description: string }).description,
      };
    });
}

/** Luohe art. 8.5: the hand-over and the destruction letter, due N working days after the contract ends. */
export function handoverStatus(
  c: ContractDefinition,
  calendar: ChinaCalendar,
  records: ContractRecord[],
  asOf: AsOf,
) {
  if (!c.handover) return null;
  const dueBy = addWorkingDaysToDate(calendar, addDays(c.term.to, -1), c.handover.workingDays).lastDay;
  const rec = latestBySubject(records, 'handover').get('handover');
  const d = rec?.data as
    | { handedOverOn: string | null; letterReceivedOn: string | null; signedByLegalRepresentative: boolean }
    | undefined;
  const completeOn =
    d?.handedOverOn && d.letterReceivedOn && d.signedByLegalRepresentative
      ? d.handedOverOn > d.letterReceivedOn
        ? d.handedOverOn
        : d.letterReceivedOn
      : null;
  const complete = completeOn != null && completeOn <= asOf.day;
  return {
    clause: c.handover.clause,
    dueBy,
    handedOverOn: d?.handedOverOn ?? null,
    letterReceivedOn: d?.letterReceivedOn ?? null,
    signedByLegalRepresentative: d?.signedByLegalRepresentative ?? false,
    complete,
    completeOn,
    overdue: !complete && asOf.day > dueBy,
  };
}

/**
 * Luohe art. 2.5: the bond is returned 7 working days after the term "且服务无质量问题": while a quality problem
 * is open (by the reading bondQualityProblem) it is held, and returned 7 working days after the last is cleared.
 */
export async function bondCondition(
  db: DbOrTx,
  c: ContractDefinition,
  r: Readings,
  calendar: ChinaCalendar,
  records: ContractRecord[],
  asOf: AsOf,
) {
  if (!c.bond) return null;
  const held: { code: string; messageZh: string; since: string }[] = [];
  let lastCleared = addDays(c.term.to, -1);
  for (const p of records.filter((x) => x.kind === 'quality_problem')) {
    if (p.checkedAt && p.accepted) {
      const cleared = localDay(p.checkedAt);
      if (cleared > lastCleared) lastCleared = cleared;
    } else
      held.push({
        code: 'quality_problem',
        since: p.occurredOn,
        messageZh: `甲方记录的质量问题未解决（${p.occurredOn}）：${(p.data as { description: string }).description.slice(0, 60)}`,
      });
  }
  if (r.bondQualityProblem === 'open_findings') {
    for (const n of await listRectifications(db, c.id, asOf.now)) {
      if (n.issuedAt.getTime() >= new Date(`${c.term.to}T00:00:00+08:00`).getTime()) continue;
      if (n.status === 'accepted') {
        const cleared = n.verifiedAt ? localDay(n.verifiedAt) : lastCleared;
        if (cleared > lastCleared) lastCleared = cleared;
      } else
        held.push({
          code: 'rectification_open',
          since: localDay(n.issuedAt),
          messageZh: `整改通知书 ${n.number} 尚未整改验收通过`,
        });
    }
    for (const t of records.filter((x) => x.kind === 'termination_event'))
      held.push({
        code: 'termination_ground',
        since: t.occurredOn,
        messageZh: `甲方登记的解除合同事由（${t.occurredOn}）`,
      });
  }
  const returnBy = held.length
    ? null
    : addWorkingDaysToDate(calendar, lastCleared, c.bond.returnWithinWorkingDays).lastDay;
  return { clause: c.bond.clause, reading: `bondQualityProblem=${r.bondQualityProblem}`, held, returnBy };
}

const localDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);

/** Everything beside the money for one quarter: the findings, and the warnings the office must acknowledge. */
export async function quarterObligations(
  db: DbOrTx,
  c: ContractDefinition,
  q: Period,
  r: Readings,
  calendar: ChinaCalendar,
  asOf: AsOf,
  isLast: boolean,
  warnings: StatementWarning[],
) {
  const records = await listRecords(db, c.id, asOf);
  // The workforce settings the rotas are checked with, read once here where the statement meets that module.
  const law = await readPlanSettings(db);
  /** Shown on the statement, not blocking its confirmation: these clauses set no money. */
  const notices: StatementWarning[] = [];
  const handover = isLast || asOf.day >= c.term.to ? handoverStatus(c, calendar, records, asOf) : null;
  // An overdue hand-over withholds money (art. 8.5): a warning the office acknowledges; before the deadline a notice.
  if (handover && isLast && asOf.day >= c.term.to && !handover.complete)
    (handover.overdue ? warnings : notices).push(
      warningOf(handover.overdue ? 'handover_overdue' : 'handover_pending', {
        subject: 'handover',
        dueBy: handover.dueBy,
      }),
    );
  const obligations = {
    payroll: await payroll(db, c, q, r, asOf, records, notices),
    hiring: await hiring(db, c, q, r, asOf, records, notices),
    serviceHours: await serviceHours(db, c, q, r, asOf, notices, law),
    overtime: await overtime(db, c, q, r, asOf, records, notices, law),
    terminationEvents: terminationEvents(c, q, records, warnings),
    handover,
  };
  return { records, obligations, notices: notices.map((n) => ({ ...n, key: warningKey(n) })) };
}
