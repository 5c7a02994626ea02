import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import type { Actor } from '../../../platform/actor.ts';
import { recordAudit } from '../../../platform/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { readSetting } from '../../../platform/settings.ts';
import { listCategories } from '../../directory/index.ts';
import { externalOrderViews } from '../../orders/index.ts';
import { replyReviews } from '../schema.ts';
import { scoreReply, type ReplyScore } from './score.ts';
import { REPLY_REQUIRED_ELEMENTS, REPLY_THRESHOLDS } from './settings.ts';

export interface ReplyQuality {
  orderId: number;
  number: string;
  reply: string;
  score: ReplyScore;
  review: { verdict: ReplyScore['verdict']; note: string; reviewedBy: number; reviewedAt: Date } | null;
  /** The office's verdict where it gave one, else the computed one. */
  verdict: ReplyScore['verdict'];
}

/**
 * Scores replies with the settings of the moment: the required elements of the request's top-level category
 * (`quality.replyRequiredElements`) and the thresholds. Read once, then applied to as many replies as needed.
 */
export async function replyScorer(
  db: DbOrTx,
): Promise<(request: string, reply: string, categoryId: number | null) => ReplyScore> {
  const topOf = new Map((await listCategories(db)).map((c) => [c.id, c.path[0] ?? '']));
  const requiredByTop = new Map(
    Object.entries(await readSetting(db, REPLY_REQUIRED_ELEMENTS)).map(([top, list]) => [
      top,
      list.map((r) => ({ label: r.label, pattern: new RegExp(r.pattern) })),
    ]),
  );
  const thresholds = await readSetting(db, REPLY_THRESHOLDS);
  return (request, reply, categoryId) =>
    scoreReply(request, reply, {
      required: requiredByTop.get(topOf.get(categoryId ?? -1) ?? '') ?? [],
      thresholds,
    });
}

/** The computed quality of an order's department reply, with the office's review if any. */
export async function replyQuality(db: DbOrTx, orderId: number): Promise<ReplyQuality> {
  const [o] = await externalOrderViews(db, { ids: [orderId], limit: 1 });
  if (!o) throw notFound(`Order ${orderId}`, '工单');
  if (!o.reply)
    throw new AppError('no_reply', 409, 'The order has no department reply yet', '该工单尚无承办单位答复');
  const score = (await replyScorer(db))(o.content, o.reply, o.categoryId);
  const [r] = await db.select().from(replyReviews).where(eq(replyReviews.orderId, orderId));
  const review = r
    ? {
        verdict: r.verdict as ReplyScore['verdict'],
        note: r.note,
        reviewedBy: r.reviewedBy,
        reviewedAt: r.reviewedAt,
      }
    : null;
  return {
    orderId,
    number: o.number,
    reply: o.reply,
    score,
    review,
    verdict: review?.verdict ?? score.verdict,
  };
}

/** The office overrides the computed verdict, with a reason; audited. */
export async function reviewReply(
  db: DbOrTx,
  actor: Actor,
  orderId: number,
  input: { verdict: ReplyScore['verdict']; note: string },
  now: Date,
): Promise<ReplyQuality> {
  const current = await replyQuality(db, orderId);
  const values = {
    orderId,
    verdict: input.verdict,
    note: input.note,
    computed: { overall: current.score.overall, verdict: current.score.verdict },
    reviewedBy: actor.id!,
    reviewedAt: now,
  };
  await db
    .insert(replyReviews)
    .values(values)
    .onConflictDoUpdate({ target: replyReviews.orderId, set: values });
  await recordAudit(db, actor, now, {
    action: 'reply_review',
    entity: 'order',
    entityId: orderId,
    before: current.review,
    after: { verdict: input.verdict, note: input.note },
  });
  return replyQuality(db, orderId);
}
