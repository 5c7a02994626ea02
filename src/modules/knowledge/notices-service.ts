import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, DbOrTx } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { recordAudit } from '../../platform/audit.ts';
import { conflict, notFound, validationFailed } from '../../platform/errors.ts';
import { figure, type IndicatorFigure } from '../../platform/indicator.ts';
import { defineSetting, readSetting } from '../../platform/settings.ts';
import type { NoticeState, NoticeStatus } from './model.ts';
import { kbArticles, kbArticleVersions, kbNotices } from './schema.ts';
import { zInstant } from '../../platform/input.ts';

export const NOTICE_DUE_HOURS = defineSetting({
  key: 'knowledge.noticeDueHours',
  default: 24,
  schema: z
    .number()
    .min(1)
    .max(24 * 30),
  description:
    'A knowledge update notice must be applied (the changed articles published) within this many hours of receipt.',
  descriptionZh: '收到知识更新通知后须在此小时数内完成知识点更新',
  source:
    'Luohe contract art. 11 #9 (知识库更新及时率: 收到主管部门新的知识更新通知后 24 小时内完成知识点更新)',
});

export const NoticeInput = z.object({
  receivedAt: zInstant,
  source: z.string().trim().min(1).max(100).describe('the department or office that sent it'),
  title: z.string().trim().min(1).max(200),
  requiredChange: z.string().trim().min(1).max(5000),
  articleIds: z.array(z.number().int().positive()).max(50).default([]),
});
export type NoticeInput = z.infer<typeof NoticeInput>;

async function checkArticles(db: DbOrTx, ids: number[]) {
  if (!ids.length) return;
  const found = await db.select({ id: kbArticles.id }).from(kbArticles).where(inArray(kbArticles.id, ids));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length)
    throw validationFailed([{ field: 'articleIds', message: `no article ${missing.join(', ')}` }]);
}

/** Records a notice as it arrives; the 24-hour clock runs from `receivedAt`, which may not be in the future. */
export async function recordNotice(db: Database, actor: Actor, input: NoticeInput, now: Date) {
  if (input.receivedAt.getTime() > now.getTime() + 60_000) {
    throw validationFailed([{ field: 'receivedAt', message: 'cannot be in the future' }]);
  }
  const hours = await readSetting(db, NOTICE_DUE_HOURS);
  return db.transaction(async (tx) => {
    await checkArticles(tx, input.articleIds);
    const [row] = await tx
      .insert(kbNotices)
      .values({
        ...input,
        dueAt: new Date(input.receivedAt.getTime() + hours * 3600_000),
        recordedBy: actor.id,
        recordedAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: 'record',
      entity: 'kb_notice',
      entityId: row!.id,
      after: row,
    });
    return row!;
  });
}

export async function linkNoticeArticles(
  db: Database,
  actor: Actor,
  id: number,
  articleIds: number[],
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(kbNotices).where(eq(kbNotices.id, id)).for('update');
    if (!before) throw notFound(`Notice ${id}`, `更新通知 ${id} `);
    if (before.status !== 'open') throw conflict('notice_closed', `Notice ${id} is done`, '该通知已完成');
    await checkArticles(tx, articleIds);
    const [after] = await tx.update(kbNotices).set({ articleIds }).where(eq(kbNotices.id, id)).returning();
    await recordAudit(tx, actor, now, { action: 'link', entity: 'kb_notice', entityId: id, before, after });
    return after!;
  });
}

/**
 * Closes a notice once its change is live: every linked article must have a published version written at or
 * after the notice's receipt. The completion time is when the last article got its first such version — not
 * when someone clicked — because that is when agents could give the new answer everywhere.
 */
export async function completeNotice(
  db: Database,
  actor: Actor,
  id: number,
  note: string | undefined,
  now: Date,
) {
  return db.transaction(async (tx) => {
    const [n] = await tx.select().from(kbNotices).where(eq(kbNotices.id, id)).for('update');
    if (!n) throw notFound(`Notice ${id}`, `更新通知 ${id} `);
    if (n.status !== 'open') throw conflict('notice_closed', `Notice ${id} is done`, '该通知已完成');
    if (!n.articleIds.length) {
      throw validationFailed([
        { field: 'articleIds', message: 'link the articles the notice changed first' },
      ]);
    }
    const articles = await tx.select().from(kbArticles).where(inArray(kbArticles.id, n.articleIds));
    const changes = await tx
      .select({ articleId: kbArticleVersions.articleId, at: sql<Date>`min(${kbArticleVersions.changedAt})` })
      .from(kbArticleVersions)
      .where(
        and(
          inArray(kbArticleVersions.articleId, n.articleIds),
          gte(kbArticleVersions.changedAt, n.receivedAt),
          // Only a version agents could see counts: a draft edit published later is applied when published.
          sql`${kbArticleVersions.snapshot}->>'status' = 'published'`,
        ),
      )
      .groupBy(kbArticleVersions.articleId);
    const notDone = articles.filter(
      (a) => a.status !== 'published' || !changes.some((c) => c.articleId === a.id),
    );
    if (notDone.length) {
      throw conflict(
        'notice_not_applied',
        `Not yet changed and published since the notice: ${notDone.map((a) => a.title).join(', ')}`,
        `以下知识点尚未按通知修改并发布：${notDone.map((a) => a.title).join('、')}`,
        { articleIds: notDone.map((a) => a.id) },
      );
    }
    const completedAt = new Date(Math.max(...changes.map((c) => new Date(c.at).getTime())));
    const [after] = await tx
      .update(kbNotices)
      .set({ status: 'done', completedAt, completedBy: actor.id, completionNote: note ?? null })
      .where(eq(kbNotices.id, id))
      .returning();
    await recordAudit(tx, actor, now, {
      action: 'complete',
      entity: 'kb_notice',
      entityId: id,
      before: n,
      after,
    });
    return after!;
  });
}

export function noticeState(
  n: { status: NoticeStatus; dueAt: Date; completedAt: Date | null },
  now: Date,
): NoticeState {
  if (n.status === 'done') return n.completedAt!.getTime() <= n.dueAt.getTime() ? 'on_time' : 'late';
  return now.getTime() > n.dueAt.getTime() ? 'overdue' : 'open';
}

export async function listNotices(db: DbOrTx, now: Date, status?: NoticeStatus) {
  const rows = await db
    .select()
    .from(kbNotices)
    .where(status ? eq(kbNotices.status, status) : undefined)
    .orderBy(status === 'open' ? asc(kbNotices.dueAt) : desc(kbNotices.receivedAt))
    .limit(500);
  return rows.map((n) => ({ ...n, state: noticeState(n, now) }));
}

/**
 * KPI 9 知识库更新及时率 for notices received in [from, to): applied within 24 h / notices. A notice still open
 * and not yet due is left out (it can still be on time); one open past its due time counts as late.
 */
export async function noticeTimeliness(
  db: DbOrTx,
  from: Date,
  to: Date,
  now: Date,
): Promise<IndicatorFigure> {
  const rows = await db
    .select()
    .from(kbNotices)
    .where(and(gte(kbNotices.receivedAt, from), lt(kbNotices.receivedAt, to)))
    .orderBy(asc(kbNotices.id));
  const states = rows.map((n) => ({ id: n.id, state: noticeState(n, now) }));
  return figure(
    'kb_notice',
    states.filter((s) => s.state !== 'open').map((s) => s.id),
    states.filter((s) => s.state === 'on_time').map((s) => s.id),
    [{ reason: 'not yet due', ids: states.filter((s) => s.state === 'open').map((s) => s.id) }],
  );
}
