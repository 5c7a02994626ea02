import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { openPostgres } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createUser } from '../src/modules/directory/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createBenchDatabase, runConcurrently } from './support.ts';

const CLIENTS = 50;
const ORDERS = Number(process.env.BENCH_ORDERS ?? 5000);

const body = (i: number) => ({
  channel: 'phone',
  type: 'complaint',
  title: `路灯不亮 ${i}`,
  content: `源汇区人民路${i}号小区门口路灯已经一周不亮，夜间出行不便，请尽快维修。`,
  urgency: 'normal',
  caller: { name: '张先生', phone: `138${String(i).padStart(8, '0')}`, callbackWanted: true },
  location: { district: '源汇区', address: `人民路${i}号` },
});

/**
 * Order intake through the HTTP API (a real socket, 50 concurrent keep-alive clients) against the raw INSERT of
 * the same rows with 50 concurrent connections: what validation, numbering, history and the transaction cost.
 */
export interface IntakeFigures {
  orders: number;
  clients: number;
  apiPerSecond: number;
  apiP50Ms: number;
  apiP99Ms: number;
  insertPerSecond: number;
  insertP50Ms: number;
  insertP99Ms: number;
  ratio: number;
}

export async function benchIntake(): Promise<IntakeFigures> {
  const api = await createBenchDatabase('hotline_bench_api');
  const raw = await createBenchDatabase('hotline_bench_raw');
  try {
    const db = await openPostgres(api.url, 20);
    await migrateDatabase(db);
    await createUser(
      db.orm,
      SYSTEM_ACTOR,
      { username: 'bench', password: 'Bench-1234', role: 'agent' },
      new Date(),
    );
    const app = await buildApp({ db, clock: systemClock });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'Bench-1234' }),
    });
    const { token } = (await login.json()) as { token: string };
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const viaApi = await runConcurrently(CLIENTS, ORDERS, async (i) => {
      const res = await fetch(`${base}/api/orders`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body(i)),
      });
      if (res.status !== 201) throw new Error(`intake ${i}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    });
    await app.close();
    await db.close();

    const rawDb = await openPostgres(raw.url, 2);
    await migrateDatabase(rawDb);
    await rawDb.close();
    const pool = new pg.Pool({ connectionString: raw.url, max: CLIENTS });
    const now = new Date();
    const viaInsert = await runConcurrently(CLIENTS, ORDERS, async (i) => {
      const b = body(i);
      await pool.query(
        `insert into orders (number, channel, type, urgency, title, content, caller_name, caller_phone, callback_wanted,
           district, address, status, received_at, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $10, 'registered', $11, $11, $11)`,
        [
          `B${i}`,
          b.channel,
          b.type,
          b.urgency,
          b.title,
          b.content,
          b.caller.name,
          b.caller.phone,
          b.location.district,
          b.location.address,
          now,
        ],
      );
    });
    await pool.end();
    return {
      orders: ORDERS,
      clients: CLIENTS,
      apiPerSecond: viaApi.perSecond,
      apiP50Ms: viaApi.p50,
      apiP99Ms: viaApi.p99,
      insertPerSecond: viaInsert.perSecond,
      insertP50Ms: viaInsert.p50,
      insertP99Ms: viaInsert.p99,
      ratio: viaInsert.perSecond / viaApi.perSecond,
    };
  } finally {
    await api.drop();
    await raw.drop();
  }
}
