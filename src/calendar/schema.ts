import { boolean, date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The office's corrections and additions to the built-in calendar, e.g. a new year's holidays and 调休
 * working weekends copied from the State Council notice before the package carries them.
 */
export const calendarOverrides = pgTable('calendar_overrides', {
  day: date('day', { mode: 'string' }).primaryKey(),
  isWorkday: boolean('is_workday').notNull(),
  name: text('name').notNull(),
  source: text('source'),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** A year the office declares complete (its notice fully entered), so dates in it no longer warn. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  declaredBy: integer('declared_by'),
  declaredAt: timestamp('declared_at', { withTimezone: true, mode: 'date' }).notNull(),
});
