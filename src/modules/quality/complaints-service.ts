import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { raiseAlert } from '../../platform/alerts.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound, validationFailed } from '../../platform/errors.ts';
import type { IndicatorFigure } from '../../platform/indicator.ts';
import { isLocalDate } from '../../calendar/local-time.ts';
import { opinionIncidents, serviceComplaints } from './schema.ts';
import { zId, zInstant } from '../../platform/input.ts';

export const ComplaintInput = z.object({
  receivedAt: zInstant,
  source: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .describe('who complained and how: citizen call, letter, the office…'),
  description: z.string().trim().min(1).max(5000),
  kind: z.enum(['attitude', 'error', 'other']).describe('态度问题 | 业务差错 | 其他'),
  orderId: zId.nullish(),
  callPk: zId.nullish(),
  agentId: zId.nullish(),
});

export const DecisionInput = z.object({
  confirm: z.boolean(),
  reason: z.string().trim().min(1).max(2000),
  investigation: z.string().trim().max(5000).optional(),
});

export async function recordComplaint(
  db: DbOrTx,
  actor: Actor,
  input: z.infer<typeof ComplaintInput>,
  now: Date,
) {
  if (input.receivedAt.getTime() > now.getTime() + 60_000)
    throw validationFailed([{ field: 'receivedAt', message: 'cannot be in the future' }]);
  const [row] = await db
    .insert(serviceComplaints)
    .values({
      ...input,
      orderId: input.orderId ?? null,
      callPk: input.callPk ?? null,
      agentId: input.agentId ?? null,
      recordedBy: actor.id,
      recordedAt: now,
    })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'record',
    entity: 'service_complaint',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/** The office confirms a complaint (有理由投诉) or dismisses it, always with its reasons. */
export async function decideComplaint(
  db: Database,
  actor: Actor,
  id: number,
  input: z.infer<typeof DecisionInput>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(serviceComplaints)
      .where(eq(serviceComplaints.id, id))
      .for('update');
    if (!before) throw notFound(`Complaint ${id}`, `投诉 ${id} `);
    if (before.status !== 'investigating')
      throw conflict('already_decided', `Complaint ${id} is ${before.status}`, '该投诉已认定');
    const [after] = await tx
      .update(serviceComplaints)
      .set({
        status: input.confirm ? 'confirmed' : 'dismissed',
        decidedBy: actor.id,
        decidedAt: now,
        decisionReason: input.reason,
        investigation: input.investigation ?? before.investigation,
      })
      .where(eq(serviceComplaints.id, id))
      .returning();
    await recordAudit(tx, actor, now, {
      action: input.confirm ? 'confirm' : 'dismiss',
      entity: 'service_complaint',
      entityId: id,
      before,
      after,
    });
    return after!;
  });
}

export async function listComplaints(db: DbOrTx, status?: string) {
  return db
    .select()
    .from(serviceComplaints)
    .where(status ? eq(serviceComplaints.status, status) : undefined)
    .orderBy(desc(serviceComplaints.receivedAt))
    .limit(500);
}

/**
 * KPI 5 服务质量投诉: complaints received in [from, to) that the office confirmed, per call answered in the
 * same period (target ≤ 0.01 %). Complaints still under investigation, and confirmed ones that are about
 * neither the agents' attitude nor a business error, are listed as excluded.
 */
export async function complaintRate(
  db: DbOrTx,
  from: Date,
  to: Date,
  answeredCalls: number,
): Promise<IndicatorFigure> {
  const rows = await db
    .select()
    .from(serviceComplaints)
    .where(and(gte(serviceComplaints.receivedAt, from), lt(serviceComplaints.receivedAt, to)))
    .orderBy(asc(serviceComplaints.id));
  // Luohe art. 11 #5 counts complaints 因话务人员态度问题或业务差错: a confirmed one of another kind is listed, not counted.
  const confirmed = rows
    .filter((c) => c.status === 'confirmed' && (c.kind === 'attitude' || c.kind === 'error'))
    .map((c) => c.id);
  const otherKind = rows.filter((c) => c.status === 'confirmed' && c.kind === 'other').map((c) => c.id);
  return {
    numerator: confirmed.length,
    denominator: answeredCalls,
    value: answeredCalls ? confirmed.length / answeredCalls : null,
    evidence: { counted: confirmed, met: confirmed, entity: 'service_complaint' },
    excluded: [
      {
        reason: 'under investigation',
        ids: rows.filter((c) => c.status === 'investigating').map((c) => c.id),
      },
      { reason: 'confirmed, but neither attitude nor a business error', ids: otherKind },
    ].filter((e) => e.ids.length),
  };
}

