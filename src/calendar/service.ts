import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import type { Actor } from '../platform/actor.ts';
import { recordAudit } from '../platform/audit.ts';
import { cached, invalidate } from '../platform/cache.ts';
import { notFound } from '../platform/errors.ts';
import { loadBuiltinCalendar } from './builtin.ts';
import { type ChinaCalendar, createChinaCalendar } from './china-calendar.ts';
import type { LocalDate } from './local-time.ts';
import { calendarOverrides, calendarYears } from './schema.ts';

/**
 * The calendar as it stands in the database now: the built-in data plus the office's overrides. Cached in
 * process (platform/cache.ts); a change made through any process reaches every other by NOTIFY at commit.
 */
export function loadCalendar(db: DbOrTx): Promise<ChinaCalendar> {
  return cached(db, 'calendar', () => readCalendar(db));
}

async function readCalendar(db: DbOrTx): Promise<ChinaCalendar> {
  const [overrides, years] = await Promise.all([
    db.select().from(calendarOverrides),
    db.select().from(calendarYears),
  ]);
  return createChinaCalendar(
    loadBuiltinCalendar(),
    overrides.map((o) => ({ day: o.day, isWorkday: o.isWorkday, name: o.name })),
    years.map((y) => y.year),
  );
}

export async function listOverrides(db: DbOrTx) {
  return db.select().from(calendarOverrides).orderBy(asc(calendarOverrides.day));
}

export async function listDeclaredYears(db: DbOrTx) {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

export interface OverrideInput {
  day: LocalDate;
  isWorkday: boolean;
  name: string;
  source?: string | null;
}

export async function setOverride(db: DbOrTx, actor: Actor, input: OverrideInput, now: Date) {
  const [before] = await db.select().from(calendarOverrides).where(eq(calendarOverrides.day, input.day));
  const values = { ...input, source: input.source ?? null, updatedBy: actor.id, updatedAt: now };
  const [after] = await db
    .insert(calendarOverrides)
    .values(values)
    .onConflictDoUpdate({ target: calendarOverrides.day, set: values })
    .returning();
  await invalidate(db, 'calendar');
  await recordAudit(db, actor, now, {
    action: 'set',
    entity: 'calendar_override',
    entityId: input.day,
    before,
    after,
  });
  return after!;
}

/** Removes an override (the day falls back to the built-in data); the audit log keeps what it was. */
export async function removeOverride(db: DbOrTx, actor: Actor, day: LocalDate, now: Date): Promise<void> {
  const [before] = await db.delete(calendarOverrides).where(eq(calendarOverrides.day, day)).returning();
  if (!before) throw notFound(`Override for ${day}`, `${day} 的调整记录`);
  await invalidate(db, 'calendar');
  await recordAudit(db, actor, now, { action: 'remove', entity: 'calendar_override', entityId: day, before });
}

export async function declareYear(db: DbOrTx, actor: Actor, year: number, source: string, now: Date) {
  const values = { year, source, declaredBy: actor.id, declaredAt: now };
  const [row] = await db
    .insert(calendarYears)
    .values(values)
    .onConflictDoUpdate({ target: calendarYears.year, set: values })
    .returning();
  await invalidate(db, 'calendar');
  await recordAudit(db, actor, now, {
    action: 'declare_year',
    entity: 'calendar_year',
    entityId: year,
    after: row,
  });
  return row!;
}
