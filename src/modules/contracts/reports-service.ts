import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import { loadCalendar } from '../../calendar/service.ts';
import { nthWorkingDayOfMonth } from '../../calendar/working-days.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound, validationFailed } from '../../platform/errors.ts';
import { figure, type IndicatorFigure } from '../../platform/indicator.ts';
import type { ContractDefinition } from './model.ts';
import { reportDeliveries } from './schema.ts';
import { addMonths } from './schedule.ts';
import { zInstant } from '../../platform/input.ts';

export const DeliveryInput = z.object({
  deliveredAt: zInstant,
  complete: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});

/**
 * Writes the register of reports the contract requires for each month of its term (the monthly analysis is due
 * by the end of the 5th working day of the next month, Luohe art. 11 #11). Idempotent: existing entries stay.
 */
export async function ensureReportObligations(db: DbOrTx, c: ContractDefinition): Promise<number> {
  if (!c.reports.length) return 0;
  const calendar = await loadCalendar(db);
  const rows = [];
  for (let month = c.term.from.slice(0, 7) + '-01'; month < c.term.to; month = addMonths(month, 1)) {
    const next = addMonths(month, 1);
    for (const r of c.reports) {
      const due = nthWorkingDayOfMonth(calendar, Number(next.slice(0, 4)), Number(next.slice(5, 7)), r.due.n);
      rows.push({
        contractId: c.id,
        reportId: r.id,
        period: month.slice(0, 7),
        title: `${r.name}（${month.slice(0, 7)}）`,
        dueAt: due.end,
      });
    }
  }
  const inserted = await db
    .insert(reportDeliveries)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: reportDeliveries.id });
  return inserted.length;
}

export async function listReports(db: DbOrTx, contractId: string) {
  return db
    .select()
    .from(reportDeliveries)
    .where(eq(reportDeliveries.contractId, contractId))
    .orderBy(asc(reportDeliveries.dueAt));
}

/** Records a report's delivery (the operator) and whether it was complete (checked by the office). */
export async function recordDelivery(
  db: DbOrTx,
  actor: Actor,
  id: number,
  input: z.infer<typeof DeliveryInput>,
  now: Date,
) {
  if (input.deliveredAt.getTime() > now.getTime() + 60_000)
    throw validationFailed([{ field: 'deliveredAt', message: 'cannot be in the future' }]);
  const [before] = await db.select().from(reportDeliveries).where(eq(reportDeliveries.id, id));
  if (!before) throw notFound(`Report ${id}`, `报告 ${id} `);
  if (before.deliveredAt && before.checkedAt)
    throw conflict('report_checked', 'The delivery was already checked', '该报告已核验');
  const [after] = await db
    .update(reportDeliveries)
    .set({
      deliveredAt: input.deliveredAt,
      complete: input.complete,
      note: input.note ?? null,
      deliveredBy: actor.id,
      checkedBy: actor.role === 'office' ? actor.id : null,
      checkedAt: actor.role === 'office' ? now : null,
    })
    .where(eq(reportDeliveries.id, id))
    .returning();
  await recordAudit(db, actor, now, { action: 'deliver', entity: 'report', entityId: id, before, after });
  return after!;
}

/**
 * KPI 11 分析报告及时、完整性 for reports due in [from, to): delivered by the due time and complete / due.
 * One not yet due and not delivered is left out, and so is one the operator recorded as delivered until the
 * office checks it (the office records the check by posting the delivery again).
 */
export async function reportsOnTime(
  db: DbOrTx,
  contractId: string,
  from: Date,
  to: Date,
  now: Date,
): Promise<IndicatorFigure> {
  const rows = await db
    .select()
    .from(reportDeliveries)
    .where(
      and(
        eq(reportDeliveries.contractId, contractId),
        gte(reportDeliveries.dueAt, from),
        lt(reportDeliveries.dueAt, to),
      ),
    )
    .orderBy(asc(reportDeliveries.id));
  // As of `now`: a delivery or a check recorded later has not happened yet.
  const delivered = (r: (typeof rows)[number]) => r.deliveredAt && r.deliveredAt.getTime() <= now.getTime();
  const checked = (r: (typeof rows)[number]) => r.checkedAt && r.checkedAt.getTime() <= now.getTime();
  const pending = rows.filter((r) => !delivered(r) && r.dueAt.getTime() > now.getTime());
  // Completeness is Party A's judgement: a delivery the operator recorded waits for the office's check.
  const unchecked = rows.filter((r) => delivered(r) && !checked(r));
  const aside = new Set([...pending, ...unchecked]);
  const counted = rows.filter((r) => !aside.has(r));
  const ok = counted.filter(
    (r) => delivered(r) && r.deliveredAt!.getTime() <= r.dueAt.getTime() && r.complete === true,
  );
  return figure(
    'report',
    counted.map((r) => r.id),
    ok.map((r) => r.id),
    [
      { reason: 'not yet due', ids: pending.map((r) => r.id) },
      { reason: 'delivered, awaiting the office’s check', ids: unchecked.map((r) => r.id) },
    ],
  );
}
