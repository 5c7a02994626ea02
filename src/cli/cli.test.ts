import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Each test starts the CLI in its own process (a cold start that migrates a fresh database): slow on a loaded machine. */
const CLI_TIMEOUT = { timeout: 120_000 };

const run = promisify(execFile);
const BIN = path.resolve('bin/hotline.mjs');
let dataDir: string;

/** The CLI as a user runs it: a separate process on an embedded database in a temporary folder. */
async function hotline(...args: string[]) {
  const env = { ...process.env, HOTLINE_DATA_DIR: dataDir, DATABASE_URL: '' };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-cli-'));
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
  // The data key file is generated beside the data directory, never inside it.
  fs.rmSync(`${dataDir}.key`, { force: true });
});

describe('hotline calendar', CLI_TIMEOUT, () => {
  it('answers is-workday and deadline as the issue names them', async () => {
    expect((await hotline('calendar', 'is-workday', '2025-10-11')).stdout.trim()).toBe('true');
    expect((await hotline('calendar', 'is-workday', '2025-01-01')).stdout.trim()).toBe('false');
    expect((await hotline('calendar', 'deadline', '2025-03-07T16:00:00+08:00', '1')).stdout.trim()).toBe(
      '2025-03-11T00:00:00+08:00',
    );
  });

  it('warns on standard error for a year without data and refuses bad input', async () => {
    const r = await hotline('calendar', 'is-workday', '2027-03-01');
    expect(r.stdout.trim()).toBe('true');
    expect(r.stderr).toContain('No official holiday data for 2027');
    const bad = await hotline('calendar', 'deadline', 'yesterday', '1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('not an ISO 8601 instant');
  });
});

describe('hotline user add and the one-process rule of the embedded database', () => {
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGTERM');
  });

  it('creates users, refuses bad ones, and refuses a second process while the server runs', async () => {
    expect((await hotline('migrate')).code).toBe(0);
    const ok = await hotline(
      'user',
      'add',
      '--username',
      'root',
      '--password',
      'Root-1234',
      '--role',
      'admin',
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ username: 'root', role: 'admin' });
    const bad = await hotline(
      'user',
      'add',
      '--username',
      'x1',
      '--password',
      'Root-1234',
      '--role',
      'pilot',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('role');

    const port = 20000 + Math.floor(Math.random() * 20000);
    server = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], {
      env: { ...process.env, HOTLINE_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: 'ignore',
    });
    for (let i = 0; i < 120; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/api/health`)
        .then((r) => r.ok)
        .catch(() => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const refused = await hotline('migrate');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/in use by another process \(pid \d+: serve\)/);
    // read-only calendar questions still get an answer, saying what they could not read
    const cal = await hotline('calendar', 'is-workday', '2025-10-11');
    expect(cal.stdout.trim()).toBe('true');
    expect(cal.stderr).toContain('overrides not read');
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root', password: 'Root-1234' }),
    });
    expect(login.status).toBe(200);
  }, 240_000);
});
