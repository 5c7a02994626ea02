import type { StatementStatus } from './model.ts';
import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { loadCalendar } from '../../calendar/service.ts';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { readSettingsOf, settingDefinitions } from '../../platform/settings.ts';
import { resolveAsOf, type AsOf } from './as-of.ts';
import { handoverStatus } from './obligations-service.ts';
import { listRecords } from './records-service.ts';
import { getContract, readingsOf } from './contracts-service.ts';
import { STATUS_ZH } from './format-zh.ts';
import { confirmedStatements, contractPayments, statementWarningAcks } from './schema.ts';
import { settleQuarter, type QuarterStatement, type SettingUsed } from './settlement.ts';
import { warningKey } from './warnings.ts';

type Statement = QuarterStatement;

/**
 * Platform settings that move an indicator's figure (who must be called back and when a callback counts, whether
 * 基本满意 counts as satisfied, the IVR rating that counts, the hours a notice or a hot topic allows, short
 * abandons): listed on every statement and hashed with its inputs.
 */
export const KPI_SETTING_KEYS = [
  'calls.shortAbandonSeconds',
  'orders.callbackMaxAttempts',
  'quality.callbackRule',
  'quality.callbackDueWorkingDays',
  'quality.callbackExhaustedCounts',
  'quality.basicallySatisfiedCounts',
  'quality.ivrSatisfiedMinRating',
  'knowledge.noticeDueHours',
  'training.hotTopicDueHours',
];

export async function kpiSettings(db: DbOrTx): Promise<SettingUsed[]> {
  const defs = settingDefinitions().filter((d) => KPI_SETTING_KEYS.includes(d.key));
  const values = await readSettingsOf(db, defs);
  return defs.map((d) => ({ key: d.key, value: values[d.key], labelZh: d.descriptionZh, source: d.source }));
}

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
    contractHash: s.contractHash,
    readings: s.readings.map((r) => [r.key, r.value]),
    settings: s.settings.map((x) => [x.key, x.value]),
    obligations: s.obligations,
    bondHeld: s.bond.held,
    notices: s.notices.map((n) => n.key),
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
    carriedInFen: s.carriedInFen,
    payableFen: s.payableFen,
    carriedOutFen: s.carriedOutFen,
  };
}

/** The quarter's statement as of a day, with the payment record and the office's acknowledgements. */
export async function currentStatement(
  db: DbOrTx,
  contractId: string,
  quarter: number,
  asOf: AsOf,
  version?: number,
) {
  const [c, readings, calendar, settings] = await Promise.all([
    getContract(db, contractId, version),
    readingsOf(db, contractId),
    loadCalendar(db),
    kpiSettings(db),
  ]);
  const s = await settleQuarter(db, c, quarter, readings, calendar, asOf, settings);
  if (!s) throw notFound(`Quarter ${quarter} of ${contractId}`, `${contractId} 第 ${quarter} 季度`);
  const [[payment], acks] = await Promise.all([
    db
      .select()
      .from(contractPayments)
      .where(and(eq(contractPayments.contractId, contractId), eq(contractPayments.quarter, quarter))),
    db
      .select()
      .from(statementWarningAcks)
      .where(and(eq(statementWarningAcks.contractId, contractId), eq(statementWarningAcks.quarter, quarter))),
  ]);
  // Luohe art. 8.5: no hand-over and destruction letter by the deadline → Party A may refuse every unpaid fee.
  const withheld =
    !payment?.paidOn && readings.handoverWithholdsPayment && s.obligations.handover?.overdue === true;
  const status: StatementStatus = payment?.paidOn
    ? 'paid'
    : withheld
      ? 'withheld'
      : payment?.invoiceReceivedOn
        ? 'invoiced'
        : s.provisional
          ? 'provisional'
          : 'due';
  return {
    ...s,
    warnings: s.warnings.map((w) => {
      const ack = acks.find((a) => a.warningKey === warningKey(w));
      return {
        ...w,
        key: warningKey(w),
        acknowledged: ack
          ? { by: ack.acknowledgedBy, at: ack.acknowledgedAt.toISOString(), note: ack.note }
          : null,
      };
    }),
    invoice: {
      required: s.invoiceRequired,
      receivedOn: payment?.invoiceReceivedOn ?? null,
      ref: payment?.invoiceRef ?? null,
    },
    payment: { paidOn: payment?.paidOn ?? null, paidFen: payment?.paidFen ?? null },
    paymentWithheld: withheld,
    status,
    statusZh: STATUS_ZH[status]!,
  };
}

