import { execSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium (no browser download): the binary `command -v chromium` finds. */
function chromiumPath(): string {
  try {
    return execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' })
      .toString()
      .trim()
      .split('\n')[0]!;
  } catch {
    throw new Error(
      "Chromium is not installed: apt-get install chromium (the e2e tests drive Debian's package)",
    );
  }
}

const port = process.env.E2E_PORT ?? '3199';

export default defineConfig({
  testDir: '.',
  outputDir: '../e2e-artifacts/results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // One server, one database: journeys run one after another.
  workers: 1,
  // One retry: a test that passes only on its retry is still printed as flaky, but a rare timing fault of the
  // browser or the machine does not fail the whole run (CI runs 46 journeys on two databases on 2 cores).
  retries: 1,
  fullyParallel: false,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node e2e/start-server.mjs',
    cwd: '..',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: { E2E_PORT: port },
    stdout: 'ignore',
    stderr: 'pipe',
    // Without it Playwright SIGKILLs the server's process group and start-server.mjs never removes the run's
    // database, data folder and key file.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
