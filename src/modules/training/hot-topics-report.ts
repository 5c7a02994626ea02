import { and, asc, gte, isNotNull, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { hotTopics } from './schema.ts';

/** 热点问题 confirmed in `[from, to)`, oldest first: what the month's report lists as its hot topics. */
export async function hotTopicsConfirmedBetween(db: DbOrTx, from: Date, to: Date) {
  return db
    .select({
      id: hotTopics.id,
      title: hotTopics.title,
      brief: hotTopics.brief,
      keywords: hotTopics.keywords,
      district: hotTopics.district,
      orderIds: hotTopics.orderIds,
      confirmedAt: hotTopics.confirmedAt,
      trainingDueAt: hotTopics.trainingDueAt,
    })
    .from(hotTopics)
    .where(
      and(isNotNull(hotTopics.confirmedAt), gte(hotTopics.confirmedAt, from), lt(hotTopics.confirmedAt, to)),
    )
    .orderBy(asc(hotTopics.confirmedAt));
}
