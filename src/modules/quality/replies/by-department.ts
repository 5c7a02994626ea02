import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.ts';
import { departmentReplies } from '../../orders/index.ts';
import { replyReviews } from '../schema.ts';
import type { ReplyScore } from './score.ts';
import { replyScorer } from './service.ts';

type Verdict = ReplyScore['verdict'];

/** One department's replies of a period as the office judges them (答复质量), for its scorecard. */
export interface DepartmentReplyQuality {
  /** Replies scored: one per order replied in the period (the reply that stands). */
  scored: number;
  /** By verdict: the office's override where it gave one, else the computed verdict. */
  good: number;
  fair: number;
  poor: number;
  /** How many of the verdicts are the office's override. */
  overridden: number;
  /** Mean of the computed overall scores (0–100, one decimal); the office overrides verdicts, not scores. */
  meanScore: number | null;
  /** The orders behind each verdict (the scorecard's drill-down). */
  orderIds: Record<Verdict, number[]>;
}

/**
 * 答复质量 by department for replies made in `[from, to)`. The reply texts must be scored here (the score is a
 * text measure, not a column), so this is the one figure computed per reply in JS: one query for the replies,
 * one for the office's overrides, then a pass that scores and counts. The period is at most a year.
 */
export async function replyQualityByDepartment(
  db: DbOrTx,
  from: Date,
  to: Date,
  departmentId?: number,
): Promise<Map<number, DepartmentReplyQuality>> {
  const replies = await departmentReplies(db, from, to, departmentId);
  const score = await replyScorer(db);
  const overrides = new Map<number, Verdict>();
  for (let i = 0; i < replies.length; i += 5000) {
    const ids = replies.slice(i, i + 5000).map((r) => r.orderId);
    const rows = await db
      .select({ orderId: replyReviews.orderId, verdict: replyReviews.verdict })
      .from(replyReviews)
      .where(inArray(replyReviews.orderId, ids));
    for (const r of rows) overrides.set(r.orderId, r.verdict as Verdict);
  }
  const out = new Map<number, DepartmentReplyQuality & { total: number }>();
  for (const r of replies) {
    let d = out.get(r.departmentId);
    if (!d) {
      d = {
        scored: 0,
        good: 0,
        fair: 0,
        poor: 0,
        overridden: 0,
        meanScore: null,
        total: 0,
        orderIds: { good: [], fair: [], poor: [] },
      };
      out.set(r.departmentId, d);
    }
    const computed = score(r.content, r.reply, r.categoryId);
    const override = overrides.get(r.orderId);
    const verdict = override ?? computed.verdict;
    d.scored += 1;
    d[verdict] += 1;
    d.orderIds[verdict].push(r.orderId);
    d.total += computed.overall;
    if (override) d.overridden += 1;
  }
  return new Map(
    [...out].map(([id, { total, ...d }]) => [
      id,
      { ...d, meanScore: d.scored ? Math.round((total / d.scored) * 10) / 10 : null },
    ]),
  );
}
