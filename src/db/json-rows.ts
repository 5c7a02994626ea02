import { type Column, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/**
 * A table's rows as one JSON array column of another query (a correlated subquery), so an order and all its
 * child rows arrive in one round trip instead of one query per table. Keys are the TypeScript field names;
 * `decodeJsonRows` turns the values back into what drizzle itself would return (Dates, arrays, jsonb).
 */
export function jsonRows(table: PgTable, where: SQL, orderBy: SQL): SQL {
  return sql`coalesce((select json_agg(${jsonObject(table)} order by ${orderBy})
    from ${table} where ${where}), '[]'::json)`;
}

/** One row of `table` as a JSON object keyed by field name (`decodeJsonRow` reads it back). */
export function jsonObject(table: PgTable): SQL {
  const pairs = Object.entries(getTableColumns(table)).map(([key, col]) => sql`${key}::text, ${col}`);
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/** The rows of `jsonRows(table, …)` as drizzle's select would map them. */
export function decodeJsonRows<T extends PgTable>(table: T, value: unknown): T['$inferSelect'][] {
  const rows = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>[];
  return rows.map((raw) => decodeJsonRow(table, raw));
}

/** One object of `jsonObject(table)` as drizzle's select would map it. */
export function decodeJsonRow<T extends PgTable>(table: T, raw: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  // JSON keeps numbers, booleans and nested jsonb as they are; timestamps come as ISO text, arrays as arrays.
  for (const [key, col] of Object.entries(getTableColumns(table)) as [string, Column][]) {
    const v = raw[key];
    row[key] = v == null ? null : col.mapFromDriverValue(v);
  }
  return row as T['$inferSelect'];
}
