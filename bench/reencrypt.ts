import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Db, openPglite, openPostgres } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { resealPersonalData } from '../src/cli/reseal-personal-data.ts';
import { sealCaller } from '../src/modules/orders/index.ts';
import { installKeyring } from '../src/platform/keyring.ts';
import { buildKeyring } from '../src/platform/sm-crypto.ts';
import { createBenchDatabase } from './support.ts';

/**
 * Key rotation at scale: `n` orders sealed with key k1, then `hotline keys rotate`'s work (re-seal every
 * personal column with k2 and recompute the blind index) timed. Also checks that the embedded database's files
 * hold none of the phone numbers in clear (what `strings` on the data directory would find).
 */
const K1 = Buffer.alloc(32, 1);
const K2 = Buffer.alloc(32, 2);
const INDEX = Buffer.alloc(32, 3);
const phoneOf = (i: number) => `139${String(i).padStart(8, '0')}`;

async function insertSealedOrders(db: Db, n: number) {
  const now = new Date('2025-06-01T02:00:00Z');
  for (let from = 0; from < n; from += 5000) {
    const rows = Array.from({ length: Math.min(5000, n - from) }, (_, k) => {
      const i = from + k;
      return {
        number: `B${String(i).padStart(9, '0')}`,
        ...sealCaller({ callerName: `测试${i % 1000}`, callerPhone: phoneOf(i), address: `人民路${i}号` }),
      };
    });
    const col = <T>(f: (r: (typeof rows)[number]) => T) => sql.param(rows.map(f));
    await db.orm.execute(sql`
      insert into orders (number, channel, type, title, content, caller_name, caller_phone, caller_phone_bidx, address,
        status, received_at, created_at, updated_at)
      select n, 'phone', 'inquiry', '咨询', '咨询内容', cn, cp, cb, ad, 'closed', ${now}, ${now}, ${now}
      from unnest(${col((r) => r.number)}::text[], ${col((r) => r.callerName)}::text[], ${col((r) => r.callerPhone)}::text[],
        ${col((r) => r.callerPhoneBidx)}::text[], ${col((r) => r.address)}::text[]) as t(n, cn, cp, cb, ad)`);
  }
}

async function rotate(db: Db) {
  installKeyring(buildKeyring('k2', { k1: K1, k2: K2 }, INDEX));
  const t0 = performance.now();
  const counts = await resealPersonalData(db.orm, buildKeyring('k2', { k1: K1, k2: K2 }, INDEX), 'rotate', {
    batchSize: 1000,
  });
  const seconds = (performance.now() - t0) / 1000;
  const rows = counts.orders ?? 0;
  return { seconds, rows, rowsPerSecond: rows / seconds };
}

/** Files under `dir` that contain any of `needles` as bytes (UTF-8). */
function filesContaining(dir: string, needles: string[]): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const buf = fs.readFileSync(p);
        if (needles.some((x) => buf.includes(x))) hits.push(p);
      }
    }
  };
  walk(dir);
  return hits;
}

export async function benchReencrypt(n = 100_000, liteN = 100_000) {
  installKeyring(buildKeyring('k1', { k1: K1 }, INDEX));
  const server = await createBenchDatabase('bench_reencrypt');
  const pgDb = await openPostgres(server.url, 4);
  let pgResult;
  try {
    await migrateDatabase(pgDb);
    await insertSealedOrders(pgDb, n);
    pgResult = await rotate(pgDb);
  } finally {
    await pgDb.close();
    await server.drop();
  }
  installKeyring(buildKeyring('k1', { k1: K1 }, INDEX));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reencrypt-'));
  const lite = await openPglite(dir);
  let liteResult;
  let plainFiles: string[];
  try {
    await migrateDatabase(lite);
    await insertSealedOrders(lite, liteN);
    liteResult = await rotate(lite);
    await lite.orm.execute(sql`checkpoint`);
  } finally {
    await lite.close();
  }
  const sample = Array.from({ length: 200 }, (_, k) => phoneOf(Math.floor((k * liteN) / 200)));
  try {
    plainFiles = filesContaining(dir, sample);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    orders: n,
    pgliteOrders: liteN,
    postgres: pgResult,
    pglite: liteResult,
    phonesSampled: sample.length,
    plainFiles,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchReencrypt(Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 100_000));
  console.log(JSON.stringify(r, null, 2));
  if (r.plainFiles.length) process.exitCode = 1;
}
