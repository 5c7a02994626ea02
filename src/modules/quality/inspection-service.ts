import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound, validationFailed } from '../../platform/errors.ts';
import { createRandom } from '../../platform/random.ts';
import { startOfLocalDay } from '../../calendar/local-time.ts';
import { answeredCallIds } from '../calls/index.ts';
import { agentsWithSwitchCodes, peopleByIds } from '../directory/index.ts';
import { qaSamples, qaSheets } from './schema.ts';

export const Criterion = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: z.string().trim().min(1).max(100),
  weight: z.number().positive().max(100),
  fatal: z.boolean().default(false),
});
export const SheetInput = z
  .object({
    name: z.string().trim().min(1).max(100),
    criteria: z.array(Criterion).min(1).max(50),
    passScore: z.number().min(0).max(100),
  })
  .superRefine((v, ctx) => {
    const total = v.criteria.reduce((s, c) => s + c.weight, 0);
    if (Math.abs(total - 100) > 1e-6)
      ctx.addIssue({
        code: 'custom',
        path: ['criteria'],
        message: `weights must add up to 100 (now ${total})`,
      });
    if (new Set(v.criteria.map((c) => c.key)).size !== v.criteria.length)
      ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'keys must be unique' });
  });
export type Criterion = z.infer<typeof Criterion>;

export const ScoreInput = z.object({
  /** Per criterion, the share of its weight earned, 0–1 (1 = fully met). */
  scores: z.record(z.string(), z.number().min(0).max(1)),
  /** Keys of fatal criteria violated (致命错误). */
  fatalErrors: z.array(z.string()).default([]),
  comment: z.string().trim().max(2000).optional(),
});

const monthRe = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthOf = (m: string) => {
  if (!monthRe.test(m)) throw validationFailed([{ field: 'month', message: 'a month YYYY-MM' }]);
  const [y, mm] = m.split('-').map(Number) as [number, number];
  const next = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  return { from: startOfLocalDay(`${m}-01`), to: startOfLocalDay(`${next}-01`) };
};

export async function createSheet(db: DbOrTx, actor: Actor, input: z.infer<typeof SheetInput>, now: Date) {
  const [row] = await db
    .insert(qaSheets)
    .values({ ...input, createdBy: actor.id, createdAt: now })
    .returning();
  await recordAudit(db, actor, now, { action: 'create', entity: 'qa_sheet', entityId: row!.id, after: row });
  return row!;
}

export async function listSheets(db: DbOrTx) {
  return db.select().from(qaSheets).orderBy(asc(qaSheets.id));
}

/**
 * Draws up to `perAgent` answered calls of each agent in the month for inspection (质检抽样), at random but
 * reproducibly (a seed from the month), skipping calls already drawn. Agents are matched to calls by their
 * switch agent code.
 */
export async function drawSamples(
  db: Database,
  actor: Actor,
  sheetId: number,
  month: string,
  perAgent: number,
  now: Date,
) {
  const { from, to } = monthOf(month);
  const [sheet] = await db.select().from(qaSheets).where(eq(qaSheets.id, sheetId));
  if (!sheet) throw validationFailed([{ field: 'sheetId', message: `no score sheet ${sheetId}` }]);
  const agents = await agentsWithSwitchCodes(db);
  const rnd = createRandom(Number(month.replace('-', '')));
  let drawn = 0;
  await db.transaction(async (tx) => {
    // Calls already sampled on this sheet are not drawn again (one sample per call and sheet).
    const sampled = await tx
      .select({ callPk: qaSamples.callPk })
      .from(qaSamples)
      .where(eq(qaSamples.sheetId, sheetId));
    const taken = new Set(sampled.map((r) => Number(r.callPk)));
    for (const agent of agents) {
      const answered = await answeredCallIds(tx, agent.agentCode, from, to);
      const already = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(qaSamples)
        .where(
          and(eq(qaSamples.agentId, agent.id), eq(qaSamples.month, month), eq(qaSamples.sheetId, sheetId)),
        );
      const want = Math.max(0, perAgent - Number(already[0]?.n ?? 0));
      const pool = answered.filter((id) => !taken.has(id));
      const chosen: number[] = [];
      while (chosen.length < want && pool.length)
        chosen.push(pool.splice(rnd.int(0, pool.length - 1), 1)[0]!);
      if (chosen.length) {
        await tx
          .insert(qaSamples)
          .values(chosen.map((callPk) => ({ sheetId, agentId: agent.id, month, callPk, sampledAt: now })));
        drawn += chosen.length;
      }
    }
    await recordAudit(tx, actor, now, {
      action: 'draw_samples',
      entity: 'qa_sheet',
      entityId: sheetId,
      after: { month, perAgent, drawn },
    });
  });
  return { drawn };
}

