import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, localDateOf, startOfLocalDay } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { raiseAlert } from '../../platform/alerts.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { anyCallSince } from '../calls/index.ts';
import { anyOrderSince } from '../orders/index.ts';
import { listContracts, getContract } from './contracts-service.ts';
import { securityIncidents } from './schema.ts';
import { zInstant } from '../../platform/input.ts';

export const SecurityIncidentInput = z.object({
  occurredAt: zInstant,
  description: z.string().trim().min(1).max(5000),
});

export async function recordSecurityIncident(
  db: DbOrTx,
  actor: Actor,
  contractId: string,
  input: z.infer<typeof SecurityIncidentInput>,
  now: Date,
) {
  await getContract(db, contractId);
  const [row] = await db
    .insert(securityIncidents)
    .values({ contractId, ...input, recordedBy: actor.id, recordedAt: now })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'record',
    entity: 'security_incident',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** The office rules whether a data/security incident is major (重大信息安全或数据泄露事件): it allows termination. */
export async function confirmSecurityIncident(
  db: DbOrTx,
  actor: Actor,
  id: number,
  major: boolean,
  now: Date,
) {
  const [before] = await db.select().from(securityIncidents).where(eq(securityIncidents.id, id));
  if (!before) throw notFound(`Security incident ${id}`, `安全事件 ${id} `);
  if (before.confirmedAt) throw conflict('already_decided', 'Already decided', '该事件已认定');
  const [after] = await db
    .update(securityIncidents)
    .set({ major, confirmedBy: actor.id, confirmedAt: now })
    .where(eq(securityIncidents.id, id))
    .returning();
  await recordAudit(db, actor, now, {
    action: 'confirm',
    entity: 'security_incident',
    entityId: id,
    before,
    after,
  });
  if (major) {
    await raiseAlert(
      db,
      {
        kind: 'major_data_leak',
        severity: 'critical',
        subject: `security:${id}`,
        message: `A major information-security or data-leak incident was confirmed (${before.description.slice(0, 80)}): Party A may terminate (Luohe art. 8.3(4)).`,
        messageZh: `已认定发生重大信息安全或数据泄露事件（${before.description.slice(0, 40)}）：甲方有权解除合同（第八条第3款第(4)项）。`,
      },
      now,
    );
  }
  return after!;
}

export async function listSecurityIncidents(db: DbOrTx, contractId: string) {
  return db
    .select()
    .from(securityIncidents)
    .where(eq(securityIncidents.contractId, contractId))
    .orderBy(desc(securityIncidents.occurredAt));
}

/**
 * Termination risks the sweep watches for each contract in force: service not running 15 days after signing
 * (no call and no order since the term began, Luohe art. 1.4, 8.3(1)). The other triggers raise their alerts
 * where they happen: the second serious incident (quality), the outage past 6 hours (calls), a confirmed major
 * data leak (above).
 */
export async function checkServiceStarted(db: DbOrTx, now: Date): Promise<number> {
  let raised = 0;
  for (const summary of await listContracts(db)) {
    const c = await getContract(db, summary.id);
    if (!c.serviceStartWithinDays) continue;
    const deadline = addDays(c.signedOn, c.serviceStartWithinDays.days);
    const today = localDateOf(now);
    if (today <= deadline || today >= c.term.to) continue;
    const since = startOfLocalDay(c.term.from);
    // Calls and orders are their modules' tables: ask them.
    if ((await anyCallSince(db, since)) || (await anyOrderSince(db, since))) continue;
    const isNew = await raiseAlert(
      db,
      {
        kind: 'service_not_started',
        severity: 'critical',
        subject: `contract:${c.id}`,
        message: `No call or order recorded since ${c.term.from}: the service was due to run within ${c.serviceStartWithinDays.days} days of signing (${c.signedOn}); Party A may terminate (art. 8.3(1)).`,
        messageZh: `自 ${c.term.from} 起未记录任何话务或工单：合同签订（${c.signedOn}）后 ${c.serviceStartWithinDays.days} 日内应具备运营能力；甲方有权解除合同（第八条第3款第(1)项）。`,
      },
      now,
    );
    if (isNew) raised++;
  }
  return raised;
}
