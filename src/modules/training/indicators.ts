import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { figure, type IndicatorFigure } from '../../platform/indicator.ts';
import { hotTopics, hotTopicTrainees, operatingStandards } from './schema.ts';

/**
 * KPI 8 热点问题培训及时率 for hot topics confirmed in [from, to): those on which every frontline agent of the
 * roster at confirmation was trained within the due time / confirmed hot topics. One still within its due time
 * with agents outstanding is left out (it can still be met).
 */
export async function hotTopicTrainingTimeliness(
  db: DbOrTx,
  from: Date,
  to: Date,
  now: Date,
): Promise<IndicatorFigure> {
  const topics = await db
    .select()
    .from(hotTopics)
    .where(
      and(eq(hotTopics.status, 'confirmed'), gte(hotTopics.confirmedAt, from), lt(hotTopics.confirmedAt, to)),
    )
    .orderBy(asc(hotTopics.id));
  const trainees = topics.length
    ? await db
        .select()
        .from(hotTopicTrainees)
        .where(
          inArray(
            hotTopicTrainees.hotTopicId,
            topics.map((t) => t.id),
          ),
        )
    : [];
  const met: number[] = [];
  const pending: number[] = [];
  const counted: number[] = [];
  // Trainees grouped by topic once (a filter per topic was topics × trainees).
  const byTopic = new Map<number, typeof trainees>();
  for (const x of trainees) {
    const list = byTopic.get(x.hotTopicId);
    if (list) list.push(x);
    else byTopic.set(x.hotTopicId, [x]);
  }
  for (const t of topics) {
    const own = byTopic.get(t.id) ?? [];
    const allOnTime = own.every((x) => x.trainedAt && x.trainedAt.getTime() <= t.trainingDueAt!.getTime());
    if (allOnTime) {
      counted.push(t.id);
      met.push(t.id);
    } else if (now.getTime() <= t.trainingDueAt!.getTime()) {
      pending.push(t.id);
    } else {
      counted.push(t.id);
    }
  }
  return figure('hot_topic', counted, met, [{ reason: 'training not yet due', ids: pending }]);
}

/**
 * KPI 12 标准编写完成率 for standards planned in [from, to): completed by the end of the period / planned. A
 * standard completed after its planned date but within the period still counts as completed; its lateness
 * shows in the register.
 */
export async function standardsCompletion(
  db: DbOrTx,
  from: string,
  toExclusive: string,
): Promise<IndicatorFigure> {
  const planned = await db
    .select()
    .from(operatingStandards)
    .where(and(gte(operatingStandards.plannedOn, from), lt(operatingStandards.plannedOn, toExclusive)))
    .orderBy(asc(operatingStandards.id));
  const done = planned.filter((s) => s.completedOn && s.completedOn < toExclusive);
  return figure(
    'standard',
    planned.map((s) => s.id),
    done.map((s) => s.id),
  );
}