export const IncidentInput = z.object({
  occurredOn: z.string().refine(isLocalDate, 'a date YYYY-MM-DD'),
  source: z.string().trim().min(1).max(200).describe('the media that exposed it'),
  link: z.string().trim().max(1000).nullish(),
  cause: z.string().trim().min(1).max(5000),
  severity: z.enum(['minor', 'major', 'serious']),
});

export async function recordIncident(
  db: DbOrTx,
  actor: Actor,
  input: z.infer<typeof IncidentInput>,
  now: Date,
) {
  const [row] = await db
    .insert(opinionIncidents)
    .values({ ...input, link: input.link ?? null, recordedBy: actor.id, recordedAt: now })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'record',
    entity: 'opinion_incident',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

/**
 * The office rules on an incident: is it serious, and caused by the agents' attitude or errors? Only those
 * count (KPI 6). At the second such incident within a contract year, an alert: two allow Party A to terminate
 * (Luohe art. 8.3(3)). `yearStart`/`yearEnd` bound the contract year the incident falls in.
 */
export async function decideIncident(
  db: Database,
  actor: Actor,
  id: number,
  input: { serious: boolean; causedByService: boolean; note?: string },
  year: { start: string; end: string },
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(opinionIncidents)
      .where(eq(opinionIncidents.id, id))
      .for('update');
    if (!before) throw notFound(`Incident ${id}`, `舆论事件 ${id} `);
    if (before.status !== 'reported')
      throw conflict('already_decided', `Incident ${id} is ${before.status}`, '该事件已认定');
    const counts = input.serious && input.causedByService;
    const [after] = await tx
      .update(opinionIncidents)
      .set({
        status: counts ? 'confirmed' : 'dismissed',
        serious: input.serious,
        causedByService: input.causedByService,
        decidedBy: actor.id,
        decidedAt: now,
        decisionNote: input.note ?? null,
      })
      .where(eq(opinionIncidents.id, id))
      .returning();
    await recordAudit(tx, actor, now, {
      action: 'decide',
      entity: 'opinion_incident',
      entityId: id,
      before,
      after,
    });
    if (counts) {
      const [n] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(opinionIncidents)
        .where(
          and(
            eq(opinionIncidents.status, 'confirmed'),
            gte(opinionIncidents.occurredOn, year.start),
            lt(opinionIncidents.occurredOn, year.end),
          ),
        );
      if (Number(n?.n ?? 0) >= 2) {
        await raiseAlert(
          tx,
          {
            kind: 'second_serious_incident',
            severity: 'critical',
            subject: `incidents:${year.start}`,
            message: `A second serious public-opinion incident caused by the service in the contract year from ${year.start}: Party A may terminate (Luohe art. 8.3(3)); the deduction rises to 5 % (art. 11).`,
            messageZh: `自 ${year.start} 起的合同年度内第二次因服务态度或业务差错引发的严重舆论事件：甲方有权解除合同（第八条第3款第(3)项），扣减合同总金额 5%（第十一条）。`,
          },
          now,
        );
      }
    }
    return after!;
  });
}

export async function listIncidents(db: DbOrTx) {
  return db.select().from(opinionIncidents).orderBy(desc(opinionIncidents.occurredOn)).limit(500);
}

/** KPI 6 严重舆论事件: confirmed serious incidents caused by the service in the period (target 0). */
export async function seriousIncidents(db: DbOrTx, fromDay: string, toDay: string) {
  const rows = await db
    .select()
    .from(opinionIncidents)
    .where(
      and(
        eq(opinionIncidents.status, 'confirmed'),
        gte(opinionIncidents.occurredOn, fromDay),
        lt(opinionIncidents.occurredOn, toDay),
      ),
    )
    .orderBy(asc(opinionIncidents.occurredOn));
  return { count: rows.length, ids: rows.map((r) => r.id), dates: rows.map((r) => r.occurredOn) };
}
