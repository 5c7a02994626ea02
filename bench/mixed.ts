import fs from 'node:fs';
import { openPostgres } from '../src/db/client.ts';
import { migrateDatabase } from '../src/db/migrate.ts';
import { createDepartment, createUser } from '../src/modules/directory/index.ts';
import { SYSTEM_ACTOR, type Role } from '../src/platform/actor.ts';
import { cpuMs, startServer, untilQuiet } from './intake.ts';
import { createBenchDatabase, percentile } from './support.ts';

/**
 * Mixed workload (issue 18): the platform in its own process on the PostgreSQL server; each simulated user is
 * an agent (60 %), the office (25 %) or a department (15 %) sending its next request as soon as the last one
 * answered (no think time). Prints throughput and, per endpoint, p50/p99.
 *
 * `BENCH_USERS` (default `50,200`), `BENCH_REQUESTS` per run (default 6,000), `BENCH_WARMUP` requests of the same
 * mix before each timed run (default 1,500, not counted), `BENCH_SEED_ORDERS` (default 2,000, registered before
 * timing and half of them dispatched, so lists and details have something to show).
 *
 * The warm-up matters for the tails: the seeding only registers and dispatches, one at a time, so without it the
 * first concurrent lists, details and dashboards of the timed run were the first the process ever compiled and
 * optimised, and with ~150 samples an endpoint's p99 is its second-slowest request. A server runs for days.
 */
const USERS = (process.env.BENCH_USERS ?? '50,200').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 6000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1500);
const SEED = Number(process.env.BENCH_SEED_ORDERS ?? 2000);
const DEPARTMENTS = 8;
const PASSWORD = 'Bench-1234';

const newOrder = (i: number) => ({
  channel: 'phone',
  type: 'complaint',
  title: `路灯不亮 ${i}`,
  content: `源汇区人民路${i}号小区门口路灯已经一周不亮，夜间出行不便，请尽快维修。`,
  urgency: 'normal',
  caller: { name: '张先生', phone: `138${String(i).padStart(8, '0')}`, callbackWanted: true },
  location: { district: '源汇区', address: `人民路${i}号` },
});

interface World {
  base: string;
  tokens: Record<'agent' | 'office' | 'department', string[]>;
  departmentIds: number[];
  /** Orders registered and not yet dispatched (the office dispatches them), and every order seen. */
  registered: number[];
  all: number[];
  /** Dispatched orders per department index. */
  byDepartment: number[][];
}

type Call = { endpoint: string; run: () => Promise<Response> };

function pick<T>(xs: T[], r: number): T {
  return xs[Math.floor(r * xs.length) % xs.length]!;
}

