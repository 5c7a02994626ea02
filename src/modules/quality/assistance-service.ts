import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import { isLocalDate, localDateOf } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { figure, type IndicatorFigure } from '../../platform/indicator.ts';
import { assistanceTasks } from './schema.ts';

export const TaskInput = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(5000),
  dueOn: z.string().refine(isLocalDate, 'a date YYYY-MM-DD'),
});

/** 协助监督考核 — the office hands the operator a supervision or assessment task with a due date. */
export async function assignTask(db: DbOrTx, actor: Actor, input: z.infer<typeof TaskInput>, now: Date) {
  const [row] = await db
    .insert(assistanceTasks)
    .values({ ...input, assignedAt: now, assignedBy: actor.id })
    .returning();
  await recordAudit(db, actor, now, {
    action: 'assign',
    entity: 'assistance_task',
    entityId: row!.id,
    after: row,
  });
  return row!;
}

export async function completeTask(db: DbOrTx, actor: Actor, id: number, result: string, now: Date) {
  const [before] = await db.select().from(assistanceTasks).where(eq(assistanceTasks.id, id));
  if (!before) throw notFound(`Task ${id}`, `协助任务 ${id} `);
  if (before.status !== 'open') throw conflict('task_done', `Task ${id} is done`, '该任务已完成');
  const [after] = await db
    .update(assistanceTasks)
    .set({ status: 'done', completedAt: now, completedBy: actor.id, result })
    .where(eq(assistanceTasks.id, id))
    .returning();
  await recordAudit(db, actor, now, {
    action: 'complete',
    entity: 'assistance_task',
    entityId: id,
    before,
    after,
  });
  return after!;
}

export async function listTasks(db: DbOrTx) {
  return db.select().from(assistanceTasks).orderBy(asc(assistanceTasks.dueOn)).limit(500);
}

/**
 * KPI 10 协助监督考核完成率 for tasks due in [fromDay, toDay): completed by the end of their due day / tasks
 * due. A task due later than `now` and still open is left out.
 */
export async function assistanceCompletion(
  db: DbOrTx,
  fromDay: string,
  toDay: string,
  now: Date,
): Promise<IndicatorFigure> {
  const tasks = await db
    .select()
    .from(assistanceTasks)
    .where(and(gte(assistanceTasks.dueOn, fromDay), lt(assistanceTasks.dueOn, toDay)))
    .orderBy(asc(assistanceTasks.id));
  const today = localDateOf(now);
  const onTime = (t: (typeof tasks)[number]) => t.status === 'done' && localDateOf(t.completedAt!) <= t.dueOn;
  const pending = tasks.filter((t) => t.status === 'open' && t.dueOn >= today);
  const pendingSet = new Set(pending); // a set: linear where `pending.includes` per task was quadratic
  const counted = tasks.filter((t) => !pendingSet.has(t));
  return figure(
    'assistance_task',
    counted.map((t) => t.id),
    counted.filter(onTime).map((t) => t.id),
    [{ reason: 'not yet due', ids: pending.map((t) => t.id) }],
  );
}
