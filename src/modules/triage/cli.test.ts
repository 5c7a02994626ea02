import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../db/client.ts';
import { migrateDatabase } from '../../db/migrate.ts';
import { generateSyntheticDocs } from './synthetic-docs.ts';
import { insertHistory, seedTriageCity } from './test-fixtures.ts';

/** Each test starts the CLI in its own process (a cold start that migrates a fresh database): slow on a loaded machine. */
const CLI_TIMEOUT = { timeout: 120_000 };

const run = promisify(execFile);
const BIN = path.resolve('bin/hotline.mjs');
let dir: string;
/** Each command is its own process (jieba and PGlite start-up): generous on a shared two-core machine. */
const TIMEOUT = 180_000;

/** `hotline …` as a user runs it: its own process on an embedded database in a temporary folder. */
async function hotline(...args: string[]) {
  const env = { ...process.env, HOTLINE_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function writeCsv(name: string, docs: { title: string; content: string; label: string }[]) {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const lines = docs.map((d, i) => [`M${i}`, d.title, d.content, d.label].map(quote).join(','));
  fs.writeFileSync(path.join(dir, name), ['id,title,detail,label', ...lines, 'X1,,,交通运输'].join('\n'));
  return path.join(dir, name);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-triage-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('hotline triage evaluate', CLI_TIMEOUT, () => {
  it(
    'trains on --train and prints accuracy, macro-F1 and per-class figures as JSON',
    async () => {
      const train = writeCsv('train.csv', generateSyntheticDocs(30, 1));
      const test = writeCsv('test.csv', generateSyntheticDocs(10, 2));
      const r = await hotline('triage', 'evaluate', '--train', train, '--file', test, '--json');
      expect(r.code, r.stderr).toBe(0);
      const body = JSON.parse(r.stdout);
      expect(body).toMatchObject({ trainSize: 120, testSize: 40, trainedOn: 'file' });
      expect(body.accuracy).toBeGreaterThan(0.8);
      expect(body.macroF1).toBeGreaterThan(0.8);
      expect(body.classes.map((c: { label: string }) => c.label)).toEqual([
        '交通运输',
        '劳动和社会保障',
        '教育文体',
        '环境保护',
      ]);
      expect(Object.keys(body.classes[0])).toEqual(['label', 'precision', 'recall', 'f1', 'support']);
      expect(r.stderr).toContain('1 unusable rows left out');
      const text = await hotline('triage', 'evaluate', '--train', train, '--file', test);
      expect(text.stdout).toMatch(/accuracy [01]\.\d{4} {2}macro-F1 [01]\.\d{4}/);
      expect(text.stdout).toMatch(/交通运输 +[01]\.\d{4}/);
    },
    TIMEOUT,
  );

  it(
    'refuses a missing file and a database without history',
    async () => {
      const missing = await hotline('triage', 'evaluate', '--file', path.join(dir, 'nope.csv'));
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('no such file');
      const empty = await hotline('triage', 'evaluate', '--file', path.join(dir, 'test.csv'));
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain('fewer than 2 categories');
    },
    TIMEOUT,
  );
});

describe('hotline triage train', CLI_TIMEOUT, () => {
  it(
    'refuses with too little history',
    async () => {
      const r = await hotline('triage', 'train');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('at least 200 finished orders');
    },
    TIMEOUT,
  );

  it(
    'trains, activates, then keeps the active model when the new one is no better; evaluates on the history',
    async () => {
      const db = await openPglite(path.join(dir, 'data', 'pg'));
      await migrateDatabase(db);
      const now = new Date('2026-03-10T10:00:00+08:00');
      await insertHistory(db.orm, await seedTriageCity(db.orm, now), 40, now);
      await db.close();

      const first = await hotline('triage', 'train', '--min-orders', '50', '--json');
      expect(first.code, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({
        version: 1,
        activated: true,
        trainingSize: 128,
        heldBackSize: 32,
      });

      const second = await hotline('triage', 'train', '--min-orders', '50');
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toMatch(/new model v2: accuracy [01]\.\d{4}, macro-F1 [01]\.\d{4}/);
      expect(second.stdout).toMatch(/active v1: accuracy [01]\.\d{4}, macro-F1 [01]\.\d{4}/);
      expect(second.stdout).toContain('NOT ACTIVATED — kept v1');

      const forced = await hotline('triage', 'train', '--min-orders', '50', '--force');
      expect(forced.stdout).toContain('ACTIVATED — activated by force');

      const models = await hotline('triage', 'models', '--json');
      expect(
        JSON.parse(models.stdout).items.map((m: { version: number; active: boolean }) => [
          m.version,
          m.active,
        ]),
      ).toEqual([
        [3, true],
        [2, false],
        [1, false],
      ]);

      const evaluated = await hotline('triage', 'evaluate', '--file', path.join(dir, 'test.csv'), '--json');
      expect(evaluated.code, evaluated.stderr).toBe(0);
      expect(JSON.parse(evaluated.stdout)).toMatchObject({ trainSize: 160, trainedOn: 'history' });
      expect(JSON.parse(evaluated.stdout).macroF1).toBeGreaterThan(0.8);
    },
    TIMEOUT,
  );

  it(
    'checks its options',
    async () => {
      const r = await hotline('triage', 'train', '--level', '0');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('--level must be an integer 1–5');
    },
    TIMEOUT,
  );
});
