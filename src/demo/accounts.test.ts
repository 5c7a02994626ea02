import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, printDemoAccounts } from './seed.ts';

describe('demo accounts', () => {
  it('are listed in the README exactly as the startup banner prints them', () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`\`${DEMO_PASSWORD}\``);
    for (const a of DEMO_ACCOUNTS) {
      expect(readme).toMatch(
        new RegExp(`\\| \`${a.users.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\` +\\| ${a.zh} ${a.role} `),
      );
    }
    const lines: string[] = [];
    printDemoAccounts((l) => lines.push(l));
    for (const a of DEMO_ACCOUNTS)
      expect(lines.some((l) => l.includes(a.users) && l.includes(a.role))).toBe(true);
  });
});
