import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { registerHotTopicCommands } from '../../../cli/hot-topics.ts';
import { readSettings } from '../../../config.ts';
import { formatCityInstant } from '../../../calendar/local-time.ts';
import type { HotTopicInput } from './model.ts';
import { generateBackground, generateOutageBurst } from './synthetic-requests.ts';

const END = new Date('2025-07-31T00:00:00+08:00');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hot-topics-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeCsv(requests: readonly HotTopicInput[]): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const lines = requests.map((r) =>
    [
      r.id,
      r.caller ?? '',
      quote(r.title),
      formatCityInstant(r.at).slice(0, 19).replace('T', ' '),
      quote(r.content),
      0,
      (r.weight ?? 1) - 1,
    ].join(','),
  );
  const file = path.join(dir, 'messages.csv');
  fs.writeFileSync(
    file,
    ['message_id,user_id,title,time,detail,oppose_count,like_count', ...lines].join('\n'),
  );
  return file;
}

async function runCli(args: string[]): Promise<string> {
  const program = new Command('hotline').exitOverride();
  registerHotTopicCommands(program, () => readSettings({}));
  const printed: string[] = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
  try {
    await program.parseAsync(['node', 'hotline', ...args]);
  } finally {
    spy.mockRestore();
  }
  return printed.join('\n');
}

describe('hotline hot-topics scan', () => {
  const background = generateBackground({ end: END, days: 45, perDay: 12, seed: 3 });
  const burst = generateOutageBurst({
    idPrefix: 'outage',
    estate: '幸福家园',
    district: '源汇区',
    end: new Date('2025-07-20T00:00:00+08:00'),
    hours: 36,
    count: 8,
  });
  const file = writeCsv([...background, ...burst]);

  it('prints the episodes as JSON, the burst first', async () => {
    const out = JSON.parse(
      await runCli(['hot-topics', 'scan', '--file', file, '--from', '2025-07-01', '--json']),
    );
    expect(out.requests).toBe(background.length + burst.length);
    expect(out.steps).toBe(30);
    expect([...out.episodes[0].memberIds].sort()).toEqual(burst.map((r) => r.id).sort());
  });

  it('prints a readable list with member titles', async () => {
    const out = await runCli([
      'hot-topics',
      'scan',
      '--file',
      file,
      '--from',
      '2025-07-01',
      '--top',
      '1',
      '--members',
      '2',
    ]);
    expect(out).toMatch(/^#1 2025-07-1[89] – 2025-07-19/m);
    expect(out).toContain('label:');
    expect(out).toContain('幸福家园');
  });

  it('rejects a missing file', async () => {
    await expect(runCli(['hot-topics', 'scan', '--file', path.join(dir, 'none.csv')])).rejects.toThrow(
      /no such file/,
    );
  });
});
