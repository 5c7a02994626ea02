import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isLocalDate } from '../../calendar/local-time.ts';
import type { Database, DbOrTx } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, duplicate, notFound, validationFailed } from '../../platform/errors.ts';
import { operatingStandards, standardRevisions } from './schema.ts';

const day = z.string().refine(isLocalDate, 'a date YYYY-MM-DD');

export const StandardInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{1,40}$/, 'letters, digits, "_", "-" or "." (1–40)'),
  title: z.string().trim().min(1).max(200),
  version: z.string().trim().max(20).default('1.0'),
  plannedOn: day,
  completedOn: day.nullish(),
});
export type StandardInput = z.infer<typeof StandardInput>;

export const RevisionInput = z.object({
  version: z.string().trim().min(1).max(20),
  revisedOn: day,
  summary: z.string().trim().min(1).max(2000),
});

/** 标准编写 — a standard the operator plans to write; completed when written. */
export async function createStandard(db: DbOrTx, actor: Actor, input: StandardInput, now: Date) {
  try {
    const [row] = await db
      .insert(operatingStandards)
      .values({
        ...input,
        completedOn: input.completedOn ?? null,
        status: input.completedOn ? 'completed' : 'planned',
        createdBy: actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(db, actor, now, {
      action: 'create',
      entity: 'standard',
      entityId: row!.id,
      after: row,
    });
    return row!;
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate('code', `Standard ${input.code}`, `标准编号 ${input.code} `);
    throw err;
  }
}

export async function completeStandard(db: DbOrTx, actor: Actor, id: number, completedOn: string, now: Date) {
  const [before] = await db.select().from(operatingStandards).where(eq(operatingStandards.id, id));
  if (!before) throw notFound(`Standard ${id}`, `标准 ${id} `);
  // The completion date is what KPI 12 is judged on; once recorded it changes only through a revision.
  if (before.completedOn)
    throw conflict(
      'standard_completed',
      `Standard ${before.code} was completed on ${before.completedOn}; record a revision instead`,
      `标准 ${before.code} 已于 ${before.completedOn} 编写完成，如有修改请登记修订`,
    );
  const [after] = await db
    .update(operatingStandards)
    .set({ completedOn, status: 'completed', updatedAt: now })
    .where(eq(operatingStandards.id, id))
    .returning();
  await recordAudit(db, actor, now, { action: 'complete', entity: 'standard', entityId: id, before, after });
  return after!;
}

/** A revision keeps a standard current (持续完善): a new version, its date and what changed. */
export async function reviseStandard(
  db: Database,
  actor: Actor,
  id: number,
  input: z.infer<typeof RevisionInput>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(operatingStandards)
      .where(eq(operatingStandards.id, id))
      .for('update');
    if (!before) throw notFound(`Standard ${id}`, `标准 ${id} `);
    if (before.status !== 'completed')
      throw validationFailed([{ field: 'version', message: 'complete the standard before revising it' }]);
    await tx
      .insert(standardRevisions)
      .values({ standardId: id, ...input, revisedBy: actor.id, recordedAt: now });
    const [after] = await tx
      .update(operatingStandards)
      .set({ version: input.version, updatedAt: now })
      .where(eq(operatingStandards.id, id))
      .returning();
    await recordAudit(tx, actor, now, { action: 'revise', entity: 'standard', entityId: id, before, after });
    return after!;
  });
}

export async function listStandards(db: DbOrTx) {
  const [rows, revisions] = await Promise.all([
    db.select().from(operatingStandards).orderBy(asc(operatingStandards.code)),
    db.select().from(standardRevisions).orderBy(asc(standardRevisions.id)),
  ]);
  return rows.map((s) => ({ ...s, revisions: revisions.filter((r) => r.standardId === s.id) }));
}
