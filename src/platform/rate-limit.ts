import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/**
 * Counts one hit for `key` in the current fixed window and says whether it is within the limit. The counter
 * lives in PostgreSQL so every process behind a load balancer shares it.
 */
export async function hitRateLimit(db: DbOrTx, key: string, limit: RateLimit, now: Date): Promise<boolean> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`
    insert into rate_limits (key, window_start, count) values (${key}, ${windowStart}, 1)
    on conflict (key, window_start) do update set count = rate_limits.count + 1
    returning count`,
  );
  const count = Number(row?.count ?? 0);
  return count <= limit.max;
}