/**
 * The office acknowledges one warning of a quarter's statement (what it checked, in a note), so the statement
 * can be confirmed. A warning not on the statement as of the day is refused; one already acknowledged too.
 */
export async function acknowledgeWarning(
  db: DbOrTx,
  actor: Actor,
  contractId: string,
  quarter: number,
  key: string,
  note: string,
  asOf: AsOf,
) {
  const s = await currentStatement(db, contractId, quarter, asOf);
  const w = s.warnings.find((x) => x.key === key);
  if (!w) throw notFound(`Warning ${key} on quarter ${quarter}`, `第 ${quarter} 季度结算单上的提示 ${key} `);
  if (w.acknowledged)
    throw conflict('warning_acknowledged', 'This warning is already acknowledged', '该提示已确认');
  const [row] = await db
    .insert(statementWarningAcks)
    .values({
      contractId,
      quarter,
      warningKey: key,
      note,
      acknowledgedBy: actor.id,
      acknowledgedAt: asOf.now,
    })
    .returning();
  await recordAudit(db, actor, asOf.now, {
    action: 'acknowledge_warning',
    entity: 'contract',
    entityId: `${contractId}:Q${quarter}`,
    after: row,
  });
  return { key, code: w.code, note, acknowledgedAt: row!.acknowledgedAt.toISOString() };
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
  asOf: AsOf,
) {
  const now = asOf.now;
  const s = await currentStatement(db, contractId, quarter, asOf);
  if (s.provisional)
    throw conflict('statement_provisional', 'The quarter is not over yet', '该季度尚未结束，不能确认结算');
  const open = s.warnings.filter((w) => !w.acknowledged);
  if (open.length)
    throw conflict(
      'statement_has_warnings',
      `Acknowledge each warning first: ${open.map((w) => w.key).join(', ')}`,
      `请先逐项确认结算单上的提示：${open.map((w) => w.messageZh).join('；')}`,
    );
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
export async function statementWithHistory(
  db: DbOrTx,
  contractId: string,
  quarter: number,
  asOf: AsOf,
  version?: number,
) {
  const current = await currentStatement(db, contractId, quarter, asOf, version);
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
            contractVersion:
              before.contractVersion === current.contractVersion
                ? null
                : { confirmed: before.contractVersion, now: current.contractVersion },
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
  const c = await getContract(db, contractId);
  const [before] = await db
    .select()
    .from(contractPayments)
    .where(and(eq(contractPayments.contractId, contractId), eq(contractPayments.quarter, quarter)));
  // Luohe art. 2.2: 甲方在付款前，乙方须开具合格的增值税发票 — no payment is recorded before a valid invoice.
  const invoiceOn =
    input.invoiceReceivedOn !== undefined ? input.invoiceReceivedOn : before?.invoiceReceivedOn;
  const paidOn = input.paidOn !== undefined ? input.paidOn : before?.paidOn;
  if (c.payments.invoiceRequired && paidOn && (!invoiceOn || invoiceOn > paidOn))
    throw conflict(
      'invoice_required',
      'A payment needs a valid VAT invoice received on or before the day paid (art. 2.2)',
      '付款前须收到乙方开具的合格增值税发票（合同第二条第2款）：请先登记发票，且付款日不早于收票日',
    );
  // Luohe art. 8.5: after the hand-over deadline, no payment until the hand-over and the letter are received.
  if (c.handover && paidOn && (input.paidOn !== undefined || input.paidFen !== undefined)) {
    const readings = await readingsOf(db, contractId);
    const payDay = resolveAsOf(paidOn, now);
    const h = handoverStatus(c, await loadCalendar(db), await listRecords(db, contractId, payDay), payDay);
    if (readings.handoverWithholdsPayment && h && h.overdue)
      throw conflict(
        'handover_incomplete',
        `Unpaid fees are withheld: the hand-over and the destruction letter were due by ${h.dueBy} (art. 8.5)`,
        `乙方未在 ${h.dueBy} 前完成移交并出具《数据已销毁确认函》，甲方拒绝支付未付费用（第八条第5款）`,
      );
  }
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
