import { and, asc, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import { isLocalDate } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { raiseAlert } from '../../platform/alerts.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, forbidden, notFound, validationFailed } from '../../platform/errors.ts';
import { zId } from '../../platform/input.ts';
import { listMembers } from '../workforce/index.ts';
import { resolveAsOf, type AsOf } from './as-of.ts';
import { getContract, readingsOf } from './contracts-service.ts';
import { assessPeriod } from './assessment.ts';
import { parsePeriod } from './periods.ts';
import { contractRecords } from './schema.ts';

const day = z.string().refine(isLocalDate, 'a date YYYY-MM-DD');
const text = z.string().trim().min(1).max(2000);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');

/** What each party records, by kind. Payroll and hiring are the operator's (team lead); the rest the office's. */
export const RecordInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('payroll'),
    month,
    lines: z
      .array(
        z.object({
          memberId: zId,
          wagesPaidOn: day.nullable(),
          socialInsurance: z.boolean(),
          housingFund: z.boolean(),
          overtimePaidFen: z.number().int().min(0).max(2_147_483_647).optional(),
        }),
      )
      .min(1)
      .max(500),
    note: text.optional(),
  }),
  z.object({
    kind: z.literal('hiring'),
    memberId: zId,
    hiredOn: day,
    ageAtHire: z.number().int().min(16).max(80),
    education: z.enum(['below_college', 'college', 'bachelor', 'master', 'doctor']),
    fullTimeEducation: z.boolean(),
    recordClean: z.boolean(),
    trainingFrom: day,
    trainingTo: day,
    trialFrom: day.nullable(),
    note: text.optional(),
  }),
  z.object({
    kind: z.literal('termination_event'),
    ground: z.string().max(60),
    occurredOn: day,
    description: text,
  }),
  z.object({
    kind: z.literal('handover'),
    handedOverOn: day.nullable(),
    letterReceivedOn: day.nullable(),
    signedByLegalRepresentative: z.boolean(),
    note: text.optional(),
  }),
  z.object({ kind: z.literal('quality_problem'), occurredOn: day, description: text }),
  z.object({
    kind: z.literal('renewal'),
    year: z.number().int().min(1).max(10),
    decision: z.enum(['renew', 'not_renew']),
    decidedOn: day,
    note: text,
  }),
]);
export type RecordInput = z.infer<typeof RecordInput>;
export type RecordKind = RecordInput['kind'];

const OPERATOR_KINDS: RecordKind[] = ['payroll', 'hiring'];
/** Kinds the other party checks: the office checks the operator's records and marks a quality problem resolved. */
const CHECKED_KINDS: RecordKind[] = ['payroll', 'hiring', 'quality_problem'];

export type ContractRecord = typeof contractRecords.$inferSelect;

/** The qualification behind a renewal (Sanmenxia art. 17): the contract year's assessment as of the day. */
export async function renewalAssessment(db: DbOrTx, contractId: string, asOf: AsOf) {
  const [c, readings] = await Promise.all([getContract(db, contractId), readingsOf(db, contractId)]);
  const a = await assessPeriod(db, c, parsePeriod('term', c, readings), readings, asOf);
  const grounds = (await listRecords(db, contractId, asOf)).filter((r) => r.kind === 'termination_event');
  const missed = a.indicators
    .filter((i) => !i.met)
    .map((i) => ({ id: i.id, name: i.name, valueZh: i.valueZh }));
  return {
    asOf: asOf.day,
    tenderYears: c.renewal?.tenderYears ?? null,
    clause: c.renewal?.clause ?? null,
    reading: readings.renewalQualified,
    indicators: a.indicators.map((i) => ({
      id: i.id,
      name: i.name,
      met: i.met,
      valueZh: i.valueZh,
      targetZh: i.targetZh,
    })),
    missed,
    terminationGrounds: grounds.map((g) => g.subject),
    qualified: missed.length === 0 && grounds.length === 0,
  };
}

