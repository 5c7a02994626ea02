import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
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
  const rows = await queryRows<{
    id: number;
    at: Date | string;
    title: string;
    content: string;
    category: string | null;
    district: string | null;
    phone: string | null;
  }>(
    db,
    sql`select o.id, o.received_at as at, o.title, o.content, c.name as category, o.district, o.caller_phone as phone
        from orders o left join categories c on c.id = o.category_id
        where o.received_at >= ${since} and o.received_at < ${now} and o.status <> 'merged'`,
  );
  const topics = detectHotTopics(
    rows.map((r) => ({
      id: r.id,
      at: new Date(r.at),
      title: r.title,
      content: r.content,
      category: r.category,
      district: r.district,
      // One person repeating a request counts once; the number itself is not kept.
      caller: r.phone ? createHash('sha256').update(r.phone).digest('hex').slice(0, 16) : null,
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
