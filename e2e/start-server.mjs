#!/usr/bin/env node
// Starts the platform for the end-to-end tests on a fresh database: a temporary embedded one, or, when
// DATABASE_URL is set (CI's PostgreSQL pass), a new database on that server. Seeds the demo city without
// orders (departments, catalogue, users; password Demo-12345) and removes everything when stopped.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const bin = path.join(root, 'bin', 'hotline.mjs');
const port = process.env.E2E_PORT ?? '3199';
const env = { ...process.env };
let cleanup = async () => undefined;
// Order attachments in their own temporary directory, removed with the rest.
const attachments = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-e2e-attachments-'));
env.HOTLINE_ATTACHMENTS_DIR = attachments;

if (process.env.DATABASE_URL) {
  const name = `hotline_e2e_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-e2e-'));
  env.HOTLINE_DATA_DIR = dir;
  delete env.DATABASE_URL;
  cleanup = async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(`${dir}.key`, { force: true }); // the data key file, generated beside the data folder
  };
}

execFileSync(process.execPath, [bin, 'seed', 'demo', '--orders', '0', '--call-days', '0'], {
  env,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const server = spawn(process.execPath, [bin, 'serve', '--port', port], { env, stdio: 'inherit' });

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
  await cleanup();
  fs.rmSync(attachments, { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.once('exit', (code) => {
  if (!stopping) cleanup().then(() => process.exit(code ?? 1));
});