function nextCall(w: World, role: 'agent' | 'office' | 'department', user: number, i: number): Call {
  const r = Math.random();
  const auth = { authorization: `Bearer ${w.tokens[role][user % w.tokens[role].length]}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const get = (endpoint: string, url: string): Call => ({
    endpoint,
    run: () => fetch(`${w.base}${url}`, { headers: auth }),
  });
  if (role === 'agent') {
    if (r < 0.4)
      return {
        endpoint: 'POST /api/orders',
        run: async () => {
          const res = await fetch(`${w.base}/api/orders`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify(newOrder(100_000 + i)),
          });
          if (res.status === 201) {
            const id = ((await res.clone().json()) as { id: number }).id;
            w.registered.push(id);
            w.all.push(id);
          }
          return res;
        },
      };
    if (r < 0.7) return get('GET /api/orders', '/api/orders?pageSize=20');
    return get('GET /api/orders/:id', `/api/orders/${pick(w.all, Math.random())}`);
  }
  if (role === 'office') {
    if (r < 0.3 && w.registered.length) {
      const id = w.registered.pop()!;
      const dep = Math.floor(Math.random() * DEPARTMENTS);
      return {
        endpoint: 'POST dispatch',
        run: async () => {
          const res = await fetch(`${w.base}/api/orders/${id}/actions/dispatch`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ departmentId: w.departmentIds[dep] }),
          });
          if (res.ok) w.byDepartment[dep]!.push(id);
          return res;
        },
      };
    }
    if (r < 0.55) return get('GET /api/orders (due)', '/api/orders?sort=handleDueAt&pageSize=20');
    if (r < 0.8) return get('GET /api/stats/queues', '/api/stats/queues');
    return get('GET /api/stats/overview', '/api/stats/overview');
  }
  const dep = user % DEPARTMENTS;
  const own = w.byDepartment[dep]!;
  if (r < 0.5 || !own.length) return get('GET /api/orders (dept)', '/api/orders?pageSize=20');
  return get('GET /api/orders/:id (dept)', `/api/orders/${pick(own, Math.random())}`);
}

/** The machine's busy and total CPU time so far, in clock ticks (all cores; null where /proc is not there). */
function machineTicks(): { busy: number; total: number } | null {
  try {
    const cpu = fs
      .readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]!
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const total = cpu.reduce((a, b) => a + b, 0);
    return { busy: total - cpu[3]! - (cpu[4] ?? 0), total }; // idle and iowait are not busy
  } catch {
    return null;
  }
}

async function run(w: World, users: number, total: number, serverPid?: number) {
  const latencies = new Map<string, number[]>();
  let next = 0;
  let failures = 0;
  // CPU per request of the server process and of this load generator: on a shared 2-core machine the throughput
  // follows the machine's speed of the moment; these say what the code costs (and what the generator takes away).
  const serverCpuBefore = serverPid === undefined ? null : cpuMs(serverPid);
  const ownCpuBefore = process.cpuUsage();
  const machineBefore = machineTicks();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: users }, async (_, u) => {
      // 60 % agents, 25 % office, 15 % departments.
      const share = u / users;
      const role = share < 0.6 ? 'agent' : share < 0.85 ? 'office' : 'department';
      for (let i = next++; i < total; i = next++) {
        const call = nextCall(w, role, u, i);
        const t0 = performance.now();
        const res = await call.run();
        await res.arrayBuffer();
        const ms = performance.now() - t0;
        if (!res.ok) failures++;
        const list = latencies.get(call.endpoint) ?? [];
        list.push(ms);
        latencies.set(call.endpoint, list);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const serverCpuAfter = serverPid === undefined ? null : cpuMs(serverPid);
  const own = process.cpuUsage(ownCpuBefore);
  const machineAfter = machineTicks();
  // The share of all cores busy during the run (PostgreSQL's part is what the server and generator leave).
  const machineBusy =
    machineBefore && machineAfter
      ? (machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)
      : NaN;
  const serverCpuMsPerRequest =
    serverCpuBefore === null || serverCpuAfter === null ? NaN : (serverCpuAfter - serverCpuBefore) / total;
  const generatorCpuMsPerRequest = (own.user + own.system) / 1000 / total;
  const all = [...latencies.values()].flat().sort((a, b) => a - b);
  const endpoints = [...latencies].map(([endpoint, ms]) => {
    ms.sort((a, b) => a - b);
    return { endpoint, n: ms.length, p50: percentile(ms, 50), p99: percentile(ms, 99) };
  });
  return {
    users,
    requests: total,
    failures,
    perSecond: total / seconds,
    serverCpuMsPerRequest,
    generatorCpuMsPerRequest,
    machineBusy,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
    endpoints,
  };
}

export async function benchMixed() {
  const database = await createBenchDatabase('hotline_bench_mixed');
  const port = Number(process.env.BENCH_PORT ?? 3188);
  try {
    const db = await openPostgres(database.url, 2);
    await migrateDatabase(db);
    const now = new Date();
    const departmentIds: number[] = [];
    for (let d = 0; d < DEPARTMENTS; d++)
      departmentIds.push(
        (
          await createDepartment(
            db.orm,
            SYSTEM_ACTOR,
            { code: `B${d}`, name: `测试局${d}`, shortName: `测${d}`, kind: 'municipal' },
            now,
          )
        ).id,
      );
    const users: [string, Role, number?][] = [
      ...Array.from({ length: 10 }, (_, k) => [`agent${k}`, 'agent'] as [string, Role]),
      ...Array.from({ length: 4 }, (_, k) => [`office${k}`, 'office'] as [string, Role]),
      ...departmentIds.map((id, k) => [`dept${k}`, 'department', id] as [string, Role, number]),
    ];
    for (const [username, role, departmentId] of users)
      await createUser(db.orm, SYSTEM_ACTOR, { username, password: PASSWORD, role, departmentId }, now);
    await db.close();

    const server = await startServer(database.url, port);
    const base = `http://127.0.0.1:${port}`;
    try {
      const login = async (username: string) => {
        const res = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: PASSWORD }),
        });
        return ((await res.json()) as { token: string }).token;
      };
      const tokens = { agent: [] as string[], office: [] as string[], department: [] as string[] };
      for (const [username, role] of users) tokens[role as keyof typeof tokens].push(await login(username));
      const w: World = {
        base,
        tokens,
        departmentIds,
        registered: [],
        all: [],
        byDepartment: departmentIds.map(() => []),
      };
      // Seed through the API (also the warm-up): orders registered, half dispatched.
      for (let i = 0; i < SEED; i++) {
        const res = await fetch(`${base}/api/orders`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.agent[0]}`, 'content-type': 'application/json' },
          body: JSON.stringify(newOrder(i)),
        });
        const id = ((await res.json()) as { id: number }).id;
        w.all.push(id);
        if (i % 2) w.registered.push(id);
        else {
          const dep = i % DEPARTMENTS;
          await fetch(`${base}/api/orders/${id}/actions/dispatch`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens.office[0]}`, 'content-type': 'application/json' },
            body: JSON.stringify({ departmentId: departmentIds[dep] }),
          });
          w.byDepartment[dep]!.push(id);
        }
      }
      // Timed once the server is idle: its first sweep renders last month's reports in worker threads after start.
      await untilQuiet(server.pid, 3000);
      const results = [];
      for (const u of USERS) {
        if (WARMUP > 0) await run(w, u, WARMUP);
        results.push(await run(w, u, REQUESTS, server.pid));
      }
      return results;
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  } finally {
    await database.drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchMixed()) {
    console.log(
      `${r.users} users: ${r.perSecond.toFixed(1)} req/s, p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms, ${r.failures} failed of ${r.requests}`,
    );
    console.log(
      `  CPU per request: server ${r.serverCpuMsPerRequest.toFixed(2)} ms, load generator ${r.generatorCpuMsPerRequest.toFixed(2)} ms; machine ${(r.machineBusy * 100).toFixed(0)} % busy`,
    );
    for (const e of r.endpoints)
      console.log(
        `  ${e.endpoint.padEnd(28)} n=${String(e.n).padStart(5)}  p50 ${e.p50.toFixed(0).padStart(5)} ms  p99 ${e.p99.toFixed(0).padStart(5)} ms`,
      );
  }
}
