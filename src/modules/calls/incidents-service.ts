import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { raiseAlert } from '../../platform/alerts.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound, validationFailed } from '../../platform/errors.ts';
import { callExemptions, hotlineOutages } from './schema.ts';

/** 突发事件 — the operator (or the office) asks that a window's calls be left out of the answer rate. */
export async function requestExemption(
  db: DbOrTx,
  actor: Actor,
  input: { startsAt: Date; endsAt: Date; reason: string },
  now: Date,
) {
  if (input.endsAt.getTime() <= input.startsAt.getTime()) {
    throw validationFailed([{ field: 'endsAt', message: 'must be after startsAt' }]);
  }
  const [row] = await db
    .insert(callExemptions)
    .values({
      ...input,
      requestedBy: actor.id,
      requestedAt: now,
      status: actor.role === 'office' ? 'approved' : 'pending',
      ...(actor.role === 'office' ? { decidedBy: actor.id, decidedAt: now } : {}),
    })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'request',
    entity: 'call_exemption',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** The office approves or rejects an exemption; only approved windows are left out of the KPI. */
export async function decideExemption(
  db: Database,
  actor: Actor,
  id: number,
  approve: boolean,
  note: string | undefined,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(callExemptions).where(eq(callExemptions.id, id)).for('update');
    if (!before) throw notFound(`Exemption ${id}`, `免责申请 ${id} `);
    if (before.status !== 'pending')
      throw conflict('already_decided', `Exemption ${id} is ${before.status}`, '该申请已审核');
    const [after] = await tx
      .update(callExemptions)
      .set({
        status: approve ? 'approved' : 'rejected',
        decidedBy: actor.id,
        decidedAt: now,
        decisionNote: note ?? null,
      })
      .where(eq(callExemptions.id, id))
      .returning();
    await recordAudit(tx, actor, now, {
      action: approve ? 'approve' : 'reject',
      entity: 'call_exemption',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function listExemptions(db: DbOrTx) {
  return db.select().from(callExemptions).orderBy(desc(callExemptions.startsAt)).limit(500);
}

export async function recordOutage(
  db: DbOrTx,
  actor: Actor,
  input: { startedAt: Date; endedAt?: Date | null; cause: string; operatorFault?: boolean | null },
  now: Date,
  /** The setting `calls.outageAlertHours`, read by the caller. */
  alertHours: number,
) {
  if (input.endedAt && input.endedAt.getTime() <= input.startedAt.getTime()) {
    throw validationFailed([{ field: 'endedAt', message: 'must be after startedAt' }]);
  }
  const [row] = await db
    .insert(hotlineOutages)
    .values({
      startedAt: input.startedAt,
      endedAt: input.endedAt ?? null,
      cause: input.cause,
      operatorFault: input.operatorFault ?? null,
      recordedBy: actor.id,
      recordedAt: now,
    })
    .returning();
  await recordAudit(db, actor, now, { action: 'record', entity: 'outage', entityId: row!.id, after: row });
  await checkOutages(db, now, alertHours);
  return row!;
}

export async function endOutage(
  db: DbOrTx,
  actor: Actor,
  id: number,
  endedAt: Date,
  now: Date,
  /** The setting `calls.outageAlertHours`, read by the caller. */
  alertHours: number,
) {
  const [before] = await db.select().from(hotlineOutages).where(eq(hotlineOutages.id, id));
  if (!before) throw notFound(`Outage ${id}`, `中断记录 ${id} `);
  if (before.endedAt) throw conflict('outage_ended', `Outage ${id} has ended`, '该中断已结束');
  if (endedAt.getTime() <= before.startedAt.getTime())
    throw validationFailed([{ field: 'endedAt', message: 'must be after startedAt' }]);
  const [after] = await db
    .update(hotlineOutages)
    .set({ endedAt })
    .where(eq(hotlineOutages.id, id))
    .returning();
  await recordAudit(db, actor, now, { action: 'end', entity: 'outage', entityId: id, before, after });
  await checkOutages(db, now, alertHours);
  return after!;
}

export function outageHours(o: { startedAt: Date; endedAt: Date | null }, now: Date): number {
  return ((o.endedAt ?? now).getTime() - o.startedAt.getTime()) / 3600_000;
}

/**
 * Raises a termination-risk alert for every outage that has run (or ran) past the setting's continuous hours
 * (Luohe art. 8.3(5)); the sweep calls this for outages still going on.
 */
export async function checkOutages(db: DbOrTx, now: Date, hours: number): Promise<number> {
  const threshold = new Date(now.getTime() - hours * 3600_000);
  const long = await db
    .select()
    .from(hotlineOutages)
    .where(
      and(
        isNull(hotlineOutages.alertRaisedAt),
        sql`coalesce(${hotlineOutages.endedAt}, ${now}::timestamptz) - ${hotlineOutages.startedAt} > ${`${hours} hours`}::interval`,
        lt(hotlineOutages.startedAt, threshold),
      ),
    );
  for (const o of long) {
    // Art. 8.3(5) allows termination only for an outage 因乙方原因: say which case this is, never more.
    const fault =
      o.operatorFault === true
        ? {
            en: 'recorded as the operator’s fault; Party A may terminate',
            zh: '已认定为乙方原因，甲方有权解除合同',
          }
        : o.operatorFault === false
          ? {
              en: 'recorded as not the operator’s fault; not a ground to terminate',
              zh: '已认定非乙方原因，不构成解除合同事由',
            }
          : {
              en: 'cause not yet ruled; a ground to terminate if it is the operator’s',
              zh: '原因尚未认定；如系乙方原因，甲方有权解除合同',
            };
    await raiseAlert(
      db,
      {
        kind: 'outage_over_limit',
        severity: o.operatorFault === false ? 'warning' : 'critical',
        subject: `outage:${o.id}`,
        message: `The hotline has been down for more than ${hours} continuous hours (outage ${o.id}: ${o.cause}), ${fault.en} (Luohe art. 8.3(5)).`,
        messageZh: `热线服务连续中断超过 ${hours} 小时（中断记录 ${o.id}：${o.cause}），${fault.zh}（漯河合同第八条第3款第(5)项）。`,
      },
      now,
    );
    await db.update(hotlineOutages).set({ alertRaisedAt: now }).where(eq(hotlineOutages.id, o.id));
  }
  return long.length;
}

export async function listOutages(db: DbOrTx, now: Date, hours: number) {
  const rows = await db.select().from(hotlineOutages).orderBy(desc(hotlineOutages.startedAt)).limit(500);
  return rows.map((o) => ({
    ...o,
    hours: Math.round(outageHours(o, now) * 100) / 100,
    overLimit: outageHours(o, now) > hours,
  }));
}
