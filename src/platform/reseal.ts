import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { queryRows } from '../db/rows.ts';
import { isSealed, type Keyring, open, phoneIndex, seal } from './sm-crypto.ts';

/**
 * Which columns of a table hold sealed personal data, so key rotation and the sealing of rows written before
 * encryption can walk them without knowing the module. Each module declares its own (orders, calls).
 */
export interface SealSpec {
  table: string;
  /** The text columns sealed, each with the MAC context it is sealed under. */
  columns: { name: string; context: string }[];
  /** A blind index kept beside a sealed phone column. */
  phoneIndex?: { column: string; from: string };
}

/** `plain`: seal only what is not sealed yet (start-up); `rotate`: also re-seal what an older key sealed. */
export type ResealMode = 'plain' | 'rotate';

function needsWork(spec: SealSpec, ring: Keyring, mode: ResealMode): SQL {
  const prefix = mode === 'plain' ? 'sm4:%' : `sm4:${ring.current}:%`;
  const parts = spec.columns.map(
    (c) => sql`(${sql.identifier(c.name)} <> '' and ${sql.identifier(c.name)} not like ${prefix})`,
  );
  if (spec.phoneIndex)
    parts.push(
      sql`(${sql.identifier(spec.phoneIndex.from)} <> '' and ${sql.identifier(spec.phoneIndex.column)} is null)`,
    );
  return sql.join(parts, sql` or `);
}

/** Re-seals one batch after `afterId`; returns the rows changed and the last id seen (null when done). */
async function resealBatch(
  db: Database,
  spec: SealSpec,
  ring: Keyring,
  mode: ResealMode,
  afterId: number,
  size: number,
) {
  const names = spec.columns.map((c) => sql.identifier(c.name));
  const idx = spec.phoneIndex;
  return db.transaction(async (tx) => {
    const rows = await queryRows<Record<string, string | null> & { id: string | number }>(
      tx,
      sql`select id, ${sql.join(names, sql`, `)}${idx ? sql`, ${sql.identifier(idx.column)}` : sql``}
            from ${sql.identifier(spec.table)}
           where id > ${afterId} and (${needsWork(spec, ring, mode)})
           order by id limit ${size} for update`,
    );
    if (!rows.length) return { changed: 0, lastId: null };
    const ids = rows.map((r) => Number(r.id));
    const values = spec.columns.map((c) =>
      rows.map((r) => {
        const plain = open(ring, r[c.name] ?? null, c.context);
        if (plain == null || plain === '') return r[c.name] ?? null;
        const stored = r[c.name]!;
        const fresh = isSealed(stored) && stored.startsWith(`sm4:${ring.current}:`);
        return fresh ? stored : seal(ring, plain, c.context);
      }),
    );
    const sets = spec.columns.map((c, i) => sql`${sql.identifier(c.name)} = v.${sql.identifier(`c${i}`)}`);
    const arrays = values.map((v) => sql`${sql.param(v)}::text[]`);
    const aliases = spec.columns.map((_, i) => sql.identifier(`c${i}`));
    if (idx) {
      const fromCol = spec.columns.find((c) => c.name === idx.from)!;
      sets.push(sql`${sql.identifier(idx.column)} = v.bidx`);
      arrays.push(
        sql`${sql.param(rows.map((r) => phoneIndex(ring, open(ring, r[idx.from] ?? null, fromCol.context))))}::text[]`,
      );
      aliases.push(sql.identifier('bidx'));
    }
    await tx.execute(
      sql`update ${sql.identifier(spec.table)} t set ${sql.join(sets, sql`, `)}
            from unnest(${sql.param(ids)}::bigint[], ${sql.join(arrays, sql`, `)}) as v(id, ${sql.join(aliases, sql`, `)})
           where t.id = v.id`,
    );
    return { changed: rows.length, lastId: ids.at(-1)! };
  });
}

/** Walks a table in id order, one transaction per batch, so a rotation can stop and resume at any point. */
export async function resealTable(
  db: Database,
  spec: SealSpec,
  ring: Keyring,
  mode: ResealMode,
  opts: { batchSize?: number; onBatch?: (done: number) => void } = {},
): Promise<number> {
  let afterId = 0;
  let done = 0;
  for (;;) {
    const b = await resealBatch(db, spec, ring, mode, afterId, opts.batchSize ?? 1000);
    if (b.lastId == null) return done;
    done += b.changed;
    afterId = b.lastId;
    opts.onBatch?.(done);
  }
}

/** Rows whose blind index was not made with the current index key (or is missing). */
function staleIndex(spec: SealSpec, ring: Keyring): SQL {
  const idx = spec.phoneIndex!;
  const col = sql.identifier(idx.column);
  const current =
    ring.indexId === 'i1' ? sql`${col} like '%:%'` : sql`${col} not like ${`${ring.indexId}:%`}`;
  return sql`(${sql.identifier(idx.from)} <> '' and (${col} is null or ${current}))`;
}

/**
 * `keys rotate-index`: recomputes a table's blind index under the current index key from the opened phones, in
 * id order and one transaction per batch, so it can stop anywhere and be run again (rows already done are not
 * touched: idempotent). `maxBatches` stops early (tests of an interrupted rotation).
 */
export async function reindexTable(
  db: Database,
  spec: SealSpec,
  ring: Keyring,
  opts: { batchSize?: number; maxBatches?: number; onBatch?: (done: number) => void } = {},
): Promise<number> {
  const idx = spec.phoneIndex;
  if (!idx) return 0;
  const context = spec.columns.find((c) => c.name === idx.from)!.context;
  let afterId = 0;
  let done = 0;
  for (let batch = 0; opts.maxBatches == null || batch < opts.maxBatches; batch++) {
    const changed = await db.transaction(async (tx) => {
      const rows = await queryRows<{ id: string | number; phone: string | null }>(
        tx,
        sql`select id, ${sql.identifier(idx.from)} as phone from ${sql.identifier(spec.table)}
             where id > ${afterId} and ${staleIndex(spec, ring)}
             order by id limit ${opts.batchSize ?? 1000} for update`,
      );
      if (!rows.length) return null;
      const ids = rows.map((r) => Number(r.id));
      const indexes = rows.map((r) => phoneIndex(ring, open(ring, r.phone, context)));
      await tx.execute(
        sql`update ${sql.identifier(spec.table)} t set ${sql.identifier(idx.column)} = v.bidx
              from unnest(${sql.param(ids)}::bigint[], ${sql.param(indexes)}::text[]) as v(id, bidx)
             where t.id = v.id`,
      );
      afterId = ids.at(-1)!;
      return rows.length;
    });
    if (changed == null) return done;
    done += changed;
    opts.onBatch?.(done);
  }
  return done;
}

/** How many rows still carry an index not made with the current key (0: the old keys can go). */
export async function staleIndexCount(db: Database, spec: SealSpec, ring: Keyring): Promise<number> {
  if (!spec.phoneIndex) return 0;
  const [row] = await queryRows<{ n: string | number }>(
    db,
    sql`select count(*) as n from ${sql.identifier(spec.table)} where ${staleIndex(spec, ring)}`,
  );
  return Number(row?.n ?? 0);
}
