import { and, asc, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import { isLocalDate } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { validationFailed } from '../../platform/errors.ts';
import type { AsOf } from './as-of.ts';
import { getContract } from './contracts-service.ts';
import type { ContractDefinition } from './model.ts';
import { contractCharges } from './schema.ts';
import { bpOf } from './schedule.ts';

export const ChargeInput = z.object({
  /** third_party_cost 第三方服务费用 (Luohe art. 5.4); subcontracting 违约转包 (Sanmenxia art. 19). */
  kind: z.enum(['third_party_cost', 'subcontracting']),
  occurredOn: z.string().refine(isLocalDate, 'a date YYYY-MM-DD'),
  amountFen: z.number().int().positive().max(2_147_483_647).optional(),
  note: z.string().trim().min(1).max(2000),
});

/** The amount of a charge: the cost as invoiced, or the contract's subcontracting penalty of its total. */
function amountOf(c: ContractDefinition, input: z.infer<typeof ChargeInput>): number {
  if (input.kind === 'third_party_cost') {
    if (!input.amountFen)
      throw validationFailed([{ field: 'amountFen', message: 'the third party’s cost in fen' }]);
    return input.amountFen;
  }
  const bp = (c.deductions as { subcontractingPenaltyBp?: unknown }).subcontractingPenaltyBp;
  if (typeof bp !== 'number' || bp <= 0)
    throw validationFailed([{ field: 'kind', message: 'this contract sets no subcontracting penalty' }]);
  return bpOf(c.totalFen, bp);
}

/** The office records a charge (audited); it is deducted from the next payment. */
export async function recordCharge(
  db: DbOrTx,
  actor: Actor,
  contractId: string,
  input: z.infer<typeof ChargeInput>,
  now: Date,
) {
  const c = await getContract(db, contractId);
  const [row] = await db
    .insert(contractCharges)
    .values({
      contractId,
      kind: input.kind,
      occurredOn: input.occurredOn,
      amountFen: amountOf(c, input),
      note: input.note,
      recordedBy: actor.id,
      recordedAt: now,
    })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'record_charge',
    entity: 'contract',
    entityId: contractId,
    after: row,
  });
  return row!;
}

export async function listCharges(db: DbOrTx, contractId: string, asOf?: AsOf) {
  return db
    .select()
    .from(contractCharges)
    .where(
      and(
        eq(contractCharges.contractId, contractId),
        ...(asOf
          ? [lte(contractCharges.occurredOn, asOf.day), lte(contractCharges.recordedAt, asOf.now)]
          : []),
      ),
    )
    .orderBy(asc(contractCharges.occurredOn), asc(contractCharges.id));
}

/** The quarter a charge is deducted from: the first whose payment window opens after its day, else the last. */
export function chargeQuarter(occurredOn: string, payments: { dueFrom: string }[]): number {
  const k = payments.findIndex((p) => p.dueFrom > occurredOn);
  return k < 0 ? payments.length : k + 1;
}

export const presentCharge = (row: typeof contractCharges.$inferSelect) => ({
  ...row,
  recordedAt: row.recordedAt.toISOString(),
});
