import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CSV } from './test-fixtures.ts';

/** Each test starts the CLI in its own process (a cold start that migrates a fresh database): slow on a loaded machine. */
const CLI_TIMEOUT = { timeout: 120_000 };

const run = promisify(execFile);
const BIN = path.resolve('bin/hotline.mjs');
let dir: string;

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

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-kb-'));
  fs.writeFileSync(path.join(dir, 'kb.csv'), SAMPLE_CSV);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('hotline kb', CLI_TIMEOUT, () => {
  it('imports a CSV and prints the counts as JSON', async () => {
    const r = await hotline('kb', 'import', path.join(dir, 'kb.csv'), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      read: 3,
      imported: 3,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      rejections: [],
    });
  });

  it('searches: JSON is exactly { results }, text shows rank, score, title and 【】 marks', async () => {
    const json = await hotline('kb', 'search', '医疗保险一年交多少钱', '--limit', '3', '--json');
    expect(json.code, json.stderr).toBe(0);
    const body = JSON.parse(json.stdout);
    expect(Object.keys(body)).toEqual(['results']);
    expect(body.results[0]).toMatchObject({ title: '城乡居民医保缴费标准' });
    expect(Object.keys(body.results[0])).toEqual(expect.arrayContaining(['id', 'title', 'snippet', 'score']));
    const text = await hotline('kb', 'search', '公交卡');
    expect(text.stdout).toMatch(/^1\. \d\.\d{4} {2}公交卡办理\n.*【公交卡】/u);
  });

  it('exports XLSX with a status filter', async () => {
    const file = path.join(dir, 'out.xlsx');
    const r = await hotline('kb', 'export', file, '--status', 'published');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('wrote 3 articles');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets[0]!.rowCount).toBe(4);
  });

  it('refuses a file it cannot tell the format of, and a batch over the limit', async () => {
    const bad = await hotline('kb', 'import', path.join(dir, 'kb.txt'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('.csv or .xlsx');
    const big = path.join(dir, 'big.csv');
    const rows = Array.from({ length: 1001 }, (_, i) => `,标题${i},内容${i},,,`);
    fs.writeFileSync(big, ['类目,标题,内容,发文单位,材料性质,关键字', ...rows].join('\n'));
    const r = await hotline('kb', 'import', big);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('at most 1,000 rows');
  });
});
