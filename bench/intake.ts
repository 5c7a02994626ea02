import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';
import { openPostgres } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createUser } from '../src/modules/directory/index.ts';
import { SYSTEM_ACTOR } from '../src/platform/actor.ts';
import { createBenchDatabase, runConcurrently } from './support.ts';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 5000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);

const body = (i: number) => ({
  channel: 'phone',
  type: 'complaint',
  title: `路灯不亮 ${i}`,
  content: `源汇区人民路${i}号小区门口路灯已经一周不亮，夜间出行不便，请尽快维修。`,
  urgency: 'normal',
  caller: { name: '张先生', phone: `138${String(i).padStart(8, '0')}`, callbackWanted: true },
  location: { district: '源汇区', address: `人民路${i}号` },
});

export interface IntakeFigures {
  orders: number;
  clients: number;
  apiPerSecond: number;
  apiP50Ms: number;
  apiP99Ms: number;
  /** CPU milliseconds the platform's server process used per order in the timed run. */
  apiCpuMsPerOrder: number;
  insertPerSecond: number;
  insertP50Ms: number;
  insertP99Ms: number;
  ratio: number;
  minimalPerSecond: number;
  minimalP50Ms: number;
  minimalP99Ms: number;
  minimalCpuMsPerOrder: number;
  /** The platform's throughput as a share of the minimal endpoint's (the goal: ≥ 0.8). */
  platformToMinimal: number;
  /**
   * The platform with each intake in its own statement and commit (`HOTLINE_INTAKE_GROUP_MAX=1`), as the minimal
   * endpoint does them: what the request path costs without the group commit.
   */
  aloneApiPerSecond: number;
  aloneApiP99Ms: number;
  aloneApiCpuMsPerOrder: number;
  aloneToMinimal: number;
}

/** CPU milliseconds a process has used (all its threads), or null where /proc is not there to read. */
export function cpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in clock ticks of 10 ms
  } catch {
    return null;
  }
}

/**
 * Waits until the server has finished its own start-up work: at least `minMs`, then until it used under 5 % of a
 * core over a second (at most a minute). The platform's first sweep renders last month's reports in worker
 * threads (seconds of CPU, longer on a busy machine), which a fixed pause did not always cover: the timed run
 * then shared the cores with it.
 */
export async function untilQuiet(pid: number | undefined, minMs = 5000): Promise<void> {
  await new Promise((r) => setTimeout(r, minMs));
  if (pid === undefined) return;
  for (let i = 0; i < 60; i++) {
    const before = cpuMs(pid);
    await new Promise((r) => setTimeout(r, 1000));
    const after = cpuMs(pid);
    if (before === null || after === null || after - before < 50) return;
  }
}

/** The platform as deployed: its own process (`hotline serve`) on the PostgreSQL server. */
export async function startServer(
  url: string,
  port: number,
  minimal = false,
  env: Record<string, string> = {},
): Promise<ChildProcess> {
  // BENCH_PROFILE=<dir> writes the server's CPU profile there.
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const args = minimal
    ? ['--import', 'tsx', 'bench/minimal-intake-server.ts', String(port)]
    : ['bin/hotline.mjs', 'serve', '--port', String(port)];
  const child = spawn(process.execPath, [...profile, ...args], {
    env: { ...process.env, ...env, DATABASE_URL: url },
    stdio: 'ignore',
  });
  for (let i = 0; i < 1200; i++) {
    if (
      await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('the server did not start');
}

/**
 * Order intake through the HTTP API — the server in its own process, 50 concurrent keep-alive clients in this
 * one — against the raw INSERT of the same rows over 50 connections: what validation, numbering, history rows
 * and the transaction cost.
 */
export async function benchIntake(): Promise<IntakeFigures> {
  const api = await createBenchDatabase('hotline_bench_api');
  const raw = await createBenchDatabase('hotline_bench_raw');
  try {
    const db = await openPostgres(api.url, 2);
    await migrateDatabase(db);
    await createUser(
      db.orm,
      SYSTEM_ACTOR,
      { username: 'bench', password: 'Bench-1234', role: 'agent' },
      new Date(),
    );
    await db.close();
    const port = Number(process.env.BENCH_PORT ?? 3190);
    const server = await startServer(api.url, port);
    const base = `http://127.0.0.1:${port}`;
    let viaApi;
    let token: string;
    const load = async (at: string, headers: Record<string, string>, pid: number | undefined) => {
      const run = (n: number) =>
        runConcurrently(CLIENTS, n, async (i) => {
          const res = await fetch(`${at}/api/orders`, {
            method: 'POST',
            headers,
            body: JSON.stringify(body(i)),
          });
          if (res.status !== 201) throw new Error(`intake ${i}: ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
        });
      // Warm up (module compilation, JIT), then a pause until the server is idle (the first sweep's background
      // work at start-up), so the timed run measures the steady state of each server alike.
      await run(WARMUP);
      await untilQuiet(pid);
      // The server's own CPU per order besides the throughput: on a loaded machine the throughput follows the
      // load, the CPU an order costs much less so (what a change to the request path changes).
      const cpuBefore = pid === undefined ? null : cpuMs(pid);
      const timed = await run(ORDERS);
      const cpuAfter = pid === undefined ? null : cpuMs(pid);
      const cpuMsPerOrder = cpuBefore === null || cpuAfter === null ? NaN : (cpuAfter - cpuBefore) / ORDERS;
      return { ...timed, cpuMsPerOrder };
    };
    try {
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench', password: 'Bench-1234' }),
      });
      token = ((await login.json()) as { token: string }).token;
      viaApi = await load(
        base,
        { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        server.pid,
      );
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }

    // Another server on the same database and session (the next day's numbers are not needed: the counter
    // simply continues), loaded the same way, then stopped.
    const loadAnother = async (at: number, minimalServer: boolean, env: Record<string, string> = {}) => {
      const other = await startServer(api.url, at, minimalServer, env);
      try {
        return await load(
          `http://127.0.0.1:${at}`,
          { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          other.pid,
        );
      } finally {
        other.kill('SIGTERM');
        await new Promise((r) => other.once('exit', r));
      }
    };
    // The same intakes through the minimal endpoint.
    const viaMinimal = await loadAnother(port + 1, true);
    // The platform again with the group commit off: each intake its own statement, like the minimal endpoint's.
    const viaAlone = await loadAnother(port + 2, false, { HOTLINE_INTAKE_GROUP_MAX: '1' });

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
      apiCpuMsPerOrder: viaApi.cpuMsPerOrder,
      insertPerSecond: viaInsert.perSecond,
      insertP50Ms: viaInsert.p50,
      insertP99Ms: viaInsert.p99,
      ratio: viaInsert.perSecond / viaApi.perSecond,
      minimalPerSecond: viaMinimal.perSecond,
      minimalP50Ms: viaMinimal.p50,
      minimalP99Ms: viaMinimal.p99,
      minimalCpuMsPerOrder: viaMinimal.cpuMsPerOrder,
      platformToMinimal: viaApi.perSecond / viaMinimal.perSecond,
      aloneApiPerSecond: viaAlone.perSecond,
      aloneApiP99Ms: viaAlone.p99,
      aloneApiCpuMsPerOrder: viaAlone.cpuMsPerOrder,
      aloneToMinimal: viaAlone.perSecond / viaMinimal.perSecond,
    };
  } finally {
    await api.drop();
    await raw.drop();
  }
}
