import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, DbOrTx } from '../../db/client.ts';
import { localDateOf } from '../../calendar/local-time.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import { defineSetting } from '../../platform/settings.ts';
import { activeAgentIds, peopleByIds } from '../directory/index.ts';
import { listMembers } from '../workforce/index.ts';
import { hotTopics, hotTopicTrainees } from './schema.ts';
import { zId } from '../../platform/input.ts';

export const HOT_TOPIC_TRAINING_HOURS = defineSetting({
  key: 'training.hotTopicDueHours',
  default: 24,
  schema: z
    .number()
    .min(1)
    .max(24 * 14),
  description:
    'Every frontline agent must be trained on a confirmed hot topic within this many hours of confirmation.',
  descriptionZh: '热点问题确认后须在此小时数内完成一线话务员全员培训',
  source: 'Luohe contract art. 11 #8 (热点问题培训及时率: 热点、重点问题 24 小时内对一线话务员全员培训)',
});

export const HotTopicInput = z.object({
  title: z.string().trim().min(1).max(200),
  brief: z.string().trim().max(5000).optional(),
  keywords: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  categoryId: zId.nullish(),
  district: z.string().trim().max(50).nullish(),
  orderIds: z.array(z.number().int().positive()).max(1000).default([]),
});
export type HotTopicInput = z.infer<typeof HotTopicInput>;

/** A hot topic raised by hand (the detector writes its own candidates). */
export async function createHotTopic(db: DbOrTx, actor: Actor, input: HotTopicInput, now: Date) {
  const [row] = await db
    .insert(hotTopics)
    .values({
      ...input,
      categoryId: input.categoryId ?? null,
      district: input.district ?? null,
      status: 'candidate',
      createdAt: now,
    })
    .returning();
  await recordAudit(db, actor, now, { action: 'create', entity: 'hot_topic', entityId: row!.id, after: row });
  return row!;
}

/**
 * Confirms a hot topic: the training clock starts, and every frontline agent active now (the roster at this
 * moment) must be trained by the due time. Agents who join later are not owed; an agent on leave stays
 * outstanding, with a note, rather than being dropped.
 */
/**
 * The frontline roster on the day of confirmation: the agents on the workforce roster that day who have an
 * account (someone who left is no longer owed training; someone on leave still is). Without a roster kept in
 * the platform, every active agent account.
 */
async function frontlineAgents(db: DbOrTx, now: Date): Promise<{ id: number }[]> {
  const accounts = (await activeAgentIds(db)).map((id) => ({ id }));
  const members = await listMembers(db, { on: localDateOf(now) });
  if (!members.length) return accounts;
  const onRoster = new Set(
    members.filter((m) => m.role === 'agent' && m.userId != null).map((m) => m.userId),
  );
  return accounts.filter((a) => onRoster.has(a.id));
}

export async function confirmHotTopic(
  db: Database,
  actor: Actor,
  id: number,
  brief: string,
  now: Date,
  /** The setting `training.hotTopicDueHours` (read by the caller): how long agents have to confirm they read it. */
  hours: number,
) {
  return db.transaction(async (tx) => {
    const [t] = await tx.select().from(hotTopics).where(eq(hotTopics.id, id)).for('update');
    if (!t) throw notFound(`Hot topic ${id}`, `热点问题 ${id} `);
    if (t.status !== 'candidate')
      throw conflict('hot_topic_decided', `Hot topic ${id} is ${t.status}`, '该热点问题已处理');
    const agents = await frontlineAgents(tx, now);
    const [after] = await tx
      .update(hotTopics)
      .set({
        status: 'confirmed',
        brief,
        confirmedAt: now,
        confirmedBy: actor.id,
        trainingDueAt: new Date(now.getTime() + hours * 3600_000),
      })
      .where(eq(hotTopics.id, id))
      .returning();
    if (agents.length) {
      await tx.insert(hotTopicTrainees).values(agents.map((a) => ({ hotTopicId: id, agentId: a.id })));
    }
    await recordAudit(tx, actor, now, {
      action: 'confirm',
      entity: 'hot_topic',
      entityId: id,
      before: t,
      after,
    });
    return after!;
  });
}

export async function dismissHotTopic(db: Database, actor: Actor, id: number, now: Date) {
  return db.transaction(async (tx) => {
    const [t] = await tx.select().from(hotTopics).where(eq(hotTopics.id, id)).for('update');
    if (!t) throw notFound(`Hot topic ${id}`, `热点问题 ${id} `);
    if (t.status !== 'candidate')
      throw conflict('hot_topic_decided', `Hot topic ${id} is ${t.status}`, '该热点问题已处理');
    const [after] = await tx
      .update(hotTopics)
      .set({ status: 'dismissed', dismissedAt: now, dismissedBy: actor.id })
      .where(eq(hotTopics.id, id))
      .returning();
    await recordAudit(tx, actor, now, {
      action: 'dismiss',
      entity: 'hot_topic',
      entityId: id,
      before: t,
      after,
    });
    return after!;
  });
}

export type TraineeState = 'trained_on_time' | 'trained_late' | 'outstanding' | 'overdue';

export function traineeState(t: { trainedAt: Date | null }, dueAt: Date, now: Date): TraineeState {
  if (t.trainedAt) return t.trainedAt.getTime() <= dueAt.getTime() ? 'trained_on_time' : 'trained_late';
  return now.getTime() > dueAt.getTime() ? 'overdue' : 'outstanding';
}

/** A hot topic with who has been trained and who is still outstanding. */
export async function getHotTopic(db: DbOrTx, id: number, now: Date) {
  const [t] = await db.select().from(hotTopics).where(eq(hotTopics.id, id));
  if (!t) throw notFound(`Hot topic ${id}`, `热点问题 ${id} `);
  const rows = await db.select().from(hotTopicTrainees).where(eq(hotTopicTrainees.hotTopicId, id));
  const people = await peopleByIds(
    db,
    rows.map((r) => r.agentId),
  );
  const trainees = rows
    .filter((r) => people.has(r.agentId))
    .map((trainee) => {
      const p = people.get(trainee.agentId)!;
      return { trainee, name: p.name, username: p.username };
    })
    .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  return {
    ...t,
    trainees: trainees.map((r) => ({
      ...r.trainee,
      name: r.name,
      username: r.username,
      state: t.trainingDueAt ? traineeState(r.trainee, t.trainingDueAt, now) : 'outstanding',
    })),
  };
}

export async function listHotTopics(db: DbOrTx, status?: string) {
  return db
    .select()
    .from(hotTopics)
    .where(status ? eq(hotTopics.status, status) : undefined)
    .orderBy(desc(hotTopics.createdAt))
    .limit(200);
}

/** Why an agent has not been trained yet (e.g. on leave until Friday): kept beside the outstanding agent. */
export async function noteTrainee(
  db: DbOrTx,
  actor: Actor,
  hotTopicId: number,
  agentId: number,
  note: string,
  now: Date,
) {
  const [row] = await db
    .update(hotTopicTrainees)
    .set({ note })
    .where(and(eq(hotTopicTrainees.hotTopicId, hotTopicId), eq(hotTopicTrainees.agentId, agentId)))
    .returning();
  if (!row) throw notFound(`Trainee ${agentId} of hot topic ${hotTopicId}`, '该培训对象');
  await recordAudit(db, actor, now, {
    action: 'note',
    entity: 'hot_topic_trainee',
    entityId: row.id,
    after: row,
  });
  return row;
}
