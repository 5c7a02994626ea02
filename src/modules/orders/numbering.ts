import { sql } from 'drizzle-orm';
import { randomInt, createHash } from 'node:crypto';
import { localDateOf } from '../../calendar/local-time.ts';
import type { DbOrTx } from '../../db/client.ts';
import { queryRows } from '../../db/rows.ts';

/**
 * The next order number: the city's date and a 5-digit daily sequence, e.g. `2026112200042`. The counter
 * row's lock (held until the transaction ends) serialises concurrent intakes, so numbers never repeat.
 */
export async function nextOrderNumber(db: DbOrTx, now: Date): Promise<string> {
  const day = localDateOf(now);
  const [row] = await queryRows<{ last: number }>(
    db,
    sql`
    insert into order_number_counters (day, last) values (${day}, 1)
    on conflict (day) do update set last = order_number_counters.last + 1
    returning last`,
  );
  const seq = Number(row!.last);
  return `${day.replaceAll('-', '')}${String(seq).padStart(5, '0')}`;
}

// No 0/O, 1/I/L: the code is read out over the phone and typed on a phone keyboard.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** The citizen's tracking code (查询码): 8 characters, ~40 bits; only its hash is stored. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export function hashTrackingCode(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase()).digest('hex');
}
