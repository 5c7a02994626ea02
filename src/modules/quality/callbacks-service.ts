import { sql, type SQL } from 'drizzle-orm';
import type { ChinaCalendar } from '../../calendar/china-calendar.ts';
import { loadCalendar } from '../../calendar/service.ts';
import { addWorkingDays } from '../../calendar/working-days.ts';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';
import { figure, type IndicatorFigure } from '../../platform/indicator.ts';
import { readSetting } from '../../platform/settings.ts';
import { CALLBACK_DUE_WORKING_DAYS, CALLBACK_EXHAUSTED_COUNTS, CALLBACK_RULE } from './settings.ts';

type Rule = typeof CALLBACK_RULE.default;

/** The callback rule as a SQL condition on orders `o` (one place, so the queue and the KPI agree). */
export function requiresCallbackSql(rule: Rule): SQL {
  const parts: SQL[] = [
    sql`o.caller_phone is not null`,
    sql`o.replied_at is not null`,
    sql`not o.excluded_from_assessment`,
  ];
  if (rule.dispatchedOnly) parts.push(sql`o.dispatched_at is not null`);
  if (rule.excludeAnonymous) parts.push(sql`not o.caller_anonymous`);
  if (rule.excludeDeclined) parts.push(sql`o.callback_wanted`);
  if (rule.excludeMerged) parts.push(sql`o.status <> 'merged'`);
  if (rule.types?.length)
    parts.push(
      sql`o.type in (${sql.join(
        rule.types.map((t) => sql`${t}`),
        sql`, `,
      )})`,
    );
  return sql.join(parts, sql` and `);
}

interface OwedCallback {
  id: number;
  number: string;
  title: string;
  status: string;
  repliedAt: Date;
  reached: boolean;
  attempts: number;
  lastAttemptAt: Date | null;
  reachedAt: Date | null;
}

async function owedCallbacks(db: DbOrTx, where: SQL): Promise<OwedCallback[]> {
  const rule = await readSetting(db, CALLBACK_RULE);
  const rows = await queryRows<
    OwedCallback & {
      repliedAt: string | Date;
      lastAttemptAt: string | Date | null;
      reachedAt: string | Date | null;
    }
  >(
    db,
    sql`select o.id, o.number, o.title, o.status, o.replied_at as "repliedAt",
          coalesce(bool_or(c.reached) filter (where c.at >= o.replied_at), false) as reached,
          (count(c.id) filter (where c.at >= o.replied_at))::int as attempts,
          max(c.at) filter (where c.at >= o.replied_at) as "lastAttemptAt",
          min(c.at) filter (where c.at >= o.replied_at and c.reached) as "reachedAt"
        from orders o left join order_callbacks c on c.order_id = o.id
        where ${requiresCallbackSql(rule)} and ${where}
        group by o.id order by o.replied_at`,
  );
  return rows.map((r) => ({
    ...r,
    repliedAt: new Date(r.repliedAt),
    lastAttemptAt: r.lastAttemptAt ? new Date(r.lastAttemptAt) : null,
    reachedAt: r.reachedAt ? new Date(r.reachedAt) : null,
  }));
}

function dueOf(calendar: ChinaCalendar, repliedAt: Date, days: number): Date {
  return addWorkingDays(calendar, repliedAt, days).end;
}

/** 回访队列 — replied orders still owed a callback, with attempts so far and the time it is due. */
export async function callbackQueue(db: DbOrTx, now: Date, maxAttempts: number) {
  const [days, calendar] = await Promise.all([readSetting(db, CALLBACK_DUE_WORKING_DAYS), loadCalendar(db)]);
  const owed = await owedCallbacks(db, sql`o.status = 'replied'`);
  return owed
    .filter((o) => !o.reached && o.attempts < maxAttempts)
    .map((o) => {
      const dueAt = dueOf(calendar, o.repliedAt, days);
      return { ...o, dueAt, overdue: now.getTime() > dueAt.getTime() };
    });
}

/**
 * KPI 4 工单回访率 for orders whose department replied in [from, to): called back / requiring a callback (the
 * rule setting). Called back = the citizen was reached, or — by the reading setting — the attempts ran out. An
 * order not yet called back and still within its callback time is left out (it can still be met).
 */
export async function callbackRate(
  db: DbOrTx,
  from: Date,
  to: Date,
  now: Date,
  maxAttempts: number,
): Promise<IndicatorFigure> {
  const [days, exhaustedCounts, calendar] = await Promise.all([
    readSetting(db, CALLBACK_DUE_WORKING_DAYS),
    readSetting(db, CALLBACK_EXHAUSTED_COUNTS),
    loadCalendar(db),
  ]);
  const owed = await owedCallbacks(db, sql`o.replied_at >= ${from} and o.replied_at < ${to}`);
  const done = (o: OwedCallback) => o.reached || (exhaustedCounts && o.attempts >= maxAttempts);
  const pending = owed.filter(
    (o) => !done(o) && now.getTime() <= dueOf(calendar, o.repliedAt, days).getTime(),
  );
  const counted = owed.filter((o) => !pending.includes(o));
  return figure(
    'order',
    counted.map((o) => o.id),
    counted.filter(done).map((o) => o.id),
    [{ reason: 'callback not yet due', ids: pending.map((o) => o.id) }],
  );
}
