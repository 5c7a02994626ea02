import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { notFound, validationFailed } from '../../platform/errors.ts';
import { peopleByIds } from '../directory/index.ts';
import { hotTopics, hotTopicTrainees, trainingAttendance, trainingSessions } from './schema.ts';
import { zId, zInstant } from '../../platform/input.ts';

export const SessionInput = z.object({
  title: z.string().trim().min(1).max(200),
  hotTopicId: zId.nullish(),
  heldAt: zInstant,
  trainer: z.string().trim().max(50).nullish(),
  materials: z.string().trim().max(5000).nullish(),
  attendeeIds: z.array(z.number().int().positive()).min(1).max(500),
});
export type SessionInput = z.infer<typeof SessionInput>;

/**
 * Records a training session with its attendance. Attending a session on a hot topic trains the agent on it
 * (at the session's time), once: a later session does not move an earlier training.
 */
export async function recordSession(db: Database, actor: Actor, input: SessionInput, now: Date) {
  if (input.heldAt.getTime() > now.getTime() + 60_000)
    throw validationFailed([{ field: 'heldAt', message: 'cannot be in the future' }]);
  return db.transaction(async (tx) => {
    const found = await peopleByIds(tx, input.attendeeIds);
    const missing = input.attendeeIds.filter((id) => !found.has(id));
    if (missing.length)
      throw validationFailed([{ field: 'attendeeIds', message: `no user ${missing.join(', ')}` }]);
    if (input.hotTopicId != null) {
      const [t] = await tx.select().from(hotTopics).where(eq(hotTopics.id, input.hotTopicId));
      if (!t) throw validationFailed([{ field: 'hotTopicId', message: `no hot topic ${input.hotTopicId}` }]);
      if (t.status !== 'confirmed')
        throw validationFailed([{ field: 'hotTopicId', message: 'the hot topic is not confirmed' }]);
    }
    const [session] = await tx
      .insert(trainingSessions)
      .values({
        title: input.title,
        hotTopicId: input.hotTopicId ?? null,
        heldAt: input.heldAt,
        trainer: input.trainer ?? null,
        materials: input.materials ?? null,
        recordedBy: actor.id,
        recordedAt: now,
      })
      .returning();
    await tx
      .insert(trainingAttendance)
      .values([...new Set(input.attendeeIds)].map((agentId) => ({ sessionId: session!.id, agentId })));
    if (input.hotTopicId != null) {
      await tx
        .update(hotTopicTrainees)
        .set({ trainedAt: input.heldAt, sessionId: session!.id })
        .where(
          and(
            eq(hotTopicTrainees.hotTopicId, input.hotTopicId),
            inArray(hotTopicTrainees.agentId, input.attendeeIds),
            isNull(hotTopicTrainees.trainedAt),
          ),
        );
    }
    await recordAudit(tx, actor, now, {
      action: 'record',
      entity: 'training_session',
      entityId: session!.id,
      after: { ...session, attendeeIds: input.attendeeIds },
    });
    return session!;
  });
}

export async function listSessions(db: DbOrTx) {
  const sessions = await db.select().from(trainingSessions).orderBy(desc(trainingSessions.heldAt)).limit(200);
  const rows = sessions.length
    ? await db
        .select({ sessionId: trainingAttendance.sessionId, agentId: trainingAttendance.agentId })
        .from(trainingAttendance)
        .where(
          inArray(
            trainingAttendance.sessionId,
            sessions.map((s) => s.id),
          ),
        )
    : [];
  const people = await peopleByIds(
    db,
    rows.map((r) => r.agentId),
  );
  const attendance = rows
    .filter((r) => people.has(r.agentId))
    .map((r) => ({ ...r, name: people.get(r.agentId)!.name, username: people.get(r.agentId)!.username }))
    .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
  return sessions.map((s) => ({
    ...s,
    attendees: attendance.filter((a) => a.sessionId === s.id).map(({ agentId, name }) => ({ agentId, name })),
  }));
}

export async function getSession(db: DbOrTx, id: number) {
  const [s] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, id));
  if (!s) throw notFound(`Session ${id}`, `培训记录 ${id} `);
  return s;
}