/** Scores a sample on its sheet: the total is the weighted sum of the criteria (0–100). */
export function totalScore(criteria: Criterion[], scores: Record<string, number>): number {
  return Math.round(criteria.reduce((s, c) => s + c.weight * (scores[c.key] ?? 0), 0) * 100) / 100;
}

export async function scoreSample(
  db: Database,
  actor: Actor,
  id: number,
  input: z.infer<typeof ScoreInput>,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [s] = await tx.select().from(qaSamples).where(eq(qaSamples.id, id)).for('update');
    if (!s) throw notFound(`Sample ${id}`, `质检样本 ${id} `);
    if (s.status !== 'pending') throw conflict('already_scored', `Sample ${id} is scored`, '该样本已评分');
    const [sheet] = await tx.select().from(qaSheets).where(eq(qaSheets.id, s.sheetId));
    const criteria = sheet!.criteria as Criterion[];
    const missing = criteria.filter((c) => input.scores[c.key] === undefined).map((c) => c.key);
    const unknown = [...Object.keys(input.scores), ...input.fatalErrors].filter(
      (k) => !criteria.some((c) => c.key === k),
    );
    const notFatal = input.fatalErrors.filter((k) => !criteria.find((c) => c.key === k)?.fatal);
    if (missing.length || unknown.length || notFatal.length) {
      throw validationFailed([
        ...(missing.length ? [{ field: 'scores', message: `missing ${missing.join(', ')}` }] : []),
        ...(unknown.length ? [{ field: 'scores', message: `unknown ${unknown.join(', ')}` }] : []),
        ...(notFatal.length
          ? [{ field: 'fatalErrors', message: `not fatal criteria: ${notFatal.join(', ')}` }]
          : []),
      ]);
    }
    const [after] = await tx
      .update(qaSamples)
      .set({
        status: 'scored',
        scores: { ...input.scores, fatalErrors: input.fatalErrors },
        total: totalScore(criteria, input.scores),
        fatal: input.fatalErrors.length > 0,
        comment: input.comment ?? null,
        scoredBy: actor.id,
        scoredAt: now,
      })
      .where(eq(qaSamples.id, id))
      .returning();
    await recordAudit(tx, actor, now, {
      action: 'score',
      entity: 'qa_sample',
      entityId: id,
      before: s,
      after,
    });
    return after!;
  });
}

/** The agent appeals a score (申诉); the inspector's lead upholds it or revises the total. */
export async function appealSample(db: DbOrTx, actor: Actor, id: number, reason: string, now: Date) {
  const [s] = await db.select().from(qaSamples).where(eq(qaSamples.id, id));
  if (!s) throw notFound(`Sample ${id}`, `质检样本 ${id} `);
  if (s.agentId !== actor.id) throw notFound(`Sample ${id}`, `质检样本 ${id} `);
  if (s.status !== 'scored' || s.appealStatus !== 'none')
    throw conflict(
      'not_appealable',
      'Only a scored sample can be appealed, once',
      '仅已评分的样本可申诉一次',
    );
  const [after] = await db
    .update(qaSamples)
    .set({ appealReason: reason, appealedAt: now, appealStatus: 'pending' })
    .where(eq(qaSamples.id, id))
    .returning();
  await recordAudit(db, actor, now, {
    action: 'appeal',
    entity: 'qa_sample',
    entityId: id,
    before: s,
    after,
  });
  return after!;
}

