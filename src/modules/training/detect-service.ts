import { and, eq, gte, inArray } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';
import { listCategories } from '../directory/index.ts';
import { ordersReceivedBetween } from '../orders/index.ts';
import { cosineOfTerms, DEFAULT_DETECT_OPTIONS, detectHotTopics } from './hot-topics/index.ts';
import { hotTopics } from './schema.ts';

/** A candidate already on the board with terms this close is the same topic seen again, not a new one. */
const SAME_TOPIC_COSINE = 0.4;
const RECENT_DAYS = 14;

/**
 * Runs the hot-topic detector over the orders of the last window (against the weeks before as the usual
 * level) and puts new bursts on the board as candidates for the office or the operator to confirm. A topic
 * already on the board (a candidate, or confirmed in the last two weeks) is updated, not duplicated.
 */
export async function detectFromOrders(
  db: DbOrTx,
  now: Date,
  options: { windowHours?: number; baselineDays?: number } = {},
) {
  const windowHours = options.windowHours ?? DEFAULT_DETECT_OPTIONS.windowHours;
  const baselineDays = options.baselineDays ?? DEFAULT_DETECT_OPTIONS.baselineDays;
  const since = new Date(now.getTime() - windowHours * 3600_000 - baselineDays * 86_400_000);
  const [rows, categories] = await Promise.all([ordersReceivedBetween(db, since, now), listCategories(db)]);
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const topics = detectHotTopics(
    rows.map((r) => ({
      id: r.id,
      at: r.at,
      title: r.title,
      content: r.content,
      category: r.categoryId !== null ? (categoryName.get(r.categoryId) ?? null) : null,
      district: r.district,
      // One person repeating a request counts once; the phone's blind index stands for the person (the number
      // itself is sealed and not needed).
      caller: r.phoneKey ? createHash('sha256').update(r.phoneKey).digest('hex').slice(0, 16) : null,
    })),
    { now, windowHours, baselineDays },
  );
  const recent = await db
    .select()
    .from(hotTopics)
    .where(
      and(
        inArray(hotTopics.status, ['candidate', 'confirmed']),
        gte(hotTopics.createdAt, new Date(now.getTime() - RECENT_DAYS * 86_400_000)),
      ),
    );
  let created = 0;
  let updated = 0;
  for (const t of topics) {
    const terms = t.terms;
    const same = recent.find((r) => {
      const d = r.detection as { terms?: { term: string; weight: number }[] } | null;
      return d?.terms && cosineOfTerms(d.terms, terms) >= SAME_TOPIC_COSINE;
    });
    const detection = {
      score: t.score,
      count: t.count,
      people: t.people,
      growth: t.growth,
      expected: t.expected,
      districts: t.districts,
      categories: t.categories,
      terms,
      first: t.first,
      last: t.last,
    };
    const orderIds = t.memberIds.map(Number);
    if (same) {
      if (same.status === 'candidate') {
        await db
          .update(hotTopics)
          .set({ detection, detectedAt: now, orderIds: [...new Set([...same.orderIds, ...orderIds])] })
          .where(eq(hotTopics.id, same.id));
        updated++;
      }
      continue;
    }
    await db.insert(hotTopics).values({
      title: t.title,
      // The heaviest single words, not the phrase pieces the label is built from ("路停水" reads badly).
      keywords: terms
        .filter((x) => !x.term.includes('_'))
        .slice(0, 6)
        .map((x) => x.term),
      district: t.districts[0]?.name ?? null,
      detectedAt: now,
      detection,
      orderIds,
      status: 'candidate',
      createdAt: now,
    });
    created++;
  }
  return { analysed: rows.length, found: topics.length, created, updated };
}