/** A party records a fact a clause asks for (audited); a termination ground raises a critical alert. */
export async function recordContractFact(
  db: DbOrTx,
  actor: Actor,
  contractId: string,
  input: RecordInput,
  now: Date,
) {
  const c = await getContract(db, contractId);
  const operator = OPERATOR_KINDS.includes(input.kind);
  if (operator ? actor.role !== 'team_lead' : actor.role !== 'office')
    throw forbidden(
      `${input.kind} is recorded by ${operator ? 'the operator (team lead)' : 'the office (Party A)'}`,
      operator ? '该记录由乙方（班长）填报，甲方核查' : '该记录由甲方（热线办）登记',
    );
  let subject: string;
  let occurredOn: string;
  const fieldError = (field: string, message: string) => validationFailed([{ field, message }]);
  switch (input.kind) {
    case 'payroll': {
      if (!c.payroll) throw fieldError('kind', 'this contract has no payroll clause');
      const ids = new Set((await listMembers(db)).map((m) => m.id));
      const bad = input.lines.findIndex((l) => !ids.has(l.memberId));
      if (bad >= 0) throw fieldError(`lines.${bad}.memberId`, 'not a member of the team roster');
      subject = input.month;
      occurredOn = `${input.month}-01`;
      break;
    }
    case 'hiring': {
      if (!c.hiringRules) throw fieldError('kind', 'this contract sets no hiring rules');
      if (!(await listMembers(db)).some((m) => m.id === input.memberId))
        throw fieldError('memberId', 'not a member of the team roster');
      if (input.trainingTo < input.trainingFrom) throw fieldError('trainingTo', 'before trainingFrom');
      subject = String(input.memberId);
      occurredOn = input.hiredOn;
      break;
    }
    case 'termination_event': {
      const ground = c.terminationTriggers.find((g) => g.id === input.ground && g.recordedBy === 'office');
      if (!ground)
        throw fieldError(
          'ground',
          `one of: ${c.terminationTriggers
            .filter((g) => g.recordedBy === 'office')
            .map((g) => g.id)
            .join(', ')}`,
        );
      subject = input.ground;
      occurredOn = input.occurredOn;
      break;
    }
    case 'handover': {
      if (!c.handover) throw fieldError('kind', 'this contract sets no hand-over');
      subject = 'handover';
      occurredOn = input.letterReceivedOn ?? input.handedOverOn ?? c.term.to;
      break;
    }
    case 'quality_problem':
      subject = 'quality_problem';
      occurredOn = input.occurredOn;
      break;
    case 'renewal': {
      if (!c.renewal) throw fieldError('kind', 'this contract has no renewal clause');
      if (input.decidedOn >= c.term.to)
        throw conflict(
          'renewal_after_expiry',
          'Decide before the contract expires (art. 17: 合同到期前)',
          '续签须在合同到期前决定（第十七条）',
        );
      if (input.decision === 'renew') {
        if (input.year >= c.renewal.tenderYears)
          throw conflict(
            'tender_period_over',
            `The tender covers ${c.renewal.tenderYears} years; year ${input.year} cannot be renewed`,
            `招标服务期限为${c.renewal.tenderYears}年，第${input.year}年期满后不能再续签`,
          );
        const readings = await readingsOf(db, contractId);
        const a = await renewalAssessment(db, contractId, resolveAsOf(input.decidedOn, now));
        if (readings.renewalQualified === 'no_missed_indicator' && !a.qualified)
          throw conflict(
            'renewal_not_qualified',
            `The year's assessment is not passed: ${[...a.missed.map((m) => m.id), ...a.terminationGrounds].join(', ')}`,
            `年度考核不合格（${[...a.missed.map((m) => m.name), ...a.terminationGrounds].join('、')}），不能续签（第十七条：考核合格后续签）`,
          );
      }
      subject = String(input.year);
      occurredOn = input.decidedOn;
      break;
    }
  }
  const { kind, ...data } = input;
  const [row] = await db
    .insert(contractRecords)
    .values({ contractId, kind, subject, occurredOn, data, recordedBy: actor.id, recordedAt: now })
    .returning();
  await recordAudit(db, actor, now, {
    action: `record_${kind}`,
    entity: 'contract',
    entityId: `${contractId}:${kind}:${subject}`,
    after: row,
  });
  if (input.kind === 'termination_event') {
    const g = c.terminationTriggers.find((x) => x.id === input.ground)!;
    await raiseAlert(
      db,
      {
        kind: 'termination_ground',
        severity: 'critical',
        subject: `contract-record:${row!.id}`,
        message: `Termination ground recorded by the office (${g.clause}, ${input.occurredOn}): ${input.description.slice(0, 80)}. Party A may terminate.`,
        messageZh: `甲方登记解除合同事由（${g.name}，${input.occurredOn}）：${input.description.slice(0, 40)}。甲方有权解除合同。`,
      },
      now,
    );
  }
  return row!;
}

/** The other party's check of a record (the office checks payroll and hiring, and marks a quality problem resolved). */
export async function checkContractFact(
  db: DbOrTx,
  actor: Actor,
  id: number,
  input: { accepted: boolean; note: string },
  now: Date,
) {
  const [before] = await db.select().from(contractRecords).where(eq(contractRecords.id, id));
  if (!before) throw notFound(`Contract record ${id}`, `履约记录 ${id} `);
  if (!CHECKED_KINDS.includes(before.kind as RecordKind))
    throw conflict('not_checkable', `A ${before.kind} record is not checked`, '该类记录无需核查');
  if (before.checkedAt) throw conflict('already_checked', 'Already checked', '该记录已核查');
  const [after] = await db
    .update(contractRecords)
    .set({ checkedBy: actor.id, checkedAt: now, accepted: input.accepted, checkNote: input.note })
    .where(eq(contractRecords.id, id))
    .returning();
  await recordAudit(db, actor, now, {
    action: 'check',
    entity: 'contract_record',
    entityId: id,
    before,
    after,
  });
  return after!;
}

/** The records of a contract as known on a day (recorded by then; a check after it is not yet made). */
export async function listRecords(db: DbOrTx, contractId: string, asOf?: AsOf): Promise<ContractRecord[]> {
  const rows = await db
    .select()
    .from(contractRecords)
    .where(
      and(
        eq(contractRecords.contractId, contractId),
        ...(asOf ? [lte(contractRecords.recordedAt, asOf.now)] : []),
      ),
    )
    .orderBy(asc(contractRecords.occurredOn), asc(contractRecords.id));
  if (!asOf) return rows;
  return rows.map((r) =>
    r.checkedAt && r.checkedAt.getTime() > asOf.now.getTime()
      ? { ...r, checkedAt: null, checkedBy: null, accepted: null, checkNote: null }
      : r,
  );
}

/** The latest record per subject of a kind (a record made again replaces the earlier one). */
export function latestBySubject(rows: ContractRecord[], kind: RecordKind): Map<string, ContractRecord> {
  const out = new Map<string, ContractRecord>();
  for (const r of rows.filter((x) => x.kind === kind).sort((a, b) => a.id - b.id)) out.set(r.subject, r);
  return out;
}

export const presentRecord = (r: ContractRecord) => ({
  ...r,
  data: r.data as Record<string, unknown>,
  recordedAt: r.recordedAt.toISOString(),
  checkedAt: r.checkedAt ? r.checkedAt.toISOString() : null,
});
