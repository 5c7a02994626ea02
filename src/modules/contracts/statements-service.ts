import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/service.ts';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { getContract, readingsOf } from './contracts-service.ts';
import { confirmedStatements, contractPayments } from './schema.ts';
import { settleQuarter } from './settlement.ts';

type Statement = NonNullable<Awaited<ReturnType<typeof settleQuarter>>>;

/** JSON with sorted keys, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
const sha256 = (v: unknown) => createHash('sha256').update(canonical(v)).digest('hex');

/** What a statement was computed from: the contract version, the readings and every figure with its records. */
export function inputsOf(s: Statement) {
  return {
    contract: `${s.contractId}@${s.contractVersion}`,
    readings: s.readings.map((r) => [r.key, r.value]),
    assessments: s.assessments.map((a) => ({
      id: a.id,
      period: a.period,
      numerator: a.numerator,
      denominator: a.denominator,
      counted: a.evidence.counted,
      met: a.evidence.met,
      excluded: a.excluded,
    })),
  };
}

export function outputsOf(s: Statement) {
  return {
    baseFen: s.baseFen,
    deductions: s.deductions.map((d) => ({
      kind: d.kind,
      indicatorId: d.indicatorId ?? null,
      bp: d.bp,
      amountFen: d.amountFen,
    })),
    payableFen: s.payableFen,
  };
}

/** The quarter's statement as computed now, with the payment record. */
export async function currentStatement(db: DbOrTx, contractId: string, quarter: number, now: Date) {
  const [c, readings, calendar] = await Promise.all([
    getContract(db, contractId),
    readingsOf(db, contractId),
    loadCalendar(db),
  ]);
  const s = await settleQuarter(db, c, quarter, readings, calendar, now);
  if (!s) throw notFound(`Quarter ${quarter} of ${contractId}`, `${contractId} 第 ${quarter} 季度`);
  const [payment] = await db
    .select()
    .from(contractPayments)
    .where(and(eq(contractPayments.contractId, contractId), eq(contractPayments.quarter, quarter)));
  return {
    ...s,
    invoice: {
      required: s.invoiceRequired,
      receivedOn: payment?.invoiceReceivedOn ?? null,
      ref: payment?.invoiceRef ?? null,
    },
    payment: { paidOn: payment?.paidOn ?? null, paidFen: payment?.paidFen ?? null },
    status: payment?.paidOn
      ? 'paid'
      : payment?.invoiceReceivedOn
        ? 'invoiced'
        : s.provisional
          ? 'provisional'
          : 'due',
  };
}

/**
 * The office confirms a quarter's statement: it is frozen as computed, with hashes of its inputs and outputs.
 * A quarter not yet over cannot be confirmed; a confirmed one is not confirmed again.
 */
export async function confirmStatement(
  db: Database,
  actor: Actor,
  contractId: string,
  quarter: number,
  note: string | undefined,
  now: Date,
) {
  const s = await currentStatement(db, contractId, quarter, now);
  if (s.provisional)
    throw conflict('statement_provisional', 'The quarter is not over yet', '该季度尚未结束，不能确认结算');
  const [existing] = await db
    .select()
    .from(confirmedStatements)
    .where(
      and(
        eq(confirmedStatements.contractId, contractId),
        eq(confirmedStatements.kind, 'quarter'),
        eq(confirmedStatements.periodKey, String(quarter)),
      ),
    );
  if (existing)
    throw conflict('statement_confirmed', 'This statement is already confirmed', '该结算单已确认');
  const [row] = await db
    .insert(confirmedStatements)
    .values({
      contractId,
      kind: 'quarter',
      periodKey: String(quarter),
      statement: JSON.parse(JSON.stringify(s)),
      inputsHash: sha256(inputsOf(s)),
      outputsHash: sha256(outputsOf(s)),
      confirmedBy: actor.id,
      confirmedAt: now,
      note: note ?? null,
    })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'confirm_statement',
    entity: 'contract',
    entityId: `${contractId}:Q${quarter}`,
    after: { inputsHash: row!.inputsHash, outputsHash: row!.outputsHash },
  });
  return row!;
}

/**
 * A quarter's statement as it stands, beside the confirmed one if any, and what differs: data changed after
 * confirmation (a late appeal, a corrected record) shows as a difference, never as a silent rewrite.
 */
export async function statementWithHistory(db: DbOrTx, contractId: string, quarter: number, now: Date) {
  const current = await currentStatement(db, contractId, quarter, now);
  const [frozen] = await db
    .select()
    .from(confirmedStatements)
    .where(
      and(
        eq(confirmedStatements.contractId, contractId),
        eq(confirmedStatements.kind, 'quarter'),
        eq(confirmedStatements.periodKey, String(quarter)),
      ),
    )
    .orderBy(desc(confirmedStatements.id))
    .limit(1);
  if (!frozen) return { current, confirmed: null, difference: null };
  const inputsHash = sha256(inputsOf(current));
  const outputsHash = sha256(outputsOf(current));
  const before = frozen.statement as Statement;
  const changedFigures = current.assessments.filter((a) => {
    const b = before.assessments.find((x) => x.id === a.id && x.period === a.period);
    return !b || b.numerator !== a.numerator || b.denominator !== a.denominator || b.met !== a.met;
  });
  return {
    current,
    confirmed: {
      at: frozen.confirmedAt,
      by: frozen.confirmedBy,
      note: frozen.note,
      inputsHash: frozen.inputsHash,
      outputsHash: frozen.outputsHash,
      statement: before,
    },
    difference:
      inputsHash === frozen.inputsHash && outputsHash === frozen.outputsHash
        ? null
        : {
            inputsChanged: inputsHash !== frozen.inputsHash,
            outputsChanged: outputsHash !== frozen.outputsHash,
            payableFen: {
              confirmed: before.payableFen,
              now: current.payableFen,
              delta: current.payableFen - before.payableFen,
            },
            figures: changedFigures.map((a) => {
              const b = before.assessments.find((x) => x.id === a.id && x.period === a.period);
              return {
                id: a.id,
                period: a.period,
                confirmed: b ? { numerator: b.numerator, denominator: b.denominator, met: b.met } : null,
                now: { numerator: a.numerator, denominator: a.denominator, met: a.met },
              };
            }),
          },
  };
}

/** Records the invoice received and the payment made for a quarter (the office's finance side). */
export async function recordPayment(
  db: DbOrTx,
  actor: Actor,
  contractId: string,
  quarter: number,
  input: {
    invoiceReceivedOn?: string | null;
    invoiceRef?: string | null;
    paidOn?: string | null;
    paidFen?: number | null;
  },
  now: Date,
) {
  await getContract(db, contractId);
  const values = { contractId, quarter, ...input, updatedBy: actor.id, updatedAt: now };
  const [row] = await db
    .insert(contractPayments)
    .values(values)
    .onConflictDoUpdate({ target: [contractPayments.contractId, contractPayments.quarter], set: values })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'record_payment',
    entity: 'contract',
    entityId: `${contractId}:Q${quarter}`,
    after: row,
  });
  return row!;
}