export async function decideSampleAppeal(
  db: DbOrTx,
  actor: Actor,
  id: number,
  input: { uphold: boolean; revisedTotal?: number; clearFatal?: boolean; note: string },
  now: Date,
) {
  const [s] = await db.select().from(qaSamples).where(eq(qaSamples.id, id));
  if (!s) throw notFound(`Sample ${id}`, `质检样本 ${id} `);
  if (s.appealStatus !== 'pending')
    throw conflict('no_pending_appeal', 'No appeal is pending', '没有待审核的申诉');
  if (!input.uphold && input.revisedTotal === undefined && !input.clearFatal) {
    throw validationFailed([
      {
        field: 'revisedTotal',
        message: 'give the revised total (or clear the fatal error) when the appeal succeeds',
      },
    ]);
  }
  const [after] = await db
    .update(qaSamples)
    .set({
      appealStatus: input.uphold ? 'upheld' : 'revised',
      appealDecidedBy: actor.id,
      appealDecidedAt: now,
      appealNote: input.note,
      ...(input.uphold
        ? {}
        : {
            scoreBeforeAppeal: s.total,
            total: input.revisedTotal ?? s.total,
            fatal: input.clearFatal ? false : s.fatal,
          }),
    })
    .where(eq(qaSamples.id, id))
    .returning();
  await recordAudit(db, actor, now, {
    action: 'decide_appeal',
    entity: 'qa_sample',
    entityId: id,
    before: s,
    after,
  });
  return after!;
}

export async function listSamples(db: DbOrTx, filter: { month?: string; agentId?: number; status?: string }) {
  const samples = await db
    .select()
    .from(qaSamples)
    .where(
      and(
        filter.month ? eq(qaSamples.month, filter.month) : undefined,
        filter.agentId ? eq(qaSamples.agentId, filter.agentId) : undefined,
        filter.status ? eq(qaSamples.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(qaSamples.agentId), asc(qaSamples.id))
    .limit(2000);
  const people = await peopleByIds(
    db,
    samples.map((x) => x.agentId),
  );
  return samples.map((sample) => ({ sample, agentName: people.get(sample.agentId)?.name ?? '' }));
}

export interface MonthlyResult {
  agentId: number;
  name: string;
  month: string;
  scored: number;
  average: number | null;
  fatal: boolean;
  passed: boolean | null;
}

/**
 * Each agent's month: the average of the scored samples against the sheet's pass mark; a fatal error fails the
 * month when `fatalFails` (the setting `quality.qaFatalFailsMonth`, read by the caller). An agent with no scored
 * sample has no result (null), not a pass.
 */
export async function monthlyResults(
  db: DbOrTx,
  month: string,
  fatalFails: boolean,
): Promise<MonthlyResult[]> {
  const scored = await db
    .select({ s: qaSamples, pass: qaSheets.passScore })
    .from(qaSamples)
    .innerJoin(qaSheets, eq(qaSheets.id, qaSamples.sheetId))
    .where(and(eq(qaSamples.month, month), inArray(qaSamples.status, ['scored'])));
  const people = await peopleByIds(
    db,
    scored.map((r) => r.s.agentId),
  );
  const rows = scored.map((r) => ({ ...r, name: people.get(r.s.agentId)?.name ?? '' }));
  const byAgent = new Map<number, typeof rows>();
  for (const r of rows) byAgent.set(r.s.agentId, [...(byAgent.get(r.s.agentId) ?? []), r]);
  return [...byAgent.entries()].map(([agentId, list]) => {
    const average = list.reduce((sum, r) => sum + (r.s.total ?? 0), 0) / list.length;
    const fatal = list.some((r) => r.s.fatal);
    const pass = list[0]!.pass;
    return {
      agentId,
      name: list[0]!.name,
      month,
      scored: list.length,
      average: Math.round(average * 100) / 100,
      fatal,
      passed: average >= pass && !(fatalFails && fatal),
    };
  });
}

/** Agents who failed this month and the one before (Sanmenxia art. 13.1(5): moved out after two in a row). */
export async function consecutiveFailures(db: DbOrTx, month: string, fatalFails: boolean) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const previous = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  const [now, before] = await Promise.all([
    monthlyResults(db, month, fatalFails),
    monthlyResults(db, previous, fatalFails),
  ]);
  return now
    .filter((r) => r.passed === false && before.some((b) => b.agentId === r.agentId && b.passed === false))
    .map((r) => ({ ...r, previousMonth: previous }));
}
