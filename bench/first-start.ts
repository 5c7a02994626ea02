/**
 * First start of a fresh clone: launches `hotline serve --demo` on an empty data directory and measures what a
 * newcomer waits for — the first answer of GET /api/health, the worst latency of health and of sign-in while
 * the demo city is being written, and the time until the demo is complete (health's `demo.state` = `ready`,
 * or the server's "demo city ready" line). Prints the figures; asserts nothing (docs/benchmarks.md).
 *
 *   npx tsx bench/first-start.ts [--port 3214] [--timeout 900] [--after 60]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FirstStartFigures {
  firstAnswerSeconds: number | null;
  demoReadySeconds: number | null;
  maxHealthMs: number;
  maxLoginMs: number;
  healthProbes: number;
  loginProbes: number;
  /** Probes that got no answer within 5 s (or an error). */
  failedProbes: number;
  /** Health after the demo is ready, for `afterSeconds` (the first sweep then generates last month's report). */
  afterReady: { maxHealthMs: number; probes: number; failed: number };
}

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};

async function timed(url: string, init?: RequestInit): Promise<{ ms: number; body: unknown } | null> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
    const body: unknown = await res.json().catch(() => null);
    if (!res.ok) return null;
    return { ms: performance.now() - t0, body };
  } catch {
    return null;
  }
}

export async function benchFirstStart(
  port: number,
  timeoutSeconds: number,
  afterSeconds = 0,
): Promise<FirstStartFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-first-start-'));
  const root = path.resolve(import.meta.dirname, '..');
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'bin/hotline.mjs'), 'serve', '--demo'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOTLINE_DATA_DIR: dir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let readyByLog = false;
  child.stdout.on('data', (b: Buffer) => {
    const text = b.toString();
    if (process.env.BENCH_VERBOSE) process.stdout.write(text);
    if (text.includes('demo city ready')) readyByLog = true;
  });
  child.stderr.on('data', (b: Buffer) => process.env.BENCH_VERBOSE && process.stderr.write(b));
  const base = `http://127.0.0.1:${port}`;
  const f: FirstStartFigures = {
    firstAnswerSeconds: null,
    demoReadySeconds: null,
    maxHealthMs: 0,
    maxLoginMs: 0,
    healthProbes: 0,
    loginProbes: 0,
    failedProbes: 0,
    afterReady: { maxHealthMs: 0, probes: 0, failed: 0 },
  };
  const elapsed = () => (performance.now() - started) / 1000;
  let lastLogin = 0;
  try {
    while (elapsed() < timeoutSeconds && f.demoReadySeconds === null) {
      const h = await timed(`${base}/api/health`);
      if (process.env.BENCH_VERBOSE) {
        const d = (h?.body as { demo?: { step?: string; percent?: number } } | null)?.demo;
        console.log(
          `[bench ${elapsed().toFixed(1)} s] health ${h ? `${h.ms.toFixed(0)} ms` : 'no answer'}` +
            (d ? ` (${d.step ?? 'done'} ${d.percent ?? ''}%)` : ''),
        );
      }
      if (h) {
        f.firstAnswerSeconds ??= elapsed();
        f.healthProbes++;
        f.maxHealthMs = Math.max(f.maxHealthMs, h.ms);
        const demo = (h.body as { demo?: { state?: string; step?: string } } | null)?.demo;
        if (demo?.state === 'ready' || readyByLog) f.demoReadySeconds = elapsed();
        // Sign-in is probed once the accounts exist (after the "city" step) and at most once a second: probing
        // a missing account every 250 ms trips the sign-in lockout (5 failures → 15 min), which measures the
        // lockout, not the server.
        const accountsExist = demo?.state !== 'seeding' || (demo.step !== undefined && demo.step !== 'city');
        if (!accountsExist || performance.now() - lastLogin < 1000) {
          await new Promise((r) => setTimeout(r, 250));
          continue;
        }
        lastLogin = performance.now();
        const l = await timed(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'agent01', password: 'Demo-12345' }),
        });
        if (process.env.BENCH_VERBOSE)
          console.log(
            `[bench ${elapsed().toFixed(1)} s] sign-in ${l ? `${l.ms.toFixed(0)} ms` : 'no answer'}`,
          );
        if (l) {
          f.loginProbes++;
          f.maxLoginMs = Math.max(f.maxLoginMs, l.ms);
        } else if (f.firstAnswerSeconds !== null && elapsed() - f.firstAnswerSeconds > 2) f.failedProbes++;
      } else if (f.firstAnswerSeconds !== null) f.failedProbes++;
      await new Promise((r) => setTimeout(r, 250));
    }
    // The server keeps answering once the demo is written: its first sweep runs then (deadlines, hot topics,
    // last month's report).
    const readyAt = elapsed();
    while (f.demoReadySeconds !== null && elapsed() - readyAt < afterSeconds) {
      const h = await timed(`${base}/api/health`);
      if (process.env.BENCH_VERBOSE)
        console.log(
          `[bench ${elapsed().toFixed(1)} s] after ready: health ${h ? `${h.ms.toFixed(0)} ms` : 'no answer'}`,
        );
      if (h) {
        f.afterReady.probes++;
        f.afterReady.maxHealthMs = Math.max(f.afterReady.maxHealthMs, h.ms);
      } else f.afterReady.failed++;
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    // A server stuck in a long synchronous stretch may not get to its SIGTERM handler: give it 5 s.
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(force);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return f;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const f = await benchFirstStart(
    Number(arg('port', '3214')),
    Number(arg('timeout', '900')),
    Number(arg('after', '60')),
  );
  const s = (x: number | null) => (x === null ? 'never' : `${x.toFixed(1)} s`);
  console.log('== first start: hotline serve --demo on an empty data directory (embedded PGlite)');
  console.log(`first answer of /api/health: ${s(f.firstAnswerSeconds)} after launch`);
  console.log(`demo city complete: ${s(f.demoReadySeconds)} after launch`);
  console.log(
    `while seeding: health max ${f.maxHealthMs.toFixed(0)} ms over ${f.healthProbes} probes, ` +
      `sign-in max ${f.maxLoginMs.toFixed(0)} ms over ${f.loginProbes} probes, ${f.failedProbes} probes unanswered (5 s)`,
  );
  console.log(
    `after ready: health max ${f.afterReady.maxHealthMs.toFixed(0)} ms over ${f.afterReady.probes} probes, ` +
      `${f.afterReady.failed} unanswered (5 s)`,
  );
}
